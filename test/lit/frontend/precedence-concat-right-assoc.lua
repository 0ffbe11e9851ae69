-- RUN: %slothc dump-ast %s | FileCheck %s
-- CHECK: (function "main chunk" (...)
-- CHECK-NEXT:   (return (.. (global a) (.. (global b) (global c))) (.. (+ (int 1) (int 2)) (int 3))))
return a .. b .. c, 1 + 2 .. 3
