-- RUN: %sloth run %s | FileCheck --match-full-lines %s
-- table.concat, table.pack, table.unpack, table.move
print(table.concat({1, 2, 3}), table.concat({1, 2, 3}, ", "), table.concat({"a", 2.5, 3}, "-", 2))
print(table.concat({}, "x"), table.concat({1, 2, 3}, ",", 2, 3), table.concat({1, 2, 3}, ",", 3, 1) .. "|")
print(pcall(table.concat, {1, {}, 3}))
print(pcall(table.concat, {1, 2}, ",", 1, 5))
print(pcall(table.concat, {true}))
print(pcall(table.concat, {}, {}))
print(table.unpack({1, 2, 3}), table.unpack({1, 2, 3}, 2), table.unpack({1, 2, 3}, 2, 3))
print(table.unpack({1, 2}, 1, 4))
print(table.unpack({}, 1, 0), select("#", table.unpack({}, 5, 4)))
print(table.unpack({"a", "b", "c"}, -1, 1))
print(pcall(table.unpack, {}, 1, 1e8))
print(pcall(table.unpack, {}, math.mininteger, math.maxinteger))
local p = table.pack(1, nil, 3, nil)
print(p.n, p[1], p[2], p[3], p[4], table.pack().n)
local a = {1, 2, 3, 4, 5}
print(table.concat(table.move(a, 2, 4, 1), ","))
print(table.concat(table.move({1, 2, 3}, 1, 3, 3), ","))
print(table.concat(table.move({1, 2, 3}, 1, 3, 1, {}), ","), table.concat(table.move({1, 2}, 1, 0, 1, {9}), ","))
print(pcall(table.move, {}, 1, math.maxinteger, 2))
print(pcall(table.move, {}, -1, math.maxinteger, 2))
print(pcall(table.move, {}, 1, 2))
print(pcall(table.move, 1, 1, 2, 3))
-- CHECK: 123	1, 2, 3	2.5-3
-- CHECK-NEXT: 	2,3	|
-- CHECK-NEXT: false	invalid value (table) at index 2 in table for 'concat'
-- CHECK-NEXT: false	invalid value (nil) at index 3 in table for 'concat'
-- CHECK-NEXT: false	invalid value (boolean) at index 1 in table for 'concat'
-- CHECK-NEXT: false	bad argument #2 to 'table.concat' (string expected, got table)
-- CHECK-NEXT: 1	2	2	3
-- CHECK-NEXT: 1	2	nil	nil
-- CHECK-NEXT: nil	0
-- CHECK-NEXT: nil	nil	a
-- CHECK-NEXT: false	too many results to unpack
-- CHECK-NEXT: false	too many results to unpack
-- CHECK-NEXT: 4	1	nil	3	nil	0
-- CHECK-NEXT: 2,3,4,4,5
-- CHECK-NEXT: 1,2,1,2,3
-- CHECK-NEXT: 1,2,3	9
-- CHECK-NEXT: false	bad argument #4 to 'table.move' (destination wrap around)
-- CHECK-NEXT: false	bad argument #3 to 'table.move' (too many elements to move)
-- CHECK-NEXT: false	bad argument #4 to 'table.move' (number expected, got no value)
-- CHECK-NEXT: false	bad argument #1 to 'table.move' (table expected, got number)
