-- Error objects that are tables, error levels, xpcall handlers, assert, tonumber edge cases.
-- Expected output: lua5.4 (5.4.4) on the same file.
-- RUN: %sloth run %s 2>/dev/null | FileCheck --match-full-lines %s
-- error handling: table errors, levels, xpcall handlers, nested, tostring of errors
local AppError = {}
AppError.__index = AppError
AppError.__tostring = function(e) return string.format("AppError[%s]: %s", e.code, e.msg) end
local function fail(code, msg) error(setmetatable({ code = code, msg = msg }, AppError)) end
local function step3() fail("E42", "disk full") end
local function step2() step3() end
local function step1() step2() end
local ok, e = pcall(step1)
print(ok, type(e), getmetatable(e) == AppError, tostring(e), e.code)
print(pcall(error))
print(pcall(error, nil))
print(pcall(error, "msg", 0))
print(pcall(error, "msg", 1))
local function lvl2() error("at level 2", 2) end
local function caller() lvl2() end
print(pcall(caller))
print(pcall(error, 42))
print(pcall(error, 42, 1))
print(select("#", pcall(error)))
print(xpcall(function() error("x") end, function(m) return "handled: " .. m end))
print(xpcall(function(a, b) return a + b end, print, 3, 4))
print(xpcall(function() local t = nil; t.x = 1 end, function(m) return (m:gsub("^.-:%d+: ", "")) end))
-- error in handler
print(xpcall(function() error("a") end, function() error("b") end))
-- nested pcall and rethrow
local ok2, e2 = pcall(function()
  local ok3, e3 = pcall(error, { level = "inner" })
  error(e3)
end)
print(ok2, e2.level)
-- assert variants
print(pcall(assert, false))
print(pcall(assert, nil, "custom message"))
print(pcall(assert, false, { tbl = true }))
print(select("#", assert(1, 2, 3)), assert("v", "m"))
-- runtime errors messages
print(pcall(function() local a = {} ; return a.b.c end))
print(pcall(function() return #nil end))
print(pcall(function() return 1 + {} end))
print(pcall(function() return "a" + 1 end))
print(pcall(function() return "10" + 1 end), "10" * "2", 10 .. 20)
print(pcall(function() return 1 < "2" end))
print(pcall(function() return {} .. "x" end))
print(pcall(function() undefinedfunc() end))
print(pcall(function() local s = "x"; s:nomethod() end))
print(pcall(function() return math.floor("x") end))
print(pcall(string.rep, "x", -1), pcall(string.sub))
print(pcall(function() return 1 // 0 end))
print(pcall(function() return 1 % 0 end), 1.0 // 0, -1 % math.huge)
print(pcall(function() return math.tointeger(2^63) end), math.maxinteger + 1 == math.mininteger)
print(pcall(function() for i = 1, 10, 0 do end end))
print(pcall(function() for i = "a", 2 do end end))
print(pcall(setmetatable, 1, {}))
print(pcall(ipairs))
print(pcall(function() local t = setmetatable({}, {__index = function(t, k) return t[k] end}); return t.x end) )
print(tostring(nil), tostring(false), tonumber("0x10"), tonumber("10", 2), tonumber("z", 36), tonumber("  5  "), tonumber("5x"), tonumber("1e2"), tonumber(""), tonumber("0x"), tonumber("inf"), tonumber("8", 8))
print(pcall(tonumber, "10", 99))
print(string.format("%s", setmetatable({}, { __tostring = function() return "custom" end })))
print(pcall(tostring, setmetatable({}, { __tostring = function() return 1 end })))
print(pcall(string.format, "%d", "x"))
print(pcall(string.format, "%z", 1))
print(pcall(string.format, "%5", 1))
-- CHECK: false	table	true	AppError[E42]: disk full	E42
-- CHECK-NEXT: false	nil
-- CHECK-NEXT: false	nil
-- CHECK-NEXT: false	msg
-- CHECK-NEXT: false	msg
-- CHECK-NEXT: false	{{.*}}lua-error-objects-levels.lua:19: at level 2
-- CHECK-NEXT: false	42
-- CHECK-NEXT: false	42
-- CHECK-NEXT: 2
-- CHECK-NEXT: false	handled: {{.*}}lua-error-objects-levels.lua:24: x
-- CHECK-NEXT: true	7
-- CHECK-NEXT: false	attempt to index a nil value (local 't')
-- CHECK-NEXT: false	error in error handling
-- CHECK-NEXT: false	inner
-- CHECK-NEXT: false	assertion failed!
-- CHECK-NEXT: false	custom message
-- CHECK-NEXT: false	table: {{0x[0-9a-f]+}}
-- CHECK-NEXT: 3	v	m
-- CHECK-NEXT: false	{{.*}}lua-error-objects-levels.lua:41: attempt to index a nil value (field 'b')
-- CHECK-NEXT: false	{{.*}}lua-error-objects-levels.lua:42: attempt to get length of a nil value
-- CHECK-NEXT: false	{{.*}}lua-error-objects-levels.lua:43: attempt to perform arithmetic on a table value
-- CHECK-NEXT: false	{{.*}}lua-error-objects-levels.lua:44: attempt to add a 'string' with a 'number'
-- CHECK-NEXT: true	20	1020
-- CHECK-NEXT: false	{{.*}}lua-error-objects-levels.lua:46: attempt to compare number with string
-- CHECK-NEXT: false	{{.*}}lua-error-objects-levels.lua:47: attempt to concatenate a table value
-- CHECK-NEXT: false	{{.*}}lua-error-objects-levels.lua:48: attempt to call a nil value (global 'undefinedfunc')
-- CHECK-NEXT: false	{{.*}}lua-error-objects-levels.lua:49: attempt to call a nil value (method 'nomethod')
-- CHECK-NEXT: false	{{.*}}lua-error-objects-levels.lua:50: bad argument #1 to 'floor' (number expected, got string)
-- CHECK-NEXT: true	false	bad argument #1 to 'string.sub' (string expected, got no value)
-- CHECK-NEXT: false	{{.*}}lua-error-objects-levels.lua:52: attempt to divide by zero
-- CHECK-NEXT: false	inf	inf
-- CHECK-NEXT: true	true
-- CHECK-NEXT: false	{{.*}}lua-error-objects-levels.lua:55: 'for' step is zero
-- CHECK-NEXT: false	{{.*}}lua-error-objects-levels.lua:56: bad 'for' initial value (number expected, got string)
-- CHECK-NEXT: false	bad argument #1 to 'setmetatable' (table expected, got number)
-- CHECK-NEXT: false	bad argument #1 to 'ipairs' (value expected)
-- CHECK-NEXT: false	{{.*}}lua-error-objects-levels.lua:59: C stack overflow
-- CHECK-NEXT: nil	false	16	2	35	5	nil	100.0	nil	nil	nil	nil
-- CHECK-NEXT: false	bad argument #2 to 'tonumber' (base out of range)
-- CHECK-NEXT: custom
-- CHECK-NEXT: true	1
-- CHECK-NEXT: false	bad argument #2 to 'string.format' (number expected, got string)
-- CHECK-NEXT: false	invalid conversion '%z' to 'format'
-- CHECK-NEXT: false	invalid conversion '%5' to 'format'
