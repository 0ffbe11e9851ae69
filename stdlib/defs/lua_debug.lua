---@meta lua_debug
---The part of the Lua 5.4 debug library (manual §6.10) that sloth's VM has: tracebacks and raw metatable access. Hooks, `getinfo`, `getlocal`, `sethook` and the rest are not built.
debug = {}

---A traceback of the call stack, after `message` (a non-string message is returned unchanged); `level` is where it starts (default 1, the caller).
---@param message? any
---@param level? integer
---@return string
---@overload fun(thread: thread, message?: any, level?: integer): string
---@effect none
function debug.traceback(message, level) end

---The metatable of any value, ignoring `__metatable`; nil when it has none.
---@param value any
---@return table?
---@effect none
function debug.getmetatable(value) end

---Sets the metatable of any value (nil removes it), ignoring `__metatable`; returns the value.
---@param value any
---@param metatable? table
---@return any  value
---@effect none
function debug.setmetatable(value, metatable) end
