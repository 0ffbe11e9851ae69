---@meta salt
---SaltStack on this host through `salt-call` found on PATH, with the minion's config (its master if one
---is configured, masterless otherwise). Without it every call raises
---`salt.<function>: salt-call not found on PATH`; a failing state or function raises with Salt's comment.
salt = {}

---@class (exact) salt.StateOptions
---@field pillar? table<string, any>  Pillar data for this run.
---@field test? boolean  Only report what would change (`test=True`).

---@class (exact) salt.StateResult
---@field changed boolean  Whether any state made changes.
---@field changes integer  Number of states that made changes.
---@field states integer  Number of states run.

---Applies a Salt state (`state.apply NAME`); all states must succeed or it raises.
---@param name string  The state (SLS) name, e.g. `"webserver"`.
---@param options? salt.StateOptions
---@return salt.StateResult
---@effect write
---@plan "apply Salt state {name}"
function salt.state_apply(name, options) end

---Runs a Salt execution function (e.g. `service.restart`) and returns its return value.
---@param fn string  Module and function, e.g. `"service.restart"`.
---@param args? any[]  Positional arguments, e.g. `{"nginx"}`.
---@return any
---@effect exec
---@plan "run Salt {fn} {args}"
function salt.cmd_run(fn, args) end
