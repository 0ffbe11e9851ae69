-- `sloth run --dry-run` reports what each state-changing function would change and stores
-- nothing; locks still work (they coordinate runs and leave nothing behind).
-- RUN: rm -rf %t && mkdir -p %t
-- RUN: env SLOTH_HOME=%t %sloth run %s setup
-- RUN: env SLOTH_HOME=%t %sloth run --dry-run %s change 2>&1 | FileCheck %s
-- RUN: env SLOTH_HOME=%t %sloth run %s show | FileCheck %s --check-prefix=AFTER
local mode = ...
if mode == "setup" then
  state.set("version", "v1")
  state.set("count", 5)
  state.set("old", true)
elseif mode == "change" then
  print(state.set("version", "v2").changed, state.set("count", 5).changed)
  -- CHECK-DAG: true	false
  print(state.changed("hash", "abc"), state.delete("old").changed, state.clear("never").changed)
  -- CHECK-DAG: true	true	false
  print(state.increment("count", 2).value)
  -- CHECK-DAG: 7
  print(state.with_lock("deploy", function() return "locked" end))
  -- CHECK-DAG: locked
  -- CHECK-DAG: ~ state.set version: would change
  -- CHECK-DAG: ~ state.delete old: would change
  -- CHECK-DAG: ~ state.increment count: would change
  -- CHECK-DAG: dry run: 4 changes would be made, 0 commands would run; nothing was changed
else
  print(state.get("version"), state.get("count"), state.get("old"), state.get("hash"))
  -- AFTER: v1	5	true	nil
end
