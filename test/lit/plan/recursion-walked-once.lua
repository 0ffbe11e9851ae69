-- RUN: %slothc plan %s | FileCheck %s
-- A recursive function is walked once: its calls appear, the recursion does not loop the plan.
local function retry(n)
  exec.command("curl -f http://localhost/health")
  if n > 0 then retry(n - 1) end
end
retry(tonumber(os.getenv("RETRIES")))
-- CHECK:        ! run curl -f http://localhost/health
-- CHECK-NEXT:       exec.command at {{.*}}recursion-walked-once.lua:4, via retry
-- CHECK: Plan: 0 to create, 0 to change, 0 to delete, 1 command, 0 conditional.
