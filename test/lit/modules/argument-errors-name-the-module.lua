-- A module function's argument errors name it as the module reference does
-- ('reliability.timeout', not 'timeout'), whatever the call site calls it; Lua's own libraries
-- keep lua5.4's wording ('rep').
-- RUN: %sloth run %s 2>&1 | FileCheck %s
print(select(2, pcall(function() reliability.timeout(function() end, "x") end)))
-- CHECK: bad argument #2 to 'reliability.timeout' (number expected, got string)
print(select(2, pcall(function() reliability.retry("x") end)))
-- CHECK-NEXT: bad argument #1 to 'reliability.retry' (function expected, got string)
print(select(2, pcall(function() exec.command(5) end)))
-- CHECK-NEXT: bad argument #1 to 'exec.command' (string or list of strings expected, got number)
print(select(2, pcall(function() goroutine.parallel(5) end)))
-- CHECK-NEXT: bad argument #1 to 'goroutine.parallel' (table expected, got number)
local r = reliability
print(select(2, pcall(function() r.timeout(nil, 1) end)))
-- CHECK-NEXT: bad argument #1 to 'reliability.timeout' (function expected, got nil)
print(select(2, pcall(function() string.rep() end)))
-- CHECK-NEXT: bad argument #1 to 'rep' (string expected, got no value)
