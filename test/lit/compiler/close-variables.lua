-- RUN: %slothc dis %s | FileCheck %s
-- A <close> variable is marked with TBC; every exit closes it: the block's end (CLOSE), a
-- `break` (through the loop's exit CLOSE) and `return` (RETURN with k, no tail call).
local function use(make)
  do
    local a <close> = make()
  end
  for i = 1, 2 do
    local b <close> = make()
    if i == 2 then break end
  end
  local c <close> = make()
  return make(c)
end
-- CHECK: function <{{.*}}:4,14>
-- CHECK: TBC 1
-- CHECK-NEXT: CLOSE 1
-- CHECK: TBC 5
-- CHECK-NEXT: EQI 4 2 1
-- CHECK-NEXT: JMP 2 ; to 16
-- CHECK-NEXT: CLOSE 5
-- CHECK-NEXT: FORLOOP 1 7 ; to 9
-- CHECK-NEXT: CLOSE 1
-- CHECK: TBC 1
-- CHECK: CALL 2 2 0
-- CHECK-NEXT: RETURN 2 0 0k
