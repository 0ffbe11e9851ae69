-- RUN: not %slothc check %s 2>&1 | FileCheck %s
-- A local table built by a constructor and never changed is checked like the literal itself.
local opts = { state = "lastest", update_cahce = true }
pkg.install("nginx", opts)
-- CHECK: {{.*}}table-shape.lua:3:24: error: pkg.install: option 'state' must be "present" or "latest", got "lastest" [option-value]
-- CHECK: {{.*}}table-shape.lua:3:35: error: unknown option 'update_cahce' for pkg.install; did you mean 'update_cache'? [unknown-option]
local sync = { repo = "https://example.com/infra.git" }
gitops.sync(sync)
-- CHECK: {{.*}}table-shape.lua:7:14: error: gitops.sync: missing required option 'destination' [missing-required-option]
local cfg = { host = "db.internal", port = 5432 }
print(cfg.hots)
-- CHECK: {{.*}}table-shape.lua:11:11: warning: unknown field 'hots': the table 'cfg' built at line 10 has no such key and nothing adds one, so this is always nil; did you mean 'host'? [unknown-field]
-- The fields have their values' types.
cfg.port()
-- CHECK: {{.*}}table-shape.lua:14:1: error: attempt to call a value that is not a function (its type is integer) [call-non-function]
