#!/usr/bin/env python3
"""The symbol order that lays out sloth's start-up code and data together (docs/startup.md).

usage: startup-order.py --sloth BIN --nm NM --valgrind VALGRIND --out FILE

On the machines sloth runs on, each page of the executable a process touches for the first time
costs microseconds, and the code a trivial `sloth run` executes (some 500 functions, 190 KB) was
spread over ~240 of the runner's 1 100 code pages. The build links sloth twice: first without an
order (BIN), then with the order this script derives from BIN, which the linker (ld.lld
--symbol-ordering-file) places first, in the order given.

The order is what BIN executes, in order of first execution, traced with valgrind's lackey tool
while it runs, in a fresh SLOTH_HOME (the first run every instruction and every load and store,
so that the variables a trivial run reads and writes are placed together too; the others one
line per superblock, not chased across calls, so every function entered starts one):
  1. the bundle of an empty script (what every run does before its script starts);
  2. that script as source, loaded from the compile cache;
  3. a plain script that prints and formats;
  4. a workflow of two tasks, one depending on the other.
(No script starts a process: valgrind 3.19 does not know pidfd_open, which sloth waits with.)
Each script is run once untraced first, so that the traced run loads it from the compile cache
as users' repeated runs do; the bundle is the one the cache keeps for the empty script.
Functions that earlier runs did not execute come after theirs, so the trivial run's code stays
dense. Symbols are named as nm lists them; a name that several local symbols share orders all of
them. String literals and switch tables have no symbol and stay where the linker puts them.
"""
import argparse
import bisect
import os
import subprocess
import sys
import tempfile

SCRIPTS = [
    ("empty.lua", "-- an empty script: what every run does before its own code\n"),
    ("plain.lua", 'print(string.format("%s %d", "hello", #arg))\n'),
    (
        "workflow.sloth",
        'workflow.define("order"):tasks({\n'
        '  task("first"):command(function() print("first") return true end):build(),\n'
        '  task("second"):depends_on({"first"}):command(function(this, params, input)\n'
        '    log.info("second", {after = "first"})\n'
        "    return true\n"
        "  end):build(),\n"
        "})\n",
    ),
]


def symbols_of(nm, binary):
    """(start, end, name) of every function and variable in `binary`, sorted by start."""
    listing = subprocess.run(
        [nm, "--defined-only", "-S", binary], check=True, capture_output=True, text=True
    ).stdout
    symbols = []
    for line in listing.splitlines():
        fields = line.split(maxsplit=3)
        if len(fields) == 4 and fields[2] in "tTwWdDbBrRvVu":
            start, size = int(fields[0], 16), int(fields[1], 16)
            symbols.append((start, start + max(size, 1), fields[3]))
    symbols.sort()
    return symbols


def traced_addresses(valgrind, sloth, script, env, work, memory):
    """Addresses `sloth run script` executes, in order: with `memory`, every instruction and
    every load and store; else the start of every superblock (much shorter)."""
    log = os.path.join(work, "lackey.log")
    trace = ["--trace-mem=yes"] if memory else ["--trace-superblocks=yes"]
    subprocess.run(
        [valgrind, "--tool=lackey", *trace, "--vex-guest-chase=no", f"--log-file={log}",
         sloth, "run", script],
        env=env, check=True, capture_output=True, timeout=300,
    )
    addresses = []
    with open(log) as f:
        for line in f:
            if line.startswith("SB "):
                addresses.append(int(line[3:], 16))
            elif line[:2] in ("I ", " L", " S", " M"):  # "I  addr,size", " L addr,size"
                addresses.append(int(line[3:line.index(",")], 16))
    return addresses


def traced_order(args):
    """The functions of args.sloth in order of first execution over the runs above."""
    symbols = symbols_of(args.nm, args.sloth)
    starts = [s[0] for s in symbols]
    order, seen = [], set()
    with tempfile.TemporaryDirectory() as work:
        env = dict(os.environ, SLOTH_HOME=os.path.join(work, "home"), NO_COLOR="1")
        runs = []
        for name, text in SCRIPTS:
            script = os.path.join(work, name)
            with open(script, "w") as f:
                f.write(text)
            subprocess.run([args.sloth, "run", script], env=env, check=True, capture_output=True,
                           timeout=60)
            if not runs:  # the empty script's bundle, as the compile cache keeps it
                cache = os.path.join(env["SLOTH_HOME"], "cache")
                runs += [os.path.join(cache, f) for f in os.listdir(cache)]
            runs.append(script)
        for n, script in enumerate(runs):
            memory = n == 0  # the trivial run's data too; the others' code only
            for address in traced_addresses(args.valgrind, args.sloth, script, env, work, memory):
                i = bisect.bisect_right(starts, address) - 1
                if i >= 0 and address < symbols[i][1] and symbols[i][2] not in seen:
                    seen.add(symbols[i][2])
                    order.append(symbols[i][2])
    if len(order) < 100:  # the trace did not see sloth's own code
        raise OSError(f"only {len(order)} functions of {args.sloth} traced")
    return order


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sloth", required=True)
    parser.add_argument("--nm", required=True)
    parser.add_argument("--valgrind", required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    # A machine where valgrind cannot trace sloth still builds it, only without the layout.
    try:
        order = traced_order(args)
    except (OSError, subprocess.SubprocessError) as e:
        detail = getattr(e, "stderr", None)
        detail = detail.decode(errors="replace").strip() if isinstance(detail, bytes) else ""
        print(f"startup-order.py: tracing failed ({e}){': ' + detail if detail else ''}; "
              "sloth is linked without its start-up layout", file=sys.stderr)
        order = []
    with open(args.out + ".tmp", "w") as f:
        f.write("".join(name + "\n" for name in order))
    os.replace(args.out + ".tmp", args.out)


if __name__ == "__main__":
    main()
