-- RUN: %sloth run %s | FileCheck --match-full-lines %s
-- collectgarbage options
print(collectgarbage(), collectgarbage("collect"))
print(math.type(collectgarbage("count")), collectgarbage("count") > 0)
print(collectgarbage("isrunning"))
print(collectgarbage("stop"), collectgarbage("isrunning"))
print(collectgarbage("restart"), collectgarbage("isrunning"))
print(type(collectgarbage("step")), type(collectgarbage("step", 10)))
print(collectgarbage("incremental"), collectgarbage("generational"), collectgarbage("incremental"))
print(pcall(collectgarbage, "nope"))
local weak = setmetatable({}, {__mode = "k"})
weak[{}] = true
collectgarbage()
print(next(weak))
local finalized = false
do setmetatable({}, {__gc = function() finalized = true end}) end
collectgarbage()
print(finalized)
-- CHECK: 0	0
-- CHECK-NEXT: float	true
-- CHECK-NEXT: true
-- CHECK-NEXT: 0	false
-- CHECK-NEXT: 0	true
-- CHECK-NEXT: boolean	boolean
-- CHECK-NEXT: generational	incremental	generational
-- CHECK-NEXT: false	bad argument #1 to 'collectgarbage' (invalid option 'nope')
-- CHECK-NEXT: nil
-- CHECK-NEXT: true
