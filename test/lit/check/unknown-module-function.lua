-- RUN: not %slothc check %s 2>&1 | FileCheck %s
pkg.instal("curl")
local r = exec.comand("ls")
print(r)
-- CHECK: {{.*}}unknown-module-function.lua:2:5: error: unknown function 'pkg.instal'; did you mean 'pkg.install'? [unknown-module-function]
-- CHECK: {{.*}}unknown-module-function.lua:3:16: error: unknown function 'exec.comand'; did you mean 'exec.command'? [unknown-module-function]
