#!/usr/bin/env bash
# The aarch64 agent under qemu-user against an x86_64 master on loopback:
#   1. enrols with a bootstrap token and the CA pin, becomes Ready (timed),
#      and tells "systemd" READY=1 and WATCHDOG=1 over a NOTIFY_SOCKET;
#   2. is killed (SIGKILL) and is seen NotReady (timed);
#   3. restarts while the master is down and still reports READY (offline
#      mode), then reconnects when the master is back and is Ready again;
#   4. the agent crate's unit tests, built for aarch64 and run through the
#      qemu cargo runner.
#
#   cross/test.sh [--no-build] [--skip-unit] [--skip-e2e]
# Host binaries come from $PICCOLO_HOST_BIN_DIR (default target/debug, built
# here with the host cargo). KEEP=1 keeps the logs.
set -euo pipefail

# shellcheck source=cross/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

BUILD=1
UNIT=1
E2E=1
while [ $# -gt 0 ]; do
    case "$1" in
        --no-build) BUILD=0 ;;
        --skip-unit) UNIT=0 ;;
        --skip-e2e) E2E=0 ;;
        -h | --help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) die "unknown option: $1 (see --help)" ;;
    esac
    shift
done

READY_DEADLINE=${READY_DEADLINE:-60}       # s: qemu-user start + enrolment
NOTREADY_DEADLINE=${NOTREADY_DEADLINE:-15} # s: the master sees a closed connection in ~1 s
RECONNECT_DEADLINE=${RECONNECT_DEADLINE:-60} # s: the agent's reconnect backoff is capped at 30 s

ensure_cross_toolchain
ensure_debs jq socat

now_ms() { date +%s%3N; }

# shellcheck source=scripts/lib/free-port.sh
source "$ROOT/scripts/lib/free-port.sh"

cleanup() {
    local pid
    for pid in "${AGENT_PID:-}" "${MASTER_PID:-}" "${NOTIFY_PID:-}"; do
        if [ -n "$pid" ]; then kill -KILL "$pid" 2>/dev/null || true; fi
    done
    wait 2>/dev/null || true
    if [ -n "${WORK:-}" ] && [ -d "$WORK" ]; then
        if [ "${KEEP:-0}" = 1 ]; then log "logs kept in $WORK"; else rm -rf "$WORK"; fi
    fi
}

show_logs() {
    echo "--- agent log (tail)" >&2
    tail -20 "$WORK/agent.log" >&2 2>/dev/null || true
    echo "--- master log (tail)" >&2
    tail -20 "$WORK/master.log" >&2 2>/dev/null || true
}

start_master() {
    "$MASTER" run --data-dir "$WORK/master" --listen "127.0.0.1:${PORT}" --http-listen "127.0.0.1:${HTTP_PORT}" \
        >>"$WORK/master.log" 2>&1 &
    MASTER_PID=$!
    local deadline=$(($(date +%s) + 30))
    until [ -s "$WORK/master/admin.conf" ] && "${CTL[@]}" get nodes -o json >/dev/null 2>&1; do
        kill -0 "$MASTER_PID" 2>/dev/null || { show_logs; die "the master exited"; }
        [ "$(date +%s)" -lt "$deadline" ] || { show_logs; die "the master did not serve within 30 s"; }
        sleep 0.1
    done
}

stop_pid() { # stop_pid SIGNAL PID
    kill "-$1" "$2" 2>/dev/null || true
    wait "$2" 2>/dev/null || true
}

# A stand-in for systemd's notify socket; datagrams are appended to notify.out.
start_notify() {
    rm -f "$WORK/notify.sock"
    socat -u "UNIX-RECV:$WORK/notify.sock" STDOUT >>"$WORK/notify.out" 2>/dev/null &
    NOTIFY_PID=$!
    for _ in $(seq 1 50); do
        [ -S "$WORK/notify.sock" ] && return 0
        sleep 0.1
    done
    die "socat did not bind the notify socket"
}

# As systemd does: WATCHDOG_PID is the service's pid (the exec keeps the
# shell's; qemu-user's guest sees its host pid).
start_agent() {
    NOTIFY_SOCKET="$WORK/notify.sock" WATCHDOG_USEC=2000000 PICCOLO_LOG=info \
        bash -c 'export WATCHDOG_PID=$$; exec "$@"' agent \
        qemu-aarch64 "$AGENT" run --data-dir "$WORK/agent" --master "127.0.0.1:${PORT}" \
        --token "$TOKEN" --ca-cert-hash "$HASH" --name qemu-arm64 >>"$WORK/agent.log" 2>&1 &
    AGENT_PID=$!
}

node_status() {
    "${CTL[@]}" get nodes -o json 2>/dev/null | jq -r '.[] | select(.name == "qemu-arm64") | .state' 2>/dev/null || true
}

wait_status() { # wait_status STATUS DEADLINE_S
    local want=$1 deadline=$(($(date +%s) + $2)) st
    while :; do
        st=$(node_status)
        [ "$st" = "$want" ] && return 0
        if [ "$(date +%s)" -ge "$deadline" ]; then
            show_logs
            die "node qemu-arm64 is '${st:-absent}', not ${want}, after $2 s"
        fi
        sleep 0.1
    done
}

