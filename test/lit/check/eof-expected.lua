-- RUN: not %slothc check %s 2>&1 | FileCheck %s
-- CHECK: {{.*}}eof-expected.lua:4:1: error: '<eof>' expected near 'print' [syntax-error]
return 1
print(2)
