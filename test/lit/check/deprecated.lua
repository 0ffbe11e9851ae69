-- RUN: %slothc check %s 2>&1 | FileCheck %s
local a, b = unpack({ 1, 2 })
print(a, b, table.getn({}), math.pow(2, 3))
-- CHECK: {{.*}}deprecated.lua:2:14: warning: 'unpack' is deprecated; use table.unpack [deprecated]
-- CHECK: {{.*}}deprecated.lua:3:13: warning: 'table.getn' is deprecated; use the length operator #list [deprecated]
-- CHECK: {{.*}}deprecated.lua:3:29: warning: 'math.pow' is deprecated; use the operator x ^ y [deprecated]
