#!/usr/bin/env bash
# Tests scripts/install-agent.sh and scripts/system-check.sh against fresh
# roots (temp prefixes) and a real master on loopback, and runs shellcheck on
# every embedded shell script. Host binaries: $PICCOLO_HOST_BIN_DIR, default
# target/debug (built here with the host cargo when missing).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
INSTALL="$ROOT/scripts/install-agent.sh"
CHECK="$ROOT/scripts/system-check.sh"
UNIT="$ROOT/systemd/piccolo-agent.service"
BIN="${PICCOLO_HOST_BIN_DIR:-$ROOT/target/debug}"

passed=0
pass() { printf 'ok %d - %s\n' "$((passed + 1))" "$*"; passed=$((passed + 1)); }
die() { printf 'not ok - %s\n' "$*" >&2; exit 1; }
# shellcheck source=scripts/lib/debs.sh
source "$ROOT/scripts/lib/debs.sh"
ensure_debs shellcheck jq

# --- shellcheck -------------------------------------------------------------------

scripts=("$ROOT"/scripts/install-agent.sh "$ROOT"/scripts/system-check.sh "$ROOT"/scripts/gen-crates-inc.sh
    "$ROOT"/scripts/check-meta-piccolo.sh "$ROOT"/scripts/yocto.sh "$ROOT"/scripts/build-deps.sh "$ROOT"/scripts/embedded-deps.sh
    "$ROOT"/cross/*.sh "$ROOT"/tests/embedded/*.sh)
(cd "$ROOT" && shellcheck -x "${scripts[@]#"$ROOT"/}") || die "shellcheck found problems"
pass "shellcheck: ${#scripts[@]} scripts clean"

# --- one rule for the shell and the agent -------------------------------------------
# system-check.sh's shell fallback must apply the agent's own thresholds.
agent_disk=$(sed -n 's/^ *min_disk_bytes: \([0-9]*\) \* 1024 \* 1024,$/\1/p' "$ROOT/agent/src/config.rs")
agent_mem=$(sed -n 's/^ *min_memory_bytes: \([0-9]*\) \* 1024 \* 1024,$/\1/p' "$ROOT/agent/src/config.rs")
agent_clock=$(sed -n 's/^const CLOCK_FLOOR_MS: i64 = \([0-9_]*\);$/\1/p' "$ROOT/agent/src/checks.rs" | tr -d _)
shell_disk=$(sed -n 's/^MIN_MEM_MB=[0-9]* MIN_DISK_MB=\([0-9]*\)$/\1/p' "$CHECK")
shell_mem=$(sed -n 's/^MIN_MEM_MB=\([0-9]*\) MIN_DISK_MB=[0-9]*$/\1/p' "$CHECK")
shell_clock=$(sed -n 's/^CLOCK_FLOOR_S=\([0-9]*\)$/\1/p' "$CHECK")
if [ -z "$agent_disk" ] || [ -z "$agent_mem" ] || [ -z "$agent_clock" ]; then die "cannot read the agent's check thresholds"; fi
[ "$shell_disk" = "$agent_disk" ] || die "system-check.sh min disk ${shell_disk} MiB != agent min_disk_bytes ${agent_disk} MiB"
[ "$shell_mem" = "$agent_mem" ] || die "system-check.sh min memory ${shell_mem} MiB != agent min_memory_bytes ${agent_mem} MiB"
[ "${shell_clock}000" = "$agent_clock" ] || die "system-check.sh clock floor ${shell_clock} s != agent CLOCK_FLOOR_MS ${agent_clock}"
pass "system-check.sh and the agent share one rule: ${agent_disk} MiB disk, ${agent_mem} MiB memory, clock >= ${shell_clock} s"

# --- a real master ----------------------------------------------------------------

if [ -z "${PICCOLO_HOST_BIN_DIR:-}" ]; then
    (cd "$ROOT" && nice -n 10 cargo build -q --locked -p piccolo-agent -p piccolo-master -p piccolo-ctl --bins) \
        || die "host build failed"
fi
for b in piccolo-agent piccolo-master piccoloctl; do [ -x "$BIN/$b" ] || die "$BIN/$b missing"; done

# shellcheck source=scripts/lib/free-port.sh
source "$ROOT/scripts/lib/free-port.sh"

W=$(mktemp -d /tmp/piccolo-scripts-test.XXXXXX)
MASTER_PID="" AGENT_PID=""
cleanup() {
    local pid
    for pid in "$AGENT_PID" "$MASTER_PID"; do
        if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
    done
    if [ "${KEEP:-0}" = 1 ]; then echo "kept $W"; else rm -rf "$W"; fi
}
trap cleanup EXIT

PORT=$(free_port)
"$BIN/piccolo-master" run --data-dir "$W/master" --listen "127.0.0.1:$PORT" --http-listen "" >"$W/master.log" 2>&1 &
MASTER_PID=$!
CTL=("$BIN/piccoloctl" --admin-config "$W/master/admin.conf")
for _ in $(seq 1 100); do
    [ -s "$W/master/admin.conf" ] && "${CTL[@]}" get nodes -o json >/dev/null 2>&1 && break
    sleep 0.1
done
"${CTL[@]}" get nodes -o json >/dev/null 2>&1 || die "master did not start: $(tail -5 "$W/master.log")"
HASH=$("${CTL[@]}" cluster-info | awk '/^ca_cert_hash:/ { print $2 }')
TOKEN=$("${CTL[@]}" token create --ttl 10m)
MASTER="127.0.0.1:$PORT"

node_status() { "${CTL[@]}" get nodes -o json | jq -r --arg n "$1" '.[] | select(.name == $n) | .state'; }
wait_status() { # NAME STATUS
    for _ in $(seq 1 150); do
        [ "$(node_status "$1")" = "$2" ] && return 0
        sleep 0.1
    done
    die "node $1 is '$(node_status "$1")', not $2"
}
# expect_fail CODE PATTERN CMD...: CMD exits with CODE and says PATTERN on stderr.
expect_fail() {
    local code=$1 pattern=$2 rc=0
    shift 2
    "$@" >"$W/out" 2>"$W/err" || rc=$?
    [ "$rc" = "$code" ] || die "expected exit $code, got $rc from: $* ($(cat "$W/err"))"
    grep -q -- "$pattern" "$W/err" || die "expected '$pattern' in the error of: $* (got: $(cat "$W/err"))"
}
mode() { stat -c %a "$1"; }

# --- install-agent.sh -------------------------------------------------------------

R1="$W/root1"
mkdir -p "$R1"
COMMON=(--prefix "$R1" --binary "$BIN/piccolo-agent" --unit "$UNIT" --master "$MASTER" --enroll-timeout 20)

"$INSTALL" "${COMMON[@]}" --token "$TOKEN" --ca-cert-hash "$HASH" --name scripts-node --label site=lab >"$W/install1.log" 2>&1 \
    || die "install failed: $(cat "$W/install1.log")"
[ -x "$R1/usr/local/bin/piccolo-agent" ] || die "binary not installed"
[ "$(mode "$R1/etc/piccolo/agent.toml")" = 600 ] || die "agent.toml mode is $(mode "$R1/etc/piccolo/agent.toml"), not 600"
[ "$(mode "$R1/var/lib/piccolo-agent")" = 700 ] || die "data dir mode is not 700"
[ -s "$R1/var/lib/piccolo-agent/node.crt" ] || die "not enrolled: no node.crt"
grep -q '^ExecStart=/usr/local/bin/piccolo-agent run --config /etc/piccolo/agent.toml' "$R1/etc/systemd/system/piccolo-agent.service" \
    || die "unit ExecStart not pointed at /usr/local/bin"
grep -q '^token' "$R1/etc/piccolo/agent.toml" && die "the token stayed in agent.toml after enrolment"
grep -q 'site = "lab"' "$R1/etc/piccolo/agent.toml" || die "label missing from agent.toml"
[ -n "$(node_status scripts-node)" ] || die "the master does not know scripts-node"
pass "install into a fresh root: binary, unit, 0600 config, 0700 data dir, enrolled with the master, token dropped"

before=$(cd "$R1" && find . -type f -exec sha256sum {} + | sort)
"$INSTALL" "${COMMON[@]}" --token "$TOKEN" --ca-cert-hash "$HASH" --name scripts-node --label site=lab >"$W/install2.log" 2>&1 \
    || die "second install failed: $(cat "$W/install2.log")"
after=$(cd "$R1" && find . -type f -exec sha256sum {} + | sort)
[ "$before" = "$after" ] || die "a second identical install changed files"
grep -q "already enrolled" "$W/install2.log" || die "second install did not notice the enrolment"
[ "$(grep -c unchanged "$W/install2.log")" -ge 3 ] || die "second install did not report unchanged files"
pass "idempotent: a second run changes nothing and does not enrol again"

# The installed config + identity run the agent to Ready (what the unit does).
"$R1/usr/local/bin/piccolo-agent" run --config "$R1/etc/piccolo/agent.toml" --data-dir "$R1/var/lib/piccolo-agent" \
    >"$W/agent.log" 2>&1 &
AGENT_PID=$!
wait_status scripts-node Ready
kill "$AGENT_PID"
wait "$AGENT_PID" 2>/dev/null || true
AGENT_PID=""
pass "the installed agent (config as installed) reconnects with its certificate and is Ready"

# --ca-file instead of the pin, in a second root.
R2="$W/root2"
mkdir -p "$R2"
"$INSTALL" --prefix "$R2" --binary "$BIN/piccolo-agent" --unit "$UNIT" --master "$MASTER" --enroll-timeout 20 \
    --token "$TOKEN" --ca-file "$W/master/ca.crt" --name scripts-cafile >"$W/install3.log" 2>&1 \
    || die "install with --ca-file failed: $(cat "$W/install3.log")"
grep -q '^ca_file = "/etc/piccolo/ca.crt"' "$R2/etc/piccolo/agent.toml" || die "ca_file not in agent.toml"
if [ ! -s "$R2/etc/piccolo/ca.crt" ] || [ ! -s "$R2/var/lib/piccolo-agent/node.crt" ]; then die "--ca-file install incomplete"; fi
pass "install with --ca-file: CA installed as /etc/piccolo/ca.crt and enrolled"

# Every failure: non-zero and a message that says what to do.
R3="$W/root3"
mkdir -p "$R3"
BAD=(--prefix "$R3" --binary "$BIN/piccolo-agent" --unit "$UNIT")
expect_fail 2 "--master HOST:PORT is required" "$INSTALL" "${BAD[@]}" --token "$TOKEN" --ca-cert-hash "$HASH"
expect_fail 2 "must be HOST:PORT" "$INSTALL" "${BAD[@]}" --master nonsense --token "$TOKEN" --ca-cert-hash "$HASH"
expect_fail 2 "sha256:<64 hex digits>" "$INSTALL" "${BAD[@]}" --master "$MASTER" --token "$TOKEN" --ca-cert-hash sha256:abc
expect_fail 2 "--token" "$INSTALL" "${BAD[@]}" --master "$MASTER" --ca-cert-hash "$HASH"
expect_fail 2 "--ca-cert-hash or --ca-file" "$INSTALL" "${BAD[@]}" --master "$MASTER" --token "$TOKEN"
expect_fail 2 "unknown option" "$INSTALL" "${BAD[@]}" --frobnicate
expect_fail 1 "does not exist" "$INSTALL" --prefix "$R3" --binary "$W/nope" --unit "$UNIT" --master "$MASTER" \
    --token "$TOKEN" --ca-cert-hash "$HASH"
printf 'not a certificate\n' >"$W/bad.crt"
expect_fail 1 "not a PEM certificate" "$INSTALL" "${BAD[@]}" --master "$MASTER" --token "$TOKEN" --ca-file "$W/bad.crt"
WRONG_PIN="sha256:$(printf '%064d' 0)"
expect_fail 1 "enrolment failed\|not enrolled after" "$INSTALL" "${BAD[@]}" --master "$MASTER" --token "$TOKEN" \
    --ca-cert-hash "$WRONG_PIN" --enroll-timeout 10
expect_fail 1 "enrolment failed\|not enrolled after" "$INSTALL" "${BAD[@]}" --master "$MASTER" \
    --token "abcdef.0123456789abcdef" --ca-cert-hash "$HASH" --enroll-timeout 10
expect_fail 1 "not enrolled after" "$INSTALL" "${BAD[@]}" --master "127.0.0.1:$(free_port)" --token "$TOKEN" \
    --ca-cert-hash "$HASH" --enroll-timeout 3
[ ! -e "$R3/var/lib/piccolo-agent/node.crt" ] || die "a failed enrolment left a certificate"
if [ "$(id -u)" -ne 0 ]; then
    expect_fail 1 "needs root" "$INSTALL" --binary "$BIN/piccolo-agent" --master "$MASTER" --token "$TOKEN" --ca-cert-hash "$HASH"
fi
pass "failures exit non-zero with a message: usage (2), missing binary, bad CA file, wrong pin, bad token, unreachable master (1)"

"$INSTALL" --prefix "$R3" --binary "$BIN/piccolo-agent" --unit "$UNIT" --master "127.0.0.1:$(free_port)" \
    --token "$TOKEN" --ca-cert-hash "$HASH" --no-enroll >"$W/install4.log" 2>&1 || die "--no-enroll failed: $(cat "$W/install4.log")"
grep -q '^token = ' "$R3/etc/piccolo/agent.toml" || die "--no-enroll must keep the token for the service's enrolment"
pass "--no-enroll installs without the master and keeps the token for the service"

# --- uninstall ----------------------------------------------------------------------

"$INSTALL" --uninstall --prefix "$R1" >"$W/un1.log" 2>&1 || die "uninstall failed: $(cat "$W/un1.log")"
left=$(find "$R1" -type f)
[ -z "$left" ] || die "uninstall left files: $left"
[ ! -e "$R1/var/lib/piccolo-agent" ] || die "uninstall left the data dir"
"$INSTALL" --uninstall --prefix "$R1" >"$W/un2.log" 2>&1 || die "second uninstall failed: $(cat "$W/un2.log")"
"$INSTALL" --uninstall --keep-data --prefix "$R2" >"$W/un3.log" 2>&1 || die "uninstall --keep-data failed"
if [ ! -s "$R2/var/lib/piccolo-agent/node.crt" ] || [ -e "$R2/usr/local/bin/piccolo-agent" ]; then die "--keep-data wrong"; fi
pass "--uninstall removes binary, unit, config and data (idempotent); --keep-data keeps the identity"

# --- system-check.sh ------------------------------------------------------------------

"$CHECK" --shell --master "$MASTER" --data-dir "$W/sc-data" >"$W/sc1.log" 2>&1 || die "shell checks failed: $(cat "$W/sc1.log")"
if ! grep -q '^\[ ok \] master' "$W/sc1.log" || ! grep -q '^ready' "$W/sc1.log"; then die "shell check output: $(cat "$W/sc1.log")"; fi
rc=0
"$CHECK" --shell --json --master "127.0.0.1:$(free_port)" --data-dir /dev/null/x --min-memory-mb 99999999 >"$W/sc2.json" || rc=$?
[ "$rc" = 1 ] || die "failing shell checks exited $rc, not 1"
jq -e '[.[] | select(.ok == false and .required) | .name] | sort == ["data_dir", "master", "memory"]' "$W/sc2.json" >/dev/null \
    || die "unexpected failures: $(jq -c '[.[] | select(.ok == false) | .name]' "$W/sc2.json")"
jq -e 'all(.[]; has("name") and has("ok") and has("required") and has("detail") and has("hint"))' "$W/sc2.json" >/dev/null \
    || die "JSON fields differ from the agent's check output"
expect_fail 2 "unknown option" "$CHECK" --bogus
pass "system-check.sh shell checks: pass on this machine, fail (exit 1, JSON) on unreachable master, unwritable data dir, too little memory"

if "$BIN/piccolo-agent" check --help >/dev/null 2>&1; then
    rc=0
    "$CHECK" --agent-bin "$BIN/piccolo-agent" --master "$MASTER" --data-dir "$W/sc-data" --json >"$W/sc3.json" 2>"$W/sc3.err" || rc=$?
    jq -e 'type == "array" and (map(.name) | index("master") != null)' "$W/sc3.json" >/dev/null \
        || die "agent check JSON: $(head -c 300 "$W/sc3.json") $(cat "$W/sc3.err")"
    jq -e '.[] | select(.name == "master") | .ok' "$W/sc3.json" >/dev/null || die "agent check: master not ok"
    rc=0
    "$CHECK" --agent-bin "$BIN/piccolo-agent" --master "127.0.0.1:$(free_port)" --data-dir "$W/sc-data" >"$W/sc4.log" 2>&1 || rc=$?
    [ "$rc" != 0 ] || die "agent check passed with an unreachable master: $(cat "$W/sc4.log")"
    pass "system-check.sh wraps \`piccolo-agent check\` (JSON; non-zero when the master is unreachable)"
else
    echo "# skip: $BIN/piccolo-agent has no check command"
fi

echo "scripts-test: ok (${passed} passed)"
