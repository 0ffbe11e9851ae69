-- RUN: %slothc check %s 2>&1 | FileCheck %s
local function f(x)
  if x then
    return 1
  else
    error("no x")
  end
  print("never")
end
print(f(1))
-- CHECK: {{.*}}unreachable-code.lua:8:3: warning: unreachable code: the statement before it never lets control reach here [unreachable-code]
