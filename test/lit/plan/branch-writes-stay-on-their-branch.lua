-- RUN: %slothc plan %s | FileCheck %s
-- What one branch writes into a table is not seen by the other: the reload happens only when
-- some write changed something, and the plan says so (it listed the reload as unconditional).
local changed = {}
for _, name in ipairs({ "app", "api" }) do
  local r = file.write("/etc/nginx/" .. name .. ".conf", "server {}\n")
  if r.changed then changed[#changed + 1] = name end
end
if #changed > 0 then
  exec.command("systemctl reload nginx")
end
-- CHECK: ! run systemctl reload nginx
-- CHECK-NEXT: exec.command at {{.*}}:10
-- CHECK-NEXT: if #changed > 0
-- CHECK: Plan: 0 to create, 2 to change, 0 to delete, 1 command, 1 conditional.
