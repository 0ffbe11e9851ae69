-- RUN: %slothc check %s 2>&1 | FileCheck %s --allow-empty --implicit-check-not=warning: --implicit-check-not=error:
local used = 1
print(used)
local _ignored = 2
local _ = 3
