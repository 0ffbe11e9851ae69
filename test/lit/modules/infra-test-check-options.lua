-- slothc check knows the infra_test option classes (the reference's names); valid calls stay silent.
-- RUN: not %slothc check %s 2>&1 | FileCheck %s
infra_test.http("http://127.0.0.1/", { status = 200 })
-- CHECK: infra-test-check-options.lua:[[@LINE-1]]:40: error: unknown option 'status' for infra_test.http
infra_test.port("127.0.0.1", 80, { open = true })
-- CHECK: infra-test-check-options.lua:[[@LINE-1]]:36: error: unknown option 'open' for infra_test.port
infra_test.command("true", { exit = 0 })
-- CHECK: infra-test-check-options.lua:[[@LINE-1]]:30: error: unknown option 'exit' for infra_test.command
infra_test.file("/etc/hosts", { exists = "yes" })
-- CHECK: infra-test-check-options.lua:[[@LINE-1]]:{{[0-9]+}}: error:
infra_test.port("127.0.0.1", 80, { timeout = 5, should_be_open = true })
infra_test.http("http://127.0.0.1/", { status_code = 200, contains = "Welcome", timeout = 10 })
infra_test.command("systemctl is-active nginx", { exit_code = 0, stdout_contains = "active", stderr_contains = "", timeout = 5 })
infra_test.file("/etc/hosts", { exists = true, mode = "0644", owner = "root", group = "root", contains = "localhost" })
-- CHECK: 4 errors, 0 warnings in 1 file
