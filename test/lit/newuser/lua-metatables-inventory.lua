-- An inventory with metatables: inheritance, every metamethod, read-only proxies, __close.
-- Expected output: lua5.4 (5.4.4) on the same file.
-- RUN: %sloth run %s 2>/dev/null | FileCheck --match-full-lines %s
-- OOP inventory with metatables, inheritance, __index/__newindex/__call/__tostring/__eq/__lt/__le/__concat/__len/__close
local Host = {}
Host.__index = Host
Host.__tostring = function(h) return "Host(" .. h.name .. ")" end
Host.__eq = function(a, b) return a.name == b.name end
Host.__lt = function(a, b) return a.name < b.name end
Host.__le = function(a, b) return a.name <= b.name end
Host.__concat = function(a, b) return tostring(a) .. "+" .. tostring(b) end
Host.__len = function(h) return #h.roles end
function Host.new(name, roles) return setmetatable({ name = name, roles = roles or {} }, Host) end
function Host:has(role) for _, r in ipairs(self.roles) do if r == role then return true end end return false end
local Web = setmetatable({}, { __index = Host })
Web.__index = Web
Web.__tostring = Host.__tostring
function Web.new(name) local h = Host.new(name, { "web" }); return setmetatable(h, Web) end
function Web:port() return 80 end
local a, b, c = Host.new("db1", { "db", "backup" }), Host.new("app1"), Web.new("web1")
print(tostring(a), a == Host.new("db1"), a < b, b <= a, #a, a .. b, c:has("web"), c:port())
local list = { Host.new("z"), Host.new("m"), Host.new("a") }
table.sort(list)
for i, h in ipairs(list) do io.write(i, "=", tostring(h), " ") end print()
-- read-only proxy
local function readonly(t)
  return setmetatable({}, { __index = t, __newindex = function(_, k) error("attempt to modify read-only field '" .. tostring(k) .. "'", 2) end, __len = function() return #t end, __pairs = function() return next, t, nil end })
end
local ro = readonly({ 1, 2, 3, x = 1 })
print(#ro, ro[2], pcall(function() ro.y = 5 end))
local n = 0 for k, v in pairs(ro) do n = n + 1 end print("pairs", n)
-- __call, counters
local Counter = setmetatable({}, { __call = function(self, start) local c = start or 0; return function() c = c + 1; return c end end })
local nxt = Counter(10) nxt() print(nxt(), nxt())
-- __close
do
  local res <close> = setmetatable({}, { __close = function(o, e) print("closing", e) end })
  print("in block")
end
print(pcall(function()
  local r <close> = setmetatable({}, { __close = function(o, e) print("closing with", e) end })
  error("boom")
end))
-- __index function with rawget/rawset, __mode
local cache = setmetatable({}, { __index = function(t, k) local v = k * 2; rawset(t, k, v); return v end })
print(cache[21], rawget(cache, 21), rawget(cache, 22), rawlen({1,2}), rawequal(a, Host.new("db1")))
-- arithmetic metamethods
local V = {}
V.__index = V
V.__add = function(x, y) return setmetatable({ x = x.x + y.x }, V) end
V.__unm = function(x) return setmetatable({ x = -x.x }, V) end
V.__mul = function(x, y) if type(y) == "number" then return setmetatable({ x = x.x * y }, V) end return setmetatable({ x = x * y.x }, V) end
V.__idiv = function() return "idiv" end
V.__band = function() return "band" end
V.__shl = function() return "shl" end
V.__bnot = function() return "bnot" end
local v1 = setmetatable({ x = 3 }, V)
print((v1 + v1).x, (-v1).x, (v1 * 2).x, (2 * v1).x, v1 // 1, v1 & 1, 1 << v1, ~v1)
print(pcall(function() return v1 - v1 end))
print(pcall(function() return {} < {} end))
print(pcall(function() return a < 1 end))
print(getmetatable("abc").__index == string, ("x"):upper())
local prot = setmetatable({}, { __metatable = "locked" })
print(getmetatable(prot), pcall(setmetatable, prot, {}))
-- CHECK: Host(db1)	true	false	true	2	Host(db1)+Host(app1)	true	80
-- CHECK-NEXT: 1=Host(a) 2=Host(m) 3=Host(z) 
-- CHECK-NEXT: 3	2	false	{{.*}}lua-metatables-inventory.lua:30: attempt to modify read-only field 'y'
-- CHECK-NEXT: pairs	4
-- CHECK-NEXT: 12	13
-- CHECK-NEXT: in block
-- CHECK-NEXT: closing	nil
-- CHECK-NEXT: closing with	{{.*}}lua-metatables-inventory.lua:42: boom
-- CHECK-NEXT: false	{{.*}}lua-metatables-inventory.lua:42: boom
-- CHECK-NEXT: 42	42	nil	2	false
-- CHECK-NEXT: 6	-3	6	6	idiv	band	shl	bnot
-- CHECK-NEXT: false	{{.*}}lua-metatables-inventory.lua:59: attempt to perform arithmetic on a table value (upvalue 'v1')
-- CHECK-NEXT: false	{{.*}}lua-metatables-inventory.lua:60: attempt to compare two table values
-- CHECK-NEXT: false	{{.*}}lua-metatables-inventory.lua:9: attempt to index a number value (local 'b')
-- CHECK-NEXT: true	X
-- CHECK-NEXT: locked	false	cannot change a protected metatable
