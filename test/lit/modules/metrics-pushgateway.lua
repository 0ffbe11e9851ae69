-- At the end of the run the metrics are PUT to a real Pushgateway (started by the test on
-- 127.0.0.1) under job = the script's name and instance = SLOTH_PUSHGATEWAY_INSTANCE (an instance
-- with '/' travels @base64). A second run replaces the group's metrics (PUT), so a series the
-- second run did not record is gone. SLOTH_PUSHGATEWAY works as --pushgateway does.
-- RUN: rm -rf %t && mkdir -p %t
-- RUN: sh %S/Inputs/metrics-with-pushgateway.sh %t sh -c 'env SLOTH_PUSHGATEWAY_INSTANCE=web/1 %sloth run %s first --pushgateway "$PUSHGATEWAY"' | FileCheck %s --check-prefix=FIRST
-- RUN: sh %S/Inputs/metrics-with-pushgateway.sh %t/second sh -c 'export SLOTH_PUSHGATEWAY="$PUSHGATEWAY" SLOTH_PUSHGATEWAY_INSTANCE=host-a; %sloth run %s first && %sloth run %s second' | FileCheck %s --check-prefix=SECOND
local run = ...
if run == "first" then
  metrics.counter("deploys_total", 1, { app = "web", result = "ok" })
  metrics.counter("deploys_total", 2, { app = "web", result = "ok" })
  metrics.gauge("release_size_bytes", 1234567)
  metrics.histogram("step_duration_seconds", 0.3)
  metrics.custom("hosts_ready", 3, { type = "gauge", labels = { region = "eu \"west\"" } })
else
  metrics.gauge("release_size_bytes", 42)
end
-- FIRST: exit: 0
-- FIRST-DAG: deploys_total{app="web",instance="web/1",job="metrics-pushgateway",result="ok"} 3
-- FIRST-DAG: hosts_ready{instance="web/1",job="metrics-pushgateway",region="eu \"west\""} 3
-- FIRST-DAG: release_size_bytes{instance="web/1",job="metrics-pushgateway"} 1.234567e+06
-- FIRST-DAG: step_duration_seconds_bucket{instance="web/1",job="metrics-pushgateway",le="0.25"} 0
-- FIRST-DAG: step_duration_seconds_bucket{instance="web/1",job="metrics-pushgateway",le="0.5"} 1
-- FIRST-DAG: step_duration_seconds_sum{instance="web/1",job="metrics-pushgateway"} 0.3
-- FIRST-DAG: step_duration_seconds_count{instance="web/1",job="metrics-pushgateway"} 1
-- SECOND: exit: 0
-- SECOND-NOT: deploys_total
-- SECOND: release_size_bytes{instance="host-a",job="metrics-pushgateway"} 42
-- SECOND-NOT: deploys_total
