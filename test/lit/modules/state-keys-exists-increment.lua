-- exists, keys(prefix) (byte prefix, sorted, expired keys left out) and increment's types.
-- RUN: rm -rf %t && mkdir -p %t
-- RUN: env SLOTH_HOME=%t %sloth run %s | FileCheck %s
state.set("app.b", 1)
state.set("app.a", "x")
state.set("app%", true)
state.set("other", 3)
state.set("app.gone", 1, { ttl = 0.001 })
exec.command("sleep 0.01")
print(state.exists("app.a"), state.exists("app.gone"), state.exists("missing"))
-- CHECK: true	false	false
print(table.concat(state.keys("app."), " "), #state.keys(), #state.keys("zzz"))
-- CHECK-NEXT: app.a app.b	4	0
print(state.increment("count").value, state.increment("count", 10).value)
-- CHECK-NEXT: 1	11
local f = state.increment("count", 0.5).value
print(f, math.type(f), math.type(state.get("count")))
-- CHECK-NEXT: 11.5	float	float
print(pcall(state.increment, "app.a"))
-- CHECK-NEXT: false	state.increment: 'app.a' holds a string, not a number
print(pcall(state.increment, "count", "2"))
-- CHECK-NEXT: false	{{.*}}state.increment: the amount must be a number, got string
print(pcall(state.lock, "x", { wait = 1 }))
-- CHECK-NEXT: false	{{.*}}state.lock: unknown option 'wait'
