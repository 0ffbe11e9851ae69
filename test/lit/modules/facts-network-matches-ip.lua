-- facts.network() lists the interfaces getifaddrs reports, as `ip -j addr` shows them: same names
-- in the same order, hardware address, up flag, IPv4 and IPv6 addresses in CIDR form; the
-- default IPv4 source is the one `ip route get` picks; hostname and fqdn as `hostname [-f]`.
-- RUN: %sloth run %s | FileCheck %s
local net = facts.network()
local ip = data.json_parse(exec.command({ "ip", "-j", "addr" }).stdout)

local function show(name, mac, up, v4, v6)
  return string.format("%s mac=%s up=%s v4=[%s] v6=[%s]", name, tostring(mac), tostring(up),
    table.concat(v4, ","), table.concat(v6, ","))
end

local expected = {}
for _, link in ipairs(ip) do
  local v4, v6, up = {}, {}, false
  for _, flag in ipairs(link.flags) do up = up or flag == "UP" end
  for _, a in ipairs(link.addr_info) do
    local list = a.family == "inet" and v4 or v6
    list[#list + 1] = a["local"] .. "/" .. math.tointeger(a.prefixlen)
  end
  table.sort(v4); table.sort(v6)
  local mac = link.address
  if link.link_type == "none" then mac = nil end
  expected[#expected + 1] = show(link.ifname, mac, up, v4, v6)
end

local got = {}
for _, i in ipairs(net.interfaces) do
  local v4, v6 = { table.unpack(i.ipv4) }, { table.unpack(i.ipv6) }
  table.sort(v4); table.sort(v6)
  got[#got + 1] = show(i.name, i.mac, i.up, v4, v6)
end
local same = table.concat(got, "\n") == table.concat(expected, "\n")
print("interfaces match ip:", same, #got)
if not same then print("got:\n" .. table.concat(got, "\n") .. "\nip:\n" .. table.concat(expected, "\n")) end
-- CHECK: interfaces match ip: true

local route = exec.command({ "ip", "-j", "route", "get", "8.8.8.8" })
local default = data.json_parse(exec.command({ "ip", "-j", "route", "show", "default" }).stdout)
local want = nil
if #default > 0 and route.success then want = data.json_parse(route.stdout)[1].prefsrc end
print("default_ipv4 matches ip route:", net.default_ipv4 == want, net.default_ipv4, want)
-- CHECK: default_ipv4 matches ip route: true

local function line(cmd) return (exec.command(cmd).stdout:gsub("\n$", "")) end
print("hostname:", net.hostname == line("hostname"), net.hostname == facts.hostname())
-- CHECK: hostname: true true
print("fqdn:", net.fqdn == line("hostname -f || hostname"))
-- CHECK: fqdn: true
