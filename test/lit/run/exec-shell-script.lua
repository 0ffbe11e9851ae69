-- exec.shell runs a multi-line script (its #! interpreter when it has one); exec.script runs a file.
-- RUN: printf 'echo "script args: $1 $2"\n' > %t.sh
-- RUN: %sloth run %s %t.sh | FileCheck %s
print(exec.shell("x=1\necho shell $x").stdout)
print(exec.shell("#!/bin/sh\necho from shebang").stdout)
print(exec.script(arg[1], { args = { "a", "b" } }).stdout)
print(exec.script(arg[1], { interpreter = "/bin/bash", args = { "c" } }).stdout)
-- CHECK: shell 1
-- CHECK: from shebang
-- CHECK: script args: a b
-- CHECK: script args: c
