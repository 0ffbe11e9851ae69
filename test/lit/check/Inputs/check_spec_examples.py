#!/usr/bin/env python3
"""Checks every ```lua example of the module reference with `slothc check` and counts the errors.

Usage: check_spec_examples.py SLOTHC MODULES_REFERENCE_MD

Examples that are not valid Lua (`slothc check --syntax-only` rejects them) are skipped: the hard
rule is zero error diagnostics on valid code. Prints each error, then one summary line.
"""
import json
import os
import re
import subprocess
import sys
import tempfile


def main():
    slothc, spec = sys.argv[1], sys.argv[2]
    with open(spec, encoding="utf-8") as f:
        blocks = re.findall(r"```lua\n(.*?)```", f.read(), re.S)
    valid = errors = 0
    with tempfile.TemporaryDirectory() as tmp:
        for number, block in enumerate(blocks, 1):
            path = os.path.join(tmp, f"example-{number:03}.lua")
            with open(path, "w", encoding="utf-8") as out:
                out.write(block)
            if subprocess.run([slothc, "check", "--syntax-only", path],
                              capture_output=True).returncode != 0:
                continue
            valid += 1
            run = subprocess.run([slothc, "check", "--format", "json", path],
                                 capture_output=True, text=True)
            for d in json.loads(run.stdout)["diagnostics"]:
                if d["severity"] == "error":
                    errors += 1
                    print(f"example {number}:{d['line']}:{d['column']}: error: {d['message']} "
                          f"[{d['code']}]")
    print(f"{valid} valid examples of {len(blocks)} checked, {errors} errors")
    return 0


if __name__ == "__main__":
    sys.exit(main())
