---@meta reliability
---Retries, circuit breakers and timeouts around a function. Waiting suspends only the current coroutine.
---Circuit breakers persist in the state database (`state` module) under `reliability.circuit.NAME`.
reliability = {}

---@class (exact) reliability.RetryOptions
---@field max_attempts? integer  Attempts in all, the first one included (default 3).
---@field initial_delay? number  Seconds before the second attempt (default 1).
---@field max_delay? number  Upper bound of the delay in seconds (default 30).
---@field backoff_factor? number  Each delay is the previous one times this (default 2).
---@field jitter? number  Each delay varies at random by up to this fraction either way, 0 to 1 (default 0).

---@class (exact) reliability.CircuitOptions
---@field name? string  The circuit; calls naming the same circuit share it (default: one per call site).
---@field failure_threshold? integer  Consecutive failures that open the circuit (default 5).
---@field timeout? number  Seconds the circuit stays open before one trial call (default 60).
---@field success_threshold? integer  Successful trial calls that close it again (default 1).

---Calls fn until it returns without raising, waiting longer between attempts; re-raises the last error.
---@param fn fun(): any
---@param options? reliability.RetryOptions
---@return any ...  What fn returned.
---@effect none
function reliability.retry(fn, options) end

---Calls fn through a named circuit breaker (kept for the run and across runs); raises at once while the circuit is open.
---@param fn fun(): any
---@param options? reliability.CircuitOptions
---@return any ...  What fn returned.
---@effect none
function reliability.circuit_breaker(fn, options) end

---Calls fn and raises a timeout error if it has not finished within the limit: its waits (processes, timers,
---network) are cancelled and its processes killed; a pure-Lua loop is interrupted too.
---@param fn fun(): any
---@param seconds number  The limit.
---@return any ...  What fn returned.
---@effect none
function reliability.timeout(fn, seconds) end
