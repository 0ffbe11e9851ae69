-- RUN: not %slothc check %s 2>&1 | FileCheck %s --implicit-check-not=error:
-- CHECK: {{.*}}stray-character-no-cascade.lua:3:11: error: unexpected symbol near '@' [unexpected-character]
local x = @
print(x)
