-- RUN: not %slothc check %s 2>&1 | FileCheck %s
-- CHECK: {{.*}}goto-into-local-scope.lua:4:3: error: <goto done> at line 4 jumps into the scope of local 'y' [goto-into-local-scope]
do
  goto done
  local y = 1
  ::done::
  print(y)
end
