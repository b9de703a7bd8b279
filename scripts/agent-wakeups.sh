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
# shellcheck source=scripts/lib/one-node.sh
source "$ROOT/scripts/lib/one-node.sh"
one_node "$BIN/piccolo-master" "$BIN" wakeups
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
