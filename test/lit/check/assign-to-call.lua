-- RUN: not %slothc check %s 2>&1 | FileCheck %s
-- CHECK: {{.*}}assign-to-call.lua:3:1: error: syntax error near '='; only a variable, a field or an index can be assigned to [syntax-error]
f() = 1
