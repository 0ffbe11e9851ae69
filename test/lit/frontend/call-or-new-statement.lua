-- RUN: %sloth run %s | FileCheck %s
-- RUN: %slothc check %s
-- Lua's one ambiguity: `(` after a call-able expression continues it as a call even on the next
-- line (lparser.c's suffixedexp loop); the parser decides this without look-ahead. Expected
-- output taken from lua5.4.
-- CHECK: f(1) g(2) f(s) g(3) f(x) g(4)
local calls = {}
local function f(x)
  calls[#calls + 1] = "f(" .. tostring(x) .. ")"
  return function(y) calls[#calls + 1] = "g(" .. tostring(y) .. ")" end
end
local g = 1
f
(g)(2)
local t = { f = f }
t.f
"s" (3)
t
.f "x"
(4)
print(table.concat(calls, " "))
