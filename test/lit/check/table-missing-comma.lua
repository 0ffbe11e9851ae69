-- RUN: not %slothc check %s 2>&1 | FileCheck %s
-- CHECK: {{.*}}table-missing-comma.lua:5:3: error: '}' expected (to close '{' at line 3) near 'b'; is a ',' missing after the previous field? [syntax-error]
local t = {
  a = 1
  b = 2,
}
