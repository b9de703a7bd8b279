#!/bin/bash
# Runs inside the systemd-test VM (tests/embedded/systemd-test.sh) as a
# oneshot service, systemd being PID 1. Installs the repository's units and
# binaries from the payload disk (/payload) and checks, against the real
# systemd: Type=notify readiness, STATUS=, the watchdog, restarts after a
# crash, no restart loop for an error a person must fix, journald, and the
# units' `systemd-analyze security` exposure. One "ok"/"not ok" line per check
# on the second serial port (ttyS1), then "systemd-test: done" and power-off.
set -uo pipefail

exec 3>/dev/ttyS1
say() { echo "$*" >&3; echo "$*"; }
ok() { say "ok - $*"; }
bad() { say "not ok - $*"; }
finish() { say "systemd-test: done"; sync; systemctl poweroff --no-block 2>/dev/null || poweroff -f; exit 0; }
trap finish EXIT

P=/payload
prop() { systemctl show -P "$2" "$1"; }
# is UNIT PROP VALUE: the property has that value now (polled by wait_for).
is() { [ "$(prop "$1" "$2")" = "$3" ]; }
# restarted UNIT OLD_PID OLD_RESTARTS: a new main process after a restart.
restarted() {
    local pid
    pid=$(prop "$1" MainPID)
    [ "$(prop "$1" NRestarts)" -gt "$3" ] && [ "$pid" != "$2" ] && [ "$pid" != 0 ]
}
# wait_for SECS DESC CMD...: poll CMD every 0.2 s until it succeeds.
wait_for() {
    local secs=$1 desc=$2 end
    shift 2
    end=$(($(date +%s) + secs))
    while [ "$(date +%s)" -lt "$end" ]; do
        "$@" >/dev/null 2>&1 && return 0
        sleep 0.2
    done
    bad "timed out after ${secs} s waiting for: $desc"
    return 1
}

say "# $(systemctl --version | head -n1); kernel $(uname -r); PID 1 is $(cat /proc/1/comm)"
if [ "$(cat /proc/1/comm)" = systemd ]; then ok "systemd is PID 1"; else bad "PID 1 is $(cat /proc/1/comm)"; fi

# --- install what scripts/install-agent.sh / meta-piccolo install ---------------
install -m 0755 "$P"/bin/piccolo-agent "$P"/bin/piccolo-master "$P"/bin/piccoloctl /usr/bin/
install -m 0644 "$P"/systemd/piccolo-agent.service "$P"/systemd/piccolo-master.service /etc/systemd/system/
mkdir -p /etc/piccolo
# A master that accepts TCP but never answers TLS: enrolment hangs for the
# connect timeout (5 s), so READY (offline) comes late and observably.
systemd-run --quiet --unit=hang-master systemd-socket-activate -l 127.0.0.1:7443 /bin/sleep infinity
cat >/etc/piccolo/agent.toml <<'EOF'
master = "127.0.0.1:7443"
token = "abcdef.0123456789abcdef"
ca_cert_hash = "sha256:0000000000000000000000000000000000000000000000000000000000000000"
EOF
chmod 0600 /etc/piccolo/agent.toml
# Test timings only: a 10 s watchdog and 1 s restart delay instead of 30 s/5 s.
# (Not less: an enrolment attempt against a master that never answers holds
# the agent's loop for its 5 s connect timeout, without progress pings.)
mkdir -p /etc/systemd/system/piccolo-agent.service.d
cat >/etc/systemd/system/piccolo-agent.service.d/test.conf <<'EOF'
[Service]
WatchdogSec=10s
RestartSec=1s
EOF
systemctl daemon-reload
if systemd-analyze verify /etc/systemd/system/piccolo-agent.service /etc/systemd/system/piccolo-master.service \
    >/tmp/verify.log 2>&1; then
    ok "systemd-analyze verify: both units clean"
else
    bad "systemd-analyze verify: $(tr '\n' ' ' </tmp/verify.log)"
fi

