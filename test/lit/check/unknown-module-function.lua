-- RUN: not %slothc check %s 2>&1 | FileCheck %s
pkg.instal("curl")
local r = exec.comand("ls")
print(r)
-- Lua's own tables may be extended elsewhere: a warning.
print(math.mod(5, 2))
-- CHECK: {{.*}}unknown-module-function.lua:2:5: error: unknown function 'pkg.instal'; did you mean 'pkg.install'? [unknown-module-function]
-- CHECK: {{.*}}unknown-module-function.lua:3:16: error: unknown function 'exec.comand'; did you mean 'exec.command'? [unknown-module-function]
-- CHECK: {{.*}}unknown-module-function.lua:6:12: warning: unknown function 'math.mod' (removed in Lua 5.1: use math.fmod) [unknown-module-function]
