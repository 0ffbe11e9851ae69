-- RUN: not %slothc check %s 2>&1 | FileCheck %s
-- CHECK: {{.*}}name-expected.lua:3:16: error: <name> expected near 'end' [syntax-error]
local function end
