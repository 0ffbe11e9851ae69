-- RUN: not %slothc check %s 2>&1 | FileCheck %s
-- CHECK: {{.*}}elsif.lua:6:1: error: 'elsif' is not a Lua keyword; did you mean 'elseif'? [syntax-error]
-- CHECK: {{.*}}elsif.lua:6:1: fix-it: replace 'elsif' with 'elseif'
if x == 1 then
  print('a')
elsif x == 2 then
  print('b')
end
