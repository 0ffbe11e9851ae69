-- A coroutine resumed from a coroutine, 190 deep, runs as in lua5.4 (which counts one C level per
-- resume, limit 200); sloth counted two and refused past 99 with "C stack overflow". Past the
-- limit it is still an error, not a crash. Found by test/fuzz/diffvm.py. Expected output: lua5.4.
-- RUN: %sloth run %s 2>&1 | FileCheck %s
local function nest(n)
  if n == 0 then return "deep" end
  local co = coroutine.create(function() return nest(n - 1) end)
  local ok, v = coroutine.resume(co)
  if not ok then error(v, 0) end
  return v
end
local function wrapped(n)
  if n == 0 then return "deep" end
  return coroutine.wrap(function() return wrapped(n - 1) end)()
end
print(pcall(nest, 190))
print(pcall(wrapped, 190))
print(pcall(nest, 250))
-- CHECK: true	deep
-- CHECK-NEXT: true	deep
-- CHECK-NEXT: false	C stack overflow
