-- RUN: not %slothc check %s 2>&1 | FileCheck %s
-- CHECK: {{.*}}continue.lua:4:18: error: Lua has no 'continue' statement; write 'goto continue' and put '::continue::' at the end of the loop body [syntax-error]
for i = 1, 3 do
  if i == 2 then continue end
  print(i)
end
