-- RUN: not %slothc check %s 2>&1 | FileCheck %s
-- CHECK: {{.*}}hex-escape-needs-two-digits.lua:3:12: error: hexadecimal digit expected near '"\xZ' [invalid-escape]
local s = "\xZZ"
