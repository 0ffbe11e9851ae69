-- RUN: not %slothc check %s 2>&1 | FileCheck %s
-- CHECK: {{.*}}unclosed-table.lua:6:1: error: '}' expected (to close '{' at line 3) near <eof> [syntax-error]
local t = {
  a = 1,
  b = 2
