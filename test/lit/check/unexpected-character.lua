-- RUN: not %slothc check %s 2>&1 | FileCheck %s
-- CHECK: {{.*}}unexpected-character.lua:3:11: error: unexpected symbol near '@' [unexpected-character]
local x = @y
