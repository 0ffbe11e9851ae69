-- reliability.timeout stops Lua code that never waits (the VM interrupt): the caller's pcall gets
-- the timeout error, even when fn catches the first one itself, and the script goes on.
-- RUN: %sloth run %s | FileCheck %s
print(pcall(reliability.timeout, function()
  while true do end
end, 1))
-- CHECK: false	{{.*}}reliability.timeout: the function did not finish within 1 s
print(pcall(reliability.timeout, function()
  while true do
    pcall(function()
      while true do end
    end)
  end
end, 0.2))
-- CHECK-NEXT: false	{{.*}}reliability.timeout: the function did not finish within 0.2 s
-- The caller's own loop afterwards is not interrupted, and fn's results still come back.
local start = os.clock()
while os.clock() - start < 0.3 do end
print("continued", reliability.timeout(function()
  local sum = 0
  for i = 1, 100000 do sum = sum + i end
  return sum
end, 5))
-- CHECK-NEXT: continued	5000050000
