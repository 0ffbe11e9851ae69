-- Calls through circuit "api" (2 failures open it for 30 s): "fail" calls a failing function,
-- "call" a working one; prints each outcome.
local mode = ...
local options = { name = "api", failure_threshold = 2, timeout = 30 }
local fn = mode == "fail" and function() error("backend down", 0) end or function() return "up" end
for i = 1, 3 do
  print(i, pcall(reliability.circuit_breaker, fn, options))
end
