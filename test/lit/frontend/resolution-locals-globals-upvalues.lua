-- RUN: %slothc dump-ast %s | FileCheck %s
-- CHECK: (function "main chunk" (...)
-- CHECK-NEXT:   (local (x^) (values (int 1)))
-- CHECK-NEXT:   (local-function outer (function "outer" () (captures x)
-- CHECK-NEXT:     (local (y^) (values (local x)))
-- CHECK-NEXT:     (return (function "anonymous" () (captures x y)
-- CHECK-NEXT:       (return (+ (+ (local x) (local y)) (global z))))))))
local x = 1
local function outer()
  local y = x
  return function() return x + y + z end
end
