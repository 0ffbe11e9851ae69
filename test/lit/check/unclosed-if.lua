-- RUN: not %slothc check %s 2>&1 | FileCheck %s
-- CHECK: {{.*}}unclosed-if.lua:7:1: error: 'end' expected (to close 'if' at line 3) near <eof> [syntax-error]
if ready then
  start()
else
  stop()
