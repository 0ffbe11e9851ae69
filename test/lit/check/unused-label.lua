-- RUN: %slothc check %s 2>&1 | FileCheck %s
for i = 1, 3 do
  print(i)
  ::next::
end
-- CHECK: {{.*}}unused-label.lua:4:3: warning: label 'next' is never the target of a goto [unused-label]
