-- facts.memory() reads /proc/meminfo in bytes: the totals equal `free -b`'s, and `available`
-- (which moves while the test runs) is within 5% of free's.
-- RUN: %sloth run %s | FileCheck %s
local mem = facts.memory()
local out = exec.command({ "free", "-b" }).stdout
local total, available = out:match("Mem:%s+(%d+)%s+%d+%s+%d+%s+%d+%s+%d+%s+(%d+)")
local swap_total, swap_free = out:match("Swap:%s+(%d+)%s+%d+%s+(%d+)")
total, available = math.tointeger(tonumber(total)), tonumber(available)
swap_total, swap_free = math.tointeger(tonumber(swap_total)), tonumber(swap_free)
print("total:", mem.total == total, mem.total, total)
-- CHECK: total: true
print("swap_total:", mem.swap_total == swap_total, mem.swap_total, swap_total)
-- CHECK: swap_total: true
print("available within 5%:", math.abs(mem.available - available) <= 0.05 * total, mem.available, available)
-- CHECK: available within 5%: true
print("swap_free within 5%:", math.abs(mem.swap_free - swap_free) <= 0.05 * math.max(swap_total, 1) + 4096)
-- CHECK: swap_free within 5%: true
print("integers:", math.type(mem.total), math.type(mem.available), mem.available <= mem.total)
-- CHECK: integers: integer integer true
