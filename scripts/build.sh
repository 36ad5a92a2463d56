#!/usr/bin/env bash
# Configures and builds cimulate.  Usage: scripts/build.sh [--sanitize address|thread]
# Build directories: build/ (plain), build-asan/, build-tsan/.
set -euo pipefail
cd "$(dirname "$0")/.."

sanitize=""
while [ $# -gt 0 ]; do
  case "$1" in
    --sanitize) sanitize="$2"; shift 2 ;;
    *) echo "build.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done

case "$sanitize" in
  "") dir=build; extra=(-DCIMULATE_BUILD_BENCH=ON) ;;
  address) dir=build-asan; extra=(-DCIMULATE_SANITIZE=address -DCIMULATE_BUILD_BENCH=OFF) ;;
  thread) dir=build-tsan; extra=(-DCIMULATE_SANITIZE=thread -DCIMULATE_BUILD_BENCH=OFF) ;;
  *) echo "build.sh: --sanitize takes address or thread" >&2; exit 2 ;;
esac

scripts/setup.sh
cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "${extra[@]}" >/dev/null
cmake --build "$dir" -j "$(nproc)"
echo "$dir"
