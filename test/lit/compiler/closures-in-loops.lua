-- RUN: %slothc dis %s | FileCheck %s
-- A loop variable captured by a closure is a fresh local each iteration: the body closes its
-- upvalues (CLOSE) before going around; the closure takes it from the enclosing stack frame.
local fs = {}
for i = 1, 3 do
  fs[i] = function() return i end
end
-- CHECK: FORPREP 1 {{[0-9]+}}
-- CHECK-NEXT: CLOSURE 5 0
-- CHECK-NEXT: SETTABLE 0 4 5
-- CHECK-NEXT: CLOSE 4
-- CHECK-NEXT: FORLOOP 1
-- CHECK: function <{{.*}}:6,6>
-- CHECK: upvalues (1):
-- CHECK-NEXT: 0 i 1 4
