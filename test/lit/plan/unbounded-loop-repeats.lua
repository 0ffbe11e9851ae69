-- RUN: %slothc plan %s | FileCheck %s
-- A loop whose iterations only the run knows is shown once, marked "repeats"; what follows it
-- is not conditional on the loop's test.
local users = exec.command("cat /etc/team").stdout
for login in users:gmatch("%S+") do
  user.create(login)
end
while not file.exists("/run/app.ready") do
  exec.command("sleep 1")
end
systemd.service_start("app")
-- CHECK:        + create user (known after run)  (repeats)
-- CHECK-NEXT:       user.create at {{.*}}unbounded-loop-repeats.lua:6
-- CHECK-NEXT:       name = (known after run)
-- CHECK:        ! run sleep 1  (repeats)
-- CHECK-NEXT:       exec.command at {{.*}}unbounded-loop-repeats.lua:9
-- CHECK-NEXT:       if not file.exists("/run/app.ready")
-- CHECK:        ~ start app
-- CHECK-NEXT:       systemd.service_start at {{.*}}unbounded-loop-repeats.lua:11
-- CHECK-NEXT:       name = "app"
