#!/usr/bin/env bash
# Builds cimulate and runs every test.  Usage: scripts/test.sh [--sanitize address|thread]
set -euo pipefail
cd "$(dirname "$0")/.."

dir=$(scripts/build.sh "$@" | tail -n 1)
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:strict_string_checks=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1:suppressions=$PWD/scripts/sanitizers/tsan.supp"
ctest --test-dir "$dir" --output-on-failure -j "$(nproc)" --timeout 300
