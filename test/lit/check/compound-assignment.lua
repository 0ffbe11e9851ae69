-- RUN: not %slothc check %s 2>&1 | FileCheck %s
-- CHECK: {{.*}}compound-assignment.lua:4:7: error: syntax error near '+='; Lua has no compound assignment: write 'count = count + ...' [syntax-error]
local count = 0
count += 1
