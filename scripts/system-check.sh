#!/usr/bin/env bash
# Readiness checks a human runs on a device before installing the Piccolo
# agent. When a piccolo-agent binary with the `check` command is at hand, it
# runs that (the same checks the agent reports to the master); otherwise it
# checks from the shell: CPU and kernel, cgroups, Podman, memory, disk, clock,
# data dir, systemd and the master's reachability. Exit 0 when every required
# check passes, 1 when one fails, 2 on bad usage. See --help.
set -euo pipefail

PROG="system-check"

usage() {
    cat <<'EOF'
Usage: system-check.sh [options]

  --master HOST:PORT   master to test reachability of (default: from the config, PICCOLO_MASTER)
  --config FILE        agent config to read master/data_dir from (default /etc/piccolo/agent.toml if present)
  --data-dir DIR       the agent's data dir (default /var/lib/piccolo-agent)
  --agent-bin FILE     piccolo-agent to run `check` with (default: found in PATH, /usr/local/bin, /usr/bin)
  --shell              use the shell checks even when the agent is available
  --min-memory-mb N    required memory (default 512, the seed's minimum spec)
  --min-disk-mb N      required free space for the data dir (default 64, the agent's min_disk_bytes)
  --json               print a JSON array of {name, ok, required, detail, hint}
  -h, --help           this text
EOF
}

usage_error() { printf '%s: %s (see --help)\n' "$PROG" "$*" >&2; exit 2; }

MASTER="${PICCOLO_MASTER:-}" CONFIG="" DATA_DIR="${PICCOLO_DATA_DIR:-}" AGENT_BIN="" FORCE_SHELL=0 JSON=0
# The same rules as the agent's own checks (agent/src/checks.rs, min_disk_bytes
# in agent/src/config.rs); tests/embedded/scripts-test.sh fails if they differ.
MIN_MEM_MB=512 MIN_DISK_MB=64
# Earliest plausible wall clock: 2025-01-01T00:00:00Z (CLOCK_FLOOR_MS / 1000).
CLOCK_FLOOR_S=1735689600
while [ $# -gt 0 ]; do
    case "$1" in
        --master | --config | --data-dir | --agent-bin | --min-memory-mb | --min-disk-mb)
            if [ $# -lt 2 ] || [ -z "$2" ]; then usage_error "$1 needs a value"; fi
            case "$1" in
                --master) MASTER=$2 ;;
                --config) CONFIG=$2 ;;
                --data-dir) DATA_DIR=$2 ;;
                --agent-bin) AGENT_BIN=$2 ;;
                --min-memory-mb) MIN_MEM_MB=$2 ;;
                --min-disk-mb) MIN_DISK_MB=$2 ;;
            esac
            shift
            ;;
        --shell) FORCE_SHELL=1 ;;
        --json) JSON=1 ;;
        -h | --help) usage; exit 0 ;;
        *) usage_error "unknown option: $1" ;;
    esac
    shift
done
[[ "$MIN_MEM_MB" =~ ^[0-9]+$ ]] || usage_error "--min-memory-mb must be a number"
[[ "$MIN_DISK_MB" =~ ^[0-9]+$ ]] || usage_error "--min-disk-mb must be a number"
if [ -n "$CONFIG" ] && [ ! -r "$CONFIG" ]; then usage_error "cannot read --config $CONFIG"; fi
if [ -z "$CONFIG" ] && [ -r /etc/piccolo/agent.toml ]; then CONFIG=/etc/piccolo/agent.toml; fi

# --- the agent's own checks, when it has them ---------------------------------

if [ -z "$AGENT_BIN" ]; then
    for f in "$(command -v piccolo-agent 2>/dev/null || true)" /usr/local/bin/piccolo-agent /usr/bin/piccolo-agent; do
        if [ -n "$f" ] && [ -x "$f" ]; then AGENT_BIN=$f; break; fi
    done
elif [ ! -x "$AGENT_BIN" ]; then
    usage_error "--agent-bin $AGENT_BIN is not executable"
fi
if [ "$FORCE_SHELL" = 0 ] && [ -n "$AGENT_BIN" ] && "$AGENT_BIN" check --help >/dev/null 2>&1; then
    args=(check)
    if [ -n "$CONFIG" ]; then args+=(--config "$CONFIG"); fi
    # Given here, they override the config file (as for `run`); a master given
    # makes its reachability a required check.
    if [ -n "$MASTER" ]; then args+=(--master "$MASTER"); fi
    if [ -n "$DATA_DIR" ]; then args+=(--data-dir "$DATA_DIR"); fi
    if [ "$JSON" = 1 ]; then args+=(-o json); else printf 'running %s check\n' "$AGENT_BIN"; fi
    exec "$AGENT_BIN" "${args[@]}"
fi

