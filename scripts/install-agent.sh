#!/usr/bin/env bash
# Installs the Piccolo agent on a device that is not built with Yocto: the
# binary, /etc/piccolo/agent.toml, the data dir, the systemd unit; enrols with
# the master once (so a bad token or CA pin fails here, not later in the
# journal) and enables the service. Safe to run again; --uninstall removes it
# all. See --help.
set -euo pipefail

PROG="install-agent"
SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

usage() {
    cat <<'EOF'
Usage:
  install-agent.sh --master HOST:PORT --token TOKEN (--ca-cert-hash sha256:HEX | --ca-file FILE) [options]
  install-agent.sh --uninstall [--keep-data] [--prefix DIR] [--no-systemctl]

Installs piccolo-agent, writes /etc/piccolo/agent.toml, creates
/var/lib/piccolo-agent (0700), installs piccolo-agent.service, enrols with the
master and enables the service. Running it again changes only what differs.

Enrolment:
  --master HOST:PORT      the master's address
  --token TOKEN           bootstrap token (piccoloctl token create); or set PICCOLO_TOKEN,
                          or --token-file FILE (keeps it out of `ps`)
  --ca-cert-hash HASH     pin of the cluster CA, sha256:<64 hex> (piccoloctl cluster-info)
  --ca-file FILE          or the cluster CA certificate itself (installed as /etc/piccolo/ca.crt)
  --name NAME             node name (default: the hostname)
  --label KEY=VALUE       label the agent asks for (repeatable)
  --no-enroll             install and enable only; the service enrols when the master is reachable
  --enroll-timeout SECS   how long to wait for the master (default 60)

Sources (defaults: next to this script, then the repository's build output):
  --binary FILE           the piccolo-agent executable
  --unit FILE             the piccolo-agent.service unit file

Target:
  --prefix DIR            install into DIR as a root file system (default /); implies --no-systemctl
                          unless DIR is /
  --bindir DIR            where the binary goes (default /usr/local/bin)
  --no-systemctl          do not call systemctl (detected automatically when systemd is not running)

Removal:
  --uninstall             stop and disable the service, remove the unit, binary, config and data
  --keep-data             with --uninstall: keep /var/lib/piccolo-agent (the node's key and certificate)

  -h, --help              this text

Exit codes: 0 done, 1 failed (the message says which step and why), 2 bad usage.
EOF
}

say() { printf '==> %s\n' "$*"; }
note() { printf '    %s\n' "$*"; }
die() { printf '%s: error: %s\n' "$PROG" "$*" >&2; exit 1; }
usage_error() { printf '%s: %s (see --help)\n' "$PROG" "$*" >&2; exit 2; }

MASTER="" TOKEN="${PICCOLO_TOKEN:-}" TOKEN_FILE="" CA_HASH="" CA_FILE="" NAME=""
LABELS=()
ENROLL=1 ENROLL_TIMEOUT=60
BINARY="" UNIT_SRC=""
PREFIX="/" BINDIR="/usr/local/bin"
SYSTEMCTL=auto
UNINSTALL=0 KEEP_DATA=0

need_arg() { if [ $# -lt 2 ] || [ -z "$2" ]; then usage_error "$1 needs a value"; fi; }
while [ $# -gt 0 ]; do
    case "$1" in
        --master) need_arg "$@"; MASTER=$2; shift ;;
        --token) need_arg "$@"; TOKEN=$2; shift ;;
        --token-file) need_arg "$@"; TOKEN_FILE=$2; shift ;;
        --ca-cert-hash) need_arg "$@"; CA_HASH=$2; shift ;;
        --ca-file) need_arg "$@"; CA_FILE=$2; shift ;;
        --name) need_arg "$@"; NAME=$2; shift ;;
        --label) need_arg "$@"; LABELS+=("$2"); shift ;;
        --no-enroll) ENROLL=0 ;;
        --enroll-timeout) need_arg "$@"; ENROLL_TIMEOUT=$2; shift ;;
        --binary) need_arg "$@"; BINARY=$2; shift ;;
        --unit) need_arg "$@"; UNIT_SRC=$2; shift ;;
        --prefix) need_arg "$@"; PREFIX=$2; shift ;;
        --bindir) need_arg "$@"; BINDIR=$2; shift ;;
        --no-systemctl) SYSTEMCTL=no ;;
        --uninstall) UNINSTALL=1 ;;
        --keep-data) KEEP_DATA=1 ;;
        -h | --help) usage; exit 0 ;;
        *) usage_error "unknown option: $1" ;;
    esac
    shift
done

