-- RUN: %slothc check %s 2>&1 | FileCheck %s --allow-empty --implicit-check-not=warning: --implicit-check-not=error:
-- Globals the script defines itself, in any order, are known.
function greet(name)
  print("hello " .. name .. " " .. suffix)
end
suffix = "!"
greet("x")
-- Testing whether a global exists is not a use.
local pack = table.pack or pack
print(pack)
if type(jit) == "table" then print("luajit") end
