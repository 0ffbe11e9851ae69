-- A metrics file that cannot be written is an error on stderr, and a run that otherwise succeeded
-- exits 1; a script that recorded nothing writes an empty file.
-- RUN: not %sloth run %s --metrics-file %t.missing-dir/m.prom 2>&1 | FileCheck %s
-- RUN: rm -f %t.prom && %sloth run %s --metrics-file %t.prom && wc -c < %t.prom | FileCheck %s --check-prefix=EMPTY
print("ran")
-- CHECK: ran
-- CHECK-NEXT: sloth: metrics: --metrics-file: cannot write '{{.*}}.missing-dir/m.prom': the directory '{{.*}}.missing-dir' does not exist
-- EMPTY: {{^}}0
