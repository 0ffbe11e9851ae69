#!/usr/bin/env bash
# Configures and builds sloth into ./build (Release, -O2, ccache when present).
# Extra arguments go to CMake's configure step, e.g. tools/build.sh -DSLOTH_SANITIZE=address,undefined
set -euo pipefail
cd "$(dirname "$0")/.."
build=${SLOTH_BUILD_DIR:-build}
# ccache keys on the compile command, which holds absolute paths; rewriting them relative to the
# checkout lets a fresh clone elsewhere (as CI makes) reuse the cache of earlier builds.
export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$PWD}
if [ ! -f "$build/CMakeCache.txt" ] || [ $# -gt 0 ]; then
  cmake -S . -B "$build" -G Ninja "$@" >/dev/null
fi
cmake --build "$build" -j "$(nproc)"
