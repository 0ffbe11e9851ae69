-- Integer/float edge cases of size and port arithmetic.
-- Expected output: lua5.4 (5.4.4) on the same file.
-- RUN: %sloth run %s 2>/dev/null | FileCheck --match-full-lines %s
-- integer/float edge cases that bite disk-size and port arithmetic
print(math.maxinteger, math.mininteger, math.maxinteger + 1, math.mininteger - 1, -math.mininteger)
print(math.maxinteger * 2, math.mininteger // -1, math.mininteger % -1, pcall(function() return math.mininteger // 0 end))
print(5 // 0.0, -5 // 0.0, 0/0 ~= 0/0, 5 % math.huge, -5 % math.huge, 5.0 % -math.huge)
print(3 / 2, 4 / 2, 2^2, 10 // 3, 10.0 // 3, -10 // 3, 10 % -3, -10 % 3, 5.3 % 2, -5.3 % 2)
print(1e308 * 10, -1e308 * 10, math.huge // 1, math.type(1), math.type(1.0), math.type("1"))
print(1 == 1.0, math.type(3 // 1), math.type(3.0 // 1), 2^53 == 2^53 + 1, math.maxinteger + 0.0)
print(math.tointeger(3.0), math.tointeger(3.5), math.tointeger("8"), math.tointeger(2^62))
print(string.format("%.0f", 0.5), string.format("%.0f", 1.5), string.format("%.2f", 2.675))
print(math.floor(-3.5), math.ceil(-3.5), math.floor(3), math.fmod(7, 3), math.fmod(-7, 3), math.fmod(7, -3), math.fmod(-7.5, 2))
print(pcall(math.fmod, 1, 0), math.fmod(1, 0.0), math.fmod(math.mininteger, -1))
print(math.abs(math.mininteger), math.abs(-0.0), math.max(1, 2.5, 2), math.min(3), pcall(math.max))
print(math.ult(1, -1), 3 & 5, 3 | 5, 3 ~ 5, ~0, 1 << 63, 1 << 64, -1 >> 1, 1 << -1, 2.0 & 3)
print(pcall(function() return 2.5 & 1 end))
print(pcall(function() return "3" & 1 end), "0x10" + 0, "1e1" + 0, " 10 " + 1)
print(0x7fffffffffffffff + 1, 0xffffffffffffffff, 0x1p4, 0x.8, 1e-310 > 0, 9007199254740993)
print(tostring(123456789012345678), 1e100, 123.0, -0.0 == 0.0, 100 // 1e-320)
print(string.format("%d", 2^31), pcall(string.format, "%d", 2^63))
print(math.floor(2^62) , math.floor(2.0^70), math.ceil(-0.5))
print(tonumber("0x7fffffffffffffff"), tonumber("9223372036854775808"), tonumber("-9223372036854775808"), math.type(tonumber("-9223372036854775808")))
print(8 // 3 * 3 + 8 % 3, (-8) // 3 * 3 + (-8) % 3, 2^-1, (-2)^0.5 ~= (-2)^0.5, -2^2)
local bytes = 5368709120
local function human(n)
  local units = { "B", "KiB", "MiB", "GiB", "TiB" }
  local i = 1
  while n >= 1024 and i < #units do n = n / 1024; i = i + 1 end
  return string.format("%.1f %s", n, units[i])
end
print(human(bytes), human(0), human(1023), human(1024 ^ 4 * 3))
for i = 1, 3 do io.write(i, " ") end
for i = 1.0, 2.0, 0.5 do io.write(i, " ") end
for i = 10, 1, -3 do io.write(i, " ") end
for i = math.maxinteger - 2, math.maxinteger do io.write(i, " ") end
for i = math.mininteger, math.mininteger + 2 do io.write(i, " ") end print()
for i = 1, 0 do print("never") end
for i = 3, 1.5, -0.5 do io.write(i, ",") end print()
print(math.pi, -math.pi, math.sqrt(2), math.exp(1), math.log(8, 2), math.log(100, 10), math.log(2.718281828459045))
print(7 // 0.5, 2^1023 * 2, string.format("%5.1e", 12345.678), string.format("%g", 1e-5), string.format("%g", 123456789))
print(#tostring(0.1), 1/3, -1/3, 100/3, 1e15/3, 2^63, -2^63, math.mininteger + 0.0 == -2^63)
-- CHECK: 9223372036854775807	-9223372036854775808	-9223372036854775808	9223372036854775807	-9223372036854775808
-- CHECK-NEXT: -2	-9223372036854775808	0	false	{{.*}}lua-integer-float-edges.lua:6: attempt to divide by zero
-- CHECK-NEXT: inf	-inf	true	5.0	inf	-inf
-- CHECK-NEXT: 1.5	2.0	4.0	3	3.0	-4	-2	2	1.3	0.7
-- CHECK-NEXT: inf	-inf	inf	integer	float	nil
-- CHECK-NEXT: true	integer	float	true	9.2233720368548e+18
-- CHECK-NEXT: 3	nil	8	4611686018427387904
-- CHECK-NEXT: 0	2	2.67
-- CHECK-NEXT: -4	-3	3	1	-1	1	-1.5
-- CHECK-NEXT: false	-nan	0
-- CHECK-NEXT: -9223372036854775808	0.0	2.5	3	false	bad argument #1 to 'math.max' (value expected)
-- CHECK-NEXT: true	1	7	6	-1	-9223372036854775808	0	9223372036854775807	0	2
-- CHECK-NEXT: false	{{.*}}lua-integer-float-edges.lua:17: number has no integer representation
-- CHECK-NEXT: false	16	10.0	11
-- CHECK-NEXT: -9223372036854775808	-1	16.0	0.5	true	9007199254740993
-- CHECK-NEXT: 123456789012345678	1e+100	123.0	true	inf
-- CHECK-NEXT: 2147483648	false	bad argument #2 to 'string.format' (number has no integer representation)
-- CHECK-NEXT: 4611686018427387904	1.1805916207174e+21	0
-- CHECK-NEXT: 9223372036854775807	9.2233720368548e+18	-9223372036854775808	integer
-- CHECK-NEXT: 8	-8	0.5	true	-4.0
-- CHECK-NEXT: 5.0 GiB	0.0 B	1023.0 B	3.0 TiB
-- CHECK-NEXT: 1 2 3 1 1.5 2 10 7 4 1 9223372036854775805 9223372036854775806 9223372036854775807 -9223372036854775808 -9223372036854775807 -9223372036854775806 
-- CHECK-NEXT: 3,2.5,2,1.5,
-- CHECK-NEXT: 3.1415926535898	-3.1415926535898	1.4142135623731	2.718281828459	3.0	2.0	1.0
-- CHECK-NEXT: 14.0	inf	1.2e+04	1e-05	1.23457e+08
-- CHECK-NEXT: 3	0.33333333333333	-0.33333333333333	33.333333333333	3.3333333333333e+14	9.2233720368548e+18	-9.2233720368548e+18	true
