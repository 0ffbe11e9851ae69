-- goroutine.parallel runs functions concurrently on the event loop and returns their first results.
-- RUN: %sloth run %s | FileCheck %s
local start = os.time()
local results = goroutine.parallel({
  function() return exec.command("sleep 1; echo one").stdout end,
  function() return exec.command("sleep 1; echo two").stdout end,
  function() return exec.command("sleep 1; echo three").stdout end,
})
print(results[1], results[2], results[3], os.time() - start < 3)
local limited = goroutine.parallel({ tasks = { function() return 1 end, function() return 2 end }, max_concurrent = 1 })
print(limited[1], limited[2])
print(pcall(goroutine.parallel, { function() error("inner", 0) end, function() return 1 end }))
-- CHECK: one
-- CHECK-NEXT: 	two
-- CHECK-NEXT: 	three
-- CHECK-NEXT: 	true
-- CHECK-NEXT: 1	2
-- CHECK-NEXT: false	inner
