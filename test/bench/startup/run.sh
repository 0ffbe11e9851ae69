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
#
# environment: N=200 iterations per side; BASE="lua5.4 -e ''" baseline command.
# Needs python3 (os.posix_spawn + wait4 keep the harness's own cost out of the figures).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-build}
[ -x "$build/tools/sloth" ] && [ -x "$build/tools/slothc" ] ||
  { echo "run.sh: no $build/tools/sloth or slothc; build first" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf -- '-- an empty script: what is left is start-up\n' > "$work/trivial.lua"
"$build/tools/slothc" build "$work/trivial.lua" -o "$work/trivial.slothb"
exec python3 - "$build/tools/sloth" "$work/trivial.slothb" "${N:-200}" "${BASE:-lua5.4 -e ''}" <<'PY'
import os, shlex, statistics, sys, time

sloth, bundle, n, base = sys.argv[1], sys.argv[2], int(sys.argv[3]), shlex.split(sys.argv[4])
commands = {"sloth run bundle": [sloth, "run", bundle], " ".join(sys.argv[4:5]): base}
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
for _ in range(5):  # warm the page cache
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

print(f"{'command':<20} {'wall median':>12} {'p10':>7} {'p90':>7} {'cpu median':>11}   (ms, {n} runs)")
med = {}
for name, (walls, cpus) in samples.items():
    med[name] = (statistics.median(walls), statistics.median(cpus))
    print(f"{name:<20} {med[name][0]:>12.2f} {pct(walls, .1):>7.2f} {pct(walls, .9):>7.2f} "
          f"{med[name][1]:>11.2f}")
a, b = list(med.values())
print(f"ratio sloth/lua: wall {a[0] / b[0]:.2f}x, cpu {a[1] / max(b[1], 1e-9):.2f}x; "
      f"goal: sloth wall median < 5 ms: {'met' if a[0] < 5 else 'NOT met'}")
PY
