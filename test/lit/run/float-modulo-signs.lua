-- Float modulo in the VM follows Lua 5.4 (adjusted by the divisor only when the remainder and the
-- divisor differ in sign), also with two negative operands and infinite divisors. The operands
-- come from a function so the compiler cannot fold them. Expected output: lua5.4 (5.4.4).
-- Found by test/fuzz/difflua.py.
-- RUN: %sloth run %s | FileCheck %s
local function mod(a, b) return a % b end
print(mod(-5.5, -2), mod(-5.5, -2.0), mod(-1.0, -3), mod(math.mininteger, -math.huge))
print(mod(-1, math.huge), mod(1, -math.huge), mod(-1, -math.huge), mod(1, math.huge))
print(mod(-1.5, -math.huge), mod(5.5, -2), mod(-5.5, 2), mod(0.0, -1), mod(-9.2e18, -math.huge))
-- CHECK: -1.5	-1.5	-1.0	-9.2233720368548e+18
-- CHECK-NEXT: inf	-inf	-1.0	1.0
-- CHECK-NEXT: -1.5	-0.5	0.5	0.0	-9.2e+18
