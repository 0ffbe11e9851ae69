-- slothc check types metrics calls against stdlib/defs/metrics.lua: labels must be a table of
-- strings, custom's type one of three, and its option keys known.
-- RUN: not %slothc check %s 2>&1 | FileCheck %s
metrics.gauge("g", 1, "x")
-- CHECK: metrics-check-catches-misuse.lua:[[@LINE-1]]:23: error: metrics.gauge: argument 3 ('labels') must be metrics.Labels (table<string, string>), got "x" [arg-type-mismatch]
metrics.custom("x", 1, { type = "summary" })
-- CHECK: metrics-check-catches-misuse.lua:[[@LINE-1]]:33: error: metrics.custom: option 'type' must be "counter", "gauge" or "histogram", got "summary" [option-value]
metrics.custom("x", 1, { type = "gauge", lables = {} })
-- CHECK: metrics-check-catches-misuse.lua:[[@LINE-1]]:42: error: unknown option 'lables' for metrics.custom; did you mean 'labels'? [unknown-option]
metrics.counter("requests_total", 1, { method = "GET", status = "200" })
metrics.histogram("request_duration_seconds", 0.234)
-- CHECK: 3 errors, 0 warnings in 1 file
