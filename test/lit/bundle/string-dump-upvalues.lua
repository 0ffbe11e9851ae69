-- A loaded binary chunk gets fresh upvalues, as in Lua: the first is set to the global
-- environment, the others are nil (the values captured by the dumped function are not saved).
-- RUN: %sloth run %s | FileCheck %s
local n = 10
local function first() return n end
print(load(string.dump(first))() == _G)
-- CHECK: true
local x, y = 1, 2
local function two() return x, y end
local a, b = load(string.dump(two))()
print(a == _G, b)
-- CHECK-NEXT: true	nil
-- A function using globals keeps working: its first upvalue is _ENV.
local function greet(name) return string.format("hello %s", name) end
print(load(string.dump(greet))("dump"))
-- CHECK-NEXT: hello dump
