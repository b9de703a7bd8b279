#!/usr/bin/env bash
# Where an idle master's memory goes: a master (embedded store) and one
# agent on loopback (no Podman), SECS seconds after the agent is Ready,
# prints the master's RSS and PSS (smaps_rollup), its threads, and RSS/PSS by
# mapping kind: its own binary's code, its read-only data, heap and other
# anonymous memory (malloc arenas, thread stacks), shared libraries.
#
#   scripts/master-memory.sh [SECS]   (default 30)
# PICCOLO_BIN_DIR: where piccolo-agent and piccoloctl are (default
# target/release); MASTER_BIN: the master to measure (default
# $PICCOLO_BIN_DIR/piccolo-master; e.g. the device master,
# target/release-device-master/piccolo-master). docs/PERFORMANCE.md records
# the figures ("The master").
set -euo pipefail
SECS=${1:-30}
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BIN=${PICCOLO_BIN_DIR:-$ROOT/target/release}
MASTER_BIN=${MASTER_BIN:-$BIN/piccolo-master}
for b in "$MASTER_BIN" "$BIN/piccoloctl" "$BIN/piccolo-agent"; do
    [ -x "$b" ] || { echo "error: $b missing: run make release (and make release-device-master), or set PICCOLO_BIN_DIR / MASTER_BIN" >&2; exit 1; }
done
# shellcheck source=scripts/lib/one-node.sh
source "$ROOT/scripts/lib/one-node.sh"
one_node "$MASTER_BIN" "$BIN" memory
sleep "$SECS"
echo "master: $MASTER_BIN ($(stat -L -c %s "$MASTER_BIN") bytes), idle ${SECS} s after 1 agent Ready"
awk '/^(Rss|Pss):/ { printf "  %s %s KiB\n", $1, $2 }' "/proc/$MASTER/smaps_rollup"
echo "  threads: $(awk '/^Threads:/ { print $2 }' "/proc/$MASTER/status")"
# smaps: a header line per mapping, then its fields; sum Rss/Pss per kind.
exe=$(readlink "/proc/$MASTER/exe")
awk -v exe="$exe" '
    /^[0-9a-f]+-[0-9a-f]+ / {
        perms = $2; path = $6
        if (path == exe) kind = (perms ~ /x/) ? "binary code (r-x)" : "binary data (r--/rw-)"
        else if (path == "[heap]") kind = "heap"
        else if (path == "[stack]") kind = "main stack"
        else if (path == "") kind = "anonymous (arenas, thread stacks)"
        else if (path ~ /^\[/) kind = "kernel ([vdso], [vvar])"
        else kind = "shared libraries"
        next
    }
    /^Rss:/ { rss[kind] += $2 }
    /^Pss:/ { pss[kind] += $2 }
    END { for (k in rss) printf "  %-36s RSS %6d KiB  PSS %6d KiB\n", k, rss[k], pss[k] }
' "/proc/$MASTER/smaps" | sort
