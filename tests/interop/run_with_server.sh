#!/usr/bin/env bash
# Runs one interop client against a fresh cimulate-server.
#
#   run_with_server.sh SERVER SCENARIO CLIENT [ARGS...]
#
# Starts SERVER --scenario SCENARIO --winrm-http 127.0.0.1:0 --ready-file F in
# a private temporary directory, waits (bounded) for the ready file, then runs
# CLIENT with
#   CIMULATE_WINRM_HTTP   the WinRM HTTP listener's HOST:PORT
#   CIMULATE_INTEROP_DIR  a scratch directory the client may use
# and exits with the client's status.  The server is always stopped (SIGTERM,
# then SIGKILL if it lingers); a server that does not exit 0 after SIGTERM
# fails the run too, so a crash or sanitizer report in the server is not lost.
set -uo pipefail

readonly READY_TIMEOUT_S=${CIMULATE_READY_TIMEOUT_S:-20}
readonly CLIENT_TIMEOUT_S=${CIMULATE_CLIENT_TIMEOUT_S:-90}
readonly STOP_TIMEOUT_S=10

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

[ $# -ge 3 ] || fail "usage: run_with_server.sh SERVER SCENARIO CLIENT [ARGS...]"
server=$1
scenario=$2
shift 2
[ -x "$server" ] || fail "server program '$server' is not an executable file (build the cimulate-server target)"
[ -r "$scenario" ] || fail "scenario '$scenario' is not readable"
command -v "$1" >/dev/null 2>&1 || fail "client program '$1' not found (scripts/setup.sh installs the interop peers)"

work=$(mktemp -d "${TMPDIR:-/tmp}/cimulate-interop.XXXXXX") || fail "cannot create a temporary directory"
server_pid=""

show_server_log() {
  if [ -s "$work/server.err" ]; then
    echo "--- cimulate-server stderr (last 40 lines) ---" >&2
    tail -n 40 "$work/server.err" >&2
  fi
}

# Stops the server if it runs; returns its exit status (0 when it was never started).
stop_server() {
  [ -n "$server_pid" ] || return 0
  local pid=$server_pid
  server_pid=""
  kill -TERM "$pid" 2>/dev/null
  local waited=0
  # The server is our child: `wait` would block without a bound, so poll its
  # liveness against a deadline and escalate to SIGKILL.
  while kill -0 "$pid" 2>/dev/null && [ $waited -lt $((STOP_TIMEOUT_S * 10)) ]; do
    sleep 0.1
    waited=$((waited + 1))
  done
  if kill -0 "$pid" 2>/dev/null; then
    echo "FAIL: cimulate-server did not exit within ${STOP_TIMEOUT_S}s of SIGTERM; killing it" >&2
    kill -KILL "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    return 1
  fi
  wait "$pid" 2>/dev/null
}

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  stop_server
  local server_status=$?
  if [ $server_status -ne 0 ]; then
    echo "FAIL: cimulate-server exited with status $server_status after SIGTERM (expected 0)" >&2
    show_server_log
    [ $status -ne 0 ] || status=1
  elif [ $status -ne 0 ]; then
    show_server_log
  fi
  rm -rf "$work"
  exit $status
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

"$server" --scenario "$scenario" --winrm-http 127.0.0.1:0 --ready-file "$work/ready.json" \
  >"$work/server.out" 2>"$work/server.err" </dev/null &
server_pid=$!

# The server writes the ready file atomically once it listens; an exit before
# that is a startup failure (a bad scenario, a port it could not bind).
ticks=0
until [ -s "$work/ready.json" ]; do
  if ! kill -0 "$server_pid" 2>/dev/null; then
    wait "$server_pid"
    status=$?
    server_pid=""
    fail "cimulate-server exited with status $status before it was ready"
  fi
  [ $ticks -lt $((READY_TIMEOUT_S * 20)) ] || fail "cimulate-server wrote no ready file within ${READY_TIMEOUT_S}s"
  sleep 0.05
  ticks=$((ticks + 1))
done

address=$(sed -n 's/.*"winrm_http"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p' "$work/ready.json")
[ -n "$address" ] || fail "no winrm_http address in the ready file: $(cat "$work/ready.json")"
echo "cimulate-server ready: $(cat "$work/ready.json")"

mkdir -p "$work/client" || fail "cannot create the client's scratch directory"
# Loopback only: a proxy from the environment must not see these requests.
env -u http_proxy -u HTTP_PROXY -u https_proxy -u HTTPS_PROXY -u all_proxy -u ALL_PROXY \
  NO_PROXY=127.0.0.1,localhost,::1 no_proxy=127.0.0.1,localhost,::1 \
  CIMULATE_WINRM_HTTP="$address" CIMULATE_INTEROP_DIR="$work/client" \
  timeout --kill-after=5 "$CLIENT_TIMEOUT_S" "$@"
client_status=$?
[ $client_status -ne 124 ] || echo "FAIL: the client did not finish within ${CLIENT_TIMEOUT_S}s" >&2
exit $client_status
