-- RUN: %slothc dump-ast %s | FileCheck %s
-- CHECK: (function "main chunk" (...)
-- CHECK-NEXT:   (method-stat (index (index (index (global a) "b") "c") "m") (function "a.b.c:m" (self x ...)
-- CHECK-NEXT:     (return (local self) (local x) ...)))
-- CHECK-NEXT:   (local-function f^ (function "f" () (captures f)
-- CHECK-NEXT:     (return (local f))))
-- CHECK-NEXT:   (local (g) (values (function "anonymous" (...))))
-- CHECK-NEXT:   (call-stat (method (global obj) method "str"))
-- CHECK-NEXT:   (call-stat (call (local f) (table (int 1) ("k" = (int 2)) ((int 3) = (int 4))))))
function a.b.c:m(x, ...) return self, x, ... end
local function f() return f end
local g = function(...) end
obj:method 'str'
f{1, k = 2, [3] = 4}
