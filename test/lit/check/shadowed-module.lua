-- RUN: %slothc check %s 2>&1 | FileCheck %s
local facts = facts.gather()
print(facts.hostname)
local cpu = facts.cpu()
print(cpu)
-- CHECK: {{.*}}shadowed-module.lua:4:13: warning: 'facts' here is the local facts (a facts.Facts), not the facts module, so 'facts.cpu' is not the module's function; rename the local [shadowed-module]