# Paths on the target system, and where they are written (under PREFIX).
CONF_DIR=/etc/piccolo
CONF_FILE=$CONF_DIR/agent.toml
CA_DEST=$CONF_DIR/ca.crt
DATA_DIR=/var/lib/piccolo-agent
UNIT_DEST=/etc/systemd/system/piccolo-agent.service
PREFIX="${PREFIX%/}"
root_path() { printf '%s%s' "$PREFIX" "$1"; }

# --- checks -------------------------------------------------------------

case "$BINDIR" in /*) ;; *) usage_error "--bindir must be an absolute path" ;; esac
if [ -n "$PREFIX" ]; then
    [ -d "$PREFIX" ] || die "--prefix $PREFIX is not a directory"
    PREFIX="$(cd "$PREFIX" && pwd)"
    [ "$PREFIX" = / ] && PREFIX=""
fi
if [ -z "$PREFIX" ] && [ "$(id -u)" -ne 0 ]; then
    die "installing into / needs root: run with sudo (or use --prefix DIR for a test root)"
fi
if [ "$SYSTEMCTL" = auto ]; then
    if [ -n "$PREFIX" ]; then
        SYSTEMCTL=no
    elif [ -d /run/systemd/system ] && command -v systemctl >/dev/null 2>&1; then
        SYSTEMCTL=yes
    else
        SYSTEMCTL=no
        note "systemd is not running here: the unit is installed but not enabled or started"
    fi
fi

systemctl_do() {
    [ "$SYSTEMCTL" = yes ] || return 0
    systemctl "$@" || die "systemctl $* failed (see: journalctl -u piccolo-agent)"
}

# install_file SRC DEST MODE: copies when the content or mode differs.
CHANGED=0
install_file() {
    local src=$1 dest=$2 mode=$3 target
    target=$(root_path "$dest")
    mkdir -p "$(dirname "$target")" || die "cannot create $(dirname "$target")"
    if [ -f "$target" ] && cmp -s "$src" "$target" && [ "$(stat -c %a "$target")" = "${mode#0}" ]; then
        note "unchanged: $dest"
        return 0
    fi
    install -m "$mode" "$src" "$target.tmp.$$" || die "cannot write $target"
    mv -f "$target.tmp.$$" "$target" || die "cannot write $target"
    note "installed: $dest"
    CHANGED=1
}

# --- uninstall ----------------------------------------------------------

if [ "$UNINSTALL" = 1 ]; then
    say "removing the Piccolo agent${PREFIX:+ from $PREFIX}"
    if [ "$SYSTEMCTL" = yes ] && systemctl list-unit-files piccolo-agent.service >/dev/null 2>&1; then
        systemctl disable --now piccolo-agent.service >/dev/null 2>&1 || true
        note "service stopped and disabled"
    fi
    for f in "$UNIT_DEST" "$BINDIR/piccolo-agent" "$CONF_FILE" "$CA_DEST" "$CONF_DIR/agent.env" /usr/share/doc/piccolo/EMBEDDED.md; do
        if [ -e "$(root_path "$f")" ]; then
            rm -f "$(root_path "$f")" || die "cannot remove $(root_path "$f")"
            note "removed: $f"
        fi
    done
    rmdir "$(root_path "$CONF_DIR")" "$(root_path /usr/share/doc/piccolo)" 2>/dev/null || true
    if [ "$KEEP_DATA" = 1 ]; then
        note "kept: $DATA_DIR (the node's key and certificate)"
    elif [ -e "$(root_path "$DATA_DIR")" ]; then
        rm -rf "$(root_path "$DATA_DIR")" || die "cannot remove $(root_path "$DATA_DIR")"
        note "removed: $DATA_DIR (the node must enrol again with a new token)"
    fi
    systemctl_do daemon-reload
    say "uninstalled"
    exit 0
fi

# --- install: validate the request -------------------------------------------

[ -n "$MASTER" ] || usage_error "--master HOST:PORT is required"
[[ "$MASTER" =~ ^[A-Za-z0-9._-]+:[0-9]{1,5}$|^\[[0-9A-Fa-f:.]+\]:[0-9]{1,5}$ ]] \
    || usage_error "--master must be HOST:PORT (got '$MASTER')"
if [ -n "$TOKEN_FILE" ]; then
    [ -r "$TOKEN_FILE" ] || die "cannot read --token-file $TOKEN_FILE"
    TOKEN=$(tr -d ' \n\r\t' <"$TOKEN_FILE")
fi
if [ -n "$CA_HASH" ] && [ -n "$CA_FILE" ]; then usage_error "give --ca-cert-hash or --ca-file, not both"; fi
if [ -n "$CA_HASH" ]; then
    [[ "$CA_HASH" =~ ^sha256:[0-9a-fA-F]{64}$ ]] \
        || usage_error "--ca-cert-hash must be sha256:<64 hex digits> as printed by \`piccoloctl cluster-info\`"
fi
if [ -n "$CA_FILE" ]; then
    [ -r "$CA_FILE" ] || die "cannot read --ca-file $CA_FILE"
    grep -q -- '-----BEGIN CERTIFICATE-----' "$CA_FILE" || die "--ca-file $CA_FILE is not a PEM certificate"
fi
[ -z "$TOKEN" ] || [[ "$TOKEN" =~ ^[A-Za-z0-9._-]+$ ]] || usage_error "--token has characters a Piccolo token never has"
[ -z "$NAME" ] || [[ "$NAME" =~ ^[A-Za-z0-9._-]+$ ]] || usage_error "--name may use letters, digits, '.', '_' and '-'"
for l in "${LABELS[@]+"${LABELS[@]}"}"; do
    [[ "$l" =~ ^[A-Za-z0-9._/-]+=[A-Za-z0-9._/:-]*$ ]] || usage_error "--label must be KEY=VALUE (got '$l')"
done
[[ "$ENROLL_TIMEOUT" =~ ^[0-9]+$ ]] || usage_error "--enroll-timeout must be a number of seconds"

enrolled() { [ -s "$(root_path "$DATA_DIR")/node.crt" ] && [ -s "$(root_path "$DATA_DIR")/node.key" ]; }
if ! enrolled; then
    [ -n "$TOKEN" ] || usage_error "--token (or PICCOLO_TOKEN, --token-file) is required for the first enrolment"
    [ -n "$CA_HASH" ] || [ -n "$CA_FILE" ] || usage_error "--ca-cert-hash or --ca-file is required for the first enrolment"
fi

# The binary and the unit: given, else next to this script (release tarball
# layout: bin/, systemd/), else the repository's build output.
find_first() {
    local f
    for f in "$@"; do
        if [ -f "$f" ]; then printf '%s\n' "$f"; return 0; fi
    done
    return 1
}
ARCH="$(uname -m)"
if [ -z "$BINARY" ]; then
    BINARY=$(find_first "$SCRIPT_DIR/piccolo-agent" "$SCRIPT_DIR/bin/piccolo-agent" \
        "$SCRIPT_DIR/../target/${ARCH}-unknown-linux-gnu/release/piccolo-agent" \
        "$SCRIPT_DIR/../target/release/piccolo-agent") \
        || die "no piccolo-agent binary found next to this script or in target/; pass --binary FILE"
fi
[ -f "$BINARY" ] || die "--binary $BINARY does not exist"
if [ -z "$UNIT_SRC" ]; then
    UNIT_SRC=$(find_first "$SCRIPT_DIR/piccolo-agent.service" "$SCRIPT_DIR/systemd/piccolo-agent.service" \
        "$SCRIPT_DIR/../systemd/piccolo-agent.service") \
        || die "piccolo-agent.service not found next to this script; pass --unit FILE"
fi
[ -f "$UNIT_SRC" ] || die "--unit $UNIT_SRC does not exist"
grep -q '^ExecStart=' "$UNIT_SRC" || die "$UNIT_SRC has no ExecStart= line"
# A binary for another CPU fails here with a clear message, not in the journal
# (a --prefix root may be for another CPU: then it is installed, not run).
if ! version=$("$BINARY" --version 2>&1); then
    if [ -z "$PREFIX" ]; then
        die "$BINARY does not run on this machine ($ARCH): ${version:-exec failed} (wrong architecture? the release tarballs are per CPU)"
    fi
    version="$(basename "$BINARY"), not runnable here"
    if [ "$ENROLL" = 1 ]; then
        note "the binary does not run on this machine: skipping enrolment (the service enrols on the device)"
        ENROLL=0
    fi
fi

# --- install ----------------------------------------------------------------

say "installing the Piccolo agent (${version})${PREFIX:+ into $PREFIX}"
WORK=$(mktemp -d)
AGENT_PID=""
cleanup() {
    if [ -n "$AGENT_PID" ]; then kill "$AGENT_PID" 2>/dev/null || true; wait "$AGENT_PID" 2>/dev/null || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT

install_file "$BINARY" "$BINDIR/piccolo-agent" 0755
sed "s#^ExecStart=/usr/bin/piccolo-agent#ExecStart=${BINDIR}/piccolo-agent#" "$UNIT_SRC" >"$WORK/unit"
install_file "$WORK/unit" "$UNIT_DEST" 0644
# What the unit's Documentation= points to, when shipped with the script.
if DOC_SRC=$(find_first "$SCRIPT_DIR/doc/EMBEDDED.md" "$SCRIPT_DIR/../docs/EMBEDDED.md"); then
    install_file "$DOC_SRC" /usr/share/doc/piccolo/EMBEDDED.md 0644
fi
if ! mkdir -p "$(root_path "$DATA_DIR")" || ! chmod 0700 "$(root_path "$DATA_DIR")"; then
    die "cannot create $(root_path "$DATA_DIR")"
fi
if [ -n "$CA_FILE" ]; then install_file "$CA_FILE" "$CA_DEST" 0644; fi

# write_config WITH_TOKEN: agent.toml; the token only until enrolment is done.
write_config() {
    {
        printf '# Written by install-agent.sh. PICCOLO_* variables in %s/agent.env\n' "$CONF_DIR"
        printf '# and command-line flags override these settings.\n'
        printf 'data_dir = "%s"\n' "$DATA_DIR"
        printf 'master = "%s"\n' "$MASTER"
        if [ "$1" = 1 ]; then printf 'token = "%s"\n' "$TOKEN"; fi
        if [ -n "$CA_HASH" ]; then printf 'ca_cert_hash = "%s"\n' "$CA_HASH"; fi
        if [ -n "$CA_FILE" ]; then printf 'ca_file = "%s"\n' "$CA_DEST"; fi
        if [ -n "$NAME" ]; then printf 'name = "%s"\n' "$NAME"; fi
        printf '\n[labels]\n'
        for l in "${LABELS[@]+"${LABELS[@]}"}"; do printf '%s = "%s"\n' "${l%%=*}" "${l#*=}"; done
    } >"$WORK/agent.toml"
    install_file "$WORK/agent.toml" "$CONF_FILE" 0600
}

# Runs the agent with the installed config until it holds a certificate.
enrol() {
    local conf_path log deadline
    conf_path=$(root_path "$CONF_FILE")
    log="$WORK/enrol.log"
    local args=(run --config "$conf_path" --data-dir "$(root_path "$DATA_DIR")")
    [ -n "$CA_FILE" ] && args+=(--ca-file "$(root_path "$CA_DEST")")
    say "enrolling with $MASTER (up to ${ENROLL_TIMEOUT}s)"
    "$(root_path "$BINDIR")/piccolo-agent" "${args[@]}" >"$log" 2>&1 &
    AGENT_PID=$!
    deadline=$(($(date +%s) + ENROLL_TIMEOUT))
    until enrolled; do
        if ! kill -0 "$AGENT_PID" 2>/dev/null; then
            local rc=0
            wait "$AGENT_PID" || rc=$?
            AGENT_PID=""
            sed 's/^/    agent: /' "$log" | tail -5 >&2
            # 64: a person must act (configuration, token, CA pin); the
            # agent's own message above says which.
            if [ "$rc" = 64 ]; then
                die "enrolment failed: the agent refused to go on (above): fix the configuration, token or CA pin; nothing was enabled"
            fi
            die "enrolment failed (agent exit code $rc, above): check the token (not expired or used up?) and the CA pin; nothing was enabled"
        fi
        if [ "$(date +%s)" -ge "$deadline" ]; then
            sed 's/^/    agent: /' "$log" | tail -5 >&2
            die "not enrolled after ${ENROLL_TIMEOUT}s: is $MASTER reachable from here? (rerun with --no-enroll to let the service enrol later)"
        fi
        sleep 0.2
    done
    kill "$AGENT_PID" 2>/dev/null || true
    wait "$AGENT_PID" 2>/dev/null || true
    AGENT_PID=""
    note "enrolled: $(grep -o 'enrolled node=[^ ]*' "$log" | head -1 | cut -d= -f2)"
}

if enrolled; then
    note "already enrolled (certificate in $DATA_DIR): token not needed"
    write_config 0
elif [ "$ENROLL" = 1 ]; then
    if [ "$SYSTEMCTL" = yes ]; then systemctl stop piccolo-agent.service >/dev/null 2>&1 || true; fi
    write_config 1
    enrol
    # The token has done its job; keep it out of the config from now on.
    write_config 0
else
    write_config 1
    note "not enrolled yet: the service enrols when $MASTER is reachable"
fi

if [ "$SYSTEMCTL" = yes ]; then
    systemctl_do daemon-reload
    systemctl_do enable piccolo-agent.service
    if [ "$CHANGED" = 1 ]; then systemctl_do restart piccolo-agent.service; else systemctl_do start piccolo-agent.service; fi
    systemctl is-active --quiet piccolo-agent.service \
        || die "piccolo-agent.service is not active: journalctl -u piccolo-agent -n 50"
    say "piccolo-agent.service enabled and running"
else
    say "installed; systemctl not used: enable with \`systemctl enable --now piccolo-agent\` on the target"
fi
