-- RUN: %slothc check --format gcc %s 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:
-- lua-language-server's `---@diagnostic` lines silence the same findings in slothc check: LuaLS's
-- names map to the checks that report the same mistakes, slothc's codes work too, no names
-- means every check; they are never reported unused (they are there for LuaLS too).
---@diagnostic disable-next-line: undefined-global
print(injected_by_host)
print(also_injected) ---@diagnostic disable-line: undefined-global
---@diagnostic disable-next-line
print(anything_goes.here)
---@diagnostic disable-next-line: need-check-nil
print(os.getenv("HOME"):upper())
---@diagnostic disable-next-line: undefined-field, unused-local
local r = exec.comand("ls")
---@diagnostic disable-next-line: possibly-nil
print(os.getenv("USER"):lower())
---@diagnostic disable-next-line: lowercase-global, spell-check
print(1)
---@diagnostic disable: unused-local
local a = 1
local b = 2
---@diagnostic enable: unused-local
local c = 3
-- CHECK: luals-diagnostic-directives.lua:22:7: warning: unused local 'c' [unused-local]
---@diagnostic disable-next-line: undefined-global
print(not_silenced_two_lines_down)
print(not_silenced)
-- CHECK: luals-diagnostic-directives.lua:26:7: warning: undefined global 'not_silenced' [undefined-global]
