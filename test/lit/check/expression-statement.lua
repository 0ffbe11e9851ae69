-- RUN: not %slothc check %s 2>&1 | FileCheck %s
-- CHECK: {{.*}}expression-statement.lua:4:1: error: syntax error near <eof>; an expression on its own is not a statement (only a call is) [syntax-error]
local x = 1
x
