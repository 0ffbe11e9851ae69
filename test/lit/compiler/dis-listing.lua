-- RUN: %slothc dis %s | FileCheck %s
-- The listing has luac -l -l's shape: header, instructions with lines, constants, locals, upvalues.
local greeting = "hello"
print(greeting, 42)
-- CHECK: main <{{.*}}dis-listing.lua:0,0> (7 instructions)
-- CHECK-NEXT: 0+ params, 4 slots, 1 upvalue, 1 local, 2 constants, 0 functions
-- CHECK-NEXT: 1 [1] VARARGPREP 0
-- CHECK-NEXT: 2 [3] LOADK 0 0 ; "hello"
-- CHECK-NEXT: 3 [4] GETTABUP 1 0 1 ; _ENV "print"
-- CHECK-NEXT: 4 [4] MOVE 2 0
-- CHECK-NEXT: 5 [4] LOADI 3 42
-- CHECK-NEXT: 6 [4] CALL 1 3 1 ; 2 in 0 out
-- CHECK-NEXT: 7 [4] RETURN 1 1 1 ; 0 out
-- CHECK-NEXT: constants (2):
-- CHECK-NEXT: 0 S "hello"
-- CHECK-NEXT: 1 S "print"
-- CHECK-NEXT: locals (1):
-- CHECK-NEXT: 0 greeting 3 8
-- CHECK-NEXT: upvalues (1):
-- CHECK-NEXT: 0 _ENV 1 0
