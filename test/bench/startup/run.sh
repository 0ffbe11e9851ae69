#!/usr/bin/env bash
# run.sh - start-up cost of `sloth run` on a trivial bundle, against `lua5.4 -e ''`.
#
# usage: run.sh [BUILD_DIR]        (default: build)
# Builds a bundle of an empty script with BUILD_DIR/tools/slothc, then runs
#   A: BUILD_DIR/tools/sloth run trivial.slothb
#   B: lua5.4 -e ''
# interleaved A B A B ..., N times each, and prints for both the median and the 10th/90th
# percentile of the wall time and of the CPU time (user+sys of the child, steadier when other
# jobs share the machine), then the ratios A/B. Our goal: A's median wall time under 5 ms.
# Each run records itself in the run history, as every `sloth run` does, in a fresh
# SLOTH_HOME under the temporary directory (so the user's history is left alone).
#
# environment: N=200 iterations per side; BASE="lua5.4 -e ''" baseline command;
#   BEFORE=OTHER_BUILD_DIR also times OTHER_BUILD_DIR's sloth (before/after figures side by
#   side), on the same script built into a bundle by OTHER_BUILD_DIR's slothc;
#   ALL=1 also times `sloth run trivial.lua` and `slothc check trivial.lua`; the first run of the
#   .lua compiles it and fills the compile cache, the others load it as users' repeated runs do
#   (SLOTH_NO_CACHE=1 in the environment times the compile every time).
# The executables timed are copies (cp) in the temporary directory: how a file was written decides
# how the kernel keeps it in the page cache (a linker's small writes: 4 KiB pages; cp's large
# writes: large folios), which moved a trivial run by ~10 % (docs/startup.md). Copies make both
# builds start from the same state, that of an installed executable.
# Needs python3 (os.posix_spawn + wait4 keep the harness's own cost out of the figures).
set -eu
build=${1:-build}
[ -x "$build/tools/sloth" ] && [ -x "$build/tools/slothc" ] ||
  { echo "run.sh: no $build/tools/sloth or slothc; build first" >&2; exit 2; }
before=${BEFORE:-}
[ -z "$before" ] || { [ -x "$before/tools/sloth" ] && [ -x "$before/tools/slothc" ]; } ||
  { echo "run.sh: no $before/tools/sloth or slothc (BEFORE)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
installed() { # installed BUILD_DIR NAME: copies BUILD_DIR's executables to $work/NAME/tools
  mkdir -p "$work/$2/tools" && cp "$1/tools/sloth" "$1/tools/slothc" "$work/$2/tools/"
  echo "$work/$2"
}
build=$(installed "$build" after)
[ -z "$before" ] || before=$(installed "$before" before)
printf -- '-- an empty script: what is left is start-up\n' > "$work/trivial.lua"
"$build/tools/slothc" build "$work/trivial.lua" -o "$work/trivial.slothb"
[ -z "$before" ] || "$before/tools/slothc" build "$work/trivial.lua" -o "$work/before.slothb"
export SLOTH_HOME="$work/home"
exec python3 - "$build" "$before" "$work" "${N:-200}" "${BASE:-lua5.4 -e ''}" "${ALL:-}" <<'PY'
import os, shlex, statistics, sys, time

build, before, work, n, base, everything = sys.argv[1:7]
n = int(n)
bundle, script = f"{work}/trivial.slothb", f"{work}/trivial.lua"
commands = {"sloth run bundle": [f"{build}/tools/sloth", "run", bundle]}
if before:
    commands["BEFORE: run bundle"] = [f"{before}/tools/sloth", "run", f"{work}/before.slothb"]
if everything:
    commands["sloth run .lua"] = [f"{build}/tools/sloth", "run", script]
    commands["slothc check .lua"] = [f"{build}/tools/slothc", "check", script]
    if before:
        commands["BEFORE: run .lua"] = [f"{before}/tools/sloth", "run", script]
        commands["BEFORE: check .lua"] = [f"{before}/tools/slothc", "check", script]
commands[base] = shlex.split(base)
devnull = os.open(os.devnull, os.O_WRONLY)

def once(argv):
    start = time.perf_counter()
    pid = os.posix_spawnp(argv[0], argv, os.environ,
                          file_actions=[(os.POSIX_SPAWN_DUP2, devnull, 1)])
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"run.sh: {' '.join(argv)} exited with {os.waitstatus_to_exitcode(status)}")
    return wall * 1000, (usage.ru_utime + usage.ru_stime) * 1000

samples = {name: ([], []) for name in commands}
for _ in range(5):  # warm the page cache (and create the history database)
    for argv in commands.values():
        once(argv)
for _ in range(n):
    for name, argv in commands.items():
        wall, cpu = once(argv)
        samples[name][0].append(wall)
        samples[name][1].append(cpu)

def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(p * len(xs)))]

med = {name: (statistics.median(w), statistics.median(c)) for name, (w, c) in samples.items()}
lua = med[base]
print(f"{'command':<20} {'wall median':>12} {'p10':>7} {'p90':>7} {'cpu median':>11}"
      f" {'wall/lua':>9} {'cpu/lua':>8}   (ms, {n} runs)")
for name, (walls, cpus) in samples.items():
    print(f"{name[:20]:<20} {med[name][0]:>12.2f} {pct(walls, .1):>7.2f} {pct(walls, .9):>7.2f} "
          f"{med[name][1]:>11.2f} {med[name][0] / lua[0]:>8.2f}x {med[name][1] / max(lua[1], 1e-9):>7.2f}x")
a = med["sloth run bundle"]
if before:
    b = med["BEFORE: run bundle"]
    print(f"after/before (run bundle): wall {a[0] / b[0]:.2f}x, cpu {a[1] / max(b[1], 1e-9):.2f}x")
print(f"ratio sloth/lua: wall {a[0] / lua[0]:.2f}x, cpu {a[1] / max(lua[1], 1e-9):.2f}x; "
      f"goal: sloth wall median < 5 ms: {'met' if a[0] < 5 else 'NOT met'}")
PY
