-- string.dump gives our bytecode; load reads it back: same results as the original function,
-- and what lua5.4 prints for the same program (expected output taken from lua5.4).
-- RUN: %sloth run %s | FileCheck %s
local function add(a, b) return a + b end
local dumped = string.dump(add)
print(load(dumped)(2, 3), type(dumped), dumped:byte(1))
-- CHECK: 5	string	27
local function fib(n) if n < 2 then return n end local a, b = 0, 1 for _ = 2, n do a, b = b, a + b end return b end
print(load(string.dump(fib))(30))
-- CHECK-NEXT: 832040
local s = load(string.dump(function(...) return select("#", ...), ... end))
print(s(1, nil, 3))
-- CHECK-NEXT: 3	1	nil	3
print(load(string.dump(load("return 1 + 1")))())
-- CHECK-NEXT: 2
-- Nested closures come along with the function that creates them.
local function makeCounter() local n = 0 return function() n = n + 1 return n end end
local c = load(string.dump(makeCounter))()
c()
print(c())
-- CHECK-NEXT: 2
print(pcall(string.dump, print))
-- CHECK-NEXT: false	unable to dump given function
print(pcall(string.dump))
-- CHECK-NEXT: false	bad argument #1 to 'string.dump' (function expected, got no value)
