-- A retried function that raises a table (error({...})) is logged with the table's fields, not
-- as "table: 0x...": the retry warning is the only place the operator sees that failure.
-- RUN: %sloth run %s 2>%t.err | FileCheck %s
-- RUN: FileCheck %s --check-prefix=LOG < %t.err
local n = 0
local ok, err = pcall(reliability.retry, function()
  n = n + 1
  if n == 1 then error({ host = "db1", code = 7, nested = { 1 } }) end
  if n == 2 then error(setmetatable({}, { __tostring = function() return "AppError E42" end })) end
  error({ "x", [true] = 1 })
end, { max_attempts = 3, initial_delay = 0.01 })
print(ok, type(err), err[1])
-- CHECK: false	table	x
-- LOG: reliability.retry: attempt 1 of 3 failed: {code = 7, host = "db1", nested = {…}}; retrying
-- LOG: reliability.retry: attempt 2 of 3 failed: AppError E42; retrying
