-- RUN: not %slothc check %s 2>&1 | FileCheck %s
-- CHECK: {{.*}}invalid-long-string-delimiter.lua:3:11: error: invalid long string delimiter near '[=' [invalid-long-string-delimiter]
local s = [=x
