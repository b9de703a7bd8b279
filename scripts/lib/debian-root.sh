# shellcheck shell=bash
# debian_root DIR LOG PKG,PKG...: a minimal Debian 12 root (debootstrap
# --variant=minbase with those packages) in DIR, made once and cached: a
# later call with DIR present does nothing. Uses this machine's apt mirror
# when it has one. Shared by tests/embedded/fresh-check.sh and
# systemd-test.sh. Sourced, not run.
debian_root() {
    local dir=$1 log=$2 include=$3 mirror
    [ -d "$dir" ] && return 0
    mirror=$(awk '/^URIs:/ { print $2; exit } /^deb / { print ($2 ~ /^\[/) ? $3 : $2; exit }' \
        /etc/apt/sources.list.d/*.sources /etc/apt/sources.list 2>/dev/null || true)
    rm -rf "$dir.tmp"
    if ! debootstrap --variant=minbase --include="$include" bookworm "$dir.tmp" \
        "${mirror:-http://deb.debian.org/debian}" >"$log" 2>&1; then
        printf 'error: debootstrap of %s failed (log: %s)\n' "$dir" "$log" >&2
        exit 1
    fi
    mv "$dir.tmp" "$dir"
}