# --- Type=notify: activating until READY=1 ---------------------------------------
systemctl start --no-block piccolo-agent
# shellcheck disable=SC2016 # expanded by the inner sh, at every poll
wait_for 20 "the agent process" sh -c '[ "$(systemctl show -P MainPID piccolo-agent)" != 0 ]'
seen_activating=no
end=$(($(date +%s) + 30))
while [ "$(date +%s)" -lt "$end" ]; do
    s=$(prop piccolo-agent ActiveState)
    [ "$s" = activating ] && seen_activating=yes
    [ "$s" = active ] && break
    sleep 0.1
done
main_start=$(prop piccolo-agent ExecMainStartTimestampMonotonic)
active_at=$(prop piccolo-agent ActiveEnterTimestampMonotonic)
delay_ms=$(((active_at - main_start) / 1000))
if [ "$(prop piccolo-agent ActiveState)" = active ] && [ "$seen_activating" = yes ] && [ "$delay_ms" -ge 3000 ]; then
    ok "Type=notify: 'activating' for ${delay_ms} ms after the process started, 'active (running)' only after READY=1"
else
    bad "Type=notify: state $(prop piccolo-agent ActiveState), activating seen: $seen_activating, READY after ${delay_ms} ms"
fi

# --- STATUS= in systemctl status ----------------------------------------------------
status=$(systemctl status --no-pager piccolo-agent 2>&1)
# The agent's STATUS= lines while it cannot enrol: "enrolling" during an
# attempt, "offline: not enrolled yet (...)" between attempts.
if grep -qE 'Status: "(offline: not enrolled yet|enrolling)' <<<"$status"; then
    ok "STATUS= shows in systemctl status: $(grep -o 'Status: "[^"]*' <<<"$status" | cut -c1-80)"
else
    bad "no agent STATUS= in systemctl status: $(head -n 8 <<<"$status" | tr '\n' '|')"
fi

# --- journald ----------------------------------------------------------------------------
if wait_for 20 "the agent's log in journald" sh -c 'journalctl -u piccolo-agent -o cat --no-pager | grep -q "enrolment failed; will retry"'; then
    ok "logs reach journald: $(journalctl -u piccolo-agent -o cat --no-pager | grep -m1 'enrolment failed' | cut -c1-90)"
fi

# --- the watchdog kills a stalled agent, systemd restarts it ----------------------------
pid=$(prop piccolo-agent MainPID)
restarts=$(prop piccolo-agent NRestarts)
t0=$(date +%s%N)
kill -STOP "$pid"
if wait_for 40 "a restart after the watchdog timeout" restarted piccolo-agent "$pid" "$restarts"; then
    took_ms=$((($(date +%s%N) - t0) / 1000000))
    if journalctl -u piccolo-agent --no-pager | grep -q 'Watchdog timeout'; then
        ok "a stalled agent (SIGSTOP) was killed by the watchdog (WatchdogSec=10s) and restarted after ${took_ms} ms"
    else
        bad "the stalled agent was restarted but the journal shows no 'Watchdog timeout'"
    fi
fi
wait_for 30 "the restarted agent to be active" is piccolo-agent ActiveState active

# --- a crash restarts it --------------------------------------------------------------------
pid=$(prop piccolo-agent MainPID)
restarts=$(prop piccolo-agent NRestarts)
# SIGABRT, what a panic (panic = "abort") or a failed assertion raises. Not
# SIGSEGV from kill: Rust's stack-overflow handler swallows a SIGSEGV that
# no fault caused.
kill -ABRT "$pid"
if wait_for 30 "a restart after the crash" restarted piccolo-agent "$pid" "$restarts"; then
    ok "a crash (SIGABRT) is restarted (NRestarts $restarts -> $(prop piccolo-agent NRestarts))"
fi
systemctl stop piccolo-agent

# --- an error only a person can fix is not restarted ---------------------------------------
# needs_person NAME AGENT_ENV: start with that override; expect exit 64, no restart.
needs_person() {
    local what=$1
    printf '%s\n' "$2" >/etc/piccolo/agent.env
    systemctl reset-failed piccolo-agent 2>/dev/null
    systemctl start --no-block piccolo-agent
    if wait_for 30 "the agent to fail ($what)" is piccolo-agent ActiveState failed; then
        sleep 3 # three restart delays: a restart would have happened by now
        local code restarts state
        code=$(prop piccolo-agent ExecMainStatus)
        restarts=$(prop piccolo-agent NRestarts)
        state=$(prop piccolo-agent ActiveState)
        if [ "$code" = 64 ] && [ "$restarts" = 0 ] && [ "$state" = failed ]; then
            ok "$what: exit 64, not restarted (NRestarts 0, state failed): $(journalctl -u piccolo-agent -o cat --no-pager -n 20 | grep '^piccolo-agent:' | tail -n 1 | cut -c1-110)"
        else
            bad "$what: exit $code, NRestarts $restarts, state $state"
        fi
    fi
    rm -f /etc/piccolo/agent.env
}
needs_person "malformed token" "PICCOLO_TOKEN=abc"
needs_person "missing token" "PICCOLO_TOKEN="

# --- the master under systemd, and a wrong CA pin against it ------------------------------
systemctl stop hang-master
install -m 0644 "$P"/etc/master.toml /etc/piccolo/master.toml
sed -i 's/^listen = .*/listen = "127.0.0.1:7443"/' /etc/piccolo/master.toml
systemctl start piccolo-master
if [ "$(prop piccolo-master ActiveState)" = active ]; then
    ok "piccolo-master (Type=notify) active: $(prop piccolo-master StatusText | cut -c1-80)"
    mpid=$(prop piccolo-master MainPID)
    if systemctl reload piccolo-master && sleep 1 && is piccolo-master ActiveState active && is piccolo-master MainPID "$mpid"; then
        ok "systemctl reload piccolo-master: same process, still active (ExecReload= sends SIGHUP)"
    else
        bad "systemctl reload piccolo-master: $(systemctl status --no-pager piccolo-master 2>&1 | tail -n 4 | tr '\n' '|')"
    fi
    needs_person "wrong CA pin" "PICCOLO_CA_CERT_HASH=sha256:$(printf 'ab%.0s' $(seq 32))"
    # And a good enrolment: the pin from the master, a token from piccoloctl.
    admin=/var/lib/piccolo-master/admin.conf
    hash=$(piccoloctl --admin-config "$admin" cluster-info 2>/dev/null | grep -o 'sha256:[0-9a-f]*' | head -n1)
    token=$(piccoloctl --admin-config "$admin" token create 2>/dev/null | grep -oE '[a-z0-9]{6}\.[a-z0-9]{16}' | head -n1)
    if [ -n "$hash" ] && [ -n "$token" ]; then
        printf 'PICCOLO_CA_CERT_HASH=%s\nPICCOLO_TOKEN=%s\n' "$hash" "$token" >/etc/piccolo/agent.env
        systemctl reset-failed piccolo-agent
        systemctl start piccolo-agent
        if wait_for 30 "the agent to connect" sh -c "systemctl show -P StatusText piccolo-agent | grep -q '^connected to'"; then
            ok "the agent enrols with the master and reports: $(prop piccolo-agent StatusText | cut -c1-80)"
        fi
        systemctl stop piccolo-agent
    else
        bad "could not get a CA pin and token from piccoloctl (hash '$hash', token '$token')"
    fi
else
    bad "piccolo-master did not become active: $(systemctl status --no-pager piccolo-master 2>&1 | tail -n 5 | tr '\n' '|')"
fi

# --- hardening ---------------------------------------------------------------------------------
for u in piccolo-agent piccolo-master; do
    score=$(systemd-analyze security --no-pager "$u.service" 2>/dev/null | grep -o 'Overall exposure level for .*')
    say "# $score"
    level=$(grep -oE '[0-9]+\.[0-9]+' <<<"$score" | head -n1)
    if [ -n "$level" ] && awk -v l="$level" 'BEGIN { exit !(l <= 3.0) }'; then
        ok "systemd-analyze security $u: $level (ceiling 3.0)"
    else
        bad "systemd-analyze security $u: '${score}' (ceiling 3.0)"
    fi
done
