#!/usr/bin/env bash
# Parse-speed benchmark (not a test): `slothc check --syntax-only` against `luac5.4 -p` on the
# real Lua files installed on this machine (Debian packages: lua-check, luarocks, lua-penlight,
# nmap-common, ...). Reports lines/s, CPU time, peak RSS and the ratio to luac.
#
#   test/bench/parse/run.sh [BUILD_DIR] [DIR...]
#
# Only files luac5.4 accepts are used. luac5.4 runs once per file: Debian's 5.4.4 aborts when
# given several (research/antlr.md §4.8); so the one-process baseline is lua5.4 calling
# loadfile() on every file (the same parser as luac -p, without the process start-ups).
# x_lua is CPU time over that baseline's. Needs GNU time (/usr/bin/time).
set -euo pipefail
root=$(cd "$(dirname "$0")/../../.." && pwd)
build=${1:-$root/build}
shift || true
slothc=$build/tools/slothc
dirs=("$@")
[ ${#dirs[@]} -gt 0 ] || dirs=(/usr/share/lua /usr/share/nmap /usr/lib/x86_64-linux-gnu/lua /usr/share/luarocks)
command -v luac5.4 >/dev/null || { echo "run.sh: luac5.4 not found (apt-get install lua5.4)" >&2; exit 2; }
[ -x "$slothc" ] || { echo "run.sh: $slothc not built" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "run.sh: GNU time not found (apt-get install time)" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
{ find "${dirs[@]}" -name '*.lua' -type f 2>/dev/null || true; } | sort > "$work/candidates"
: > "$work/files"
while read -r f; do
  if luac5.4 -p "$f" 2>/dev/null; then echo "$f" >> "$work/files"; fi
done < "$work/candidates"
files=$(wc -l < "$work/files")
lines=$(xargs cat < "$work/files" | wc -l)
echo "corpus: $files files, $lines lines (luac-valid .lua files under ${dirs[*]})"
if [ "$lines" -lt 50000 ]; then
  echo "run.sh: fewer than 50 000 lines; install more Lua (e.g. apt-get install lua-check luarocks lua-penlight nmap-common)" >&2
  exit 2
fi

# measure NAME COMMAND...: prints "NAME cpu_s wall_s peak_kb" using GNU time.
measure() {
  local name=$1
  shift
  /usr/bin/time -f "%U %S %e %M" -o "$work/time" "$@" > /dev/null 2> "$work/stderr" || true
  read -r user sys wall rss < "$work/time"
  cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')
  echo "$name $cpu $wall $rss"
}

echo 'for i = 1, #arg do assert(loadfile(arg[i])) end' > "$work/loadall.lua"
{
  measure "lua5.4-loadfile-one-process" lua5.4 "$work/loadall.lua" $(cat "$work/files")
  measure "slothc-one-process" "$slothc" check --syntax-only $(cat "$work/files")
  measure "slothc-process-per-file" bash -c 'while read -r f; do "$0" check --syntax-only "$f"; done' "$slothc" < "$work/files"
  measure "luac5.4-p-process-per-file" bash -c 'while read -r f; do luac5.4 -p "$f"; done' < "$work/files"
} > "$work/results"
"$slothc" check --syntax-only --stats $(cat "$work/files") 2>&1 | tail -1

luac_cpu=$(awk '$1 ~ /^lua5.4-loadfile/ {print $2}' "$work/results")
printf '%-28s %9s %9s %12s %11s %9s\n' tool cpu_s wall_s lines/s peak_rss_MB x_lua
while read -r name cpu wall rss; do
  awk -v n="$name" -v c="$cpu" -v w="$wall" -v r="$rss" -v l="$lines" -v lc="$luac_cpu" \
    'BEGIN { printf "%-28s %9.2f %9.2f %12.0f %11.1f %9.1f\n", n, c, w, (c > 0 ? l / c : 0), r / 1024, (lc > 0 ? c / lc : 0) }'
done < "$work/results"
