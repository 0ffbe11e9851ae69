-- RUN: not %slothc check %s 2>&1 | FileCheck %s
-- CHECK: {{.*}}invalid-escape.lua:3:12: error: invalid escape sequence near '"\q' [invalid-escape]
local s = "\q"
