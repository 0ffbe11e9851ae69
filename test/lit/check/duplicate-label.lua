-- RUN: not %slothc check %s 2>&1 | FileCheck %s
-- CHECK: {{.*}}duplicate-label.lua:6:3: error: label 'top' already defined on line 4 [duplicate-label]
-- CHECK: {{.*}}duplicate-label.lua:4:1: note: previous definition is here
::top::
do
  ::top::
end
