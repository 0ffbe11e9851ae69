-- load(reader): a number piece is taken as its string form (lua_isstring, as lua5.4's reader
-- does); other types are still refused (findings: fuzz).
-- RUN: %sloth run %s | FileCheck %s
local pieces = { "return ", 40, " + ", 2 }
local i = 0
print(load(function() i = i + 1 return pieces[i] end)())
-- CHECK: 42
print(load(function() return {} end))
-- CHECK-NEXT: nil	{{.*}}reader function must return a string
