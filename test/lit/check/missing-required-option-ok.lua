-- RUN: %slothc check %s 2>&1 | FileCheck %s --allow-empty --implicit-check-not=warning: --implicit-check-not=error:
-- sloth: ignore-file module-not-built   (these modules are declared, not all built: not the point here)
local r = gitops.sync({ repo = "https://example.com/infra.git", destination = "/srv/infra" })
print(r.changed)
-- A table built earlier may get its keys later: not reported.
local options = { repo = "https://example.com/infra.git" }
options.destination = "/srv/infra"
print(gitops.sync(options).changed)
