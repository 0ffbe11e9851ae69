#!/usr/bin/env bash
# Builds sloth and runs every test (GoogleTest units and lit cases) through ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/build.sh
exec ctest --test-dir "${SLOTH_BUILD_DIR:-build}" -j "$(nproc)" --output-on-failure
