-- RUN: not %slothc check %s 2>&1 | FileCheck %s
-- CHECK: {{.*}}missing-then.lua:4:10: error: 'then' expected near 'print' [syntax-error]
-- CHECK: {{.*}}missing-then.lua:4:9: fix-it: insert ' then'
if ready print('go') end
