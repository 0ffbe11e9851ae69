-- RUN: %slothc check %s 2>&1 | FileCheck %s --allow-empty --implicit-check-not=warning: --implicit-check-not=error:
-- Each call fits one of the forms that take its number of arguments.
local results = goroutine.parallel({ function() return 1 end, function() return 2 end })
local limited = goroutine.parallel({ tasks = { function() return 3 end }, max_concurrent = 1 })
print(results, limited)
local list = {}
table.insert(list, "x")
table.insert(list, 1, "y")
local function make() return function() return 4 end end
print(goroutine.parallel({ make(), make() }))
