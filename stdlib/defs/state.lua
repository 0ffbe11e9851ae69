---@meta state
---Values kept between runs in SQLite (`$SLOTH_HOME/state.db`, default `~/.local/state/sloth`): strings,
---numbers, booleans and tables round-trip with their types. Keys are shared by every script run by the
---same user. Functions and userdata cannot be stored (raises naming the key).
state = {}

---@alias state.Value string|number|boolean|table

---@class (exact) state.SetOptions
---@field ttl? number  Seconds after which the value expires (reads as nil); never when omitted.

---@class (exact) state.Result
---@field changed boolean  Whether the stored value changed (set) or existed (clear).
---@field key string  The key.

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
