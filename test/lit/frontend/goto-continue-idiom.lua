-- RUN: %slothc dump-ast %s | FileCheck %s
-- CHECK: (function "main chunk" (...)
-- CHECK-NEXT:   (for i (int 1) (int 3)
-- CHECK-NEXT:     (if
-- CHECK-NEXT:       (cond (== (local i) (int 2))
-- CHECK-NEXT:         (goto continue)))
-- CHECK-NEXT:     (local (x) (values (local i)))
-- CHECK-NEXT:     (label continue)))
for i = 1, 3 do
  if i == 2 then goto continue end
  local x = i
  ::continue::
end
