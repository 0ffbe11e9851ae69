-- RUN: not %slothc check %s 2>&1 | FileCheck %s
-- CHECK: {{.*}}decimal-escape-too-large.lua:3:12: error: decimal escape too large near '"\300' [invalid-escape]
local s = "\300"
