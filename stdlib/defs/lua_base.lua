---@meta lua_base
---The Lua 5.4 basic functions (manual §6.1), plus the Lua 5.1 names that sloth keeps for scripts
---written for the original tool; each of those is deprecated and names its 5.4 spelling.

---The global environment: a table whose fields are the global variables.
---@type table<string, any>
_G = {}

---The running Lua version, `"Lua 5.4"`.
---@type string
_VERSION = "Lua 5.4"

---The command line of `sloth run` (and of `lua`): `arg[0]` is the script, `arg[1]`, ... its arguments.
---@type table<integer, string>
arg = {}

---Raises an error when `v` is false or nil; otherwise returns all its arguments.
---@param v any  The value to check.
---@param message? any  The error value (default `"assertion failed!"`).
---@param ... any  Passed through with v.
---@return any ...  All the arguments.
---@effect none
function assert(v, message, ...) end

---Controls the garbage collector: `"collect"`, `"count"` (KiB in use), `"step"`, `"incremental"`, `"generational"`, ...
---@param opt? "collect"|"stop"|"restart"|"count"|"step"|"isrunning"|"incremental"|"generational"  The action (default `"collect"`).
---@param ... any  Options of the action.
---@return any
---@effect none
function collectgarbage(opt, ...) end

---Runs a Lua file (standard input without a name) and returns what its chunk returns.
---@param filename? string  The file to run.
---@return any ...  The chunk's results.
---@effect read
function dofile(filename) end

---Raises an error with `message` as the error value; level 1 (default) adds the caller's position.
---@param message any  The error value, usually a string.
---@param level? integer  1: the caller of error; 2: its caller; 0: no position.
---@effect none
function error(message, level) end

---The metatable of a value (or its `__metatable` field), or nil.
---@param object any
---@return table?
---@effect none
function getmetatable(object) end

---Iterates `t[1]`, `t[2]`, ... up to the first nil: `for i, v in ipairs(t) do`.
---@param t table
---@return fun(t: table, i: integer): integer?, any  The iterator.
---@return table  t
---@return integer  0
---@effect none
function ipairs(t) end

---Compiles a chunk from a string or a function that returns pieces; returns the function, or nil and the error message.
---@param chunk string|function  The source text (or binary chunk), or a function returning its pieces.
---@param chunkname? string  The name in error messages (default: the chunk for strings).
---@param mode? "b"|"t"|"bt"  Binary, text or both (default `"bt"`).
---@param env? table  The chunk's `_ENV` (default: the global environment).
---@return function?  The compiled chunk.
---@return string? error_message  Why it did not compile.
---@effect none
function load(chunk, chunkname, mode, env) end

---Like `load`, reading the chunk from a file (standard input without a name).
---@param filename? string
---@param mode? "b"|"t"|"bt"
---@param env? table
---@return function?  The compiled chunk.
---@return string? error_message  Why it did not load.
---@effect read
function loadfile(filename, mode, env) end

---The next field of a table after `index` (the first for nil): key and value, or nil at the end.
---@param t table
---@param index? any
---@return any key
---@return any value
---@effect none
function next(t, index) end

---Iterates all fields of a table (in no particular order), or calls its `__pairs` metamethod: `for k, v in pairs(t) do`.
---@param t table
---@return fun(t: table, k?: any): any, any  next
---@return table  t
---@return nil
---@effect none
function pairs(t) end

---Calls `f` in protected mode: returns true and f's results, or false and the error value.
---@param f function
---@param ... any  Arguments for f.
---@return boolean success
---@return any ...  f's results, or the error value.
---@effect none
function pcall(f, ...) end

---Writes its arguments to standard output, converted with `tostring` and separated by tabs, then a newline.
---@param ... any
---@effect none
function print(...) end

---Whether `v1 == v2` without calling the `__eq` metamethod.
---@param v1 any
---@param v2 any
---@return boolean
---@effect none
function rawequal(v1, v2) end

---`table[index]` without calling the `__index` metamethod.
---@param table table
---@param index any
---@return any
---@effect none
function rawget(table, index) end

---The length of a table or string without calling the `__len` metamethod.
---@param v table|string
---@return integer
---@effect none
function rawlen(v) end

---Sets `table[index] = value` without calling the `__newindex` metamethod; returns the table.
---@param table table
---@param index any
---@param value any
---@return table
---@effect none
function rawset(table, index, value) end

---Loads a module by name (searching `package.path`/`package.cpath`) once, and returns what it returned.
---@param modname string  The module's name, e.g. `"lib.util"`.
---@return any  The module's value.
---@return any loaderdata  Where it was found.
---@effect read
function require(modname) end

---`select(n, ...)`: the arguments after the n-th (a negative n counts from the end); `select("#", ...)`: their number.
---@param index integer|"#"
---@param ... any
---@return any ...
---@effect none
function select(index, ...) end

---Sets (or with nil removes) the metatable of a table; returns the table.
---@param t table
---@param metatable? table
---@return table
---@effect none
function setmetatable(t, metatable) end

---Converts a string or number to a number (in base `base`, 2..36, for integers in a string), or nil when it cannot.
---@param e any
---@param base? integer
---@return number?
---@effect none
function tonumber(e, base) end

---Converts a value to a human-readable string (through `__tostring` and `__name` when set).
---@param v any
---@return string
---@effect none
function tostring(v) end

---The type of a value, as a string.
---@param v any
---@return "nil"|"number"|"string"|"boolean"|"table"|"function"|"thread"|"userdata"
---@effect none
function type(v) end

---Like `pcall`, calling `msgh` with the error value first (to add a traceback, say).
---@param f function
---@param msgh function  The message handler.
---@param ... any  Arguments for f.
---@return boolean success
---@return any ...  f's results, or what msgh returned.
---@effect none
function xpcall(f, msgh, ...) end

---Emits a warning made of the concatenated arguments (`"@on"`/`"@off"` switch warnings on and off).
---@param msg string
---@param ... string
---@effect none
function warn(msg, ...) end

---Lua 5.1's name for `table.unpack`.
---@deprecated use table.unpack
---@param list table
---@param i? integer
---@param j? integer
---@return any ...
---@effect none
function unpack(list, i, j) end

---Lua 5.1's name for `load` with a string.
---@deprecated use load
---@param chunk string
---@param chunkname? string
---@return function?
---@return string? error_message
---@effect none
function loadstring(chunk, chunkname) end
