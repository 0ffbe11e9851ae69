-- After its timeout an open circuit lets trial calls through: success_threshold successes close
-- it; a failed trial opens it again at once. One circuit per call site when no name is given.
-- The timeout is each call's own: `wait` (an hour) keeps the circuit open whatever the machine's
-- speed, `trial` (0) lets the next call through at once, so nothing here depends on timing.
-- RUN: rm -rf %t && mkdir -p %t
-- RUN: env SLOTH_HOME=%t %sloth run %s | FileCheck %s
local wait = { name = "svc", failure_threshold = 1, timeout = 3600, success_threshold = 2 }
local trial = { name = "svc", failure_threshold = 1, timeout = 0, success_threshold = 2 }
local function down() error("down", 0) end
local function up() return "up" end
print(pcall(reliability.circuit_breaker, down, wait))
-- CHECK: false	down
print(pcall(reliability.circuit_breaker, up, wait))
-- CHECK-NEXT: false	{{.*}}circuit 'svc' is open
print(pcall(reliability.circuit_breaker, down, trial))
-- CHECK-NEXT: false	down
print(pcall(reliability.circuit_breaker, up, wait))
-- CHECK-NEXT: false	{{.*}}circuit 'svc' is open
print(pcall(reliability.circuit_breaker, up, trial))
-- CHECK-NEXT: true	up
print(pcall(reliability.circuit_breaker, up, wait))
-- CHECK-NEXT: true	up
print(pcall(reliability.circuit_breaker, down, wait))
-- CHECK-NEXT: false	down
print(pcall(reliability.circuit_breaker, up, wait))
-- CHECK-NEXT: false	{{.*}}circuit 'svc' is open
for _ = 1, 2 do
  print(pcall(reliability.circuit_breaker, down, { failure_threshold = 1 }))
end
-- CHECK-NEXT: false	down
-- CHECK-NEXT: false	{{.*}}circuit '{{.*}}reliability-circuit-half-open.lua:28' is open
print(pcall(reliability.circuit_breaker, up, { failure_threshold = 1 }))
-- CHECK-NEXT: true	up
