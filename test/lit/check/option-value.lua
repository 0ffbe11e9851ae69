-- RUN: not %slothc check %s 2>&1 | FileCheck %s
pkg.install("nginx", { state = "lastest" })
local state = "prsent"
pkg.install("curl", { state = state })
-- CHECK: {{.*}}option-value.lua:2:32: error: pkg.install: option 'state' must be "present" or "latest", got "lastest" [option-value]
-- CHECK: {{.*}}option-value.lua:4:31: error: pkg.install: option 'state' must be "present" or "latest", got "prsent" [option-value]
