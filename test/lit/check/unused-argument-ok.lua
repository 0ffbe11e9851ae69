-- RUN: %slothc check %s 2>&1 | FileCheck %s --allow-empty --implicit-check-not=warning: --implicit-check-not=error:
local function handler(event, _context)
  return event
end
print(handler(1))
local object = {}
function object:method() return 1 end
-- A parameter before a used one cannot be dropped.
local function second(_, value) return value end
local function pick(first, value) return value end
print(second(1, 2), pick(1, 2))
-- A callback's parameters are set by its caller.
table.sort({ 3, 1 }, function(a, b) return true end)
