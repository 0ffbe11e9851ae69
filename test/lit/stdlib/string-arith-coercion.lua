-- RUN: %sloth run %s | FileCheck --match-full-lines %s
-- the string metatable: methods, and arithmetic on numeric strings (string library metamethods)
print("10" + 1, "3" * "4", "2" ^ 2, -"2", "10" // 3, "7" % 2, "1" / 2, "0x10" + 0, " 5 " - 1)
print(math.type("10" + 1), math.type("10" + 1.0), math.type("1.0" + 1), "1e2" * 1)
print(10 .. 20, 1.5 .. "", "a" .. 1 .. 2)
print(pcall(function() return "abc" + 1 end))
print(pcall(function() return {} + "a" end))
print(pcall(function() return "a" * {} end))
print(pcall(function() return -"x" end))
local v = setmetatable({}, {__add = function(a, b) return "meta add" end, __concat = function() return "meta concat" end})
print("1" + v, v + "1", "x" .. v)
print(getmetatable("").__index == string, ("abc"):upper(), ("%d"):rep(2))
print(pcall(function() local s = "abc"; return s:nonexistent() end))
print(#"\u{48}\u{49}", "\x41\66\z
       C", '\'' .. "\"")
-- CHECK: 11	12	4.0	-2	3	1	0.5	16	4
-- CHECK-NEXT: integer	float	float	100.0
-- CHECK-NEXT: 1020	1.5	a12
-- CHECK-NEXT: false	{{.*}}string-arith-coercion.lua:6: attempt to add a 'string' with a 'number'
-- CHECK-NEXT: false	{{.*}}string-arith-coercion.lua:7: attempt to add a 'table' with a 'string'
-- CHECK-NEXT: false	{{.*}}string-arith-coercion.lua:8: attempt to mul a 'string' with a 'table'
-- CHECK-NEXT: false	{{.*}}string-arith-coercion.lua:9: attempt to unm a 'string' with a 'string'
-- CHECK-NEXT: meta add	meta add	meta concat
-- CHECK-NEXT: true	ABC	%d%d
-- CHECK-NEXT: false	{{.*}}string-arith-coercion.lua:13: attempt to call a nil value (method 'nonexistent')
-- CHECK-NEXT: 2	ABC	'"
