-- RUN: %sloth run %s | FileCheck --match-full-lines %s
-- the table library through __index, __newindex and __len (lua_geti/lua_seti semantics)
local store = {}
local proxy = setmetatable({}, {
  __index = function(_, k) return store[k] end,
  __newindex = function(_, k, v) store[k] = v end,
  __len = function() return #store end,
})
table.insert(proxy, "a")
table.insert(proxy, "b")
table.insert(proxy, 1, "z")
print(#proxy, rawlen(proxy), table.concat(proxy, ","))
print(table.remove(proxy), table.concat(store, ","))
print(table.unpack(proxy))
table.sort(proxy)
print(table.concat(store, ","))
local log = {}
local tracked = setmetatable({}, {__newindex = function(t, k, v) log[#log + 1] = k; rawset(t, k, v) end})
table.move({1, 2, 3}, 1, 3, 1, tracked)
print(table.concat(log, ","))
local lenonly = setmetatable({}, {__len = function() return 2.0 end, __index = function(_, i) return i * 10 end})
print(table.concat(lenonly, ","), table.unpack(lenonly))
print(pcall(table.concat, setmetatable({}, {__len = function() return "x" end})))
print(pcall(table.insert, setmetatable({}, {__index = {}}), 1))
print(pcall(table.concat, setmetatable({}, {__index = function() return "v" end})))
-- CHECK: 3	0	z,a,b
-- CHECK-NEXT: b	z,a
-- CHECK-NEXT: z	a
-- CHECK-NEXT: a,z
-- CHECK-NEXT: 1,2,3
-- CHECK-NEXT: 10,20	10	20
-- CHECK-NEXT: false	object length is not an integer
-- CHECK-NEXT: true
-- CHECK-NEXT: true	
