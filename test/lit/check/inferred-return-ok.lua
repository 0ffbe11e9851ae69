-- RUN: %slothc check %s 2>&1 | FileCheck %s --allow-empty --implicit-check-not=warning: --implicit-check-not=error:
-- Near misses: nothing here is certain to fail, so inference must stay quiet.
local function run(c) return exec.command(c) end
print(run("ls").exit_code)
-- A wrapper that keeps the result in a local may have checked it: calling it alone is fine.
local function must(c)
  local r = exec.command(c)
  if not r.success then error(r.stderr) end
  return r
end
must("systemctl reload nginx")
-- Recursion stays unknown, and so does anything that depends on a parameter.
local function fact(n)
  if n <= 1 then return 1 end
  return n * fact(n - 1)
end
print(fact(5) + 1)
local function id(x) return x end
print(id("a"):upper(), id(nil))
-- A function that always returns a value on every path is never nil.
local function name(x)
  if x then return "a" else return "b" end
end
print(name(true):upper())
-- `while true` without break never falls off the end.
local function first()
  while true do
    return "x"
  end
end
print(first():upper())
-- Reassigned functions are not trusted.
local f = function() return nil end
f = function() return { x = 1 } end
print(f().x)
-- A field set twice may hold either function.
local M = {}
function M.get() return nil end
M.get = function() return { x = 1 } end
print(M.get().x)
-- Extra arguments and missing ones are Lua's business, not a wrong-arg-count.
local function two(a, b) return (a or 0) + (b or 0) end
print(two(1), two(1, 2, 3))
