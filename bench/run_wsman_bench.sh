#!/usr/bin/env bash
# The WS-Man endpoint benchmark: cimulate's fake WinRM endpoint measured in the
# same run against two baselines that send the very same answer bytes:
#   bare        cimulate_bench_bare, a plain cpp-httplib server replaying the
#               fake's recorded answers (the HTTP stack's ceiling);
#   mountebank  an npm mountebank imposter serving the same recorded answers
#               (the generic scriptable fake users would otherwise pick).
# Workloads: Identify and Get at 1 and 16 keep-alive connections (requests/s),
# and one enumeration of INSTANCES instances (Enumerate with
# OptimizeEnumeration, then Pull with MaxElements BATCH until EndOfSequence:
# instances/s and the server's peak RSS).  Everything binds 127.0.0.1.
#
#   bench/run_wsman_bench.sh [--build-dir DIR] [--duration S] [--no-build] [--no-mountebank]
#
# Environment: DURATION (s per measurement, 2), WARMUP (s, 1), INSTANCES
# (100000), SMALL_INSTANCES (1000: the data behind the Identify/Get rows),
# BATCH (1000).  See bench/README.md for what is compared and the figures.
set -euo pipefail

SRC_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD_DIR=${BUILD_DIR:-$SRC_DIR/build-bench}
DURATION=${DURATION:-2}
WARMUP=${WARMUP:-1}
INSTANCES=${INSTANCES:-100000}
SMALL_INSTANCES=${SMALL_INSTANCES:-1000}
BATCH=${BATCH:-1000}
MOUNTEBANK_VERSION=2.9.1
BUILD=1
USE_MOUNTEBANK=1

while [[ $# -gt 0 ]]; do
  case $1 in
    --build-dir) BUILD_DIR=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    --no-mountebank) USE_MOUNTEBANK=0; shift ;;
    -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
done

BIN=$BUILD_DIR/bench
LOAD=$BIN/cimulate_wsman_load
MB_DIR=$BUILD_DIR/mountebank
MB=$MB_DIR/node_modules/.bin/mb

WORK=$(mktemp -d "${TMPDIR:-/tmp}/wsman-bench.XXXXXX")
SERVER_PIDS=()

