-- Waits for lock "deploy" (no timeout) and appends "waiter got lock" to the log once it has it.
local log = ...
state.with_lock("deploy", function()
  exec.command("sh -c 'echo waiter got lock >> " .. log .. "'")
end)
