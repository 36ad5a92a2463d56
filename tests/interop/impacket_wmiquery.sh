#!/usr/bin/env bash
# impacket's unmodified wmiquery.py against cimulate-server over WMIDCOM.
#
#   impacket_wmiquery.sh SERVER SCENARIO PYTHON
#
# wmiquery.py activates on port 135 only, so the server binds 127.0.0.1:135;
# when this process may not bind it (not root, no CAP_NET_BIND_SERVICE) the
# test is skipped (exit 77).  Runs, each against a fresh server:
#   authnHint 5 (object port PKT_INTEGRITY) and 6 (PKT_PRIVACY) with a password,
#   a pass-the-hash login (-hashes), an anonymous login (-no-pass),
#   and a wrong password, which must fail with rpc_s_access_denied.
# Each run sends SELECT *, a column list with WHERE, describe and an unknown
# class, and the output must show the scenario's data.
set -uo pipefail

readonly WMIQUERY=/usr/share/doc/python3-impacket/examples/wmiquery.py
readonly CLIENT_TIMEOUT_S=60

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

[ $# -eq 3 ] || fail "usage: impacket_wmiquery.sh SERVER SCENARIO PYTHON"
server=$1
scenario=$2
python=$3
[ -x "$server" ] || fail "server program '$server' is not an executable file (build the cimulate-server target)"
[ -r "$scenario" ] || fail "scenario '$scenario' is not readable"
[ -r "$WMIQUERY" ] || fail "$WMIQUERY not found (apt-get install python3-impacket)"

if ! "$python" -c 'import socket; s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); s.bind(("127.0.0.1", 135)); s.close()' 2>/dev/null; then
  echo "SKIP: cannot bind 127.0.0.1:135 (needs root or CAP_NET_BIND_SERVICE, and a free port); wmiquery.py activates on 135 only"
  exit 77
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/cimulate-wmiquery.XXXXXX") || fail "cannot create a temporary directory"
server_pid=""

stop_server() {
  [ -n "$server_pid" ] || return 0
  local pid=$server_pid
  server_pid=""
  kill -TERM "$pid" 2>/dev/null
  local waited=0
  while kill -0 "$pid" 2>/dev/null && [ $waited -lt 100 ]; do
    sleep 0.1
    waited=$((waited + 1))
  done
  if kill -0 "$pid" 2>/dev/null; then
    kill -KILL "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    echo "FAIL: cimulate-server did not stop within 10 s of SIGTERM" >&2
    return 1
  fi
  wait "$pid"
}

cleanup() {
  stop_server
  rm -rf "$work"
}
trap cleanup EXIT

# start_server AUTHN_HINT: serves the scenario with that authnHint; waits for the ready file.
start_server() {
  sed "s/authn_hint: [0-9]/authn_hint: $1/" "$scenario" > "$work/scenario.yaml"
  rm -f "$work/ready.json"
  "$server" --scenario "$work/scenario.yaml" --wmidcom 127.0.0.1:135 --ready-file "$work/ready.json" \
    >"$work/server.out" 2>"$work/server.err" &
  server_pid=$!
  for _ in $(seq 1 200); do
    [ -s "$work/ready.json" ] && return 0
    kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.err" >&2; fail "cimulate-server exited before it was ready"; }
    sleep 0.1
  done
  fail "cimulate-server was not ready within 20 s"
}

printf '%s\n' 'SELECT * FROM Win32_Service' \
  'SELECT Name, State FROM Win32_Service WHERE State = "Running"' \
  'describe Win32_Service' 'SELECT * FROM NoSuchClass' exit > "$work/queries.txt"

# run_case NAME AUTHN_HINT TARGET [ARGS...]: runs wmiquery.py and checks its output.
run_case() {
  local name=$1 hint=$2 target=$3
  shift 3
  start_server "$hint"
  local out="$work/$name.out"
  timeout "$CLIENT_TIMEOUT_S" "$python" "$WMIQUERY" -file "$work/queries.txt" "$@" "$target" >"$out" 2>&1
  local status=$?
  stop_server || fail "$name: server did not stop cleanly"
  local expected
  for expected in \
      '| WinRM | Windows Remote Management (WS-Management) | Running | 1184 | True |' \
      '| Spooler | Print Spooler | Stopped | 0 | False |' \
      '| Dhcp | Running |' \
      'class Win32_Service : CIM_Service' \
      'uint32 ProcessId' \
      'WBEM_E_INVALID_CLASS'; do
    grep -qF -- "$expected" "$out" || { cat "$out" >&2; fail "$name: output lacks '$expected' (wmiquery exit $status)"; }
  done
  if grep -qF '| Spooler | Stopped |' "$out"; then
    cat "$out" >&2
    fail "$name: the WHERE clause let a stopped service through"
  fi
  echo "ok: $name"
}

run_case integrity 5 'FAKEDOM/alice:Passw0rd!@127.0.0.1'
run_case privacy 6 'FAKEDOM/alice:Passw0rd!@127.0.0.1'
run_case pass_the_hash 6 'bob@127.0.0.1' -hashes ':8846F7EAEE8FB117AD06BDD830B7586C'
run_case anonymous 5 '127.0.0.1' -no-pass

start_server 5
timeout "$CLIENT_TIMEOUT_S" "$python" "$WMIQUERY" -file "$work/queries.txt" 'FAKEDOM/alice:wrong@127.0.0.1' \
  >"$work/wrong.out" 2>&1
stop_server || fail "wrong_password: server did not stop cleanly"
grep -q 'rpc_s_access_denied' "$work/wrong.out" || { cat "$work/wrong.out" >&2; fail "wrong_password: expected rpc_s_access_denied"; }
if grep -qF '| WinRM |' "$work/wrong.out"; then fail "wrong_password: data was served"; fi
echo "ok: wrong_password"
