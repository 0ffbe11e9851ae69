-- RUN: %slothc check %s 2>&1 | FileCheck %s --allow-empty --implicit-check-not=warning: --implicit-check-not=error:
local retries = 3
print(retries)
local handler = function() return 1 end
handler()
