-- RUN: not %slothc check --format gcc %s 2>&1 | FileCheck %s --implicit-check-not=error:
-- sloth's modules read an option as it is: a number where the option is a string, or a numeric
-- string where it is a number, fails when the script runs (positional arguments are converted,
-- as Lua's library converts them, and so are exec.command's list elements and env values).
local r = exec.command("sleep 1", { timeout = "5" })
-- CHECK: option-value-not-converted.lua:5:47: error: exec.command: option 'timeout' must be number, got "5" [option-value]
file.copy("/etc/hosts", "/tmp/hosts", { owner = 0 })
-- CHECK: option-value-not-converted.lua:7:49: error: file.copy: option 'owner' must be string, got 0 [option-value]
local wait = "30"
state.lock("deploy", { timeout = wait })
-- CHECK: option-value-not-converted.lua:10:34: error: state.lock: option 'timeout' must be number, got "30" [option-value]
local ok = exec.command({ "sleep", 1 }, { env = { RETRIES = 3 }, timeout = 5 })
metrics.counter("deploys_total", "1")
print(r.success, ok.success)
