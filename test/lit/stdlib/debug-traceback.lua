-- RUN: %sloth run %s | FileCheck --match-full-lines %s
-- debug.traceback as an xpcall handler, non-string messages, raw metatable access
local function fails() error("deep failure") end
local ok, tb = xpcall(fails, debug.traceback)
print(ok, tb:match("^[^\n]*"), tb:find("stack traceback:", 1, true) ~= nil)
print(debug.traceback("msg"):match("^msg\nstack traceback:\n") ~= nil)
local t = {}
print(debug.traceback(t) == t, debug.traceback(nil):sub(1, 16))
local locked = setmetatable({}, {__metatable = "locked"})
print(getmetatable(locked), type(debug.getmetatable(locked)), debug.getmetatable(1))
print(debug.setmetatable(locked, nil) == locked, getmetatable(locked))
print(pcall(debug.setmetatable, {}, 1))
-- CHECK: false	{{.*}}debug-traceback.lua:3: deep failure	true
-- CHECK-NEXT: true
-- CHECK-NEXT: true	stack traceback:
-- CHECK-NEXT: locked	table	nil
-- CHECK-NEXT: true	nil
-- CHECK-NEXT: false	bad argument #2 to 'debug.setmetatable' (nil or table expected, got number)
