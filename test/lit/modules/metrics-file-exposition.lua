-- sloth run --metrics-file writes what the run recorded in the Prometheus text format: HELP and
-- TYPE lines, families in name order, series in label order, label values escaped, histograms as
-- cumulative le buckets with _sum and _count, counters summed per label set, gauges last-set.
-- RUN: rm -f %t.prom && %sloth run %s --metrics-file %t.prom && FileCheck %s --match-full-lines < %t.prom
metrics.counter("requests_total", 1, { method = "GET", status = "200" })
metrics.counter("requests_total", 2, { status = "200", method = "GET" })
metrics.counter("requests_total", nil, { method = "POST", status = "500" })
metrics.gauge("memory_usage_bytes", 1024 * 1024 * 512)
metrics.gauge("temperature_celsius", 20.5)
metrics.gauge("temperature_celsius", -3.25)
metrics.histogram("request_duration_seconds", 0.234)
metrics.histogram("request_duration_seconds", 0.25)
metrics.histogram("request_duration_seconds", 30)
metrics.custom("app_users_active", 42, { type = "gauge", labels = { region = "us-east-1", note = 'say "hi"\\\n' } })
metrics.custom("jobs_done_total", 5, { type = "counter" })
-- CHECK:      # HELP app_users_active A gauge recorded by a sloth run.
-- CHECK-NEXT: # TYPE app_users_active gauge
-- CHECK-NEXT: app_users_active{note="say \"hi\"\\\n",region="us-east-1"} 42
-- CHECK-NEXT: # HELP jobs_done_total A counter recorded by a sloth run.
-- CHECK-NEXT: # TYPE jobs_done_total counter
-- CHECK-NEXT: jobs_done_total 5
-- CHECK-NEXT: # HELP memory_usage_bytes A gauge recorded by a sloth run.
-- CHECK-NEXT: # TYPE memory_usage_bytes gauge
-- CHECK-NEXT: memory_usage_bytes 536870912
-- CHECK-NEXT: # HELP request_duration_seconds A histogram recorded by a sloth run.
-- CHECK-NEXT: # TYPE request_duration_seconds histogram
-- CHECK-NEXT: request_duration_seconds_bucket{le="0.005"} 0
-- CHECK-NEXT: request_duration_seconds_bucket{le="0.01"} 0
-- CHECK-NEXT: request_duration_seconds_bucket{le="0.025"} 0
-- CHECK-NEXT: request_duration_seconds_bucket{le="0.05"} 0
-- CHECK-NEXT: request_duration_seconds_bucket{le="0.1"} 0
-- CHECK-NEXT: request_duration_seconds_bucket{le="0.25"} 2
-- CHECK-NEXT: request_duration_seconds_bucket{le="0.5"} 2
-- CHECK-NEXT: request_duration_seconds_bucket{le="1"} 2
-- CHECK-NEXT: request_duration_seconds_bucket{le="2.5"} 2
-- CHECK-NEXT: request_duration_seconds_bucket{le="5"} 2
-- CHECK-NEXT: request_duration_seconds_bucket{le="10"} 2
-- CHECK-NEXT: request_duration_seconds_bucket{le="+Inf"} 3
-- CHECK-NEXT: request_duration_seconds_sum 30.484
-- CHECK-NEXT: request_duration_seconds_count 3
-- CHECK-NEXT: # HELP requests_total A counter recorded by a sloth run.
-- CHECK-NEXT: # TYPE requests_total counter
-- CHECK-NEXT: requests_total{method="GET",status="200"} 3
-- CHECK-NEXT: requests_total{method="POST",status="500"} 1
-- CHECK-NEXT: # HELP temperature_celsius A gauge recorded by a sloth run.
-- CHECK-NEXT: # TYPE temperature_celsius gauge
-- CHECK-NEXT: temperature_celsius -3.25
-- CHECK-EMPTY:
