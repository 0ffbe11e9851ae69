-- RUN: %slothc check %s 2>&1 | FileCheck %s --allow-empty --implicit-check-not=warning: --implicit-check-not=error:
-- sloth: ignore-file module-not-built   (these modules are declared, not all built: not the point here)
-- A script may add its own functions to Lua's tables.
function string.trim(s) return (s:gsub("^%s+", "")) end
print(string.trim("  x"))
pkg.install("curl")
local unpacker = table.unpack or unpack
print(unpacker)
