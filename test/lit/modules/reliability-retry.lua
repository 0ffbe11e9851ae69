-- retry returns fn's results after failed attempts, re-raises the last error value unchanged
-- when attempts run out, logs each retry, and checks its options.
-- RUN: %sloth run %s 2>%t.err | FileCheck %s
-- RUN: FileCheck %s --check-prefix=LOG < %t.err
local n = 0
print(reliability.retry(function()
  n = n + 1
  if n < 3 then
    error("flaky " .. n, 0)
  end
  return "ok", n
end, { max_attempts = 5, initial_delay = 0.01, max_delay = 0.02, backoff_factor = 2, jitter = 0.5 }))
-- CHECK: ok	3
-- LOG: WARN  reliability.retry: attempt 1 of 5 failed: flaky 1; retrying in
-- LOG-NEXT: WARN  reliability.retry: attempt 2 of 5 failed: flaky 2; retrying in
-- LOG-NOT: attempt 3
n = 0
local ok, err = pcall(reliability.retry, function()
  n = n + 1
  error({ attempt = n })
end, { max_attempts = 2, initial_delay = 0 })
print(ok, type(err), err.attempt, n)
-- CHECK-NEXT: false	table	2	2
print(pcall(reliability.retry, function() end, { attempts = 2 }))
-- CHECK-NEXT: false	{{.*}}reliability.retry: unknown option 'attempts'
print(pcall(reliability.retry, function() end, { max_attempts = 0 }))
-- CHECK-NEXT: false	{{.*}}reliability.retry: option 'max_attempts' must be an integer between 1 and 1e+06, got 0
print(pcall(reliability.retry, function() end, { jitter = 2 }))
-- CHECK-NEXT: false	{{.*}}reliability.retry: option 'jitter' must be a number between 0 and 1, got 2
