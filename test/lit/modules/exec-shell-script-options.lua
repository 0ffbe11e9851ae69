-- exec.shell and exec.script take cwd, env and timeout as exec.command does (exec.script
-- refused them: "unknown option 'env' (expected one of: interpreter, args)").
-- RUN: rm -rf %t && mkdir -p %t && printf 'echo "$1 $GREETING from $PWD"\n' > %t/hello.sh
-- RUN: printf 'sleep 5\n' > %t/slow.sh
-- RUN: %sloth run %s %t | FileCheck %s
local dir = ...
local r = exec.shell("echo \"$GREETING from $PWD\"", { cwd = "/", env = { GREETING = "hi" } })
print(r.stdout)
-- CHECK: hi from /
local s = exec.script(dir .. "/hello.sh", { args = { "ops:" }, cwd = "/usr", env = { GREETING = "hey" } })
print(s.stdout)
-- CHECK: ops: hey from /usr
local slow = exec.shell("#!/bin/sh\nsleep 5", { timeout = 0.2 })
print(slow.timed_out, slow.success)
-- CHECK: true	false
local slow2 = exec.script(dir .. "/slow.sh", { timeout = 0.2 })
print(slow2.timed_out)
-- CHECK: true
print(select(2, pcall(exec.shell, "true", { tiemout = 1 })))
-- CHECK: exec.shell: unknown option 'tiemout' (expected one of: user, cwd, env, timeout)
print(select(2, pcall(exec.script, dir .. "/hello.sh", { user = "no-such-user-here" })))
-- CHECK: exec.script: unknown user 'no-such-user-here'
