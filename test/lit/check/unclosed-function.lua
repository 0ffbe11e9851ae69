-- RUN: not %slothc check %s 2>&1 | FileCheck %s
-- CHECK: {{.*}}unclosed-function.lua:7:1: error: 'end' expected (to close 'function' at line 3) near <eof> [syntax-error]
function deploy()
  run('x')

local y = 1
