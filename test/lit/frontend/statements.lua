-- RUN: %slothc dump-ast %s | FileCheck %s
-- CHECK: (function "main chunk" (...)
-- CHECK-NEXT:   (local (a<const> b) (values (int 1)))
-- CHECK-NEXT:   (assign (targets (local b)) (values (int 2)))
-- CHECK-NEXT:   (while (local b)
-- CHECK-NEXT:     (break))
-- CHECK-NEXT:   (repeat
-- CHECK-NEXT:     (local (z) (values (int 1)))
-- CHECK-NEXT:     (until (local z)))
-- CHECK-NEXT:   (for i (int 1) (int 10) (int 2))
-- CHECK-NEXT:   (for-in (k v) (values (call (global pairs) (global t))))
-- CHECK-NEXT:   (if
-- CHECK-NEXT:     (cond (local a))
-- CHECK-NEXT:     (cond (local b))
-- CHECK-NEXT:     (else))
-- CHECK-NEXT:   (do
-- CHECK-NEXT:     (label l)
-- CHECK-NEXT:     (goto l))
-- CHECK-NEXT:   (empty))
local a <const>, b = 1
b = 2
while b do break end
repeat local z = 1 until z
for i = 1, 10, 2 do end
for k, v in pairs(t) do end
if a then elseif b then else end
do ::l:: goto l end
;
