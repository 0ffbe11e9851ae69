-- Closures, memoization, class hierarchies with super calls, evaluation order.
-- Expected output: lua5.4 (5.4.4) on the same file.
-- RUN: %sloth run %s 2>/dev/null | FileCheck --match-full-lines %s
-- closures: memoize, counters, upvalue sharing, recursion via local function, class hierarchies with super
local function memoize(f)
  local cache, calls = {}, 0
  return function(n)
    if cache[n] == nil then calls = calls + 1; cache[n] = f(n) end
    return cache[n], calls
  end
end
local fib
fib = memoize(function(n) if n < 2 then return n end return (fib(n - 1)) + (fib(n - 2)) end)
print(fib(80), select(2, fib(80)))
local function counterPair()
  local n = 0
  return function() n = n + 1 return n end, function() return n end
end
local inc, get = counterPair()
inc() inc()
print(get())
local fs = {}
for i = 1, 3 do fs[i] = function() return i end end
print(fs[1](), fs[2](), fs[3]())
local j = 0
local gs = {}
while j < 3 do j = j + 1; local k = j; gs[j] = function() return k, j end end
print(gs[1]()) print(gs[3]())
-- class with super calls
local Base = {} Base.__index = Base
function Base.new(name) local o = setmetatable({}, Base); o.name = name; return o end
function Base:describe() return "Base(" .. self.name .. ")" end
local Derived = setmetatable({}, { __index = Base }) Derived.__index = Derived
function Derived.new(name, extra) local o = Base.new(name); setmetatable(o, Derived); o.extra = extra; return o end
function Derived:describe() return "Derived<" .. Base.describe(self) .. "," .. self.extra .. ">" end
local d = Derived.new("x", 42)
print(d:describe(), getmetatable(d) == Derived, rawget(Derived, "new") ~= nil)
-- __index chain depth, __newindex table redirect
local store = {}
local proxy = setmetatable({}, { __newindex = store, __index = store })
proxy.a = 1
print(rawget(proxy, "a"), store.a, proxy.a)
-- tostring on recursive structures via custom serializer
local function ser(v, seen)
  seen = seen or {}
  if type(v) ~= "table" then return type(v) == "string" and string.format("%q", v) or tostring(v) end
  if seen[v] then return "<cycle>" end
  seen[v] = true
  local keys = {}
  for k in pairs(v) do keys[#keys + 1] = k end
  table.sort(keys, function(a, b) return tostring(a) < tostring(b) end)
  local parts = {}
  for _, k in ipairs(keys) do parts[#parts + 1] = "[" .. ser(k, seen) .. "]=" .. ser(v[k], seen) end
  return "{" .. table.concat(parts, ",") .. "}"
end
local t = { a = 1, b = { c = "x\n" }, [1] = true, [2.5] = false }
t.self = t
print(ser(t))
-- integer keys normalisation
local m = {}
m[1.0] = "one"; m[2] = "two"; m["1"] = "str"
print(m[1], #m, m["1"], next({}, nil))
print(pcall(function() local x = {}; x[nil] = 1 end))
print(pcall(function() local x = {}; x[0/0] = 1 end))
print(({})[nil])
-- tail calls don't grow stack
local function loop(n) if n == 0 then return "done" end return loop(n - 1) end
print(loop(1000000))
-- string methods through metatable on numbers? (error)
print(pcall(function() return (5):rep(2) end))
-- multiple assignment evaluation order
local a, b, c = 1
print(a, b, c)
local x, y = 1, 2
x, y = y, x
print(x, y)
local arr = { 1, 2, 3 }
local i = 1
i, arr[i] = i + 1, 20
print(i, arr[1], arr[2])
-- long strings / comments
local ls = [==[
line with ]] inside
]==]
print(#ls, ls:sub(1, 4))
--[[ block
comment ]] print("after comment")
print(0x10, 1e2, .5, 3., 0xA.8p1, "\x41\65\u{42}\z
       C")
-- CHECK: 23416728348467685	81
-- CHECK-NEXT: 2
-- CHECK-NEXT: 1	2	3
-- CHECK-NEXT: 1	3
-- CHECK-NEXT: 3	3
-- CHECK-NEXT: Derived<Base(x),42>	true	true
-- CHECK-NEXT: nil	1	1
-- CHECK-NEXT: {[1]=true,[2.5]=false,["a"]=1,["b"]={["c"]="x\
-- CHECK-NEXT: "},["self"]=<cycle>}
-- CHECK-NEXT: one	2	str	nil
-- CHECK-NEXT: false	{{.*}}lua-closures-classes.lua:63: table index is nil
-- CHECK-NEXT: false	{{.*}}lua-closures-classes.lua:64: table index is NaN
-- CHECK-NEXT: nil
-- CHECK-NEXT: done
-- CHECK-NEXT: false	{{.*}}lua-closures-classes.lua:70: attempt to index a number value
-- CHECK-NEXT: 1	nil	nil
-- CHECK-NEXT: 2	1
-- CHECK-NEXT: 2	20	2
-- CHECK-NEXT: 20	line
-- CHECK-NEXT: after comment
-- CHECK-NEXT: 16	100.0	0.5	3.0	21.0	AABC
