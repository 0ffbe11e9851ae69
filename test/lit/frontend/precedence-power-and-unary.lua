-- RUN: %slothc dump-ast %s | FileCheck %s
-- CHECK: (function "main chunk" (...)
-- CHECK-NEXT:   (return (- (^ (global x) (int 2))) (^ (int 2) (- (int 3))) (== (not (global a)) (global b)) (+ (# (global t)) (int 1)) (~ (~ (global x)) (global y)) (^ (int 2) (^ (int 3) (int 2)))))
return -x ^ 2, 2 ^ -3, not a == b, #t + 1, ~x ~ y, 2 ^ 3 ^ 2
