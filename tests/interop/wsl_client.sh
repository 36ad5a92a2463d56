#!/usr/bin/env bash
# Drives Dell's wsl 0.2.1 (Debian package wsl: bash + curl + xmllint) against
# cimulate-server serving scenarios/interop/wsl-cim.yaml.
#
# identify; enumerate optimized, paged with Pulls, filtered (WQL, selector) and
# as EPRs through the DMTF URI; get, and get of a missing instance; invoke.
#
# Run by run_with_server.sh (CIMULATE_WINRM_HTTP=HOST:PORT, CIMULATE_INTEROP_DIR).
# wsl exits 0 on many faults and prints whatever came back, so every command's
# output is checked for the scenario's values, not only its exit status.
set -uo pipefail

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

for program in wsl curl xmllint uuidgen; do
  command -v "$program" >/dev/null 2>&1 ||
    fail "'$program' not found: wsl needs wsl, curl, libxml2-utils (xmllint) and uuid-runtime (scripts/setup.sh installs them)"
done
[ -n "${CIMULATE_WINRM_HTTP:-}" ] || fail "CIMULATE_WINRM_HTTP is not set; run through run_with_server.sh"
[ -d "${CIMULATE_INTEROP_DIR:-}" ] || fail "CIMULATE_INTEROP_DIR is not a directory; run through run_with_server.sh"

readonly WMI=http://schemas.microsoft.com/wbem/wsman/1/wmi/root/cimv2
readonly OS_NAME="Microsoft Windows Server 2022 Standard"

# wsl keeps its configuration in ~/.wsl-config (written on first use) and its
# request/response files, log and history in the working directory: give it
# a private home and working directory so nothing leaks outside the scratch
# directory, and no history file keeps the password.
home="$CIMULATE_INTEROP_DIR/home"
run="$CIMULATE_INTEROP_DIR/run"
mkdir -p "$home" "$run" || fail "cannot create wsl's home and working directory"
cat >"$home/.wsl-config" <<'EOF'
WSNOSSL=true
KEEPHISTORY=0
OUTLEVEL=1
WGETTIMEOUTSECS=10
EOF
cd "$run" || fail "cannot enter $run"
# The account of scenarios/interop/wsl-cim.yaml.  The endpoint carries the port:
# wsl appends :443 only to an address without one.
export HOME="$home" SHELL=/bin/bash WSAUTOMATED=1 WSNOSSL=1 \
  WSENDPOINT="$CIMULATE_WINRM_HTTP" WSUSER=wsladmin WSPASS=Wsl-Interop-1

# run_wsl NAME ARGS...: runs `wsl ARGS...`, keeping stdout in NAME.out and the
# final response in NAME.xml; sets `status`.
run_wsl() {
  local name=$1
  shift
  rm -f response.xml
  wsl "$@" >"$name.out" 2>"$name.err" </dev/null
  status=$?
  cp response.xml "$name.xml" 2>/dev/null || : >"$name.xml"
  echo "wsl $* -> exit $status"
}

show() {
  echo "--- wsl $1 stdout ---" >&2
  head -c 4000 "$1.out" >&2
  echo "--- wsl $1 stderr ---" >&2
  head -c 2000 "$1.err" >&2
}

expect_status() {  # NAME EXPECTED
  [ "$status" -eq "$2" ] || { show "$1"; fail "wsl $1 exited $status, expected $2"; }
}

# xpath NAME EXPR: the string value of EXPR in NAME's final response.
xpath() {
  xmllint --xpath "string($2)" "$1.xml" 2>/dev/null
}

expect_value() {  # NAME EXPR EXPECTED
  local got
  got=$(xpath "$1" "$2")
  [ "$got" = "$3" ] || { show "$1"; fail "wsl $1: $2 is '$got', expected '$3'"; }
}

expect_output() {  # NAME FIXED-STRING
  grep -qF -- "$2" "$1.out" || { show "$1"; fail "wsl $1: output lacks '$2'"; }
}

# A property of every instance in NAME's stdout (wsl prints each response,
# pretty-printed, one element per line), in order.
values_in_output() {  # NAME PROPERTY
  sed -n 's/.*<[A-Za-z0-9]*:'"$2"'\( [^>]*\)\{0,1\}>\([^<]*\)<.*/\2/p' "$1.out" | tr '\n' ' ' | sed 's/ $//'
}

el() {  # an element by local name, any namespace
  printf "*[local-name()='%s']" "$1"
}

# --- identify -------------------------------------------------------------
run_wsl identify identify check
expect_status identify 0
expect_output identify IdentifyResponse
expect_value identify "//$(el IdentifyResponse)/$(el ProtocolVersion)" "http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd"
expect_value identify "//$(el IdentifyResponse)/$(el ProductVendor)" "Microsoft Corporation"
expect_output identify "Stack: 3.0"
echo "ok identify: $(xpath identify "//$(el ProductVersion)")"

