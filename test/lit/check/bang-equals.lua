-- RUN: not %slothc check %s 2>&1 | FileCheck %s
-- CHECK: {{.*}}bang-equals.lua:4:6: error: '!=' is not a Lua operator; did you mean '~='? [unexpected-symbol]
-- CHECK: {{.*}}bang-equals.lua:4:6: fix-it: replace '!=' with '~='
if a != b then print(a) end
