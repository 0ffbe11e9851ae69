-- RUN: %slothc check %s 2>&1 | FileCheck %s
for i, v in ipairs({ 1, 2 }) do
  print(v)
end
for n = 1, 3 do end
-- CHECK: {{.*}}unused-loop-variable.lua:2:5: warning: unused loop variable 'i' (name it '_' if that is intended) [unused-loop-variable]
-- CHECK: {{.*}}unused-loop-variable.lua:5:5: warning: unused loop variable 'n' (name it '_' if that is intended) [unused-loop-variable]
