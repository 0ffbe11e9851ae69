-- RUN: not %slothc check %s 2>&1 | FileCheck %s
-- CHECK: {{.*}}recovery-reports-later-errors.lua:5:5: error: unexpected symbol near '=' (expected an expression) [syntax-error]
-- CHECK: {{.*}}recovery-reports-later-errors.lua:7:5: error: unexpected symbol near '=' (expected an expression) [syntax-error]
-- CHECK: {{.*}}recovery-reports-later-errors.lua:9:7: error: unexpected symbol near '+' (expected an expression) [syntax-error]
x = = 1
print('fine')
y = = 2
if z then
  w = +
end
