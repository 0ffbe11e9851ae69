-- RUN: not %slothc check %s 2>&1 | FileCheck %s
-- CHECK: {{.*}}break-outside-loop.lua:4:3: error: break outside a loop [break-outside-loop]
if x then
  break
end
