-- RUN: %slothc check %s 2>&1 | FileCheck %s --allow-empty --implicit-check-not=warning: --implicit-check-not=error:
package.path = package.path .. ";./lib/?.lua"
package.cpath = package.cpath .. ";./lib/?.so"
package.preload["config"] = function() return { debug = false } end
print(package.loaded["config"], package.config:sub(1, 1), #package.searchers)
print(package.searchpath("config", package.path), package.loadlib("libx.so", "*"))
print(debug.traceback("failed"), debug.traceback("failed", 2))
print(debug.traceback(coroutine.running(), "failed", 1))
local mt = debug.getmetatable("")
if mt then print(mt.__index, debug.setmetatable({}, mt)) end
local script, first = arg[0], arg[1]
print(script, first or "no arguments", #arg)