# Every server this script started goes, however the script ends.
cleanup() {
  local pid
  for pid in "${SERVER_PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${SERVER_PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

die() { echo "run_wsman_bench: $*" >&2; exit 1; }
note() { echo "== $*" >&2; }

build() {
  [[ $BUILD == 1 ]] || return 0
  note "building in $BUILD_DIR"
  cmake -S "$SRC_DIR" -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCIMULATE_BUILD_BENCH=ON >/dev/null
  cmake --build "$BUILD_DIR" -j1 --target cimulate_wsman_bench >/dev/null
}

# Sets MB_STATUS to "ok" or to why mountebank is skipped.
ensure_mountebank() {
  MB_STATUS=ok
  if [[ $USE_MOUNTEBANK == 0 ]]; then MB_STATUS="skipped (--no-mountebank)"; return; fi
  [[ -x $MB ]] && return
  if ! command -v npm >/dev/null; then
    MB_STATUS="skipped (npm not found; install Node.js and npm to include it)"
    return
  fi
  note "installing mountebank $MOUNTEBANK_VERSION into $MB_DIR"
  mkdir -p "$MB_DIR"
  if ! npm install --prefix "$MB_DIR" --no-audit --no-fund "mountebank@$MOUNTEBANK_VERSION" >"$MB_DIR/npm.log" 2>&1; then
    MB_STATUS="skipped (npm install failed, see $MB_DIR/npm.log)"
  fi
}

# A ready file holds {"winrm_http":"127.0.0.1:PORT",...,"pid":N}.
ready_field() { sed -n "s/.*\"$2\":\"\\{0,1\\}\\([^\",}]*\\).*/\\1/p" "$1"; }

wait_for_file() {  # FILE PID
  local i
  for ((i = 0; i < 1200; i++)); do
    [[ -s $1 ]] && return 0
    kill -0 "$2" 2>/dev/null || die "server $2 exited before it was ready"
    sleep 0.1
  done
  die "server $2 not ready after 120 s"
}

# Starts a server that writes a ready file; sets ADDR and PID.
start_server() {  # NAME COMMAND...
  local name=$1; shift
  local ready=$WORK/$name.ready
  "$@" --ready-file "$ready" >"$WORK/$name.log" 2>&1 &
  SERVER_PIDS+=($!)
  wait_for_file "$ready" $!
  ADDR=$(ready_field "$ready" winrm_http)
  PID=$(ready_field "$ready" pid)
}

stop_server() {  # PID
  kill -TERM "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
  local kept=() pid
  for pid in "${SERVER_PIDS[@]}"; do [[ $pid == "$1" ]] || kept+=("$pid"); done
  SERVER_PIDS=("${kept[@]}")
}

vm_kib() { awk -v k="$2:" '$1 == k {print $2}' "/proc/$1/status"; }  # PID VmHWM|VmRSS

declare -A R  # R[server/row] = figure, "ERR" when the driver saw errors

# Runs the load driver; stores its rate (or segments) under R[SERVER/ROW].
measure() {  # SERVER ROW FIELD DRIVER-ARGS...
  local server=$1 row=$2 field=$3; shift 3
  local line status=0
  line=$("$LOAD" --target "$ADDR" "$@") || status=$?
  echo "   $server $row: $line" >&2
  if [[ $status != 0 ]]; then R[$server/$row]=ERR; return; fi
  R[$server/$row]=$(sed -n "s/.*$field=\\([0-9.]*\\).*/\\1/p" <<<"$line")
}

rate_rows() {  # SERVER ROW-SUFFIX INSTANCES
  local c w
  for w in identify get; do
    for c in 1 16; do
      measure "$1" "$w$c$2" rate --workload "$w" --connections "$c" --instances "$3" \
        --warmup "$WARMUP" --duration "$DURATION"
    done
  done
}

segment_rows() {  # SERVER INSTANCES
  local w
  for w in identify get; do measure "$1" "seg-$w" segments_per_answer --workload "$w" --segments 200 --instances "$2"; done
}

enumerate_row() {  # SERVER
  measure "$1" enumerate rate --workload enumerate --instances "$INSTANCES" --batch "$BATCH" \
    --warmup "$WARMUP" --duration "$DURATION"
  R[$1/hwm]=$(( $(vm_kib "$PID" VmHWM) / 1024 ))
}

run_fake() {
  note "cimulate fake, $SMALL_INSTANCES instances: Identify, Get, segments per answer"
  start_server fake-small "$BIN/cimulate_bench_fake" --instances "$SMALL_INSTANCES"
  rate_rows fake "" "$SMALL_INSTANCES"
  segment_rows fake "$SMALL_INSTANCES"
  stop_server "$PID"

  note "cimulate fake, $INSTANCES instances: record the answers, Get, Enumerate"
  start_server fake-large "$BIN/cimulate_bench_fake" --instances "$INSTANCES"
  R[fake/rss0]=$(( $(vm_kib "$PID" VmRSS) / 1024 ))
  "$LOAD" --target "$ADDR" --record "$WORK/recording" --instances "$INSTANCES" --batch "$BATCH" >&2 \
    || die "recording the fake's answers failed"
  measure fake get1-large rate --workload get --connections 1 --instances "$INSTANCES" --warmup "$WARMUP" --duration "$DURATION"
  measure fake get16-large rate --workload get --connections 16 --instances "$INSTANCES" --warmup "$WARMUP" --duration "$DURATION"
  enumerate_row fake
  stop_server "$PID"
}

run_bare() {
  note "bare cpp-httplib replaying the recorded answers"
  start_server bare "$BIN/cimulate_bench_bare" --responses "$WORK/recording"
  R[bare/rss0]=$(( $(vm_kib "$PID" VmRSS) / 1024 ))
  rate_rows bare "" "$INSTANCES"
  segment_rows bare "$INSTANCES"
  enumerate_row bare
  stop_server "$PID"
}

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

run_mountebank() {
  [[ $MB_STATUS == ok ]] || { note "mountebank $MB_STATUS"; return; }
  note "mountebank $MOUNTEBANK_VERSION serving the recorded answers"
  local admin_port code t0 t1
  admin_port=$(free_port)
  "$MB" start --host 127.0.0.1 --port "$admin_port" --nologfile --loglevel warn >"$WORK/mb.log" 2>&1 &
  PID=$!
  SERVER_PIDS+=("$PID")
  local i
  for ((i = 0; i < 300; i++)); do
    curl -sf -o /dev/null "http://127.0.0.1:$admin_port/" && break
    kill -0 "$PID" 2>/dev/null || die "mountebank exited: $(cat "$WORK/mb.log")"
    sleep 0.1
  done
  note "loading the imposter (mountebank dry-runs every response of a stub against a copy of the whole stub: minutes for 100 Pull answers)"
  t0=$(date +%s.%N)
  code=$(curl -s -o "$WORK/mb-imposter.json" -w '%{http_code}' --max-time 1800 -X POST \
    -H 'Content-Type: application/json' --data-binary "@$WORK/recording/imposter.json" \
    "http://127.0.0.1:$admin_port/imposters") || true
  t1=$(date +%s.%N)
  [[ $code == 201 ]] || die "mountebank refused the imposter (HTTP $code): $(head -c 500 "$WORK/mb-imposter.json")"
  R[mb/rss0]=$(( $(vm_kib "$PID" VmRSS) / 1024 ))
  R[mb/setup]=$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.1f", b - a}')
  ADDR=127.0.0.1:$(head -c 4096 "$WORK/mb-imposter.json" | sed -n 's/.*"port": *\([0-9]*\).*/\1/p' | head -1)
  # Node settles (JIT, garbage collection of the imposter load) for a while
  # after that; without this the first measurement alone reads several times low.
  "$LOAD" --target "$ADDR" --workload identify --connections 4 --warmup 0 --duration 3 >/dev/null || true
  rate_rows mb "" "$INSTANCES"
  segment_rows mb "$INSTANCES"
  enumerate_row mb
  stop_server "$PID"
}

# "12.3x" (three significant digits), or "-" when either side is missing or failed.
ratio() {
  awk -v a="$1" -v b="$2" 'BEGIN { if (a ~ /^[0-9.]+$/ && b ~ /^[0-9.]+$/ && b > 0) printf "%.3gx", a / b; else print "-" }'
}

fig() { echo "${R[$1]:-${2:--}}"; }

row() {  # LABEL FAKE-KEY BARE-KEY MB-KEY
  local f b m
  f=$(fig "$2"); b=$(fig "$3"); m=$(fig "$4" "$MB_SHOWN")
  printf '| %s | %s | %s | %s | %s | %s |\n' "$1" "$f" "$b" "$m" "$(ratio "$f" "$b")" "$(ratio "$f" "$m")"
}

print_table() {
  MB_SHOWN=-
  [[ $MB_STATUS == ok ]] || MB_SHOWN=skipped
  echo
  echo "WS-Man benchmark: $(nproc) CPUs, DURATION=${DURATION}s WARMUP=${WARMUP}s INSTANCES=$INSTANCES BATCH=$BATCH SMALL_INSTANCES=$SMALL_INSTANCES"
  echo "mountebank: $MB_STATUS"
  echo
  echo "| workload | cimulate | bare httplib | mountebank | cimulate/bare | cimulate/mountebank |"
  echo "|---|---|---|---|---|---|"
  row "Identify, 1 conn (req/s)" fake/identify1 bare/identify1 mb/identify1
  row "Identify, 16 conns (req/s)" fake/identify16 bare/identify16 mb/identify16
  row "Get, 1 conn, $SMALL_INSTANCES instances (req/s)" fake/get1 bare/get1 mb/get1
  row "Get, 16 conns, $SMALL_INSTANCES instances (req/s)" fake/get16 bare/get16 mb/get16
  row "Get, 1 conn, $INSTANCES instances (req/s)" fake/get1-large bare/get1 mb/get1
  row "Get, 16 conns, $INSTANCES instances (req/s)" fake/get16-large bare/get16 mb/get16
  row "Enumerate $INSTANCES, MaxElements $BATCH (inst/s)" fake/enumerate bare/enumerate mb/enumerate
  row "peak RSS after the enumeration (VmHWM, MiB)" fake/hwm bare/hwm mb/hwm
  row "RSS when ready to serve the enumeration (MiB)" fake/rss0 bare/rss0 mb/rss0
  row "data segments per Identify answer" fake/seg-identify bare/seg-identify mb/seg-identify
  row "data segments per Get answer" fake/seg-get bare/seg-get mb/seg-get
  [[ $MB_STATUS != ok ]] || echo "mountebank imposter setup (POST /imposters): $(fig mb/setup) s"
}

build
[[ -x $LOAD && -x $BIN/cimulate_bench_fake && -x $BIN/cimulate_bench_bare ]] || die "benchmark programs missing in $BIN"
ensure_mountebank
run_fake
run_bare
run_mountebank
print_table
