-- string.dump(f, true) drops the debug information: errors lose their source, line and the
-- names of locals ("?:-1:", as lua5.4 prints), and the chunk is smaller.
-- RUN: %sloth run %s | FileCheck %s
local function boom() local t = nil; return t.x end
print(pcall(load(string.dump(boom))))
-- CHECK: false	{{.*}}string-dump-strip.lua:4: attempt to index a nil value (local 't')
print(pcall(load(string.dump(boom, true))))
-- CHECK-NEXT: false	?:-1: attempt to index a nil value
print(#string.dump(boom, true) < #string.dump(boom))
-- CHECK-NEXT: true
