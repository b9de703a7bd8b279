# shellcheck shell=bash
# Debian packages on first use, for the scripts that need tools a fresh
# machine lacks (cross/lib.sh, check-meta-piccolo, scripts-test). Sourced,
# not run. ensure_debs PKG... installs the missing ones with apt (adding the
# arm64 architecture for PKG:arm64) and says what it installs; with
# DEBS_NO_INSTALL=1 it stops and names them instead.

debs_die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Runs a command as root: directly when we are root, else through sudo.
as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        debs_die "need root to run: $* (run as root or install sudo)"
    fi
}

deb_installed() {
    dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q '^install ok installed$'
}

ensure_debs() {
    local missing=() p need_update=0
    for p in "$@"; do
        deb_installed "$p" || missing+=("$p")
    done
    [ "${#missing[@]}" -eq 0 ] && return 0
    if [ "${DEBS_NO_INSTALL:-0}" = 1 ]; then
        debs_die "missing Debian packages: ${missing[*]} (as root: apt-get install ${missing[*]})"
    fi
    command -v apt-get >/dev/null 2>&1 || debs_die "missing ${missing[*]} and this is not a Debian/apt system"
    for p in "${missing[@]}"; do
        if [[ $p == *:arm64 ]] && ! dpkg --print-foreign-architectures | grep -qx arm64; then
            printf 'adding the arm64 architecture to dpkg\n' >&2
            as_root dpkg --add-architecture arm64
            need_update=1
        fi
    done
    # A fresh machine's apt lists may be empty or may predate the arm64 arch.
    if [ "$need_update" = 1 ] || ! apt-cache show "${missing[0]}" >/dev/null 2>&1; then
        as_root apt-get update -qq || debs_die "apt-get update failed"
    fi
    printf 'installing %s\n' "${missing[*]}" >&2
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
        || debs_die "apt-get install ${missing[*]} failed"
}
