---@meta state
---Values kept between runs in SQLite (`$SLOTH_HOME/state.db`, default `~/.local/state/sloth`): strings,
---numbers, booleans and tables round-trip with their types. Keys are shared by every script run by the
---same user. Functions and userdata cannot be stored (raises naming the key). Locks taken with
---`state.lock` hold across processes and are freed when the run that holds them ends.
state = {}

---@alias state.Value string|number|boolean|table

---@class (exact) state.SetOptions
---@field ttl? number  Seconds after which the value expires (reads as nil); never when omitted.

---@class (exact) state.Result
---@field changed boolean  Whether the stored value changed (set) or existed (clear).
---@field key string  The key.

---@class (exact) state.IncrementResult
---@field changed boolean  Whether the value changed (false only when adding 0).
---@field key string  The key.
---@field value number  The value after the addition.

---@class (exact) state.LockOptions
---@field timeout? number  Seconds to wait for the lock before raising; waits as long as it takes when omitted.

---@class (exact) state.LockResult
---@field changed boolean  Whether the lock was taken (lock: always true) or released (unlock).
---@field name string  The lock's name.

---Stores a value under a key; an identical stored value is left alone.
---@param key string
---@param value state.Value
---@param options? state.SetOptions
---@return state.Result
---@effect write
---@plan "set state {key}"
function state.set(key, value, options) end

---Returns the value stored under a key, or nil when there is none (or it expired).
---@param key string
---@return state.Value?
---@effect read
function state.get(key) end

---Returns whether value differs from the one stored under key, and stores it (a missing key counts as changed).
---@param key string
---@param value state.Value
---@return boolean
---@effect write
---@plan "record state {key}"
function state.changed(key, value) end

---Deletes a key; a missing key is left alone.
---@param key string
---@return state.Result
---@effect write
---@plan "clear state {key}"
function state.clear(key) end

---Deletes a key, as `state.clear` does; a missing key is left alone.
---@param key string
---@return state.Result
---@effect write
---@plan "delete state {key}"
function state.delete(key) end

---Returns whether a live (not expired) value is stored under key.
---@param key string
---@return boolean
---@effect read
function state.exists(key) end

---Returns the live keys that start with prefix (all keys when omitted), sorted.
---@param prefix? string
---@return string[]
---@effect read
function state.keys(prefix) end

---Adds `by` (default 1) to the number stored under key (a missing key counts as 0) in one transaction,
---so processes incrementing at once never lose a count; raises when the key holds something else.
---@param key string
---@param by? number
---@return state.IncrementResult
---@effect write
---@plan "increment state {key}"
function state.increment(key, by) end

---Takes a named lock shared by every sloth process of the user, waiting (without blocking other tasks)
---while another run holds it; raises when `timeout` passes first. Not re-entrant.
---@param name string
---@param options? state.LockOptions
---@return state.LockResult
---@effect write
---@plan "lock {name}"
function state.lock(name, options) end

---Releases a lock this run holds (`changed = false` when nobody held it); raises when another run holds it.
---@param name string
---@return state.LockResult
---@effect write
---@plan "unlock {name}"
function state.unlock(name) end

---Calls fn while holding the named lock and releases it however fn ends; returns what fn returned.
---@param name string
---@param fn fun(): any
---@param options? state.LockOptions
---@return any ...  What fn returned.
---@effect write
---@plan "with lock {name}"
function state.with_lock(name, fn, options) end
