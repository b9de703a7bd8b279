#!/usr/bin/env bash
# Counts an idle agent's wakeups: a master and an agent on loopback (no
# Podman, no watchdog unless WATCHDOG_USEC is set), then `strace -f` on the
# agent for SECS seconds once it is Ready. Prints the syscall counts and
# the epoll_wait calls per minute (one per wakeup of its tokio runtime).
#
#   scripts/agent-wakeups.sh [SECS]   (default 60)
# PICCOLO_BIN_DIR: where piccolo-master, piccoloctl and piccolo-agent are
# (default target/release). TRACE=FILE keeps the timestamped trace.
# docs/PERFORMANCE.md records the figures.
set -euo pipefail
SECS=${1:-60}
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BIN=${PICCOLO_BIN_DIR:-$ROOT/target/release}
for b in piccolo-master piccoloctl piccolo-agent; do
    [ -x "$BIN/$b" ] || { echo "error: $BIN/$b missing: run make release or set PICCOLO_BIN_DIR" >&2; exit 1; }
done
command -v strace >/dev/null || { echo "error: strace missing: apt-get install strace" >&2; exit 1; }
WORK=$(mktemp -d /tmp/piccolo-wakeups.XXXXXX)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
PORT=$(port)
HTTP=$(port)
CTL=("$BIN/piccoloctl" --admin-config "$WORK/master/admin.conf")
"$BIN/piccolo-master" run --data-dir "$WORK/master" --listen "127.0.0.1:$PORT" --http-listen "127.0.0.1:$HTTP" \
    >"$WORK/master.log" 2>&1 &
pids+=($!)
deadline=$((SECONDS + 60))
until [ -s "$WORK/master/admin.conf" ] && "${CTL[@]}" get nodes -o json >/dev/null 2>&1; do
    [ $SECONDS -lt $deadline ] || { cat "$WORK/master.log"; echo "error: the master did not serve within 60 s" >&2; exit 1; }
    sleep 0.2
done
TOKEN=$("${CTL[@]}" token create --ttl 10m)
HASH=$("${CTL[@]}" cluster-info | awk '/^ca_cert_hash:/ { print $2 }')
PICCOLO_PODMAN_ENABLED=false PICCOLO_LOG=info "$BIN/piccolo-agent" run --data-dir "$WORK/agent" --master "127.0.0.1:$PORT" --token "$TOKEN" \
    --ca-cert-hash "$HASH" --name wakeups >"$WORK/agent.log" 2>&1 &
AGENT=$!
pids+=("$AGENT")
deadline=$((SECONDS + 60))
until "${CTL[@]}" get nodes -o json 2>/dev/null | grep -qiE '"state": *"ready"'; do
    [ $SECONDS -lt $deadline ] || { cat "$WORK/agent.log"; echo "error: the agent was not Ready within 60 s" >&2; exit 1; }
    sleep 0.2
done
sleep 5
TRACE=${TRACE:-$WORK/trace.txt}
strace -f -tt -o "$TRACE" -p "$AGENT" 2>/dev/null &
st=$!
sleep "$SECS"
kill -INT "$st"
wait "$st" 2>/dev/null || true
echo "syscalls of the idle agent in ${SECS} s (strace -f):"
# Lines: PID TIME NAME(...; "<... NAME resumed>" lines finish a call already counted.
grep -v 'resumed>' "$TRACE" | sed -E 's/^[0-9]+ +[0-9:.]+ +//; s/\(.*//' | grep -E '^[a-z_0-9]+$' | sort | uniq -c | sort -rn
n=$(grep -v 'resumed>' "$TRACE" | grep -cE '^[0-9]+ +[0-9:.]+ +epoll_p?wait\(' || true)
echo "agent idle: ${n} epoll_wait calls in ${SECS} s = $((n * 60 / SECS)) per minute"
