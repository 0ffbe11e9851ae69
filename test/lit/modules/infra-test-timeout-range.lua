-- An infra_test timeout past ten years is refused, as infinity and NaN are (1e300 overflowed
-- the probe's millisecond timer: the HTTP check "timed out after 5 milliseconds").
-- RUN: %sloth run %s | FileCheck %s
print(select(2, pcall(infra_test.http, "http://127.0.0.1:1/", { timeout = 1e300 })))
-- CHECK: infra_test.http: option 'timeout' must be a positive number of seconds, at most ten years, got 1e+300
print(select(2, pcall(infra_test.port, "127.0.0.1", 1, { timeout = math.huge })))
-- CHECK-NEXT: infra_test.port: option 'timeout' must be a positive number of seconds, at most ten years, got inf
