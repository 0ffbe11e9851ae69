-- RUN: %slothc plan %s | FileCheck %s
-- A local set in one branch and tested later is tested by the branch's own condition, and on each
-- side its value is known again (the plan said `if nil or "changed"` and `(known after run)`).
local r = file.write("/etc/app.conf", "port=80\n")
local msg
if r.changed then msg = "config changed" end
if msg then exec.command("logger " .. msg) end
if not msg then exec.command("logger unchanged") end
-- CHECK: ! run logger config changed
-- CHECK-NEXT: exec.command at {{.*}}:7
-- CHECK-NEXT: if r.changed
-- CHECK: ! run logger unchanged
-- CHECK-NEXT: exec.command at {{.*}}:8
-- CHECK-NEXT: if not r.changed
