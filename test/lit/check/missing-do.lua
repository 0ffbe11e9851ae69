-- RUN: not %slothc check %s 2>&1 | FileCheck %s
-- CHECK: {{.*}}missing-do.lua:4:12: error: 'do' expected near 'wait' [syntax-error]
-- CHECK: {{.*}}missing-do.lua:4:11: fix-it: insert ' do'
while busy wait() end
