-- RUN: not %slothc check %s 2>&1 | FileCheck %s
-- CHECK: {{.*}}unknown-attribute.lua:3:10: error: unknown attribute 'static' [unknown-attribute]
local x <static> = 1
