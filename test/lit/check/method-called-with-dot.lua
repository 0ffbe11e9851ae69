-- RUN: not %slothc check --format gcc %s 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
-- A string function or a builder method called with '.' instead of ':' does not get its object:
-- the string function misses its string (a warning, as for Lua's library), the builder's native
-- takes the first argument for the builder (an error). Passing the object by hand is fine.
local name = "web"
print(name.upper())
-- CHECK: method-called-with-dot.lua:6:12: warning: 'name.upper(...)' does not pass name to string.upper; call it as name:upper(...) [wrong-arg-count]
local b = task("deploy")
b.command(function() end)
-- CHECK: method-called-with-dot.lua:9:3: error: 'b.command(...)' does not pass b to TaskBuilder:command; call it as b:command(...) [wrong-arg-count]
print(name.upper(name), name.rep("ab", 2), name.format("%d", 1))
workflow.define("w"):tasks({ b.build(b) })
