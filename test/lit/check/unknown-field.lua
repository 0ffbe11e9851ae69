-- RUN: not %slothc check %s 2>&1 | FileCheck %s
local r = exec.command("uname -r")
print(r.exitcode)
task("build"):timout(30)
-- CHECK: {{.*}}unknown-field.lua:3:9: error: unknown field 'exitcode' on exec.Result; did you mean 'exit_code'? [unknown-field]
-- CHECK: {{.*}}unknown-field.lua:4:15: error: unknown method 'timout' on TaskBuilder; did you mean 'timeout'? [unknown-field]
