-- RUN: %slothc check %s 2>&1 | FileCheck %s --allow-empty --implicit-check-not=warning: --implicit-check-not=error:
-- Elements that fit, numbers where Lua may convert them, and values of unknown type.
local r = exec.command({ "ls", "-l", os.getenv("HOME") or "/" })
local n = exec.command({ "sleep", 1 })
print(r.success, n.success)
local function label() return os.getenv("ENV") end
metrics.counter("deploys_total", 1, { env = label() or "dev", region = "eu" })
log.info("deployed", { host = "web-1", tags = { "a" }, count = 3 })
