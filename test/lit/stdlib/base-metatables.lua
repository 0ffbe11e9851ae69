-- RUN: %sloth run %s | FileCheck --match-full-lines %s
-- getmetatable/setmetatable with __metatable protection, __index/__newindex, __pairs, __len
local mt = {__metatable = "locked"}
local t = setmetatable({}, mt)
print(getmetatable(t))
print(pcall(setmetatable, t, {}))
print(getmetatable("abc").__index == string, getmetatable(1))
print(pcall(setmetatable, 1, {}))
print(pcall(setmetatable, {}, 1))
print(pcall(setmetatable, {}))
local proxy = setmetatable({}, {__pairs = function(t) return function(_, k) if not k then return 1, "one" end end, t, nil end})
for k, v in pairs(proxy) do print("pairs:", k, v) end
local arr = setmetatable({}, {__index = function(_, i) if i <= 3 then return i * 10 end end})
for i, v in ipairs(arr) do print("ipairs:", i, v) end
local keys = {}
for k in pairs({a = 1, b = 2, c = 3}) do keys[#keys + 1] = k end
table.sort(keys)
print(table.concat(keys, ","))
print(next({}), next({10}), pcall(next, {}, "nokey"))
print(pcall(next))
print(pcall(ipairs))
local sized = setmetatable({}, {__len = function() return 42 end})
print(#sized, rawlen(sized))
-- CHECK: locked
-- CHECK-NEXT: false	cannot change a protected metatable
-- CHECK-NEXT: true	nil
-- CHECK-NEXT: false	bad argument #1 to 'setmetatable' (table expected, got number)
-- CHECK-NEXT: false	bad argument #2 to 'setmetatable' (nil or table expected, got number)
-- CHECK-NEXT: false	bad argument #2 to 'setmetatable' (nil or table expected, got no value)
-- CHECK-NEXT: pairs:	1	one
-- CHECK-NEXT: ipairs:	1	10
-- CHECK-NEXT: ipairs:	2	20
-- CHECK-NEXT: ipairs:	3	30
-- CHECK-NEXT: a,b,c
-- CHECK-NEXT: nil	1	false	invalid key to 'next'
-- CHECK-NEXT: false	bad argument #1 to 'next' (table expected, got no value)
-- CHECK-NEXT: false	bad argument #1 to 'ipairs' (value expected)
-- CHECK-NEXT: 42	0
