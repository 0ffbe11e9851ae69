-- RUN: not %slothc check %s 2>&1 | FileCheck %s
local retries = 3
retries()
local missing
missing()
-- CHECK: {{.*}}call-non-function.lua:3:1: error: attempt to call a value that is not a function (its type is integer) [call-non-function]
-- CHECK: {{.*}}call-non-function.lua:5:1: error: attempt to call a nil value: this is always nil here [call-non-function]
