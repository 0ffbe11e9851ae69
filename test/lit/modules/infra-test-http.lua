-- infra_test.http against a real HTTP server started by the test: passing checks return nothing;
-- a wrong status, missing text, no response and a timeout raise saying what was expected and found.
-- RUN: rm -rf %t && mkdir -p %t && printf 'Welcome to sloth\n' > %t/index.html
-- RUN: sh %S/Inputs/with-http-server.sh %t sh -c '%sloth run %s $HTTP_PORT $CLOSED_PORT' | FileCheck %s
local port, closed = ...
local base = "http://127.0.0.1:" .. port
print(select("#", infra_test.http(base .. "/index.html", { status_code = 200, contains = "Welcome", timeout = 5 })))
-- CHECK: 0
print(pcall(infra_test.http, base .. "/"))
-- CHECK-NEXT: true
print(pcall(infra_test.http, base .. "/redirect", { contains = "sloth" }))
-- CHECK-NEXT: true
print(pcall(infra_test.http, base .. "/status/503", { status_code = 503 }))
-- CHECK-NEXT: true
print(pcall(infra_test.http, base .. "/status/503"))
-- CHECK-NEXT: false	{{.*}}infra_test.http: GET http://127.0.0.1:{{[0-9]+}}/status/503: expected a 2xx status, found status 503
print(pcall(infra_test.http, base .. "/missing.html", { status_code = 200 }))
-- CHECK-NEXT: false	{{.*}}infra_test.http: GET {{.*}}/missing.html: expected status 200, found status 404
print(pcall(infra_test.http, base .. "/index.html", { contains = "Goodbye" }))
-- CHECK-NEXT: false	{{.*}}: expected the body to contain "Goodbye", found "Welcome to sloth\n"
print(pcall(infra_test.http, "http://127.0.0.1:" .. closed .. "/", { timeout = 2 }))
-- CHECK-NEXT: false	{{.*}}: expected a 2xx status, found no response ({{.*}}
print(pcall(infra_test.http, base .. "/slow", { timeout = 0.3 }))
-- CHECK-NEXT: false	{{.*}}/slow: expected a 2xx status, found no response ({{.*}}
print(pcall(infra_test.http, base, { code = 200 }))
-- CHECK-NEXT: false	{{.*}}infra_test.http: unknown option 'code'
