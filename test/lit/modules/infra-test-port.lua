-- infra_test.port against a listening test server and a port nothing listens on.
-- RUN: rm -rf %t && mkdir -p %t
-- RUN: sh %S/Inputs/with-http-server.sh %t sh -c '%sloth run %s $HTTP_PORT $CLOSED_PORT' | FileCheck %s
local open, closed = ...
print(pcall(infra_test.port, "127.0.0.1", tonumber(open), { timeout = 2 }))
-- CHECK: true
print(pcall(infra_test.port, "localhost", tonumber(closed), { should_be_open = false }))
-- CHECK-NEXT: true
print(pcall(infra_test.port, "127.0.0.1", tonumber(closed)))
-- CHECK-NEXT: false	{{.*}}infra_test.port: 127.0.0.1:{{[0-9]+}}: expected open, found closed (Connection refused)
print(pcall(infra_test.port, "127.0.0.1", tonumber(open), { should_be_open = false }))
-- CHECK-NEXT: false	{{.*}}infra_test.port: 127.0.0.1:{{[0-9]+}}: expected closed, found open
print(pcall(infra_test.port, "no-such-host.invalid", 80))
-- CHECK-NEXT: false	{{.*}}expected open, found closed (cannot resolve 'no-such-host.invalid': {{.*}})
print(pcall(infra_test.port, "127.0.0.1", 70000))
-- CHECK-NEXT: false	{{.*}}infra_test.port: port must be between 1 and 65535, got 70000
