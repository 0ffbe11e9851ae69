-- load honours its mode for binary chunks as Lua does, with Lua's messages.
-- RUN: %sloth run %s | FileCheck %s
local chunk = string.dump(function() return "ok" end)
print(load(chunk, "x", "t"))
-- CHECK: nil	attempt to load a binary chunk (mode is 't')
print(load(chunk, "x", "b")())
-- CHECK-NEXT: ok
print(load(chunk, "x", "bt")())
-- CHECK-NEXT: ok
print(load("return 1", "x", "b"))
-- CHECK-NEXT: nil	attempt to load a text chunk (mode is 'b')
