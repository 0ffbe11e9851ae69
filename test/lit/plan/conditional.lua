-- RUN: %slothc plan %s | FileCheck %s
-- A call under an `if` carries the test in source terms; both branches of an if/else appear.
if not file.exists("/etc/app.conf") then
  file.write("/etc/app.conf", "port=80\n")
end
local r = exec.command("systemctl is-active nginx")
if r.exit_code ~= 0 then
  systemd.service_start("nginx")
else
  systemd.service_restart("nginx")
end
pkg.install("curl")
-- CHECK:        ~ write /etc/app.conf
-- CHECK-NEXT:       file.write at {{.*}}conditional.lua:4
-- CHECK-NEXT:       if not file.exists("/etc/app.conf")
-- CHECK:        ~ start nginx
-- CHECK-NEXT:       systemd.service_start at {{.*}}conditional.lua:8
-- CHECK-NEXT:       if r.exit_code ~= 0
-- CHECK:        ~ restart nginx
-- CHECK-NEXT:       systemd.service_restart at {{.*}}conditional.lua:10
-- CHECK-NEXT:       if r.exit_code == 0
-- Code after the if/else runs on both paths: unconditional again.
-- CHECK:        + install curl
-- CHECK-NEXT:       pkg.install at {{.*}}conditional.lua:12
-- CHECK-NEXT:       name = "curl"
-- CHECK: Plan: 1 to create, 3 to change, 0 to delete, 1 command, 3 conditional.
