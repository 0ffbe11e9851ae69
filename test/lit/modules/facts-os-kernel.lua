-- facts.os() reads /etc/os-release as the shell would (quoting included) and facts.kernel() is
-- uname's; facts.gather() holds the same records, plus hostname and uptime.
-- RUN: %sloth run %s | FileCheck %s
local function line(cmd) return (exec.command(cmd).stdout:gsub("\n$", "")) end
local os_ = facts.os()
local sourced = line(". /etc/os-release; printf '%s|%s|%s|%s' \"$NAME\" \"$ID\" \"$VERSION_ID\" \"${VERSION_CODENAME:-$UBUNTU_CODENAME}\"")
local mine = table.concat({ os_.name, os_.id, os_.version, os_.codename or "" }, "|")
print("os-release:", mine == sourced, mine, sourced)
-- CHECK: os-release: true
print("arch:", os_.arch == line("uname -m"), type(os_.family), os_.family ~= "")
-- CHECK: arch: true string true
local k = facts.kernel()
print("kernel:", k.name == line("uname -s"), k.version == line("uname -r"))
-- CHECK: kernel: true true

local all = facts.gather()
print("gather os:", all.os.name == os_.name, all.os.id == os_.id, all.kernel.version == k.version)
-- CHECK: gather os: true true true
print("gather hostname:", all.hostname == line("hostname"), all.network.hostname == all.hostname)
-- CHECK: gather hostname: true true
print("gather cpu/memory:", all.cpu.cores == facts.cpu().cores, all.memory.total == facts.memory().total)
-- CHECK: gather cpu/memory: true true
print("gather disk:", #all.disk == #facts.disk(), #all.network.interfaces == #facts.network().interfaces)
-- CHECK: gather disk: true true
local up = math.floor(tonumber(line("cut -d' ' -f1 /proc/uptime")) or -1)
print("uptime:", math.type(all.uptime), math.abs(all.uptime - up) <= 5)
-- CHECK: uptime: integer true
