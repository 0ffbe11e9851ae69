-- In a fresh network namespace there is only the loopback interface, down and without addresses,
-- and no default route: default_ipv4 is nil (absent, not an empty string).
-- RUN: unshare --net %sloth run %s | FileCheck %s
local net = facts.network()
for _, i in ipairs(net.interfaces) do
  print(i.name, i.mac, i.up, #i.ipv4, #i.ipv6)
end
print("default_ipv4:", net.default_ipv4)
-- CHECK: lo	00:00:00:00:00:00	false	0	0
-- CHECK-NEXT: default_ipv4: nil
