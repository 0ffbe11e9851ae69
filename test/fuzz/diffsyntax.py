#!/usr/bin/env python3
"""Differential test of sloth's front end against luac5.4 on mutated sources: same verdict or a bug.

    test/fuzz/diffsyntax.py --bin build/tools --cases 2000 --seed 1 [--out /tmp/sloth-diffsyntax]

Each case mutates a Lua seed the way mutate.py does (token-level damage, inserted keywords and
operators, deep nesting, odd literals) and asks both compilers whether it is a valid Lua 5.4 chunk:
`luac5.4 -p FILE` and `slothc dis FILE` (which parses and compiles, so goto/label rules, `<const>`
assignment and the local-variable and register limits count too). A case fails when
  - luac accepts and slothc refuses: a false error on valid code (design §4: never), or
  - luac refuses and slothc accepts: sloth would compile and run a program Lua rejects.
Known, documented differences are skipped: nesting past 200 levels, where luac5.4 runs out of C
stack ("C stack overflow", "chunk has too many syntax levels") while sloth's limit is on the
grammar's levels ("too many nested levels"), and sloth's 1 000-operator limit on one chained
expression (`expression-too-complex`). Failing inputs go to OUT/NNNNNN.lua with both verdicts.
Only the Python 3 standard library is used.
"""
import argparse
import os
import random
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import mutate  # noqa: E402
from mutate import Fuzzer, mutate_lua, run  # noqa: E402

# luac's messages for running out of C stack or syntax levels: sloth has its own limits there.
LUAC_LIMITS = (b"C stack overflow", b"too many syntax levels", b"too many C levels")
SLOTH_LIMITS = (b"[too-many-levels]", b"[expression-too-complex]")


def verdicts(luac, slothc, scratch, timeout):
    env = {"PATH": "/usr/bin:/bin", "HOME": scratch, "NO_COLOR": "1", "LANG": "C.UTF-8"}
    lua = run([luac, "-p", "-o", os.devnull, "case.lua"], scratch, env, timeout)
    ours = run([slothc, "dis", "case.lua"], scratch, env, timeout)
    return lua, ours


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--bin", default=os.path.join(os.path.dirname(__file__), "..", "..", "build", "tools"))
    p.add_argument("--cases", type=int, default=1000)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--timeout", type=float, default=10)
    p.add_argument("--out", default="/tmp/sloth-diffsyntax")
    p.add_argument("--memory-mb", type=int, default=mutate.MEMORY_LIMIT >> 20,
                   help="address-space limit of each command (0: none, for an AddressSanitizer build)")
    args = p.parse_args()
    mutate.MEMORY_LIMIT = args.memory_mb << 20
    luac = shutil.which("luac5.4")
    if not luac:
        sys.exit("diffsyntax: luac5.4 not found (apt-get install lua5.4)")
    args.targets, args.first = ["lua"], 0  # what Fuzzer reads
    fuzzer = Fuzzer(args)  # for its corpus and binary paths
    os.makedirs(args.out, exist_ok=True)
    counts = {"both accept": 0, "both refuse": 0, "known limit": 0, "timeout": 0}
    failures = 0
    for case in range(args.cases):
        rng = random.Random("%d/%d" % (args.seed, case))
        seed = rng.choice(fuzzer.lua_corpus)
        data = mutate_lua(seed, rng, fuzzer.lua_corpus) if rng.random() < 0.9 else seed
        scratch = tempfile.mkdtemp(prefix="sloth-diffsyntax-", dir="/tmp")
        try:
            open(os.path.join(scratch, "case.lua"), "wb").write(data)
            lua, ours = verdicts(luac, fuzzer.slothc, scratch, args.timeout)
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
        if lua.timed_out or ours.timed_out:
            counts["timeout"] += 1
            reason = "slothc dis timed out" if ours.timed_out and not lua.timed_out else None
        elif (lua.rc == 0) == (ours.rc == 0):
            counts["both accept" if lua.rc == 0 else "both refuse"] += 1
            reason = None
        elif any(m in lua.err for m in LUAC_LIMITS) or any(m in ours.err for m in SLOTH_LIMITS):
            counts["known limit"] += 1
            reason = None
        elif lua.rc == 0:
            reason = "false error: luac5.4 accepts, slothc dis exits %d" % ours.rc
        else:
            reason = "missed error: luac5.4 refuses, slothc dis exits %d" % ours.rc
        if ours.rc not in (0, 2) and not ours.timed_out and reason is None:
            reason = "slothc dis exit status %d (documented: 0, 2)" % ours.rc
        if reason is None and (b"ERROR: AddressSanitizer" in ours.err or b"runtime error: " in ours.err):
            reason = "sanitizer report from slothc dis"
        if reason:
            failures += 1
            path = os.path.join(args.out, "%06d.lua" % case)
            with open(path, "wb") as f:
                f.write(data)
            with open(path + ".txt", "wb") as f:
                f.write(("%s\n--- luac5.4 exit %s\n" % (reason, lua.rc)).encode() + lua.err[:2000] +
                        ("\n--- slothc dis exit %s\n" % ours.rc).encode() + ours.err[:2000])
            print("FAIL case %d: %s -> %s" % (case, reason, path), flush=True)
        if (case + 1) % 200 == 0:
            print("... %d cases, %d failures" % (case + 1, failures), flush=True)
    print("%d cases: %s; %d failures (in %s)" % (
        args.cases, ", ".join("%d %s" % (n, k) for k, n in counts.items()), failures, args.out))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
