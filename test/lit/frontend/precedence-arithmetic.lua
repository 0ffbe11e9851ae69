-- RUN: %slothc dump-ast %s | FileCheck %s
-- CHECK: (function "main chunk" (...)
-- CHECK-NEXT:   (return (- (+ (int 1) (* (int 2) (int 3))) (% (// (/ (int 4) (int 5)) (int 6)) (int 7)))))
return 1 + 2 * 3 - 4 / 5 // 6 % 7
