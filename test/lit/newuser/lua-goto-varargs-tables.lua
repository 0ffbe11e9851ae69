-- goto retry loops and continue, varargs helpers, table library edges.
-- Expected output: lua5.4 (5.4.4) on the same file.
-- RUN: %sloth run %s 2>/dev/null | FileCheck --match-full-lines %s
-- goto for retry loops and continue, varargs helpers
local function retry_loop(max)
  local attempt = 0
  ::again::
  attempt = attempt + 1
  if attempt < max then goto again end
  return attempt
end
print(retry_loop(4))
for i = 1, 6 do
  if i % 2 == 0 then goto continue end
  io.write(i, " ")
  ::continue::
end
print()
do
  local i = 1
  ::top::
  if i <= 3 then io.write("i", i, " ") i = i + 1 goto top end
  print()
end
-- nested loops break out with goto
for i = 1, 3 do
  for j = 1, 3 do
    if i * j == 4 then goto done end
  end
end
::done::
print("out")
-- closures capturing loop var in goto loop
local fns = {}
do
  local k = 1
  ::loop::
  local captured = k
  fns[#fns + 1] = function() return captured end
  k = k + 1
  if k <= 3 then goto loop end
end
print(fns[1](), fns[2](), fns[3]())
-- varargs
local function count(...) return select("#", ...) end
print(count(), count(nil), count(nil, nil), count(1, nil, 3, nil))
local function pack2(...) return { n = select("#", ...), ... } end
local p = pack2(1, nil, 3)
print(p.n, p[1], p[2], p[3])
local tp = table.pack(nil, nil)
print(tp.n, #tp)
print(table.unpack({ 1, 2, 3 }, 2), table.unpack({ 1, 2, 3 }, 2, 5), select(-1, "a", "b", "c"), select(2, "a", "b", "c"))
print(pcall(select, 0, 1), pcall(select, -5, 1))
local function tail(first, ...) if select("#", ...) == 0 then return first end return first + tail(...) end
print(tail(1, 2, 3, 4, 5))
local function fwd(...) local a, b = ... return a, b, ... end
print(fwd(1, 2, 3))
print((fwd(1, 2, 3)))
local t = { fwd(1, 2), fwd(3, 4) }
print(#t, table.concat(t, ","))
local function varsum(...)
  local s = 0
  for i, v in ipairs({ ... }) do s = s + v end
  return s, ...
end
print(varsum(1, 2, 3))
print(string.format("%s-%s", varsum(10, 20)))
local function ret_many() return 1, 2, 3 end
local x, y, z, w = ret_many()
print(x, y, z, w, ret_many(), (ret_many()))
print(math.max(ret_many()), select("#", ret_many(), ret_many()))
-- table.move, insert/remove edges
local arr = { 1, 2, 3, 4, 5 }
table.move(arr, 2, 4, 1) print(table.concat(arr, ","))
table.move(arr, 1, 3, 3) print(table.concat(arr, ","))
print(table.concat(table.move({1,2,3}, 1, 3, 1, {}), ","))
local r = { "a", "b", "c" }
table.insert(r, 1, "z") table.insert(r, "end") print(table.concat(r, ","), table.remove(r), table.remove(r, 1), table.concat(r, ","))
print(pcall(table.insert, r, 10, "x"))
print(pcall(table.insert, r, 1, 2, 3))
print(table.remove({}), table.remove({}, 0), #r, table.remove(r, #r + 1))
print(pcall(table.remove, r, 7))
print(pcall(table.concat, { 1, {}, 3 }))
print(table.concat({}, ","), table.concat({ 1, 2.5, "x" }, ", ", 2, 3))
local s = { 5, 2, 8, 1, 9, 3 }
table.sort(s, function(a, b) return a > b end) print(table.concat(s, " "))
print(pcall(table.sort, { 3, "a", 1 }))
print(pcall(table.sort, {1,2,3}, function(a, b) return true end))
print(next({}), type(next), rawlen("abc"))
-- CHECK: 4
-- CHECK-NEXT: 1 3 5 
-- CHECK-NEXT: i1 i2 i3 
-- CHECK-NEXT: out
-- CHECK-NEXT: 1	2	3
-- CHECK-NEXT: 0	1	2	4
-- CHECK-NEXT: 3	1	nil	3
-- CHECK-NEXT: 2	0
-- CHECK-NEXT: 2	2	c	b	c
-- CHECK-NEXT: false	false	bad argument #1 to 'select' (index out of range)
-- CHECK-NEXT: 15
-- CHECK-NEXT: 1	2	1	2	3
-- CHECK-NEXT: 1
-- CHECK-NEXT: 5	1,3,4,3,4
-- CHECK-NEXT: 6	1	2	3
-- CHECK-NEXT: 30-10
-- CHECK-NEXT: 1	2	3	nil	1	1
-- CHECK-NEXT: 3	4
-- CHECK-NEXT: 2,3,4,4,5
-- CHECK-NEXT: 2,3,2,3,4
-- CHECK-NEXT: 1,2,3
-- CHECK-NEXT: z,a,b,c,end	end	z	a,b,c
-- CHECK-NEXT: false	bad argument #2 to 'table.insert' (position out of bounds)
-- CHECK-NEXT: false	wrong number of arguments to 'insert'
-- CHECK-NEXT: nil	nil	3	nil
-- CHECK-NEXT: false	bad argument #1 to 'table.remove' (position out of bounds)
-- CHECK-NEXT: false	invalid value (table) at index 2 in table for 'concat'
-- CHECK-NEXT: 	2.5, x
-- CHECK-NEXT: 9 8 5 3 2 1
-- CHECK-NEXT: false	attempt to compare string with number
-- CHECK-NEXT: true
-- CHECK-NEXT: nil	function	3
