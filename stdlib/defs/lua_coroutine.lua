---@meta lua_coroutine
---The Lua 5.4 coroutine library (manual §6.2): create, resume, yield and close coroutines.
coroutine = {}

---Closes a suspended or dead coroutine, closing its pending to-be-closed variables; returns true, or false and the error.
---@param co thread
---@return boolean
---@return any error_object
---@effect none
function coroutine.close(co) end

---A new coroutine running f.
---@param f function
---@return thread
---@effect none
function coroutine.create(f) end

---Whether the running coroutine can yield (it is not the main one nor inside a C function).
---@param co? thread
---@return boolean
---@effect none
function coroutine.isyieldable(co) end

---Starts or continues a coroutine; returns true and what it yielded or returned, or false and the error.
---@param co thread
---@param ... any
---@return boolean success
---@return any ...
---@effect none
function coroutine.resume(co, ...) end

---The running coroutine and whether it is the main one.
---@return thread
---@return boolean ismain
---@effect none
function coroutine.running() end

---`"running"`, `"suspended"`, `"normal"` or `"dead"`.
---@param co thread
---@return "running"|"suspended"|"normal"|"dead"
---@effect none
function coroutine.status(co) end

---A function that resumes a new coroutine running f on each call, raising its errors.
---@param f function
---@return fun(...): ...
---@effect none
function coroutine.wrap(f) end

---Suspends the running coroutine; its arguments are what `resume` returns there.
---@param ... any
---@return any ...
---@effect none
function coroutine.yield(...) end
