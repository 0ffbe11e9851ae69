-- RUN: %slothc dis %s | FileCheck %s
-- `return f(x)` is a proper tail call; `obj:m()` loads the method with SELF.
local function wrap(obj, x)
  obj:log("called")
  return obj.run(x)
end
-- CHECK: function <{{.*}}:3,6> (8 instructions)
-- CHECK-NEXT: 2 params, 5 slots, 0 upvalues, 2 locals, 3 constants, 0 functions
-- CHECK-NEXT: 1 [4] SELF 2 0 0k ; "log"
-- CHECK-NEXT: 2 [4] LOADK 4 1 ; "called"
-- CHECK-NEXT: 3 [4] CALL 2 3 1 ; 2 in 0 out
-- CHECK-NEXT: 4 [5] GETFIELD 2 0 2 ; "run"
-- CHECK-NEXT: 5 [5] MOVE 3 1
-- CHECK-NEXT: 6 [5] TAILCALL 2 2 0 ; 1 in
-- CHECK-NEXT: 7 [5] RETURN 2 0 0 ; all out
-- CHECK-NEXT: 8 [6] RETURN0
