-- exec.shell with the script indented inside a long string, #! line included (the modules
-- reference's example): the #! line is honoured (it ran under /bin/sh before, so bash-only
-- syntax failed), the indentation taken off, relative indentation and later lines kept.
-- RUN: %sloth run %s | FileCheck %s
local r = exec.shell([==[
    #!/bin/bash
    set -e
    words=(one two)
    if [[ ${#words[@]} -eq 2 ]]; then
      echo "bash array: ${words[1]}"
    fi
]==])
print(r.exit_code, r.stdout, r.stderr)
-- CHECK: 0	bash array: two
local plain = exec.shell([[
  echo "no #! line: $0"
]])
print(plain.exit_code, plain.stdout)
-- CHECK: 0	no #! line: /bin/sh
