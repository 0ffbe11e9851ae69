-- RUN: %slothc dis %s | FileCheck %s
-- Literal arithmetic is folded exactly as Lua computes it; what would raise an error (1//0) or
-- produce NaN or a signed zero stays a run-time operation.
local a = 2^10
local b = 7 // 2
local c = 1 << 62
local d = 1 // 0
local e = 0/0
local f = -0.0
local N <const> = 10
local g = N * 3 + 1
-- CHECK: LOADF 0 1024
-- CHECK-NEXT: LOADI 1 3
-- CHECK-NEXT: LOADK 2 0 ; 4611686018427387904
-- CHECK-NEXT: LOADI 3 1
-- CHECK-NEXT: IDIVK 3 3 1 ; 0
-- CHECK-NEXT: MMBINK 3 1 12 0 ; __idiv 0
-- CHECK-NEXT: LOADI 4 0
-- CHECK-NEXT: DIVK 4 4 1 ; 0
-- CHECK-NEXT: MMBINK 4 1 11 0 ; __div 0
-- CHECK-NEXT: LOADF 5 0
-- CHECK-NEXT: UNM 5 5
-- CHECK-NEXT: LOADI 6 31
