-- RUN: %slothc dump-ast %s | FileCheck %s
-- CHECK: (function "main chunk" (...)
-- CHECK-NEXT:   (return (int 0) (int 42) (int 255) (int -1) (int 9223372036854775807) (float 9.2233720368547758e+18) (float 3) (float 0.5) (float 100) (float 16) (float 21) (// (int 3) (float 0))))
return 0, 42, 0xff, 0xffffffffffffffff, 9223372036854775807, 9223372036854775808, 3.0, .5, 1e2, 0x1p4, 0xA.8p1, 3 // 0.0
