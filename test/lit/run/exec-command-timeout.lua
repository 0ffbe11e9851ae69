-- exec.command's timeout kills the command: timed_out, exit code 128+9, not a success.
-- RUN: %sloth run %s | FileCheck %s
local r = exec.command("sleep 5", { timeout = 0.2 })
print(r.exit_code, r.timed_out, r.success, r.duration < 2)
-- CHECK: 137	true	false	true
