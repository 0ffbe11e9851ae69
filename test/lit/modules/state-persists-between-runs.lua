-- A value set in one run is there in the next, with its type; state.changed sees it.
-- RUN: rm -rf %t && mkdir -p %t
-- RUN: env SLOTH_HOME=%t %sloth run %s set | FileCheck %s --check-prefix=SET
-- RUN: env SLOTH_HOME=%t %sloth run %s get | FileCheck %s --check-prefix=GET
local mode = ...
if mode == "set" then
  print(state.set("deploy", { version = "v1.2.3", replicas = 3, ratio = 1.0 }).changed)
  -- SET: true
else
  local deploy = state.get("deploy")
  print(deploy.version, deploy.replicas, deploy.ratio, math.type(deploy.replicas))
  -- GET: v1.2.3	3	1.0	integer
  print(state.changed("deploy", { version = "v1.2.3", replicas = 3, ratio = 1.0 }))
  -- GET-NEXT: false
end
