-- RUN: not %slothc check %s 2>&1 | FileCheck %s
-- CHECK: {{.*}}method-without-arguments.lua:3:7: error: function arguments expected near '=' [syntax-error]
a.b:c = 1
