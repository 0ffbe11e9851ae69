-- RUN: not %slothc check %s 2>&1 | FileCheck %s
-- A table constructor passed as a list or a map: each element against the element type.
local r = exec.command({ "ls", "-l", true })
-- CHECK: {{.*}}table-elements.lua:3:38: error: exec.command: argument 1 ('command') must be string|string[]; its element [3] is boolean [arg-type-mismatch]
print(r.success)
metrics.counter("deploys_total", 1, { env = "prod", canary = false })
-- CHECK: {{.*}}table-elements.lua:6:62: error: metrics.counter: argument 3 ('labels') must be metrics.Labels (table<string, string>); its field 'canary' is boolean [arg-type-mismatch]
