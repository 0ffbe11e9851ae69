-- RUN: %sloth run %s | FileCheck --match-full-lines %s
-- sloth computes floor, ceil and trunc itself and opens libm on the first other math call
-- (tools/sloth/LazyMath.cpp): the results must be lua5.4's, bit for bit (these lines are its output).
local values = {-0.0, 0.0, -0.5, 0.5, -1.5, 1.5, -2.0, 2.0, 2^52 + 0.5, -(2^52) - 0.5, 2^53 + 2,
  -(2^53) - 2, 2^63, -(2^63), 1e300, -1e300, 1/0, -1/0, 4.9e-324, -4.9e-324, 0.9999999999999999,
  -0.9999999999999999, 123456.789, -123456.789}
for _, v in ipairs(values) do
  print(string.format("%.17g", v), math.floor(v), math.ceil(v), math.tointeger(v),
    string.format("%.17g %.17g", v // 1.0, v % 1.0), string.format("%.17g", math.fmod(v, 3)))
end
print(0/0 ~= 0/0, math.floor(2.5), math.ceil(-2.5), 7.5 // 2, -7.5 // 2, 7.5 % -2, -7.5 % 2)
print(math.sin(1), math.cos(1), math.tan(1), math.asin(0.5), math.acos(0.5), math.atan(1, 2))
print(math.exp(1), math.log(10), math.log(8, 2), math.log(100, 10), math.sqrt(2), 2^0.5, 10^-2)
print(string.format("%.17g %.17g", math.fmod(-7.5, 2), math.fmod(7, -3)), math.fmod(7, 3))
print(string.format("%a %a", 1.0, -0.1), tostring(1e15), tostring(2^63), 1e100)
print(math.sqrt(-1) ~= math.sqrt(-1), math.ult(1, -1), math.abs(-0.0), math.max(1.5, 2), 3 % math.huge)
-- CHECK: -0	0	0	0	-0 -0	-0
-- CHECK-NEXT: 0	0	0	0	0 0	0
-- CHECK-NEXT: -0.5	-1	0	nil	-1 0.5	-0.5
-- CHECK-NEXT: 0.5	0	1	nil	0 0.5	0.5
-- CHECK-NEXT: -1.5	-2	-1	nil	-2 0.5	-1.5
-- CHECK-NEXT: 1.5	1	2	nil	1 0.5	1.5
-- CHECK-NEXT: -2	-2	-2	-2	-2 -0	-2
-- CHECK-NEXT: 2	2	2	2	2 0	2
-- CHECK-NEXT: 4503599627370496	4503599627370496	4503599627370496	4503599627370496	4503599627370496 0	1
-- CHECK-NEXT: -4503599627370496	-4503599627370496	-4503599627370496	-4503599627370496	-4503599627370496 -0	-1
-- CHECK-NEXT: 9007199254740994	9007199254740994	9007199254740994	9007199254740994	9007199254740994 0	1
-- CHECK-NEXT: -9007199254740994	-9007199254740994	-9007199254740994	-9007199254740994	-9007199254740994 -0	-1
-- CHECK-NEXT: 9.2233720368547758e+18	9.2233720368548e+18	9.2233720368548e+18	nil	9.2233720368547758e+18 0	2
-- CHECK-NEXT: -9.2233720368547758e+18	-9223372036854775808	-9223372036854775808	-9223372036854775808	-9.2233720368547758e+18 -0	-2
-- CHECK-NEXT: 1.0000000000000001e+300	1e+300	1e+300	nil	1.0000000000000001e+300 0	0
-- CHECK-NEXT: -1.0000000000000001e+300	-1e+300	-1e+300	nil	-1.0000000000000001e+300 -0	-0
-- CHECK-NEXT: inf	inf	inf	nil	inf -nan	-nan
-- CHECK-NEXT: -inf	-inf	-inf	nil	-inf -nan	-nan
-- CHECK-NEXT: 4.9406564584124654e-324	0	1	nil	0 4.9406564584124654e-324	4.9406564584124654e-324
-- CHECK-NEXT: -4.9406564584124654e-324	-1	0	nil	-1 1	-4.9406564584124654e-324
-- CHECK-NEXT: 0.99999999999999989	0	1	nil	0 0.99999999999999989	0.99999999999999989
-- CHECK-NEXT: -0.99999999999999989	-1	0	nil	-1 1.1102230246251565e-16	-0.99999999999999989
-- CHECK-NEXT: 123456.789	123456	123457	nil	123456 0.78900000000430737	0.78900000000430737
-- CHECK-NEXT: -123456.789	-123457	-123456	nil	-123457 0.21099999999569263	-0.78900000000430737
-- CHECK-NEXT: true	2	-2	3.0	-4.0	-0.5	0.5
-- CHECK-NEXT: 0.8414709848079	0.54030230586814	1.5574077246549	0.5235987755983	1.0471975511966	0.46364760900081
-- CHECK-NEXT: 2.718281828459	2.302585092994	3.0	2.0	1.4142135623731	1.4142135623731	0.01
-- CHECK-NEXT: -1.5 1	1
-- CHECK-NEXT: 0x1p+0 -0x1.999999999999ap-4	1e+15	9.2233720368548e+18	1e+100
-- CHECK-NEXT: true	true	0.0	2	3.0
