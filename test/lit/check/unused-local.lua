-- RUN: %slothc check %s 2>&1 | FileCheck %s
local unused = 1
local assigned = 2
assigned = 3
-- CHECK: {{.*}}unused-local.lua:2:7: warning: unused local 'unused' [unused-local]
-- CHECK: {{.*}}unused-local.lua:3:7: warning: local 'assigned' is assigned but never read [unused-local]
