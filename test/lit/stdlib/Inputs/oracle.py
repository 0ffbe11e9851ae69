#!/usr/bin/env python3
"""Writes the CHECK lines of stdlib lit tests from what lua5.4 prints (lua5.4 is the oracle).

    test/lit/stdlib/Inputs/oracle.py test/lit/stdlib/NAME.lua...

Each test is its RUN line(s), the program, then `-- CHECK` lines. The program (with its RUN
lines, so line numbers stay the same) is run by `lua5.4 NAME.lua` in a scratch directory, with
TZ=UTC; its stdout replaces the CHECK lines. A test may carry `-- ORACLE-PRELUDE: code` lines:
code lua5.4 runs first (with -e) to define the Lua 5.1 aliases sloth keeps and lua5.4 lacks.
Chunk names in messages become `{{.*}}NAME.lua:` since lit passes an absolute path.
"""
import os
import re
import subprocess
import sys
import tempfile


def escape(line):
    # FileCheck reads {{...}} as a regex and [[...]] as a variable.
    return line.replace("{{", "{{[{][{]}}").replace("[[", "{{[[][[]}}")


def regenerate(path):
    name = os.path.basename(path)
    with open(path) as f:
        lines = [l for l in f.read().split("\n") if not l.startswith("-- CHECK")]
    while lines and lines[-1] == "":
        lines.pop()
    program = "\n".join(lines) + "\n"
    preludes = [l[len("-- ORACLE-PRELUDE:"):].strip() for l in lines
                if l.startswith("-- ORACLE-PRELUDE:")]
    with tempfile.TemporaryDirectory() as scratch:
        with open(os.path.join(scratch, name), "w") as f:
            f.write(program)
        args = ["lua5.4"]
        for p in preludes:
            args += ["-e", p]
        env = dict(os.environ, TZ="UTC")
        out = subprocess.run(args + [name], cwd=scratch, env=env, capture_output=True,
                             text=True, timeout=60).stdout
    checks = []
    for i, line in enumerate(out.rstrip("\n").split("\n")):
        kind = "CHECK" if i == 0 else "CHECK-NEXT"
        if line.strip() == "":
            checks.append("-- CHECK-EMPTY:" if i > 0 else "-- CHECK: {{^$}}")
            continue
        line = escape(line)
        line = line.replace(name + ":", "{{.*}}" + name + ":")
        checks.append(f"-- {kind}: {line}")
    with open(path, "w") as f:
        f.write(program + "\n".join(checks) + "\n")


for p in sys.argv[1:]:
    regenerate(p)
