-- Takes lock "deploy", announces it by creating the file given as first argument, then holds
-- the lock until the file given as second argument appears (polling with exec, so the wait goes
-- through the event loop), appends "holder done" to the log and exits (releasing the lock).
local ready, release, log = ...
state.lock("deploy")
exec.command("touch " .. ready)
exec.command("sh -c 'while [ ! -e " .. release .. " ]; do sleep 0.02; done'")
exec.command("sh -c 'echo holder done >> " .. log .. "'")
