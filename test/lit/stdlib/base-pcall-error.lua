-- RUN: %sloth run %s | FileCheck --match-full-lines %s
-- error levels, pcall/xpcall results, error objects, assert
local function lvl1() error("at level 1") end
local function lvl2() error("at level 2", 2) end
local function lvl0() error("no position", 0) end
print(pcall(lvl1))
print(pcall(lvl2))
print(pcall(lvl0))
print(pcall(error))
print(pcall(error, nil))
print(select(2, pcall(error, {code = 7})).code)
local ok, e = pcall(error, setmetatable({}, {__tostring = function() return "custom" end}))
print(ok, tostring(e))
print(select("#", pcall(function() return 1, 2, 3 end)), pcall(function() return 1, 2, 3 end))
print(xpcall(function() error("boom") end, function(m) return "handled: " .. m end))
print(xpcall(function(...) return ... end, print, 1, 2))
print(pcall(xpcall))
print(pcall(assert, false))
print(pcall(assert, nil, "message"))
print(select(2, pcall(assert, false, {1}))[1])
print(assert(1, 2, 3))
print(pcall(assert))
local function nested() local ok, err = pcall(error, "inner"); error("outer: " .. err) end
print(pcall(nested))
print(pcall(pcall))
print(pcall(nil))
print(select("#", pcall(error)))
-- CHECK: false	{{.*}}base-pcall-error.lua:3: at level 1
-- CHECK-NEXT: false	at level 2
-- CHECK-NEXT: false	no position
-- CHECK-NEXT: false	nil
-- CHECK-NEXT: false	nil
-- CHECK-NEXT: 7
-- CHECK-NEXT: false	custom
-- CHECK-NEXT: 4	true	1	2	3
-- CHECK-NEXT: false	handled: {{.*}}base-pcall-error.lua:15: boom
-- CHECK-NEXT: true	1	2
-- CHECK-NEXT: false	bad argument #2 to 'xpcall' (function expected, got no value)
-- CHECK-NEXT: false	assertion failed!
-- CHECK-NEXT: false	message
-- CHECK-NEXT: 1
-- CHECK-NEXT: 1	2	3
-- CHECK-NEXT: false	bad argument #1 to 'assert' (value expected)
-- CHECK-NEXT: false	{{.*}}base-pcall-error.lua:23: outer: inner
-- CHECK-NEXT: false	bad argument #1 to 'pcall' (value expected)
-- CHECK-NEXT: false	attempt to call a nil value
-- CHECK-NEXT: 2
