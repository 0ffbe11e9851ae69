-- RUN: %sloth run %s | FileCheck --match-full-lines %s
-- math.random / math.randomseed: xoshiro256** with Lua 5.4's seeding and projection
print(math.randomseed(42))
print(math.random(1, 100), math.random(1, 100), math.random(1, 100))
print(math.random(10), math.random(10), math.random())
print(math.random(0), math.random(math.mininteger, math.maxinteger))
math.randomseed(7, 13)
print(math.random(1000), math.random(-5, 5), math.random(3.0))
math.randomseed(123)
local a = {}
for i = 1, 5 do a[i] = math.random(6) end
print(table.concat(a, " "))
print(pcall(math.random, 2, 1))
print(pcall(math.random, 0, -1))
print(pcall(math.random, -3))
print(pcall(math.random, 1, 2, 3))
print(pcall(math.random, 1.5))
print(pcall(math.randomseed, "x"))
local s1, s2 = math.randomseed()
print(math.type(s1), math.type(s2))
local r = math.random()
print(r >= 0 and r < 1, math.type(math.random(5)))
-- CHECK: 42	0
-- CHECK-NEXT: 50	76	86
-- CHECK-NEXT: 6	7	0.71097689661551
-- CHECK-NEXT: 5064682594356155544	-5653030306211387134
-- CHECK-NEXT: 105	3	3
-- CHECK-NEXT: 5 1 1 2 6
-- CHECK-NEXT: false	bad argument #1 to 'math.random' (interval is empty)
-- CHECK-NEXT: false	bad argument #1 to 'math.random' (interval is empty)
-- CHECK-NEXT: false	bad argument #1 to 'math.random' (interval is empty)
-- CHECK-NEXT: false	wrong number of arguments
-- CHECK-NEXT: false	bad argument #1 to 'math.random' (number has no integer representation)
-- CHECK-NEXT: false	bad argument #1 to 'math.randomseed' (number expected, got string)
-- CHECK-NEXT: integer	integer
-- CHECK-NEXT: true	integer
