-- RUN: %sloth run %s | FileCheck %s
-- Float modulo folded at compile time follows Lua 5.4's sign rule (adjust only when remainder and
-- divisor differ in sign), as the VM does. Expected lines taken from lua5.4.
print(-5.5 % -2, -5.5 % -2.0, -1.0 % -3)
print(5.5 % -2, -5.5 % 2, 5.5 % 2)
print(-1.5 % -1e308, 1.5 % -1e308)
-- CHECK: -1.5	-1.5	-1.0
-- CHECK-NEXT: -0.5	0.5	1.5
-- CHECK-NEXT: -1.5	-1e+308
