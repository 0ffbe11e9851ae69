---@meta log
---Structured logging to the run's output (stderr), with the task that logged it. Debug messages are
---hidden unless debug output is turned on. Values are shown as given: do not log secrets.
log = {}

---@alias log.Fields table<string, any>

---Logs a debug message (hidden unless debug output is turned on).
---@param message string
---@param fields? log.Fields  Structured fields shown after the message as `key=value`.
---@effect none
function log.debug(message, fields) end

---Logs an informational message.
---@param message string
---@param fields? log.Fields  Structured fields shown after the message as `key=value`.
---@effect none
function log.info(message, fields) end

---Logs a warning.
---@param message string
---@param fields? log.Fields  Structured fields shown after the message as `key=value`.
---@effect none
function log.warn(message, fields) end

---Logs an error (does not stop the script: use `error()` for that).
---@param message string
---@param fields? log.Fields  Structured fields shown after the message as `key=value`.
---@effect none
function log.error(message, fields) end
