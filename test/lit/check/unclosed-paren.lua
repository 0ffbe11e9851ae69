-- RUN: not %slothc check %s 2>&1 | FileCheck %s
-- CHECK: {{.*}}unclosed-paren.lua:5:1: error: ')' expected (to close '(' at line 3) near <eof> [syntax-error]
local x = (1 +
  2