# --- shell checks -------------------------------------------------------------

toml_value() { # toml_value KEY FILE: a top-level string value
    sed -n "s/^$1[[:space:]]*=[[:space:]]*\"\(.*\)\"[[:space:]]*$/\1/p" "$2" | head -1
}
if [ -n "$CONFIG" ]; then
    [ -n "$MASTER" ] || MASTER=$(toml_value master "$CONFIG")
    [ -n "$DATA_DIR" ] || DATA_DIR=$(toml_value data_dir "$CONFIG")
fi
DATA_DIR=${DATA_DIR:-/var/lib/piccolo-agent}

NAMES=() OKS=() REQS=() DETAILS=() HINTS=()
# record NAME OK(true|false) REQUIRED(true|false) DETAIL [HINT]
record() {
    NAMES+=("$1") OKS+=("$2") REQS+=("$3") DETAILS+=("$4") HINTS+=("${5:-}")
}

# version_ge A B: A >= B for dotted versions.
version_ge() { [ "$(printf '%s\n%s\n' "$1" "$2" | sort -V | head -1)" = "$2" ]; }

check_arch() {
    local m
    m=$(uname -m)
    case "$m" in
        aarch64 | x86_64) record arch true true "$m: prebuilt static binaries exist" ;;
        *) record arch false false "$m: no prebuilt binary (aarch64 and x86_64 are built)" "build from source for this CPU" ;;
    esac
}

check_kernel() {
    local r v
    r=$(uname -r)
    v=${r%%[-+]*}
    if ! version_ge "$v" 4.0; then
        record kernel false true "Linux $r (need >= 4.0)" "Piccolo needs Linux 4.x or newer (cgroups, the proc files it reads)"
    elif ! version_ge "$v" 5.4; then
        record kernel true true "Linux $r (5.4 or later recommended for cgroup v2 and Podman)"
    else
        record kernel true true "Linux $r"
    fi
}

check_cgroups() {
    local fs
    fs=$(stat -f -c %T /sys/fs/cgroup 2>/dev/null || echo none)
    case "$fs" in
        cgroup2fs) record cgroups true true "cgroup v2 (unified)" ;;
        tmpfs)
            if [ -d /sys/fs/cgroup/unified ]; then
                record cgroups true true "cgroup v1 + v2 (hybrid)" "Podman needs the runc runtime here; crun wants cgroup v2"
            else
                record cgroups true true "cgroup v1" "Podman needs the runc runtime here"
            fi
            ;;
        *) record cgroups false true "no cgroup file system at /sys/fs/cgroup" "enable cgroups in the kernel and mount them (systemd does)" ;;
    esac
}

check_podman() {
    local sock=/run/podman/podman.sock
    if ! command -v podman >/dev/null 2>&1; then
        record podman false false "podman not installed: the node runs no containers" "install podman (apt-get install podman; meta-virtualization on Yocto)"
    elif [ -S "$sock" ]; then
        record podman true false "$(podman --version 2>/dev/null || echo podman), API socket $sock"
    else
        record podman false false "podman installed but $sock is missing: the agent cannot see containers" "systemctl enable --now podman.socket"
    fi
}

check_memory() {
    local kb mb
    kb=$(awk '/^MemTotal:/ { print $2 }' /proc/meminfo 2>/dev/null || echo 0)
    mb=$((kb / 1024))
    if [ "$mb" -ge "$MIN_MEM_MB" ]; then
        record memory true true "${mb} MiB (>= ${MIN_MEM_MB} MiB)"
    else
        record memory false true "${mb} MiB (need >= ${MIN_MEM_MB} MiB)" "Piccolo's minimum spec is 512 MB of RAM"
    fi
}

# The nearest existing path at or above $1 (a file there means $1 cannot be made).
existing_parent() {
    local d=$1
    while [ ! -e "$d" ] && [ "$d" != / ]; do d=$(dirname "$d"); done
    printf '%s\n' "$d"
}

check_disk() {
    local d avail_kb mb
    d=$(existing_parent "$DATA_DIR")
    avail_kb=$(df -Pk "$d" 2>/dev/null | awk 'NR == 2 { print $4 }')
    if [ -z "$avail_kb" ]; then
        record disk false true "cannot read the free space of $d" "check that df works"
        return
    fi
    mb=$((avail_kb / 1024))
    if [ "$mb" -ge "$MIN_DISK_MB" ]; then
        record disk true true "${mb} MiB free on $(df -P "$d" | awk 'NR == 2 { print $6 }') (>= ${MIN_DISK_MB} MiB)"
    else
        record disk false true "${mb} MiB free for $DATA_DIR (need >= ${MIN_DISK_MB} MiB)" "free space or move data_dir"
    fi
}

