---@meta systemd
---systemd services through `systemctl` found on PATH. Without it, or when systemd is not running as
---PID 1, every call raises `systemd.<function>: systemd is not running on this host`; an unknown unit
---raises `systemd.<function>: unit NAME not found` (except `service_status`, which reports it).
systemd = {}

---@class (exact) systemd.Result
---@field changed boolean  Whether the unit's state changed.
---@field name string  The unit acted on (`.service` added when no suffix was given).

---@class (exact) systemd.ReloadResult
---@field changed boolean  Always true: systemd re-read its unit files.

---@class (exact) systemd.Status
---@field name string  The unit (`.service` added when no suffix was given).
---@field exists boolean  Whether the unit file is known to systemd (LoadState is not `not-found`).
---@field active boolean  Whether the unit is running (ActiveState `active` or `reloading`).
---@field enabled boolean  Whether the unit starts at boot (UnitFileState `enabled`).
---@field state string  ActiveState: `active`, `inactive`, `failed`, `activating`, `deactivating` or `reloading`.
---@field sub_state string  SubState, e.g. `running`, `exited`, `dead`.
---@field pid? integer  Main process id while running.

---Starts a service; a running service is left alone.
---@param name string  Unit name, e.g. `"nginx"` or `"nginx.service"`.
---@return systemd.Result
---@effect write
---@plan "start {name}"
function systemd.service_start(name) end

---Stops a service; a stopped service is left alone.
---@param name string  Unit name.
---@return systemd.Result
---@effect write
---@plan "stop {name}"
function systemd.service_stop(name) end

---Restarts a service (starts it if stopped); always a change.
---@param name string  Unit name.
---@return systemd.Result
---@effect write
---@plan "restart {name}"
function systemd.service_restart(name) end

---Enables a service to start at boot; an enabled service is left alone.
---@param name string  Unit name.
---@return systemd.Result
---@effect write
---@plan "enable {name}"
function systemd.service_enable(name) end

---Disables a service at boot; a disabled service is left alone.
---@param name string  Unit name.
---@return systemd.Result
---@effect write
---@plan "disable {name}"
function systemd.service_disable(name) end

---Returns a service's current status (running, enabled, states, main pid).
---@param name string  Unit name.
---@return systemd.Status
---@effect read
function systemd.service_status(name) end

---Reloads systemd's unit files (`systemctl daemon-reload`), after unit files were added or changed.
---@return systemd.ReloadResult
---@effect exec
---@plan "reload systemd units"
function systemd.unit_reload() end
