---@meta goroutine
---Runs Lua functions concurrently as coroutines on sloth's event loop: a function that waits for a
---process, socket or timer lets the others run. Not OS threads: plain Lua computation does not overlap.
goroutine = {}

---@class (exact) goroutine.ParallelOptions
---@field tasks (fun(): any)[]  The functions to run.
---@field max_concurrent? integer  At most this many run at once; all of them when omitted.

---Runs functions concurrently and waits for all; if any raised, raises the first error after all have finished.
---@param functions (fun(): any)[]  The functions to run, all at once.
---@return any[] results  The first value each function returned, in order.
---@overload fun(options: goroutine.ParallelOptions): any[]
---@effect none
function goroutine.parallel(functions) end
