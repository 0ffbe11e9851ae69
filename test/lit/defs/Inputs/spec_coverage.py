#!/usr/bin/env python3
"""Every `module.function(` called in the module reference's examples is declared in stdlib/defs,
and every module function declared there appears in the reference.

Usage: spec_coverage.py SPEC.md DEFS_DIR
"""
import os
import re
import sys


def main():
    spec_path, defs_dir = sys.argv[1], sys.argv[2]
    spec = open(spec_path, encoding="utf-8").read()
    # Modules are the `### Module `NAME`` headings; `group` is documented under `user`.
    modules = set(re.findall(r"### Module `(\w+)`", spec)) | {"group"}
    called = {f"{m}.{f}" for m, f in re.findall(r"\b([a-z_]+)\.([a-z_0-9]+)\s*\(", spec) if m in modules}
    declared = set()
    for name in os.listdir(defs_dir):
        if name.endswith(".lua"):
            text = open(os.path.join(defs_dir, name), encoding="utf-8").read()
            declared |= set(re.findall(r"^function ([a-z_]+\.[a-z_0-9]+)\(", text, re.M))
    missing = sorted(called - declared)
    extra = sorted(d for d in declared - called if d.split(".")[0] in modules)
    for m in missing:
        print(f"not declared in stdlib/defs: {m}")
    for e in extra:
        print(f"declared but not in the module reference: {e}")
    print(f"{len(modules)} module tables, {len(called)} functions in the reference, "
          f"{len(missing)} missing, {len(extra)} extra")
    return 1 if missing or extra else 0


if __name__ == "__main__":
    sys.exit(main())
