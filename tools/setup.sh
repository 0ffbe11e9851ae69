#!/usr/bin/env bash
# Installs every Debian 12 package that building and testing sloth needs. Idempotent: when all
# packages are present it only checks and returns (no apt-get update, no network).
# Run as root (or with sudo available) on Debian 12.
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build ccache pkg-config git clang-format
  # parser generator (tool 4.7.2 + C++ runtime 4.9, pinned: docs/development.md); the static
  # runtime links libuuid
  antlr4 libantlr4-runtime-dev default-jre-headless uuid-dev
  # libraries
  llvm-14-dev libyaml-cpp-dev nlohmann-json3-dev libcurl4-openssl-dev libgit2-dev libboost-dev
  libboost-context-dev libfmt-dev libsqlite3-dev libcli11-dev libtomlplusplus-dev
  # slothc's allocator (tools/CMakeLists.txt says why)
  libjemalloc-dev
  # sloth's start-up layout (tools/CMakeLists.txt): valgrind traces what it runs at start-up,
  # ld.lld places that code together
  lld valgrind
  # tests: GoogleTest, lit + FileCheck (llvm-14-tools), python3 for lit, lua5.4 as the reference
  libgtest-dev libgmock-dev llvm-14-tools python3 lua5.4 python3-yaml python3-jinja2
  # tools the tests compare with or drive (not in a minimal Debian): ip for facts.network,
  # curl for the pushgateway readiness probe
  iproute2 curl
  # module tests against real services (each test starts its own on 127.0.0.1)
  prometheus-pushgateway
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} packages already installed"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "setup: done"
