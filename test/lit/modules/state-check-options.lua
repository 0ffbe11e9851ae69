-- slothc check knows the state functions' option classes and parameter types; the valid calls
-- (locks with timeout, increment by a number, keys without prefix) stay silent.
-- RUN: not %slothc check %s 2>&1 | FileCheck %s
state.lock("deploy", { wait = 1 })
-- CHECK: state-check-options.lua:[[@LINE-1]]:24: error: unknown option 'wait' for state.lock
state.increment("n", "two")
-- CHECK: state-check-options.lua:[[@LINE-1]]:22: error: state.increment: argument 2 ('by') must be number
state.set("k", 1, { tll = 5 })
-- CHECK: state-check-options.lua:[[@LINE-1]]:21: error: unknown option 'tll' for state.set
state.with_lock("deploy", function() return 1 end, { timeout = 5 })
state.lock("deploy", { timeout = 0 })
state.unlock("deploy")
print(state.increment("n", 2).value, #state.keys(), state.exists("k"), state.delete("k").changed)
-- CHECK: 3 errors, 0 warnings in 1 file
