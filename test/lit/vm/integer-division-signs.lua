-- Integer // and % in the interpreter's inline paths floor toward minus infinity with every sign
-- combination (register and constant divisors), math.mininteger // -1 wraps, and a zero divisor
-- raises Lua's message at the right line. Operands come from a function so the compiler cannot
-- fold them. Expected output: lua5.4 (5.4.4).
-- RUN: %sloth run %s 2>&1 | FileCheck %s
local function id(x) return x end
local a, b = id(7), id(-7)
print(a // 2, b // 2, a // -2, b // -2, a % 3, b % 3, a % -3, b % -3)
print(a // id(2), b // id(2), a // id(-2), b // id(-2), a % id(3), b % id(3), a % id(-3), b % id(-3))
print(id(math.mininteger) // id(-1), id(math.mininteger) % id(-1), id(0) // id(-5), id(6) % id(-3))
print(a // 2.0, b % 3.0, a & id(3.0), id(-1) >> 60, id(1) << 63, id(1) << 64, id(5) ~ id(3))
print(pcall(function() return a // id(0) end))
print(pcall(function() return a % id(0) end))
print(pcall(function() return a & 1.5 end))
-- CHECK: 3	-4	-4	3	1	2	-2	-1
-- CHECK-NEXT: 3	-4	-4	3	1	2	-2	-1
-- CHECK-NEXT: -9223372036854775808	0	0	0
-- CHECK-NEXT: 3.0	2.0	3	15	-9223372036854775808	0	6
-- CHECK-NEXT: false	{{.*}}integer-division-signs.lua:12: attempt to divide by zero
-- CHECK-NEXT: false	{{.*}}integer-division-signs.lua:13: attempt to perform 'n%0'
-- CHECK-NEXT: false	{{.*}}integer-division-signs.lua:14: number has no integer representation
