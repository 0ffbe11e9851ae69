-- RUN: %sloth run %s | FileCheck --match-full-lines %s
-- math: integer/float results, rounding, fmod/modf, min/max, tointeger/type/ult, errors
print(math.floor(3.7), math.floor(-3.7), math.ceil(3.2), math.ceil(-3.2), math.floor(5), math.ceil(2^62))
print(math.floor(2^63), math.ceil(-2^64), math.floor(-0.0), math.floor(1/0), math.ceil(-1/0))
print(math.abs(-5), math.abs(5.5), math.abs(math.mininteger), math.abs(-0.0), math.abs("-3"))
print(math.fmod(7, 3), math.fmod(-7, 3), math.fmod(7, -3), math.fmod(7.5, 2), math.fmod(-7.5, 2), math.fmod(1, 1/0))
print(math.fmod(math.mininteger, -1), pcall(math.fmod, 1, 0))
print(math.modf(3.7), math.modf(-3.7), math.modf(5), math.modf(1/0), math.modf(-1/0))
print(math.max(1, 2, 3), math.max(3.5, 2), math.min(1, -2.5, 0), math.max(5), math.min(2, 2.0), math.max(2.0, 2))
print(pcall(math.max), pcall(math.min))
print(pcall(math.max, 1, "x"))
print(math.tointeger(5), math.tointeger(5.0), math.tointeger(5.5), math.tointeger("5"), math.tointeger("x"), math.tointeger(2^63))
print(pcall(math.tointeger))
print(math.type(1), math.type(1.0), math.type("1"), math.type(nil), pcall(math.type))
print(math.ult(1, 2), math.ult(-1, 2), math.ult(2, -1), pcall(math.ult, 1.5, 2))
print(math.sqrt(16), math.sqrt(2), math.exp(1), math.log(1), math.log(8, 2), math.log(1000, 10), math.log(27, 3))
print(math.sin(0), math.cos(0), math.tan(0), math.asin(1), math.acos(1), math.atan(1), math.atan(1, -1), math.atan(0, -1))
print(math.pi, math.huge, -math.huge, math.maxinteger, math.mininteger, math.maxinteger + 1 == math.mininteger)
print(math.pow(2, 10), math.log10(1000), math.ldexp(1, 10), math.frexp(1024), math.cosh(0), math.sinh(0), math.tanh(0))
print(pcall(math.floor, "x"))
print(pcall(math.sqrt))
print(pcall(math.abs, {}))
print(7 // 2, 7.0 // 2, -7 // 2, 7 % -3, -7 % 3, 7.5 % 2, 2^0.5, 1e308 * 10, math.mininteger // -1)
-- CHECK: 3	-4	4	-3	5	4611686018427387904
-- CHECK-NEXT: 9.2233720368548e+18	-1.844674407371e+19	0	inf	-inf
-- CHECK-NEXT: 5	5.5	-9223372036854775808	0.0	3.0
-- CHECK-NEXT: 1	-1	1	1.5	-1.5	1.0
-- CHECK-NEXT: 0	false	bad argument #2 to 'math.fmod' (zero)
-- CHECK-NEXT: 3	-3	5	inf	-inf	0.0
-- CHECK-NEXT: 3	3.5	-2.5	5	2	2.0
-- CHECK-NEXT: false	false	bad argument #1 to 'math.min' (value expected)
-- CHECK-NEXT: false	attempt to compare number with string
-- CHECK-NEXT: 5	5	nil	5	nil	nil
-- CHECK-NEXT: false	bad argument #1 to 'math.tointeger' (value expected)
-- CHECK-NEXT: integer	float	nil	nil	false	bad argument #1 to 'math.type' (value expected)
-- CHECK-NEXT: true	false	true	false	bad argument #1 to 'math.ult' (number has no integer representation)
-- CHECK-NEXT: 4.0	1.4142135623731	2.718281828459	0.0	3.0	3.0	3.0
-- CHECK-NEXT: 0.0	1.0	0.0	1.5707963267949	0.0	0.78539816339745	2.3561944901923	3.1415926535898
-- CHECK-NEXT: 3.1415926535898	inf	-inf	9223372036854775807	-9223372036854775808	true
-- CHECK-NEXT: 1024.0	3.0	1024.0	0.5	1.0	0.0	0.0
-- CHECK-NEXT: false	bad argument #1 to 'math.floor' (number expected, got string)
-- CHECK-NEXT: false	bad argument #1 to 'math.sqrt' (number expected, got no value)
-- CHECK-NEXT: false	bad argument #1 to 'math.abs' (number expected, got table)
-- CHECK-NEXT: 3	3.0	-4	-2	2	1.5	1.4142135623731	inf	-9223372036854775808
