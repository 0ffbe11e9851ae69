-- RUN: not %slothc check %s 2>&1 | FileCheck %s
-- CHECK: {{.*}}unclosed-repeat.lua:5:1: error: 'until' expected (to close 'repeat' at line 3) near <eof> [syntax-error]
repeat
  poll()
