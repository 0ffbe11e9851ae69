-- RUN: not %slothc check %s 2>&1 | FileCheck %s
-- CHECK: {{.*}}unfinished-long-string.lua:3:11: error: unfinished long string (starting at line 3) near <eof> [unfinished-long-string]
local s = [==[
abc
]=]
