-- RUN: %slothc check %s 2>&1 | FileCheck %s --allow-empty --implicit-check-not=warning: --implicit-check-not=error:
-- Calling a function that returns nothing is fine; so is catching its error, and Lua's own
-- functions whose signatures name no result stay unknown.
infra_test.port("127.0.0.1", 22, { timeout = 2 })
local ok, err = pcall(infra_test.http, "http://127.0.0.1:8080/", { status_code = 200 })
if not ok then log.error("health check failed", { error = tostring(err) }) end
local r = exec.command("true")
print(r.success)
