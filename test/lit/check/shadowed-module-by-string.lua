-- RUN: not %slothc check --format gcc %s 2>&1 | FileCheck %s
-- A local string named like a module: `file.write(...)` then reads the string library, which has
-- no `write`, so the call always fails.
local file = "/etc/motd"
file.write(file, "hello\n")
-- CHECK: shadowed-module-by-string.lua:5:1: error: 'file' here is the local file (a string), not the file module, so 'file.write' is nil and calling it fails; rename the local [shadowed-module]
-- CHECK: shadowed-module-by-string.lua:4:7: note: the local is declared here
