-- RUN: %sloth run %s | FileCheck --match-full-lines %s
-- coroutine.create/resume/yield/status/running/isyieldable, values passed both ways
local co = coroutine.create(function(a, b)
  print("start", a, b, coroutine.isyieldable())
  local c = coroutine.yield(a + b)
  print("got", c)
  local d, e = coroutine.yield(c * 2)
  return d + e, "done"
end)
print(coroutine.status(co))
print(coroutine.resume(co, 1, 2))
print(coroutine.status(co))
print(coroutine.resume(co, 10))
print(coroutine.resume(co, 3, 4))
print(coroutine.status(co))
print(coroutine.resume(co))
print(coroutine.isyieldable())
local main, ismain = coroutine.running()
print(type(main), ismain)
local inner
inner = coroutine.create(function()
  local self, isMain = coroutine.running()
  print(self == inner, isMain, coroutine.status(inner))
  print(coroutine.status(main))
end)
coroutine.resume(inner)
local gen = coroutine.wrap(function() for i = 1, 3 do coroutine.yield(i) end end)
print(gen(), gen(), gen())
local nested = coroutine.wrap(function()
  local innerco = coroutine.wrap(function() coroutine.yield("inner") return "inner done" end)
  coroutine.yield(innerco())
  coroutine.yield(innerco())
end)
print(nested(), nested())
print(select("#", coroutine.resume(coroutine.create(function() end))))
print(coroutine.resume(coroutine.create(function(...) return select("#", ...) end), nil, nil))
print(pcall(coroutine.yield, 1))
print(pcall(coroutine.resume, 1))
print(pcall(coroutine.create, 1))
print(pcall(coroutine.status, nil))
print(pcall(coroutine.wrap))
local yielder = coroutine.wrap(function() pcall(function() coroutine.yield("from pcall") end) return "after" end)
print(yielder(), yielder())
local meta = setmetatable({}, {__index = function(_, k) return coroutine.yield(k) end})
local viaMeta = coroutine.wrap(function() return "result: " .. meta.key end)
print(viaMeta(), viaMeta("value"))
-- CHECK: suspended
-- CHECK-NEXT: start	1	2	true
-- CHECK-NEXT: true	3
-- CHECK-NEXT: suspended
-- CHECK-NEXT: got	10
-- CHECK-NEXT: true	20
-- CHECK-NEXT: true	7	done
-- CHECK-NEXT: dead
-- CHECK-NEXT: false	cannot resume dead coroutine
-- CHECK-NEXT: false
-- CHECK-NEXT: thread	true
-- CHECK-NEXT: true	false	running
-- CHECK-NEXT: normal
-- CHECK-NEXT: 1	2	3
-- CHECK-NEXT: inner	inner done
-- CHECK-NEXT: 1
-- CHECK-NEXT: true	2
-- CHECK-NEXT: false	attempt to yield from outside a coroutine
-- CHECK-NEXT: false	bad argument #1 to 'coroutine.resume' (thread expected, got number)
-- CHECK-NEXT: false	bad argument #1 to 'coroutine.create' (function expected, got number)
-- CHECK-NEXT: false	bad argument #1 to 'coroutine.status' (thread expected, got nil)
-- CHECK-NEXT: false	bad argument #1 to 'coroutine.wrap' (function expected, got no value)
-- CHECK-NEXT: from pcall	after
-- CHECK-NEXT: key	result: value
