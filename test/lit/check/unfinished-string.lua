-- RUN: not %slothc check %s 2>&1 | FileCheck %s
-- CHECK: {{.*}}unfinished-string.lua:3:11: error: unfinished string near '"abc' [unfinished-string]
local s = "abc
print(s)
