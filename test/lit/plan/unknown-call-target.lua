-- RUN: %slothc plan %s | FileCheck %s
-- A call whose target only the run knows is never dropped: it is shown with '?'.
local lib = require("deploylib")
lib.rollout("v2")
local hooks = { web = function() systemd.service_restart("nginx") end,
                db = function() systemd.service_restart("postgresql") end }
hooks[os.getenv("ROLE")]()
-- CHECK:        ? call lib.rollout("v2"): a function only the run knows; it may change the system
-- CHECK-NEXT:       lib.rollout at {{.*}}unknown-call-target.lua:4
-- A known table indexed by an unknown key: each function it holds, under the test that picks it.
-- CHECK:        ~ restart {{nginx|postgresql}}
-- CHECK:            if os.getenv("ROLE") == "{{web|db}}"
-- CHECK:        ~ restart {{nginx|postgresql}}
-- CHECK:            if os.getenv("ROLE") == "{{web|db}}"
-- CHECK: 1 unknown call
