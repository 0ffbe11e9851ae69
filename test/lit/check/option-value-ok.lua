-- RUN: %slothc check %s 2>&1 | FileCheck %s --allow-empty --implicit-check-not=warning: --implicit-check-not=error:
-- sloth: ignore-file module-not-built   (these modules are declared, not all built: not the point here)
pkg.install("nginx", { state = "present" })
local function wanted() return "latest" end
-- A value the checker cannot know is not reported.
pkg.install("curl", { state = wanted() })
