-- RUN: %sloth run %s | FileCheck --match-full-lines %s
-- select, type, rawequal, rawlen, rawget, rawset
print(select("#"), select("#", nil, nil), select(2, "a", "b", "c"), select(-1, "a", "b"))
print(pcall(select, 0, 1))
print(pcall(select, -5, 1))
print(pcall(select, "x"))
print(type(nil), type(1), type("s"), type({}), type(print), type(type), type(coroutine.create(print)))
print(pcall(type))
print(rawequal(1, 1.0), rawequal("a", "a"), rawequal({}, {}), rawlen({1, 2, 3}), rawlen("abcd"))
print(pcall(rawlen, 5))
local t = setmetatable({}, {__index = function() return "meta" end, __newindex = function() error("blocked") end})
print(t.x, rawget(t, "x"))
rawset(t, "x", 1)
print(t.x, rawget(t, "x"))
print(pcall(rawset, t, nil, 1))
print(pcall(rawget, "s", 1))
-- CHECK: 0	2	b	b
-- CHECK-NEXT: false	bad argument #1 to 'select' (index out of range)
-- CHECK-NEXT: false	bad argument #1 to 'select' (index out of range)
-- CHECK-NEXT: false	bad argument #1 to 'select' (number expected, got string)
-- CHECK-NEXT: nil	number	string	table	function	function	thread
-- CHECK-NEXT: false	bad argument #1 to 'type' (value expected)
-- CHECK-NEXT: true	true	false	3	4
-- CHECK-NEXT: false	bad argument #1 to 'rawlen' (table or string expected, got number)
-- CHECK-NEXT: meta	nil
-- CHECK-NEXT: 1	1
-- CHECK-NEXT: false	table index is nil
-- CHECK-NEXT: false	bad argument #1 to 'rawget' (table expected, got string)
