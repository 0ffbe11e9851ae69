-- A __gc finalizer may not yield, as in Lua: it runs wherever an allocation started the
-- collection, and a yield suspended that coroutine there and handed the finalizer's values to its
-- resumer. The yield is an error, ignored like any error in a finalizer; coroutines the finalizer
-- makes may still yield. Found by test/fuzz/diffvm.py. Expected output: lua5.4 (5.4.4).
-- RUN: %sloth run %s 2>&1 | FileCheck %s
local co = coroutine.wrap(function()
  setmetatable({}, {__gc = function() coroutine.yield("from __gc") end})
  collectgarbage()
  return "done"
end)
print(pcall(co))
-- CHECK: true	done
local seen
setmetatable({}, {__gc = function()
  seen = coroutine.isyieldable()
  local gen = coroutine.wrap(function() coroutine.yield("inner") end)
  print("finalizer", gen())
end})
print(coroutine.wrap(function() collectgarbage() return seen end)())
-- CHECK-NEXT: finalizer	inner
-- CHECK-NEXT: false
