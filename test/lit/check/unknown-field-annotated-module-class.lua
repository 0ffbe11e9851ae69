-- A module's class named in the script's own annotation is intent, not a guarantee (checks.md):
-- a field or method the class lacks is a warning there, as for the script's own classes. It
-- was an error, so this program, which runs, failed the check. Found by annotation fuzzing.
-- RUN: %slothc check --format gcc %s 2>&1 | FileCheck %s --implicit-check-not=error
---@type exec.Result
local r = { x = 1, f = function() return 2 end }
print(r.x, r:f())
-- CHECK: unknown-field-annotated-module-class.lua:7:9: warning: unknown field 'x' on exec.Result [unknown-field]
-- CHECK: unknown-field-annotated-module-class.lua:7:14: warning: unknown method 'f' on exec.Result [unknown-field]

---@param s exec.Result
local function show(s) return s.y end
print(show({ y = 3 }))
-- CHECK: unknown-field-annotated-module-class.lua:12:33: warning: unknown field 'y' on exec.Result [unknown-field]
