-- RUN: not %slothc check --format gcc %s 2>&1 | FileCheck %s
-- A string literal in a message is written as Lua would write it, on one line: an escaped newline
-- does not split the one-line-per-diagnostic formats (gcc, github).
metrics.counter("deploys", "1\n2")
-- CHECK: literal-text-one-line.lua:4:28: error: metrics.counter: argument 2 ('increment') must be number, got "1\n2" [arg-type-mismatch]
-- CHECK-NOT: {{^}}2"
