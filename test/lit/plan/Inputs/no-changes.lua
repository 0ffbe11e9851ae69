-- Reads and computes only: nothing to plan.
local ok = file.exists("/etc/hosts")
log.info("hosts present", { ok = ok })
print(string.format("%d", 42))
