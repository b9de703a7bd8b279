#!/usr/bin/env bash
# `make fresh-check`: the README's quick start on a machine that has nothing
# but Debian 12 and rustup. A minimal Debian 12 root (debootstrap --variant=
# minbase, cached) with git, make and ca-certificates, plus this machine's
# rustup toolchain bind-mounted read-only (rustup cannot download toolchains
# here); in a chroot of it: clone this checkout and run `make demo` until all
# agents are Ready. Whatever else the build needs (protoc, a C compiler) must
# be installed by `make demo` itself, as on a user's machine.
#
# Not part of `make test`: a cold build of the workspace takes ~15-25 min on
# 2 cores. `make test` itself runs on a fresh CI machine, which covers its
# own set-up (scripts/test-deps.sh). Environment: FRESH_CHECK_CACHE (default
# /var/cache/piccolo), FRESH_CHECK_KEEP=1 keeps the work root afterwards.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CACHE="${FRESH_CHECK_CACHE:-/var/cache/piccolo}"
BASE="$CACHE/fresh-root-bookworm"
WORK="$ROOT/target/fresh-check"
R="$WORK/root"
RUSTUP_HOME_HOST="${RUSTUP_HOME:-$HOME/.rustup}"
CARGO_HOME_HOST="${CARGO_HOME:-$HOME/.cargo}"

log() { echo "fresh-check: $*" >&2; }
die() { echo "fresh-check: error: $*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || die "needs root (debootstrap, chroot, bind mounts)"
command -v debootstrap >/dev/null || die "debootstrap missing: run scripts/test-deps.sh"
[ -d "$RUSTUP_HOME_HOST/toolchains" ] || die "no rustup toolchain in $RUSTUP_HOME_HOST"

mkdir -p "$CACHE" || die "cannot create $CACHE (set FRESH_CHECK_CACHE to a writable directory)"
# shellcheck source=scripts/lib/debian-root.sh
source "$ROOT/scripts/lib/debian-root.sh"
[ -d "$BASE" ] || log "debootstrap of a minimal Debian 12 root into $BASE (~2 min, once)"
debian_root "$BASE" "$CACHE/fresh-debootstrap.log" git,make,ca-certificates

mounts=()
cleanup() {
    local i
    for ((i = ${#mounts[@]} - 1; i >= 0; i--)); do umount -l "${mounts[$i]}" 2>/dev/null || true; done
    # Never delete through a mount that is still there (the host's /dev, rustup).
    for ((i = 0; i < ${#mounts[@]}; i++)); do
        if mountpoint -q "${mounts[$i]}"; then
            echo "fresh-check: ${mounts[$i]} is still mounted: leaving $WORK in place" >&2
            return
        fi
    done
    [ "${FRESH_CHECK_KEEP:-}" = 1 ] || rm -rf "$WORK"
}
trap cleanup EXIT
bind() { # bind SRC DEST [ro]
    mkdir -p "$2"
    mount --bind "$1" "$2"
    mounts+=("$2")
    if [ "${3:-}" = ro ]; then mount -o remount,bind,ro "$2"; fi
}

log "copying the clean root"
rm -rf "$WORK" && mkdir -p "$WORK"
cp -a "$BASE" "$R"
cp /etc/resolv.conf "$R/etc/resolv.conf"
# The machine's own local CA certificates (e.g. a TLS-inspecting egress
# proxy's), which any fresh machine on this network would trust too.
if compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null; then
    cp /usr/local/share/ca-certificates/*.crt "$R/usr/local/share/ca-certificates/"
    chroot "$R" update-ca-certificates >/dev/null 2>&1 || die "update-ca-certificates failed in the clean root"
fi
bind /proc "$R/proc"
bind /dev "$R/dev"
bind /sys "$R/sys"
# rustup's toolchain, as `curl https://sh.rustup.rs | sh` leaves it.
bind "$RUSTUP_HOME_HOST" "$R/root/.rustup" ro
mkdir -p "$R/root/.cargo/bin"
cp -a "$CARGO_HOME_HOST"/bin/{cargo,rustc,rustup,rustfmt,cargo-clippy,clippy-driver} "$R/root/.cargo/bin/" 2>/dev/null || true
[ -x "$R/root/.cargo/bin/cargo" ] || die "no cargo in $CARGO_HOME_HOST/bin"
# The checkout under test, as `git clone` would give it.
git -C "$ROOT" bundle create "$WORK/repo.bundle" HEAD >/dev/null 2>&1 || die "git bundle failed"
git -c init.defaultBranch=main clone -q "$WORK/repo.bundle" "$R/root/piccolo"

for t in protoc cc gcc; do
    if chroot "$R" sh -c "command -v $t" >/dev/null 2>&1; then die "the clean root already has $t"; fi
done
log "clean root: Debian $(cat "$R/etc/debian_version"), $(chroot "$R" /root/.cargo/bin/rustc --version), no protoc, no C compiler"

log "running the README's quick start in the chroot: make demo (cold build)"
start=$(date +%s)
rc=0
chroot "$R" env -i HOME=/root PATH=/root/.cargo/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    TERM=dumb DEMO_EXIT_WHEN_READY=1 DEMO_PORT=17443 DEMO_HTTP_PORT=17080 \
    sh -c 'cd /root/piccolo && nice make demo' >"$ROOT/target/fresh-check.log" 2>&1 || rc=$?
took=$(($(date +%s) - start))
tail -n 25 "$ROOT/target/fresh-check.log"
[ "$rc" = 0 ] || die "make demo failed in the clean root after ${took} s (log: target/fresh-check.log)"
grep -q 'demo: all 3 nodes Ready' "$ROOT/target/fresh-check.log" || die "make demo did not report 3 Ready nodes"
log "ok: make demo on a clean Debian 12 root with only rustup: 3 nodes Ready after ${took} s"
