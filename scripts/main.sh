#!/usr/bin/env bash
# The main job: builds cimulate and runs the conformance suite (scenarios/conformance/)
# against cimulate's own MI library and fake endpoint, writing JUnit, JSON and HTML
# reports to reports/.  Extra arguments go to `cimulate-conform run` (e.g. --impl PATH.so,
# --filter 'tag:shutdown').  Exit status: the runner's (0 pass, 1 conformance failure,
# 2 usage or scenario error, 3 harness error).
set -euo pipefail
cd "$(dirname "$0")/.."

dir=$(scripts/build.sh | tail -n 1)
mkdir -p reports
exec "$dir/bin/cimulate-conform" run --jobs "$(nproc)" \
  --baseline conformance/cimulate-baseline.yaml \
  --junit reports/conformance.xml --json reports/conformance.json --html reports/conformance.html "$@"
