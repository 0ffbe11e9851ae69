-- RUN: %slothc check %s 2>&1 | FileCheck %s
local function handler(event, context)
  return event
end
print(handler(1))
-- CHECK: {{.*}}unused-argument.lua:2:31: warning: unused argument 'context' (name it '_context' if that is intended) [unused-argument]
