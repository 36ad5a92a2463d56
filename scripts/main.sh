#!/usr/bin/env bash
# The main job: builds cimulate and runs the end-to-end tour of the MI C ABI, a C
# program that loads libcimulate-mi.so and exercises protocol selection, deferred
# connection, extended errors and the close rules.
set -euo pipefail
cd "$(dirname "$0")/.."

dir=$(scripts/build.sh | tail -n 1)
"$dir/examples/mi_tour"
