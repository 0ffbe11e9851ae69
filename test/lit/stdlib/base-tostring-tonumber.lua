-- RUN: %sloth run %s | FileCheck --match-full-lines %s
-- tostring and tonumber: number spelling, bases, whitespace, metamethods
print(tostring(1), tostring(1.0), tostring(-0.0), tostring(1e15), tostring(1e16), tostring(2^63))
print(tostring(0/0) == tostring(0/0), 1/0, -1/0, math.pi, 100 // 1.0)
print(tostring(nil), tostring(true), tostring("s"))
print(tonumber("10"), tonumber("  0x1F  "), tonumber("1e2"), tonumber(".5"), tonumber("5."))
print(tonumber("0x1p-2"), tonumber("1e"), tonumber(""), tonumber("  "), tonumber("0x"))
print(tonumber("inf"), tonumber("nan"), tonumber("1 2"), tonumber("9223372036854775808"))
print(tonumber("ff", 16), tonumber("FF", 16), tonumber("777", 8), tonumber("zz", 36), tonumber("-10", 2))
print(tonumber("8", 8), tonumber("1.5", 10), tonumber(" 11 ", 2), tonumber("7fffffffffffffff", 16))
print(tonumber(42), tonumber(4.5), tonumber({}), tonumber(nil))
print(pcall(tonumber, "10", 1))
print(pcall(tonumber, "10", 37))
print(pcall(tonumber, 10, 10))
print(pcall(tonumber))
local obj = setmetatable({}, {__tostring = function() return "OBJ" end})
print(tostring(obj), obj)
local named = setmetatable({}, {__name = "MyType"})
print((tostring(named):gsub("0x%x+", "ADDR")))
print(pcall(tostring, setmetatable({}, {__tostring = function() return {} end})))
print(pcall(tostring))
print(math.type(tonumber("10")), math.type(tonumber("10.0")), math.type(tonumber("1e1")))
-- CHECK: 1	1.0	-0.0	1e+15	1e+16	9.2233720368548e+18
-- CHECK-NEXT: true	inf	-inf	3.1415926535898	100.0
-- CHECK-NEXT: nil	true	s
-- CHECK-NEXT: 10	31	100.0	0.5	5.0
-- CHECK-NEXT: 0.25	nil	nil	nil	nil
-- CHECK-NEXT: nil	nil	nil	9.2233720368548e+18
-- CHECK-NEXT: 255	255	511	1295	-2
-- CHECK-NEXT: nil	nil	3	9223372036854775807
-- CHECK-NEXT: 42	4.5	nil	nil
-- CHECK-NEXT: false	bad argument #2 to 'tonumber' (base out of range)
-- CHECK-NEXT: false	bad argument #2 to 'tonumber' (base out of range)
-- CHECK-NEXT: false	bad argument #1 to 'tonumber' (string expected, got number)
-- CHECK-NEXT: false	bad argument #1 to 'tonumber' (value expected)
-- CHECK-NEXT: OBJ	OBJ
-- CHECK-NEXT: MyType: ADDR
-- CHECK-NEXT: false	'__tostring' must return a string
-- CHECK-NEXT: false	bad argument #1 to 'tostring' (value expected)
-- CHECK-NEXT: integer	float	float
