-- state.set in a dry run reports the change and stores nothing.
-- RUN: rm -rf %t && mkdir -p %t
-- RUN: env SLOTH_HOME=%t %sloth run --dry-run %s | FileCheck %s --check-prefix=DRY
-- RUN: env SLOTH_HOME=%t %sloth run %S/Inputs/state-get.lua | FileCheck %s --check-prefix=AFTER
print(state.set("deploy.version", "1.2.3").changed)
-- DRY: ~ state.set deploy.version: would change
-- DRY: true
-- AFTER: value: nil
