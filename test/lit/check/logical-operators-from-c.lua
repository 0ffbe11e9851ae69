-- RUN: not %slothc check %s 2>&1 | FileCheck %s
-- CHECK: {{.*}}logical-operators-from-c.lua:6:6: error: '&&' is not a Lua operator; did you mean 'and'? [unexpected-symbol]
-- CHECK: {{.*}}logical-operators-from-c.lua:6:6: fix-it: replace '&&' with 'and'
-- CHECK: {{.*}}logical-operators-from-c.lua:6:11: error: '||' is not a Lua operator; did you mean 'or'? [unexpected-symbol]
-- CHECK: {{.*}}logical-operators-from-c.lua:6:11: fix-it: replace '||' with 'or'
if a && b || c then print(a) end
