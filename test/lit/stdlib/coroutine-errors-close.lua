-- RUN: %sloth run %s | FileCheck --match-full-lines %s
-- errors inside coroutines, wrap's error propagation, coroutine.close and to-be-closed variables
local co = coroutine.create(function() error("oops") end)
print(coroutine.resume(co))
print(coroutine.status(co), coroutine.resume(co))
local co2 = coroutine.create(function() error({code = 1}) end)
local ok, err = coroutine.resume(co2)
print(ok, type(err), err.code)
local w = coroutine.wrap(function() error("wrapped") end)
print(pcall(w))
local w2 = coroutine.wrap(function() error("no position", 0) end)
print(pcall(w2))
print(pcall(w2))
local w3 = coroutine.wrap(function() error({}) end)
print(type(select(2, pcall(w3))))
local closing = coroutine.create(function()
  local x <close> = setmetatable({}, {__close = function() print("closed x") end})
  coroutine.yield(1)
end)
print(coroutine.resume(closing))
print(coroutine.close(closing), coroutine.status(closing))
print(coroutine.close(coroutine.create(print)))
print(coroutine.close(co))
local failclose = coroutine.create(function()
  local y <close> = setmetatable({}, {__close = function() error("close failed") end})
  coroutine.yield()
end)
coroutine.resume(failclose)
print(coroutine.close(failclose))
print(pcall(coroutine.close, coroutine.running()))
local outer = coroutine.create(function(parent)
  print(pcall(coroutine.close, parent))
end)
local parent
parent = coroutine.create(function() coroutine.resume(outer, parent) end)
coroutine.resume(parent)
local deep = coroutine.wrap(function() local function f(n) if n == 0 then coroutine.yield("deep") else return f(n - 1) end end f(100) end)
print(deep())
local errTbc = coroutine.wrap(function()
  local z <close> = setmetatable({}, {__close = function(_, e) print("closing with", e) end})
  error("body failed", 0)
end)
print(pcall(errTbc))
-- CHECK: false	{{.*}}coroutine-errors-close.lua:3: oops
-- CHECK-NEXT: dead	false	cannot resume dead coroutine
-- CHECK-NEXT: false	table	1
-- CHECK-NEXT: false	{{.*}}coroutine-errors-close.lua:9: wrapped
-- CHECK-NEXT: false	no position
-- CHECK-NEXT: false	cannot resume dead coroutine
-- CHECK-NEXT: table
-- CHECK-NEXT: true	1
-- CHECK-NEXT: closed x
-- CHECK-NEXT: true	dead
-- CHECK-NEXT: true
-- CHECK-NEXT: false	{{.*}}coroutine-errors-close.lua:3: oops
-- CHECK-NEXT: false	{{.*}}coroutine-errors-close.lua:25: close failed
-- CHECK-NEXT: false	cannot close a running coroutine
-- CHECK-NEXT: false	cannot close a normal coroutine
-- CHECK-NEXT: deep
-- CHECK-NEXT: closing with	body failed
-- CHECK-NEXT: false	body failed
