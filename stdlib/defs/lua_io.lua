---@meta lua_io
---The Lua 5.4 io library (manual §6.8): files through handles (`io.open`) or the default input and
---output. Failures return nil, a message and an error code rather than raising.
io = {}

---An open file (the value of `io.open`, `io.stdout`, ...); its methods are called with `:`.
---@class io.File
local File = {}

---The standard input.
---@type io.File
io.stdin = nil

---The standard output.
---@type io.File
io.stdout = nil

---The standard error.
---@type io.File
io.stderr = nil

---Closes a file (default: the default output file).
---@param file? io.File
---@return boolean? success
---@return string? error_message
---@effect none
function io.close(file) end

---Flushes the default output file.
---@effect none
function io.flush() end

---Sets the default input file (by name or handle), or returns it.
---@param file? string|io.File
---@return io.File
---@effect read
function io.input(file) end

---Iterates over the lines (or other formats) of a file, closing it at the end; without a name, the default input.
---@param filename? string
---@param ... string|integer  Read formats: `"l"`, `"L"`, `"n"`, `"a"`, or a byte count.
---@return fun(): any, ...
---@effect read
function io.lines(filename, ...) end

---Opens a file in a mode (`"r"`, `"w"`, `"a"`, `"r+"`, `"w+"`, `"a+"`, with `b` for binary); returns the handle, or nil, a message and a code.
---@param filename string
---@param mode? "r"|"w"|"a"|"r+"|"w+"|"a+"|"rb"|"wb"|"ab"|"r+b"|"w+b"|"a+b"
---@return io.File?
---@return string? error_message
---@return integer? error_code
---@effect read
function io.open(filename, mode) end

---Sets the default output file (a name opens it for writing, truncating it), or returns it.
---@param file? string|io.File
---@return io.File
---@effect write
---@plan "write the default output to {file}"
function io.output(file) end

---Starts a shell command and returns a file connected to its output (mode `"r"`) or input (`"w"`).
---@param prog string
---@param mode? "r"|"w"
---@return io.File?
---@return string? error_message
---@effect exec
---@plan "run {prog}"
function io.popen(prog, mode) end

---Reads from the default input by formats (default `"l"`, a line).
---@param ... string|integer
---@return any ...
---@effect read
function io.read(...) end

---A new temporary file, open in `"w+"` mode and removed when closed.
---@return io.File
---@effect none
function io.tmpfile() end

---`"file"`, `"closed file"`, or nil when obj is not a file.
---@param obj any
---@return "file"|"closed file"|nil
---@effect none
function io.type(obj) end

---Writes strings and numbers to the default output; returns it.
---@param ... string|number
---@return io.File
---@effect none
function io.write(...) end

---Closes the file.
---@return boolean? success
---@return string? error_message
---@effect none
function File:close() end

---Saves what was written to the file.
---@effect none
function File:flush() end

---Iterates over the lines (or other formats) of the file, without closing it.
---@param ... string|integer
---@return fun(): any, ...
---@effect read
function File:lines(...) end

---Reads by formats: `"n"` a number, `"a"` everything, `"l"` a line (default), `"L"` a line with its newline, or a byte count.
---@param ... string|integer
---@return any ...
---@effect read
function File:read(...) end

---Sets or gets the file position (`"set"`, `"cur"`, `"end"` plus an offset); returns the new position.
---@param whence? "set"|"cur"|"end"
---@param offset? integer
---@return integer? position
---@return string? error_message
---@effect none
function File:seek(whence, offset) end

---Sets the buffering mode of the file.
---@param mode "no"|"full"|"line"
---@param size? integer
---@return boolean? success
---@effect none
function File:setvbuf(mode, size) end

---Writes strings and numbers to the file; returns the file, or nil and a message.
---@param ... string|number
---@return io.File?
---@return string? error_message
---@effect write
---@plan "write to an open file"
function File:write(...) end
