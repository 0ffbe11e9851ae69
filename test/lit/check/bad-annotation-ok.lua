-- RUN: %slothc check %s 2>&1 | FileCheck %s --allow-empty --implicit-check-not=warning: --implicit-check-not=error:
---@param name string
---@return string
local function greet(name) return "hi " .. name end
print(greet("x"))
