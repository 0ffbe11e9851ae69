-- A command that cannot start raises an error naming it; unknown options are errors naming the key.
-- RUN: %sloth run %s | FileCheck %s
print(pcall(exec.command, { "no-such-program-xyz" }))
print(pcall(exec.command, "true", { cwd = "/no/such/dir" }))
print(pcall(exec.command, "true", { tiemout = 1 }))
-- CHECK: false	exec.command: cannot run 'no-such-program-xyz': No such file or directory
-- CHECK-NEXT: false	exec.command: cannot run '/bin/sh': working directory '/no/such/dir' does not exist
-- CHECK-NEXT: false	exec.command: unknown option 'tiemout' (expected one of: user, cwd, env, timeout)
print(pcall(exec.script, "/no/such/dir/deploy.sh"))
-- CHECK-NEXT: false	exec.script: cannot read script '/no/such/dir/deploy.sh': No such file or directory
