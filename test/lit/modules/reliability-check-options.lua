-- slothc check knows the reliability option classes (the reference's names); valid calls stay silent.
-- RUN: not %slothc check %s 2>&1 | FileCheck %s
reliability.retry(function() end, { attempts = 3 })
-- CHECK: reliability-check-options.lua:[[@LINE-1]]:37: error: unknown option 'attempts' for reliability.retry
reliability.circuit_breaker(function() end, { threshold = 3 })
-- CHECK: reliability-check-options.lua:[[@LINE-1]]:47: error: unknown option 'threshold' for reliability.circuit_breaker
reliability.retry(function() end, { max_attempts = true })
-- CHECK: reliability-check-options.lua:[[@LINE-1]]:{{[0-9]+}}: error:
reliability.timeout(function() end, {})
-- CHECK: reliability-check-options.lua:[[@LINE-1]]:{{[0-9]+}}: error:
reliability.retry(function() end, { max_attempts = 5, initial_delay = 1, max_delay = 30, backoff_factor = 2, jitter = 0.1 })
reliability.circuit_breaker(function() end, { name = "api", failure_threshold = 5, timeout = 60, success_threshold = 2 })
reliability.timeout(function() end, 30)
-- CHECK: 4 errors, 0 warnings in 1 file
