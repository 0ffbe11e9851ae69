-- After its timeout an open circuit lets trial calls through: success_threshold successes close
-- it; a failed trial opens it again at once. One circuit per call site when no name is given.
-- RUN: rm -rf %t && mkdir -p %t
-- RUN: env SLOTH_HOME=%t %sloth run %s | FileCheck %s
local opts = { name = "svc", failure_threshold = 1, timeout = 0.05, success_threshold = 2 }
local function down() error("down", 0) end
local function up() return "up" end
print(pcall(reliability.circuit_breaker, down, opts))
-- CHECK: false	down
print(pcall(reliability.circuit_breaker, up, opts))
-- CHECK-NEXT: false	{{.*}}circuit 'svc' is open
exec.command("sleep 0.1")
print(pcall(reliability.circuit_breaker, down, opts))
-- CHECK-NEXT: false	down
print(pcall(reliability.circuit_breaker, up, opts))
-- CHECK-NEXT: false	{{.*}}circuit 'svc' is open
exec.command("sleep 0.1")
print(pcall(reliability.circuit_breaker, up, opts))
-- CHECK-NEXT: true	up
print(pcall(reliability.circuit_breaker, up, opts))
-- CHECK-NEXT: true	up
print(pcall(reliability.circuit_breaker, down, opts))
-- CHECK-NEXT: false	down
print(pcall(reliability.circuit_breaker, up, opts))
-- CHECK-NEXT: false	{{.*}}circuit 'svc' is open
for _ = 1, 2 do
  print(pcall(reliability.circuit_breaker, down, { failure_threshold = 1 }))
end
-- CHECK-NEXT: false	down
-- CHECK-NEXT: false	{{.*}}circuit '{{.*}}reliability-circuit-half-open.lua:27' is open
print(pcall(reliability.circuit_breaker, up, { failure_threshold = 1 }))
-- CHECK-NEXT: true	up
