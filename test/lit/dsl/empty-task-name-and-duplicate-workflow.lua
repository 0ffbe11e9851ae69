-- RUN: not %slothc check --format gcc %s 2>&1 | FileCheck %s --implicit-check-not=error:
-- `task("")` and a workflow name defined twice at the top level are refused by the run before any
-- task starts; the check says so. Definitions in different branches may each be the only one.
local a = task(""):command("true"):build()
-- CHECK: empty-task-name-and-duplicate-workflow.lua:4:16: error: a task needs a non-empty name [invalid-task-name]
local b = task("b"):command("true"):build()
workflow.define("deploy"):tasks({ a })
workflow.define("deploy"):tasks({ b })
-- CHECK: empty-task-name-and-duplicate-workflow.lua:8:17: error: workflow 'deploy' is already defined; workflow names must be unique [duplicate-workflow]
-- CHECK: empty-task-name-and-duplicate-workflow.lua:7:17: note: defined first here
if os.getenv("CANARY") then
  workflow.define("release"):tasks({ b })
else
  workflow.define("release"):tasks({ b })
end
