-- RUN: %slothc plan %s | FileCheck %s
-- Values that come from calls are "known after run"; known parts of a built string stay shown,
-- and the JSON form lists them as unknown.
local home = exec.command("getent passwd deploy").stdout
file.write(home .. "/.profile", "umask 022\n")
local version = file.read("/etc/app/VERSION")
pkg.install("app=" .. version)
-- CHECK:        ~ write (known after run)/.profile
-- CHECK-NEXT:       file.write at {{.*}}unknown-function-result.lua:5
-- CHECK-NEXT:       path = "(known after run)/.profile"
-- CHECK-NEXT:       content = "umask 022\n"
-- CHECK:        + install app=(known after run)
-- CHECK:      Known only at run time:
-- CHECK-NEXT:   exec.command("getent passwd deploy").stdout  ({{.*}}unknown-function-result.lua:4)
-- CHECK-NEXT:   file.read("/etc/app/VERSION")  ({{.*}}unknown-function-result.lua:6)
-- RUN: %slothc plan --format json %s | FileCheck --check-prefix=JSON %s
-- JSON:      "function": "file.write",
-- JSON:      "unknown": [
-- JSON-NEXT:   "path"
-- JSON-NEXT: ],
-- JSON-NEXT: "partial": {
-- JSON-NEXT:   "path": "(known after run)/.profile"
-- JSON:      "unknown_values": [
-- JSON-NEXT:   {
-- JSON-NEXT:     "expression": "exec.command(\"getent passwd deploy\").stdout",
