#!/usr/bin/env bash
# Check-speed benchmark (not a test): `slothc check` (parse, type check, lints, DSL checks) next
# to `luacheck` (lints only) on the same real Lua files installed on this machine (every *.lua
# under /usr by default: nmap-common, luarocks, lua-check, lua-penlight, ...).
#
#   test/bench/check/run.sh [BUILD_DIR] [DIR...]
#
# Each tool runs REPEAT times (default 3) over all files in one process; the best run counts.
# Reported per tool: CPU seconds (user+sys, what a loaded machine does not distort), wall seconds,
# lines per CPU second and per wall second, peak RSS; then the ratios slothc/luacheck. slothc
# checks files on all cores (-j, default one per core); luacheck runs on one (Debian's build has
# no LuaLanes for --jobs). slothc runs without a sloth.toml (the corpus has none) and luacheck
# with --no-config --no-cache, so both use their defaults. Needs GNU time (/usr/bin/time).
set -euo pipefail
root=$(cd "$(dirname "$0")/../../.." && pwd)
build=${1:-$root/build}
shift || true
slothc=$build/tools/slothc
dirs=("$@")
[ ${#dirs[@]} -gt 0 ] || dirs=(/usr)
repeat=${REPEAT:-3}
command -v luacheck >/dev/null || { echo "run.sh: luacheck not found (apt-get install lua-check)" >&2; exit 2; }
[ -x "$slothc" ] || { echo "run.sh: $slothc not built" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "run.sh: GNU time not found (apt-get install time)" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
{ find "${dirs[@]}" -name '*.lua' -type f 2>/dev/null || true; } | sort > "$work/files"
files=$(wc -l < "$work/files")
lines=$(xargs cat < "$work/files" | wc -l)
echo "corpus: $files files, $lines lines (*.lua under ${dirs[*]}); $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
if [ "$lines" -lt 20000 ]; then
  echo "run.sh: fewer than 20 000 lines; install more Lua (e.g. apt-get install lua-check luarocks nmap-common)" >&2
  exit 2
fi

# measure NAME COMMAND...: the best of $repeat runs as "NAME cpu_s wall_s peak_kb".
measure() {
  local name=$1 best_cpu="" best_wall="" best_rss=0
  shift
  for _ in $(seq "$repeat"); do
    /usr/bin/time -f "%U %S %e %M" -o "$work/time" "$@" > "$work/out.$name" 2> "$work/err.$name" || true
    # GNU time puts "Command exited with non-zero status N" first when the tool reports findings.
    read -r user sys wall rss < <(tail -n 1 "$work/time")
    cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')
    if [ -z "$best_cpu" ] || awk -v a="$cpu" -v b="$best_cpu" 'BEGIN { exit !(a < b) }'; then best_cpu=$cpu; fi
    if [ -z "$best_wall" ] || awk -v a="$wall" -v b="$best_wall" 'BEGIN { exit !(a < b) }'; then best_wall=$wall; fi
    best_rss=$rss
  done
  echo "$name $best_cpu $best_wall $best_rss"
}

{
  measure slothc-check "$slothc" check --format json $(cat "$work/files")
  measure slothc-check-j1 "$slothc" check -j 1 --format json $(cat "$work/files")
  measure luacheck luacheck --no-config --no-cache --codes --formatter plain $(cat "$work/files")
} > "$work/results"

python3 - "$work/out.slothc-check" <<'EOF'
import collections, json, sys
report = json.load(open(sys.argv[1]))
s = report["summary"]
kinds = collections.Counter((d["severity"], d["code"]) for d in report["diagnostics"])
print(f"slothc: {s['files']} files, {s['errors']} errors, {s['warnings']} warnings:",
      ", ".join(f"{n} {code}" + (" (ERROR)" if sev == "error" else "") for (sev, code), n in kinds.most_common()))
EOF
echo "luacheck: $(grep -c ': ' "$work/out.luacheck" || true) warnings/errors"

printf '%-16s %8s %8s %14s %14s %8s\n' tool cpu_s wall_s lines/cpu_s lines/wall_s rss_MB
while read -r name cpu wall rss; do
  awk -v n="$name" -v c="$cpu" -v w="$wall" -v r="$rss" -v l="$lines" \
    'BEGIN { printf "%-16s %8.2f %8.2f %14.0f %14.0f %8.1f\n", n, c, w, (c > 0 ? l / c : 0), (w > 0 ? l / w : 0), r / 1024 }'
done < "$work/results"
awk '
  { cpu[$1] = $2; wall[$1] = $3 }
  END {
    printf "slothc vs luacheck: %.1fx less CPU time (one thread: %.1fx), %.1fx faster wall-clock\n",
      cpu["luacheck"] / cpu["slothc-check"], cpu["luacheck"] / cpu["slothc-check-j1"],
      wall["luacheck"] / wall["slothc-check"]
  }' "$work/results"
