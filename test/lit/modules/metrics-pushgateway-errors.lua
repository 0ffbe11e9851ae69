-- A push that fails is an error (exit 1) with the cause: an unreachable gateway, a gateway that
-- refuses the push (here: the same metric name as a counter in one group and a gauge in another,
-- which a real Pushgateway rejects with HTTP 400). A URL that is not http(s) is a usage error
-- (exit 2) before the script runs (it was reported after the whole run). Credentials in the URL
-- are never printed. The metrics file is still written.
-- RUN: rm -rf %t && mkdir -p %t
-- RUN: not %sloth run %s counter --metrics-file %t/m.prom --pushgateway http://deployer:s3cret@127.0.0.1:1 2>&1 | FileCheck %s --check-prefix=DOWN --implicit-check-not=s3cret
-- RUN: FileCheck %s --check-prefix=FILE < %t/m.prom
-- RUN: sh -c '%sloth run %s counter --pushgateway ftp://deployer:s3cret@127.0.0.1/x; echo "exit $?"' 2>&1 | FileCheck %s --check-prefix=SCHEME --implicit-check-not=s3cret
-- RUN: sh %S/Inputs/metrics-with-pushgateway.sh %t/gw sh -c 'SLOTH_PUSHGATEWAY_JOB=a %sloth run %s counter --pushgateway "$PUSHGATEWAY" && SLOTH_PUSHGATEWAY_JOB=b %sloth run %s gauge --pushgateway "$PUSHGATEWAY"' 2>&1 | FileCheck %s --check-prefix=REFUSED
local kind = ...
if kind == "counter" then
  metrics.counter("builds", 1)
else
  metrics.gauge("builds", 1)
end
-- DOWN: sloth: metrics: cannot push to the Pushgateway at http://127.0.0.1:1: {{.*}}
-- FILE: builds 1
-- SCHEME: sloth: --pushgateway: the Pushgateway URL must start with http:// or https://, got 'ftp://127.0.0.1/x'
-- SCHEME-NEXT: exit 2
-- REFUSED: sloth: metrics: the Pushgateway at http://127.0.0.1:{{[0-9]+}} refused the push: HTTP 400: {{.+}}
-- REFUSED: exit: 1
-- REFUSED: builds{instance="{{.*}}",job="a"} 1
-- REFUSED-NOT: job="b"
