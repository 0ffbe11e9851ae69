-- RUN: %slothc plan %s | FileCheck %s
-- Functions given inside an options table (goroutine.parallel's {tasks = {...}}) are planned like
-- functions given directly, also when they are built in a loop and call through reliability.retry.
local function probe(host)
  return reliability.retry(function()
    return exec.command({ "ping", "-c1", host }).success
  end, { max_attempts = 2 })
end
local fns = {}
for i, h in ipairs({ "alpha", "beta" }) do
  fns[i] = function() return probe(h) end
end
goroutine.parallel({ tasks = fns, max_concurrent = 2 })
goroutine.parallel({ tasks = { function() file.write("/tmp/sloth-plan-opt", "x") end } })
-- CHECK: ! run ping -c1 alpha
-- CHECK: ! run ping -c1 beta
-- CHECK: ~ write /tmp/sloth-plan-opt
-- CHECK: Plan: 0 to create, 1 to change, 0 to delete, 2 commands
