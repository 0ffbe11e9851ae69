-- A plain script prints the same from its bundle as from its source.
-- RUN: %slothc build %s -o %t.slothb
-- RUN: %sloth run %s one two > %t.source.out
-- RUN: %sloth run %t.slothb one two > %t.bundle.out
-- RUN: diff %t.source.out %t.bundle.out
-- RUN: FileCheck %s < %t.bundle.out
local function counter()
  local n = 0
  return function() n = n + 1; return n end
end
local c = counter()
c(); c()
print("counter", c())
print("args", ...)
print("arg[1]", arg[1])
local t = setmetatable({}, {__index = function(_, k) return k .. "!" end})
print("meta", t.hello)
print("float", 1 / 3, 2^53, 10 // 3, "x" .. 1.5)
local function field(s) return s.field end
local ok, err = pcall(field, nil)
print("pcall", ok, err)
print("gsub", ("a-b-c"):gsub("-", "+"))
-- CHECK: counter	3
-- CHECK-NEXT: args	one	two
-- CHECK-NEXT: arg[1]	one
-- CHECK-NEXT: meta	hello!
-- CHECK-NEXT: float	0.33333333333333	9.007199254741e+15	3	x1.5
-- CHECK-NEXT: pcall	false	{{.*}}round-trip-plain.lua:19: attempt to index a nil value (local 's')
-- CHECK-NEXT: gsub	a+b+c	2
