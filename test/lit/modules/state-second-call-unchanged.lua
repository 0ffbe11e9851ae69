-- Every state-changing function reports changed = true the first time and false when repeated.
-- RUN: rm -rf %t && mkdir -p %t
-- RUN: env SLOTH_HOME=%t %sloth run %s | FileCheck %s
print(state.set("k", { a = 1 }).changed, state.set("k", { a = 1 }).changed)
-- CHECK: true	false
print(state.changed("h", "abc"), state.changed("h", "abc"))
-- CHECK-NEXT: true	false
print(state.delete("k").changed, state.delete("k").changed)
-- CHECK-NEXT: true	false
print(state.clear("h").changed, state.clear("h").changed)
-- CHECK-NEXT: true	false
print(state.increment("n", 2).changed, state.increment("n", 0).changed, state.get("n"))
-- CHECK-NEXT: true	false	2
print(state.lock("l").changed, state.unlock("l").changed, state.unlock("l").changed)
-- CHECK-NEXT: true	true	false
