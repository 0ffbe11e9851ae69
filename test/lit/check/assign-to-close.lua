-- RUN: not %slothc check %s 2>&1 | FileCheck %s
-- CHECK: {{.*}}assign-to-close.lua:5:1: error: attempt to assign to const variable 'f' [assign-to-const]
-- CHECK: {{.*}}assign-to-close.lua:4:7: note: 'f' is declared here
local f <close> = nil
f = 1
