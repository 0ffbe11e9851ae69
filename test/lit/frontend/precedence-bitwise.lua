-- RUN: %slothc dump-ast %s | FileCheck %s
-- CHECK: (function "main chunk" (...)
-- CHECK-NEXT:   (return (< (global a) (<< (global b) (int 1))) (| (global a) (~ (global b) (& (global c) (global d)))) (<< (>> (global a) (int 1)) (int 2)) (or (global a) (and (global b) (global c)))))
return a < b << 1, a | b ~ c & d, a >> 1 << 2, a or b and c
