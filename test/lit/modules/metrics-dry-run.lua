-- In --dry-run the metrics are recorded and the file is written (sloth's own output), but nothing
-- is pushed: a dry run must not replace a real run's group. The URL is shown without credentials.
-- RUN: rm -f %t.prom && %sloth run --dry-run %s --metrics-file %t.prom --pushgateway http://deployer:s3cret@127.0.0.1:1 2>&1 | FileCheck %s --implicit-check-not=s3cret
-- RUN: FileCheck %s --check-prefix=FILE < %t.prom
metrics.counter("dry_runs_total")
-- CHECK: sloth: dry run: metrics not pushed to the Pushgateway at http://127.0.0.1:1
-- FILE: dry_runs_total 1
