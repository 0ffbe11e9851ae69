-- Tracebacks name natives by their qualified names and global functions by their global names,
-- as lua5.4 does ("[C]: in function 'string.rep'").
-- RUN: %sloth run %s | FileCheck %s
local function f() return string.rep("x", -1, {}) end
local t = {}
function t.g() f() end
function gg() t.g() end
print((select(2, xpcall(gg, debug.traceback))))
-- CHECK: traceback-native-names.lua:4: bad argument #3 to 'rep' (string expected, got table)
-- CHECK-NEXT: stack traceback:
-- CHECK-NEXT: [C]: in function 'string.rep'
-- CHECK-NEXT: traceback-native-names.lua:4: in upvalue 'f'
-- CHECK-NEXT: traceback-native-names.lua:6: in field 'g'
-- CHECK-NEXT: traceback-native-names.lua:7: in function 'gg'
-- CHECK-NEXT: [C]: in function 'xpcall'
-- CHECK-NEXT: traceback-native-names.lua:8: in main chunk
local cp = utf8.codepoint
print((select(2, xpcall(function() cp("abc", 10) end, debug.traceback))))
-- CHECK: traceback-native-names.lua:18: bad argument #3 to 'cp' (out of bounds)
-- CHECK-NEXT: stack traceback:
-- CHECK-NEXT: [C]: in function 'utf8.codepoint'
-- CHECK-NEXT: traceback-native-names.lua:18: in function <{{.*}}traceback-native-names.lua:18>
