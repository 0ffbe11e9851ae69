-- RUN: %slothc check %s 2>&1 | FileCheck %s --allow-empty --implicit-check-not=warning: --implicit-check-not=error:
local info = facts.gather()
print(info.hostname, facts.cpu().cores)
-- Keeping a module in a local of its own name is fine.
local string = string
print(string.upper("x"))
