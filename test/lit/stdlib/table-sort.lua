-- RUN: %sloth run %s | FileCheck --match-full-lines %s
-- table.sort: default order, comparators, stability-free results, errors, invalid order functions
local t = {5, 2, 8, 1, 9, 3}
table.sort(t)
print(table.concat(t, " "))
table.sort(t, function(a, b) return a > b end)
print(table.concat(t, " "))
local words = {"banana", "apple", "Cherry", "date"}
table.sort(words)
print(table.concat(words, " "))
table.sort(words, function(a, b) return a:lower() < b:lower() end)
print(table.concat(words, " "))
local mixed = {3, 1.5, -2, 10, 2^53, -0.5}
table.sort(mixed)
print(table.concat(mixed, " "))
local recs = {{n = "b", v = 2}, {n = "a", v = 3}, {n = "c", v = 1}}
table.sort(recs, function(x, y) return x.v < y.v end)
print(recs[1].n, recs[2].n, recs[3].n)
local big = {}
for i = 1, 1000 do big[i] = (i * 7919) % 1009 end
table.sort(big)
local ok = true
for i = 2, #big do if big[i - 1] > big[i] then ok = false end end
print(ok, big[1], big[1000])
print(pcall(table.sort, {3, "x", 1}))
print(pcall(table.sort, {{}, {}}))
local bad = {}
for i = 1, 100 do bad[i] = i % 5 end
print(pcall(table.sort, bad, function(a, b) return true end))
print(pcall(table.sort, {1, 2, 3}, 5))
print(pcall(table.sort, 5))
local one = {1}
table.sort(one, 5)
print(one[1])
local V = {}
V.__lt = function(a, b) return a.x < b.x end
local objs = {setmetatable({x = 3}, V), setmetatable({x = 1}, V), setmetatable({x = 2}, V)}
table.sort(objs)
print(objs[1].x, objs[2].x, objs[3].x)
-- CHECK: 1 2 3 5 8 9
-- CHECK-NEXT: 9 8 5 3 2 1
-- CHECK-NEXT: Cherry apple banana date
-- CHECK-NEXT: apple banana Cherry date
-- CHECK-NEXT: -2 -0.5 1.5 3 10 9.007199254741e+15
-- CHECK-NEXT: c	b	a
-- CHECK-NEXT: true	1	1008
-- CHECK-NEXT: false	attempt to compare string with number
-- CHECK-NEXT: false	attempt to compare two table values
-- CHECK-NEXT: false	invalid order function for sorting
-- CHECK-NEXT: false	bad argument #2 to 'table.sort' (function expected, got number)
-- CHECK-NEXT: false	bad argument #1 to 'table.sort' (table expected, got number)
-- CHECK-NEXT: 1
-- CHECK-NEXT: 1	2	3
