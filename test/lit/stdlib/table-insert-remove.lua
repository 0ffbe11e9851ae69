-- RUN: %sloth run %s | FileCheck --match-full-lines %s
-- table.insert / table.remove: positions, bounds, argument counts
local t = {1, 2, 3}
table.insert(t, 4); table.insert(t, 1, 0); table.insert(t, 3, 1.5)
print(table.concat(t, ","), #t)
print(table.remove(t), table.remove(t, 1), table.remove(t, 2), table.concat(t, ","))
print(table.remove({}), table.remove({}, 0), table.remove({}, 1), #t)
local e = {}
table.insert(e, 1, "x")
print(e[1], pcall(table.insert, e, 3, "y"))
print(pcall(table.insert, e, 0, "y"))
print(pcall(table.insert, e, -1, "y"))
print(pcall(table.insert, e))
print(pcall(table.insert, e, 1, 2, 3))
print(pcall(table.insert, nil, 1))
print(pcall(table.insert, e, "pos", 1))
print(pcall(table.remove, {1, 2, 3}, 7))
print(table.remove({1, 2, 3}, 4), pcall(table.remove, {1, 2, 3}, -1))
local holes = {n = 0}
table.insert(holes, "a")
print(holes[1], holes.n)
-- CHECK: 0,1,1.5,2,3,4	6
-- CHECK-NEXT: 4	0	1.5	1,2,3
-- CHECK-NEXT: nil	nil	nil	3
-- CHECK-NEXT: x	false	bad argument #2 to 'table.insert' (position out of bounds)
-- CHECK-NEXT: false	bad argument #2 to 'table.insert' (position out of bounds)
-- CHECK-NEXT: false	bad argument #2 to 'table.insert' (position out of bounds)
-- CHECK-NEXT: false	wrong number of arguments to 'insert'
-- CHECK-NEXT: false	wrong number of arguments to 'insert'
-- CHECK-NEXT: false	bad argument #1 to 'table.insert' (table expected, got nil)
-- CHECK-NEXT: false	bad argument #2 to 'table.insert' (number expected, got string)
-- CHECK-NEXT: false	bad argument #1 to 'table.remove' (position out of bounds)
-- CHECK-NEXT: nil	false	bad argument #1 to 'table.remove' (position out of bounds)
-- CHECK-NEXT: a	0