wait_notify() { # wait_notify TEXT DEADLINE_S
    local deadline=$(($(date +%s) + $2))
    until grep -q "$1" "$WORK/notify.out" 2>/dev/null; do
        [ "$(date +%s)" -lt "$deadline" ] || { show_logs; die "the agent sent no $1 on NOTIFY_SOCKET within $2 s"; }
        sleep 0.1
    done
}

run_e2e() {
    AGENT="${OUT_DIR}/piccolo-agent"
    local host_bin="${PICCOLO_HOST_BIN_DIR:-${ROOT}/target/debug}"
    if [ "$BUILD" = 1 ]; then
        "${CROSS_DIR}/build.sh" --bins piccolo-agent
        if [ -z "${PICCOLO_HOST_BIN_DIR:-}" ]; then
            log "building the host master and piccoloctl (host cargo)"
            (cd "$ROOT" && nice -n "${CROSS_NICE:-10}" cargo build -q --locked -p piccolo-master -p piccolo-ctl --bins) \
                || die "host build of piccolo-master/piccoloctl failed"
        fi
    fi
    MASTER="${host_bin}/piccolo-master"
    local ctl="${host_bin}/piccoloctl"
    [ -x "$AGENT" ] || die "$AGENT missing: run cross/build.sh (or drop --no-build)"
    [ -x "$MASTER" ] || die "$MASTER missing: build the host binaries or set PICCOLO_HOST_BIN_DIR"
    [ -x "$ctl" ] || die "$ctl missing: build the host binaries or set PICCOLO_HOST_BIN_DIR"

    WORK=$(mktemp -d /tmp/piccolo-cross-test.XXXXXX)
    trap cleanup EXIT
    PORT=$(free_port)
    HTTP_PORT=$(free_port)
    CTL=("$ctl" --admin-config "$WORK/master/admin.conf")
    start_master
    log "x86_64 master on 127.0.0.1:${PORT} (from ${host_bin})"

    TOKEN=$("${CTL[@]}" token create --ttl 10m) || die "piccoloctl token create failed"
    HASH=$("${CTL[@]}" cluster-info | awk '/^ca_cert_hash:/ { print $2 }')
    [[ "$HASH" == sha256:* ]] || die "piccoloctl cluster-info printed no ca_cert_hash"

    # 1. Enrol and become Ready.
    start_notify
    local t0 t1
    t0=$(now_ms)
    start_agent
    wait_status Ready "$READY_DEADLINE"
    READY_MS=$(($(now_ms) - t0))
    wait_notify READY=1 5
    wait_notify WATCHDOG=1 5
    log "aarch64 agent under qemu: enrolled and Ready in ${READY_MS} ms; READY=1 and WATCHDOG=1 received"

    # 2. Killed: NotReady.
    t0=$(now_ms)
    stop_pid KILL "$AGENT_PID"
    AGENT_PID=""
    wait_status NotReady "$NOTREADY_DEADLINE"
    NOTREADY_MS=$(($(now_ms) - t0))
    log "killed agent seen NotReady in ${NOTREADY_MS} ms"

    # 3. Offline start: master down, the enrolled agent still comes up.
    stop_pid TERM "$MASTER_PID"
    MASTER_PID=""
    : >"$WORK/notify.out"
    t0=$(now_ms)
    start_agent
    wait_notify READY=1 30
    t1=$(now_ms)
    kill -0 "$AGENT_PID" 2>/dev/null || { show_logs; die "the agent exited while the master was down"; }
    OFFLINE_MS=$((t1 - t0))
    log "offline start (master down): READY=1 in ${OFFLINE_MS} ms"
    start_master
    wait_status Ready "$RECONNECT_DEADLINE"
    [ "$(grep -c "enrolled node=" "$WORK/agent.log" || true)" = 1 ] \
        || { show_logs; die "the agent did not enrol exactly once (a restart must reuse its certificate)"; }
    log "master back: the agent reconnected with its certificate and is Ready"
    stop_pid TERM "$AGENT_PID"
    AGENT_PID=""
    grep -q STOPPING=1 "$WORK/notify.out" || log "warning: the agent sent no STOPPING=1 on SIGTERM"
}

run_unit() {
    log "agent unit tests for ${TARGET} under qemu-aarch64 (cargo runner)"
    local start
    start=$(date +%s)
    # Each test binary bounded in time (a hung one is killed, named and run
    # once more). A --config, since it outranks the environment.
    deb_cargo --config "target.${TARGET}.runner=\"${CROSS_DIR}/qemu-test-runner.sh\"" \
        test --locked -p piccolo-agent --target "$TARGET" || die "agent unit tests failed under qemu"
    UNIT_S=$(($(date +%s) - start))
}

READY_MS="-" NOTREADY_MS="-" OFFLINE_MS="-" UNIT_S="-"
if [ "$E2E" = 1 ]; then run_e2e; fi
if [ "$UNIT" = 1 ]; then run_unit; fi
cat <<EOF
cross-test: ok
  qemu-aarch64 agent start -> Ready:         ${READY_MS} ms
  kill -9 -> NotReady (x86_64 master):       ${NOTREADY_MS} ms
  offline start (master down) -> READY=1:    ${OFFLINE_MS} ms
  agent unit tests under qemu (incl. build): ${UNIT_S} s
EOF
