-- log fields that are tables show their fields (as errors raised with a table do), not
-- "table: 0x55...", and keys named like secrets are redacted inside them too; so is an error
-- table's secret field in a failed task's message.
-- RUN: not %sloth run %s 2>%t.err | FileCheck %s
-- RUN: FileCheck %s --check-prefix=LOG < %t.err
local err = { code = 503, host = "db1", password = "hunter2" }
log.error("Failed to connect", { error = err, component = "database" })
-- LOG: ERROR Failed to connect component=database error="{code = 503, host = \"db1\", password = [redacted]}"
local t = task("t"):command(function() error({ api_token = "abc123", reason = "denied" }) end):build()
workflow.define("w"):tasks({ t })
-- CHECK: ✗ t ({{.*}}): {api_token = [redacted], reason = "denied"}
-- CHECK-NOT: abc123
-- LOG-NOT: hunter2
