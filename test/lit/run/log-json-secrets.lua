-- --log-format json writes one object per line; secret-looking fields are never printed.
-- RUN: %sloth run %s --log-format json 2>&1 | FileCheck %s
log.info("login", { user = "bob", password = "hunter2", api_token = "abc123" })
-- CHECK-NOT: hunter2
-- CHECK-NOT: abc123
-- CHECK: "level":"info","message":"login","api_token":"[redacted]","password":"[redacted]","user":"bob"}
