-- RUN: %slothc check %s 2>&1 | FileCheck %s --allow-empty --implicit-check-not=warning: --implicit-check-not=error:
-- sloth: ignore-file module-not-built   (these modules are declared, not all built: not the point here)
systemd.service_restart("nginx")
-- A call as the last argument may supply any number of values.
local function name() return "nginx" end
systemd.service_restart(name())
local deploy = workflow.define("deploy")
print(deploy, workflow.define("other", { tasks = {} }))