check_clock() {
    local sync
    if [ "$(date -u +%s)" -lt "$CLOCK_FLOOR_S" ]; then
        record clock false true "the clock says $(date -u +%F): certificates will not validate" "set the time (NTP, or an RTC) before enrolling"
        return
    fi
    sync=""
    if command -v timedatectl >/dev/null 2>&1; then
        sync=$(timedatectl show -p NTPSynchronized --value 2>/dev/null || true)
    fi
    case "$sync" in
        yes) record clock true true "$(date -u +'%F %T') UTC, NTP synchronized" ;;
        no) record clock true true "$(date -u +'%F %T') UTC, not NTP synchronized" "enable time sync (systemd-timesyncd): certificates need a right clock" ;;
        *) record clock true true "$(date -u +'%F %T') UTC (sync state unknown)" ;;
    esac
}

check_data_dir() {
    local d probe
    d=$(existing_parent "$DATA_DIR")
    if [ -d "$DATA_DIR" ]; then
        probe="$DATA_DIR/.system-check.$$"
        if (: >"$probe") 2>/dev/null; then
            rm -f "$probe"
            record data_dir true true "$DATA_DIR is writable"
        else
            record data_dir false true "$DATA_DIR is not writable" "run as root, or fix its owner/mode (0700, owned by the agent's user)"
        fi
    elif [ ! -d "$d" ]; then
        record data_dir false true "$DATA_DIR cannot be created: $d is not a directory" "choose another data_dir"
    elif [ -w "$d" ]; then
        record data_dir true true "$DATA_DIR can be created (in $d)"
    else
        record data_dir false true "$DATA_DIR cannot be created: $d is not writable" "run as root, or choose another data_dir"
    fi
}

check_systemd() {
    if [ -d /run/systemd/system ]; then
        record systemd true false "systemd is the init system: the unit runs the agent with its watchdog"
    else
        record systemd false false "systemd is not running: no unit, no watchdog" "run piccolo-agent from your init system, or use systemd"
    fi
}

check_master() {
    local host port
    if [ -z "$MASTER" ]; then
        record master true false "no master given (--master HOST:PORT): not tested"
        return
    fi
    if [[ ! "$MASTER" =~ ^(.+):([0-9]{1,5})$ ]]; then
        record master false true "'$MASTER' is not HOST:PORT" "use e.g. --master 192.0.2.10:7443"
        return
    fi
    host=${BASH_REMATCH[1]#[}
    host=${host%]}
    port=${BASH_REMATCH[2]}
    # shellcheck disable=SC2016 # expanded by the inner bash
    if timeout 5 bash -c 'exec 3<>"/dev/tcp/$1/$2"' _ "$host" "$port" 2>/dev/null; then
        record master true true "$MASTER accepts TCP connections"
    else
        record master false true "$MASTER is not reachable (TCP, 5 s)" "check the address, routing and firewalls (the device dials out to the master)"
    fi
}

check_arch
check_kernel
check_cgroups
check_podman
check_memory
check_disk
check_clock
check_data_dir
check_systemd
check_master

json_str() { # a JSON string literal
    local s=${1//\\/\\\\}
    s=${s//\"/\\\"}
    printf '"%s"' "$s"
}

failed=0
for i in "${!NAMES[@]}"; do
    if [ "${OKS[$i]}" = false ] && [ "${REQS[$i]}" = true ]; then failed=$((failed + 1)); fi
done

if [ "$JSON" = 1 ]; then
    printf '['
    for i in "${!NAMES[@]}"; do
        [ "$i" -gt 0 ] && printf ','
        printf '\n  {"name": %s, "ok": %s, "required": %s, "detail": %s, "hint": %s}' \
            "$(json_str "${NAMES[$i]}")" "${OKS[$i]}" "${REQS[$i]}" "$(json_str "${DETAILS[$i]}")" "$(json_str "${HINTS[$i]}")"
    done
    printf '\n]\n'
else
    printf 'Piccolo system check (shell checks%s)\n' "${AGENT_BIN:+; $AGENT_BIN has no check command}"
    for i in "${!NAMES[@]}"; do
        if [ "${OKS[$i]}" = true ]; then
            tag=" ok "
        elif [ "${REQS[$i]}" = true ]; then
            tag="FAIL"
        else
            tag="warn"
        fi
        printf '[%s] %-9s %s\n' "$tag" "${NAMES[$i]}" "${DETAILS[$i]}"
        if [ -n "${HINTS[$i]}" ] && [ "${OKS[$i]}" = false ]; then printf '       %-9s hint: %s\n' "" "${HINTS[$i]}"; fi
    done
    if [ "$failed" -gt 0 ]; then
        printf '%d required check(s) failed: fix them before installing the agent\n' "$failed"
    else
        printf 'ready: every required check passed\n'
    fi
fi
[ "$failed" -eq 0 ]