# --- enumerate, optimized (wsl's default: MaxElements 512, one response) ---
run_wsl enum enum "$WMI/Win32_Service"
expect_status enum 0
expect_output enum EnumerateResponse
[ "$(xpath enum "count(//$(el Items)/$(el Win32_Service))")" = 3 ] ||
  { show enum; fail "wsl enum: expected 3 Win32_Service items in one EnumerateResponse"; }
[ "$(xpath enum "count(//$(el EndOfSequence))")" = 1 ] || { show enum; fail "wsl enum: no EndOfSequence"; }
names=$(values_in_output enum Name)
[ "$names" = "WinRM Dhcp Spooler" ] || { show enum; fail "wsl enum: names '$names', expected 'WinRM Dhcp Spooler'"; }
expect_value enum "//$(el Win32_Service)[$(el Name)='Spooler']/$(el State)" Stopped
echo "ok enum (optimized): $names"

# --- enumerate with paging: one item per response, Pull until no context ---
run_wsl paged enum "$WMI/Win32_Service" -opti 1
expect_status paged 0
# 3 instances, 1 per response: the EnumerateResponse's item, then 2 Pulls.
pulls=$(grep -c '<[A-Za-z0-9]*:PullResponse>' paged.out)
[ "$pulls" -eq 2 ] || { show paged; fail "wsl enum -opti 1: $pulls PullResponses, expected 2"; }
names=$(values_in_output paged Name)
[ "$names" = "WinRM Dhcp Spooler" ] || { show paged; fail "wsl enum -opti 1: names '$names'"; }
grep -q 'EndOfSequence' paged.xml || { show paged; fail "wsl enum -opti 1: the last response has no EndOfSequence"; }
echo "ok enum (1 per response, Enumerate + $pulls Pulls): $names"

# --- enumerate with filters: WQL through the .../* URI, and a selector filter ---
run_wsl wql enum "$WMI/*" -dialect http://schemas.microsoft.com/wbem/wsman/1/WQL \
  -filter "SELECT Name FROM Win32_Service WHERE State = 'Running'"
expect_status wql 0
names=$(values_in_output wql Name)
[ "$names" = "WinRM Dhcp" ] || { show wql; fail "wsl enum WQL: names '$names', expected 'WinRM Dhcp'"; }
expect_value wql "count(//$(el Win32_Service)/$(el DisplayName))" 0
echo "ok enum WQL (State = 'Running', Name only): $names"

run_wsl selector enum "$WMI/Win32_Service" -dialect http://schemas.dmtf.org/wbem/wsman/1/wsman/SelectorFilter \
  -filter State=Stopped
expect_status selector 0
names=$(values_in_output selector Name)
[ "$names" = "Spooler" ] || { show selector; fail "wsl enum selector filter: names '$names', expected 'Spooler'"; }
echo "ok enum selector filter (State=Stopped): $names"

# --- enumerate EPRs through the DMTF resource URI and __cimnamespace --------
run_wsl eprs enum CIM_ComputerSystem -ns root/cimv2 -mode epr
expect_status eprs 0
expect_value eprs "count(//$(el Items)/$(el EndpointReference))" 1
expect_value eprs "//$(el EndpointReference)//$(el Selector)[@Name='Name']" WSL-TARGET
expect_value eprs "//$(el EndpointReference)//$(el Selector)[@Name='__cimnamespace']" root/cimv2
echo "ok enum EPR (CIM_ComputerSystem, root/cimv2): WSL-TARGET"

# --- get --------------------------------------------------------------------
run_wsl get get "$WMI/Win32_Service" Name=WinRM
expect_status get 0
expect_value get "/$(el Envelope)/$(el Body)/$(el Win32_Service)/$(el Name)" WinRM
expect_value get "//$(el Win32_Service)/$(el State)" Running
expect_value get "//$(el Win32_Service)/$(el ProcessId)" 1184
expect_value get "//$(el Win32_Service)/$(el DisplayName)" "Windows Remote Management (WS-Management)"
echo "ok get Win32_Service Name=WinRM: Running, pid 1184"

# A missing instance is a fault with Windows' WMI error, not an instance.
run_wsl missing get "$WMI/Win32_Service" Name=Nope
expect_output missing Fault
expect_value missing "count(//$(el Body)/$(el Win32_Service))" 0
expect_value missing "//$(el Fault)//$(el CIMStatusCode)" 6
echo "ok get Name=Nope: fault, CIMStatusCode 6"

# --- invoke: EnumerateEPR, then the EPR's selectors pasted into the Invoke ---
run_wsl invoke invoke "$WMI/Win32_OperatingSystem" Reboot
expect_status invoke 0
expect_output invoke Reboot_OUTPUT
expect_value invoke "//$(el Body)/$(el Reboot_OUTPUT)/$(el ReturnValue)" 1191
expect_value invoke "//$(el Header)/$(el Action)" "$WMI/Win32_OperatingSystem/RebootResponse"
echo "ok invoke Win32_OperatingSystem.Reboot ($OS_NAME): ReturnValue 1191"

echo "PASS: wsl interop"
