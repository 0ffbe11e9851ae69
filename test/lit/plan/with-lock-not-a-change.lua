-- RUN: %slothc plan %s | FileCheck %s
-- state.with_lock is not a change (it showed as "~ with lock deploy"): the function it runs is
-- planned as reached through the lock, and its result is with_lock's.
local n = state.with_lock("deploy", function()
  file.write("/etc/app.conf", "port=80\n")
  return 5
end)
if n == 5 then
  pkg.install("nginx")
end
-- CHECK-NOT: with lock deploy
-- CHECK:      ~ write /etc/app.conf
-- CHECK-NEXT:     file.write at {{.*}}with-lock-not-a-change.lua:5, via with lock "deploy" ({{.*}}with-lock-not-a-change.lua:4)
-- CHECK:      + install nginx
-- CHECK-NEXT:     pkg.install at {{.*}}:9
-- CHECK-NEXT:     name = "nginx"
-- CHECK: Plan: 1 to create, 1 to change, 0 to delete, 0 commands, 0 conditional.
