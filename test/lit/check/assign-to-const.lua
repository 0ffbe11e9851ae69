-- RUN: not %slothc check %s 2>&1 | FileCheck %s
-- CHECK: {{.*}}assign-to-const.lua:5:1: error: attempt to assign to const variable 'limit' [assign-to-const]
-- CHECK: {{.*}}assign-to-const.lua:4:7: note: 'limit' is declared here
local limit <const> = 10
limit = 11
