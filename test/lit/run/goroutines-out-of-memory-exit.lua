-- Nested goroutines that run out of memory: the script's pcall gets the error, and the run
-- then ends normally. Closing the suspended coroutines at the end raised again (out of memory)
-- inside the runtime's destructor: 'terminate called after throwing an instance of
-- sloth::vm::LuaError', exit 134 (found by the new-user trials). ulimit -v makes the fiber stacks
-- run out after a few hundred levels instead of ~30 000.
-- UNSUPPORTED: sanitizer
-- RUN: sh -c 'ulimit -v 300000; %sloth run %s; echo "exit $?"' | FileCheck %s
local function nest(n)
  if n == 0 then
    return "bottom"
  end
  return goroutine.parallel({ function() return nest(n - 1) end })[1]
end
print(pcall(nest, 100000))
-- CHECK: false	not enough memory
-- CHECK-NEXT: exit 0
