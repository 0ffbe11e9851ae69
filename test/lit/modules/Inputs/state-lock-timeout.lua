-- Tries lock "deploy" with a short timeout; prints whether it got it, or the error.
local ok, result = pcall(state.lock, "deploy", { timeout = 0.3 })
print(ok, ok and result.changed or result)
