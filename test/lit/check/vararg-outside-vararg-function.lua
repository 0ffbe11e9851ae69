-- RUN: not %slothc check %s 2>&1 | FileCheck %s
-- CHECK: {{.*}}vararg-outside-vararg-function.lua:4:10: error: cannot use '...' outside a vararg function near '...' [vararg-outside-vararg-function]
local function f()
  return ...
end
