-- RUN: not %slothc check %s 2>&1 | FileCheck %s
-- CHECK: {{.*}}malformed-number.lua:3:11: error: malformed number near '3x' [malformed-number]
local n = 3x
