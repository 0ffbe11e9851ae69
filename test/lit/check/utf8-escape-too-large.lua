-- RUN: not %slothc check %s 2>&1 | FileCheck %s
-- CHECK: {{.*}}utf8-escape-too-large.lua:3:12: error: UTF-8 value too large near '"\u{80000000' [invalid-escape]
local s = "\u{80000000}"
