-- A constant or field name holding a NUL byte is cut there in an error message, as lua5.4 prints
-- it (a C string). Found by test/fuzz/difflua.py. Expected output: lua5.4 (5.4.4).
-- RUN: %sloth run %s 2>&1 | FileCheck %s
print(pcall(function() return "\0a" << 1 end))
print(pcall(function() local t = {} return t["b\0c"].x end))
-- CHECK: false	{{.*}}error-name-with-nul.lua:4: attempt to perform bitwise operation on a string value (constant '')
-- CHECK-NEXT: false	{{.*}}error-name-with-nul.lua:5: attempt to index a nil value (field 'b')
