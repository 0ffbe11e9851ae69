-- RUN: %slothc dis %s | FileCheck %s
-- Constant operands and small immediates use Lua 5.4's specialised instructions, each
-- arithmetic one followed by its metamethod fallback.
local x, t = ...
local r = x + 1
r = x - 1
r = x * 2.5
r = t.name
r = t[3]
t.count = 0
r = x == "s"
r = x < 100
-- CHECK: ADDI 2 0 1
-- CHECK-NEXT: MMBINI 0 1 6 0 ; __add
-- CHECK: ADDI 2 0 -1
-- CHECK-NEXT: MMBINI 0 1 7 0 ; __sub
-- CHECK: MULK 2 0 0 ; 2.5
-- CHECK-NEXT: MMBINK 0 0 8 0 ; __mul 2.5
-- CHECK: GETFIELD 2 1 1 ; "name"
-- CHECK: GETI 2 1 3
-- CHECK: SETFIELD 1 2 3k ; "count" 0
-- CHECK: EQK 0 4 1 ; "s"
-- CHECK-NEXT: JMP 1 ; to 15
-- CHECK-NEXT: LFALSESKIP 2
-- CHECK-NEXT: LOADTRUE 2
-- CHECK: LTI 0 100 1
