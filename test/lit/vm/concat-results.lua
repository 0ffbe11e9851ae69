-- Concatenation formats numbers as tostring does (integers, floats, -0.0, the extremes), makes
-- results of 40 bytes (the longest interned) and 41 (the shortest long string) that compare and
-- index like any other string, and keeps multi-operand chains in order. Operands come from a
-- function so the compiler cannot fold them. Expected output: lua5.4 (5.4.4).
-- RUN: %sloth run %s | FileCheck %s
local function id(x) return x end
print(id(1) .. id(-2) .. id(3.5) .. id(-0.0) .. id(1e100) .. id(2^63) .. id(math.mininteger))
print(id("x") .. id(10 // 3) .. id(10 / 2) .. id(0.1) .. id(1/0) .. id(-1/0))
local s40 = id(string.rep("a", 36)) .. id(1234)
local s41 = id(string.rep("a", 36)) .. id(12345)
print(#s40, #s41, s40 == string.rep("a", 36) .. "1234", s41 == string.rep("a", 36) .. "12345")
local t = {[s40] = "short", [s41] = "long"}
print(t[string.rep("a", 36) .. "1234"], t[string.rep("a", 36) .. "12345"])
print(id("a") .. id("b") .. id("c") .. id(1) .. id("d") .. id(2.0) .. id(""))
-- CHECK: 1-23.5-0.01e+1009.2233720368548e+18-9223372036854775808
-- CHECK-NEXT: x35.00.1inf-inf
-- CHECK-NEXT: 40	41	true	true
-- CHECK-NEXT: short	long
-- CHECK-NEXT: abc1d2.0
