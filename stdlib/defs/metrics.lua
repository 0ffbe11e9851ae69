---@meta metrics
---Metrics recorded during a run: counters, gauges and histograms with labels. They are kept with the
---run and exported by the runtime (nothing is sent by the call itself), so these calls have no effect
---on the host and never appear in plans. At the end of `sloth run` they are written in the Prometheus
---text format to `--metrics-file PATH` and PUT to the Prometheus Pushgateway at `--pushgateway URL`
---or `$SLOTH_PUSHGATEWAY` (job: `$SLOTH_PUSHGATEWAY_JOB` or the script's name; instance:
---`$SLOTH_PUSHGATEWAY_INSTANCE` or the host name); a failed export prints the cause and exits 1.
---Histograms use the default buckets 0.005 .. 10 (seconds) and +Inf.
metrics = {}

---@alias metrics.Labels table<string, string>

---@class (exact) metrics.CustomOptions
---@field type "counter"|"gauge"|"histogram"  How the value is recorded.
---@field labels? metrics.Labels  Label names and values.

---Adds to a counter (monotonic; a negative increment raises).
---@param name string  Metric name, e.g. `"requests_total"`.
---@param increment? number  Amount to add (default 1).
---@param labels? metrics.Labels  Label names and values.
---@effect none
function metrics.counter(name, increment, labels) end

---Sets a gauge to a value.
---@param name string  Metric name, e.g. `"memory_usage_bytes"`.
---@param value number  The current value.
---@param labels? metrics.Labels  Label names and values.
---@effect none
function metrics.gauge(name, value, labels) end

---Records an observation in a histogram.
---@param name string  Metric name, e.g. `"request_duration_seconds"`.
---@param value number  The observed value.
---@param labels? metrics.Labels  Label names and values.
---@effect none
function metrics.histogram(name, value, labels) end

---Records a value as a counter, gauge or histogram chosen by `options.type`.
---@param name string  Metric name.
---@param value number  The value (an increment for counters).
---@param options metrics.CustomOptions
---@effect none
function metrics.custom(name, value, options) end
