-- RUN: not %slothc check --format gcc %s 2>&1 | FileCheck %s
-- A `---@diagnostic` line never silences a syntax or compile error (nor does LuaLS's).
---@diagnostic disable-next-line
local x <const> = 1; x = 2
-- CHECK: luals-diagnostic-compile-error.lua:4:22: error: attempt to assign to const variable 'x' [assign-to-const]
