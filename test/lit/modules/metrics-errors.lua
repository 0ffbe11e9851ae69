-- Misuses of the metrics module raise errors naming the function and the metric or label; a
-- refused call records nothing (the file holds only the valid metric).
-- RUN: %sloth run %s --metrics-file %t.prom | FileCheck %s
-- RUN: FileCheck %s --check-prefix=FILE < %t.prom
local function try(f, ...)
  local ok, err = pcall(f, ...)
  print(ok and "ok" or err)
end
try(metrics.counter, "requests-total")
-- CHECK: metrics.counter: invalid metric name 'requests-total' (use letters, digits, '_' and ':', not starting with a digit)
try(metrics.gauge, "1st", 1)
-- CHECK-NEXT: metrics.gauge: invalid metric name '1st'
try(metrics.counter, "c_total", -1)
-- CHECK-NEXT: metrics.counter: counter 'c_total' can only go up: the increment must be a finite number >= 0, got -1
try(metrics.gauge, "g", 1, { ["bad-label"] = "x" })
-- CHECK-NEXT: metrics.gauge: invalid label name 'bad-label' on 'g'
try(metrics.gauge, "g", 1, { __name = "x" })
-- CHECK-NEXT: metrics.gauge: label name '__name' on 'g' is reserved
try(metrics.histogram, "h", 1, { le = "1" })
-- CHECK-NEXT: metrics.histogram: label name 'le' on histogram 'h' is reserved for its bucket bounds
try(metrics.gauge, "g", 1, { status = 200 })
-- CHECK-NEXT: metrics.gauge: label 'status' must be a string, got number
try(metrics.gauge, "g", 1, "labels")
-- CHECK-NEXT: metrics.gauge: labels must be a table of strings, got string
try(metrics.histogram, "h", 0 / 0)
-- CHECK-NEXT: metrics.histogram: histogram 'h' cannot observe NaN
try(metrics.gauge, "ok_gauge", 7)
-- CHECK-NEXT: ok
try(metrics.counter, "ok_gauge", 1)
-- CHECK-NEXT: metrics.counter: 'ok_gauge' is a gauge, not a counter
try(metrics.histogram, "latency", 1)
try(metrics.counter, "latency_count", 1)
-- CHECK-NEXT: ok
-- CHECK-NEXT: metrics.counter: 'latency_count' clashes with histogram 'latency', which writes 'latency_count'
try(metrics.custom, "x", 1, { type = "summary" })
-- CHECK-NEXT: metrics.custom: option 'type' must be "counter", "gauge" or "histogram", got "summary"
try(metrics.custom, "x", 1)
-- CHECK-NEXT: metrics.custom: options with 'type' ("counter", "gauge" or "histogram") are required
try(metrics.custom, "x", 1, { type = "gauge", lables = {} })
-- CHECK-NEXT: metrics.custom: unknown option 'lables'
try(metrics.gauge, "g")
-- CHECK-NEXT: bad argument #2 to 'metrics.gauge' (number expected, got no value)
-- FILE: # TYPE latency histogram
-- FILE: # TYPE ok_gauge gauge
-- FILE-NEXT: ok_gauge 7
-- FILE-NOT: TYPE
