-- RUN: %slothc check %s 2>&1 | FileCheck %s
---@param name strng
local function greet(name) return "hi " .. name end
print(greet("x"))
-- CHECK: {{.*}}bad-annotation.lua:2:16: warning: unknown type 'strng'; did you mean 'string'? [bad-annotation]
