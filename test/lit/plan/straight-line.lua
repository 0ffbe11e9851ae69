-- RUN: %slothc plan %s | FileCheck %s
-- Straight-line code: each state-changing call is one action, in order, unconditional.
pkg.install("nginx")
systemd.service_enable("nginx")
file.remove("/etc/nginx/sites-enabled/default")
exec.command("nginx -t")
-- CHECK: (script): calls the script makes when it is loaded
-- CHECK-NEXT:   + install nginx
-- CHECK-NEXT:       pkg.install at {{.*}}straight-line.lua:3
-- CHECK-NEXT:       name = "nginx"
-- CHECK-NEXT:   ~ enable nginx
-- CHECK-NEXT:       systemd.service_enable at {{.*}}straight-line.lua:4
-- CHECK:        - remove /etc/nginx/sites-enabled/default
-- CHECK-NEXT:       file.remove at {{.*}}straight-line.lua:5
-- CHECK:        ! run nginx -t
-- CHECK-NEXT:       exec.command at {{.*}}straight-line.lua:6
-- CHECK-NOT: if
-- CHECK: Plan: 1 to create, 1 to change, 1 to delete, 1 command, 0 conditional.
