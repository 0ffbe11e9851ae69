-- Producer/consumer coroutines: wrap, yield across pcall, close, status, generators.
-- Expected output: lua5.4 (5.4.4) on the same file.
-- RUN: %sloth run %s 2>/dev/null | FileCheck --match-full-lines %s
-- producer/consumer pipelines with coroutines, wrap, status, yield across pcall, close
local function producer(items)
  return coroutine.create(function()
    for _, it in ipairs(items) do coroutine.yield(it) end
    return "done"
  end)
end
local p = producer({ "a", "b" })
print(coroutine.resume(p)) print(coroutine.resume(p)) print(coroutine.resume(p)) print(coroutine.resume(p))
print(coroutine.status(p))
local gen = coroutine.wrap(function(a, b)
  local c = coroutine.yield(a + b)
  local d, e = coroutine.yield(c * 2)
  return d + e
end)
print(gen(1, 2), gen(10), gen(3, 4))
print(pcall(gen))
-- yield across pcall
local co = coroutine.create(function()
  local ok, err = pcall(function()
    coroutine.yield("inside pcall")
    error({ code = 42 })
  end)
  coroutine.yield(ok, type(err), err.code)
  return "end"
end)
print(coroutine.resume(co)) print(coroutine.resume(co)) print(coroutine.resume(co))
-- error in coroutine with traceback-less message
local bad = coroutine.create(function() local x = nil; return x.field end)
print(coroutine.resume(bad))
print(coroutine.status(bad))
-- isyieldable, running
print(coroutine.isyieldable(), select(2, coroutine.running()))
coroutine.wrap(function() print(coroutine.isyieldable(), select(2, coroutine.running())) end)()
-- close suspended coroutine with pending to-be-closed
local cc = coroutine.create(function()
  local x <close> = setmetatable({}, { __close = function() print("closed x") end })
  coroutine.yield(1)
end)
coroutine.resume(cc)
print(coroutine.close(cc), coroutine.status(cc))
-- resume dead / non-suspended
print(coroutine.resume(cc))
print(pcall(coroutine.resume, coroutine.running()))
-- wrap error propagates with position
local w = coroutine.wrap(function() error("wrapped failure") end)
print(pcall(w))
-- generators: permutations
local function permgen(a, n)
  n = n or #a
  if n <= 1 then coroutine.yield(a) else
    for i = 1, n do a[n], a[i] = a[i], a[n]; permgen(a, n - 1); a[n], a[i] = a[i], a[n] end
  end
end
local count = 0
for perm in coroutine.wrap(function() permgen({ 1, 2, 3, 4 }) end) do count = count + 1 if count == 5 then print(table.concat(perm, ",")) end end
print("perms", count)
-- table.sort with yields not needed; deep recursion in coroutine
local deep = coroutine.wrap(function() local function f(n) if n == 0 then return 0 end return 1 + f(n - 1) end return f(10000) end)
print(deep())
print(select("#", coroutine.resume(coroutine.create(function(...) return ... end), 1, nil, 3, nil)))
-- CHECK: true	a
-- CHECK-NEXT: true	b
-- CHECK-NEXT: true	done
-- CHECK-NEXT: false	cannot resume dead coroutine
-- CHECK-NEXT: dead
-- CHECK-NEXT: 3	20	7
-- CHECK-NEXT: false	cannot resume dead coroutine
-- CHECK-NEXT: true	inside pcall
-- CHECK-NEXT: true	false	table	42
-- CHECK-NEXT: true	end
-- CHECK-NEXT: false	{{.*}}lua-coroutine-pipelines.lua:32: attempt to index a nil value (local 'x')
-- CHECK-NEXT: dead
-- CHECK-NEXT: false	true
-- CHECK-NEXT: true	false
-- CHECK-NEXT: closed x
-- CHECK-NEXT: true	dead
-- CHECK-NEXT: false	cannot resume dead coroutine
-- CHECK-NEXT: true	false	cannot resume non-suspended coroutine
-- CHECK-NEXT: false	{{.*}}lua-coroutine-pipelines.lua:49: wrapped failure
-- CHECK-NEXT: 2,4,3,1
-- CHECK-NEXT: perms	24
-- CHECK-NEXT: 10000
-- CHECK-NEXT: 5
