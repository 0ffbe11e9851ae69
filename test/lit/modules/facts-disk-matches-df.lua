-- facts.disk() lists the mounted local file systems with statvfs sizes: for each, `df -B1` on its
-- mount point shows the same device, type and size; used and available (which move while the test
-- runs) are within 1% of the size. The root file system is among them.
-- RUN: %sloth run %s | FileCheck %s
local disks = facts.disk()
local root, mismatches = false, 0
for _, d in ipairs(disks) do
  local out = exec.command({ "df", "-B1", "--output=source,fstype,size,used,avail", d.mount }).stdout
  local source, fstype, size, used, avail = out:match("\n(%S+)%s+(%S+)%s+(%d+)%s+(%d+)%s+(%d+)")
  size, used, avail = tonumber(size), tonumber(used), tonumber(avail)
  local slack = 0.01 * d.total
  if source ~= d.device or fstype ~= d.fstype or size ~= d.total
     or math.abs(used - d.used) > slack or math.abs(avail - d.available) > slack then
    mismatches = mismatches + 1
    print("MISMATCH", d.mount, d.device, d.fstype, d.total, d.used, d.available, "df:", out)
  end
  if d.mount == "/" then root = true end
end
print("entries:", #disks > 0, "root listed:", root, "mismatches:", mismatches)
-- CHECK-NOT: MISMATCH
-- CHECK: entries: true root listed: true mismatches: 0
-- Pseudo file systems (proc, sysfs, tmpfs, cgroup) are not listed.
local pseudo = 0
for _, d in ipairs(disks) do
  if d.fstype == "proc" or d.fstype == "sysfs" or d.fstype == "tmpfs" or d.fstype:match("^cgroup") then
    pseudo = pseudo + 1
  end
end
print("pseudo:", pseudo)
-- CHECK-NEXT: pseudo: 0
