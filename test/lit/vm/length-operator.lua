-- '#' on strings, plain tables (a border, also after removals at the end), tables with a
-- metatable without __len, tables with __len, and a type without length, each in a register the
-- compiler cannot fold. Expected output: lua5.4 (5.4.4).
-- RUN: %sloth run %s 2>&1 | FileCheck %s
local function id(x) return x end
local t = id({10, 20, 30})
t[#t + 1] = 40
t[#t + 1] = 50
print(#id("hello"), #id(""), #t)
t[#t] = nil
print(#t)
local m = setmetatable({1, 2}, {__index = function() return 0 end})
local l = setmetatable({1, 2}, {__len = function() return 42 end})
print(#m, #l)
print(pcall(function() return #id(5) end))
-- CHECK: 5	0	5
-- CHECK-NEXT: 4
-- CHECK-NEXT: 2	42
-- CHECK-NEXT: false	{{.*}}length-operator.lua:15: attempt to get length of a number value
