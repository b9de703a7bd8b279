#!/usr/bin/env bash
# Runs the repository's systemd units and binaries under a real systemd as
# PID 1: a minimal Debian 12 root (debootstrap, cached) booted by
# qemu-system-x86_64 (software emulation is enough). The checks themselves
# (tests/embedded/systemd-vm-checks.sh) run inside the VM and report through
# its second serial port; this script builds the images, boots, and fails on
# any "not ok" or a missing report. See docs/EMBEDDED.md ("systemd").
#
# Environment: PICCOLO_HOST_BIN_DIR (default target/debug, built when
# missing), SYSTEMD_TEST_CACHE (default /var/cache/piccolo), SYSTEMD_TEST_SECS
# (VM time limit, default 420).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BIN="${PICCOLO_HOST_BIN_DIR:-$ROOT/target/debug}"
CACHE="${SYSTEMD_TEST_CACHE:-/var/cache/piccolo}"
LIMIT="${SYSTEMD_TEST_SECS:-420}"
BASE="$CACHE/systemd-root-bookworm"
IMG="$CACHE/systemd-root-bookworm.img"
OUT="$ROOT/target/systemd-test"

log() { echo "systemd-test: $*" >&2; }
die() { echo "systemd-test: error: $*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || die "needs root (debootstrap, mkfs of the root image)"
for t in debootstrap qemu-system-x86_64 qemu-img mkfs.ext4; do
    command -v "$t" >/dev/null || die "$t missing: run scripts/test-deps.sh (scripts/embedded-deps.sh)"
done

mkdir -p "$CACHE" || die "cannot create $CACHE (set SYSTEMD_TEST_CACHE to a writable directory)"

# --- the cached Debian root and its image -----------------------------------
# shellcheck source=scripts/lib/debian-root.sh
source "$ROOT/scripts/lib/debian-root.sh"
[ -d "$BASE" ] || log "debootstrap of a minimal Debian 12 root with systemd into $BASE (~3 min, once)"
debian_root "$BASE" "$CACHE/debootstrap.log" systemd,systemd-sysv,linux-image-amd64,udev
stamp_src=$(sha256sum "$0" | cut -c1-12)
if [ ! -f "$IMG" ] || [ "$(cat "$IMG.stamp" 2>/dev/null)" != "$stamp_src" ]; then
    log "making the root image (payload runner baked in)"
    echo piccolo-vm >"$BASE/etc/hostname"
    : >"$BASE/etc/fstab"
    # Boots, mounts the payload disk (/dev/vdb) and runs its run.sh.
    cat >"$BASE/etc/systemd/system/piccolo-payload.service" <<'EOF'
[Unit]
Description=Piccolo test payload
After=multi-user.target
[Service]
Type=oneshot
ExecStart=/bin/sh -c 'mkdir -p /payload && mount -o ro /dev/vdb /payload && exec /bin/bash /payload/run.sh'
StandardOutput=journal+console
[Install]
WantedBy=multi-user.target
EOF
    ln -sf /etc/systemd/system/piccolo-payload.service \
        "$BASE/etc/systemd/system/multi-user.target.wants/piccolo-payload.service"
    # No login prompt racing the console.
    rm -f "$BASE/etc/systemd/system/getty.target.wants/"*
    rm -f "$IMG.tmp"
    mkfs.ext4 -q -F -L root -d "$BASE" "$IMG.tmp" 1536M || die "mkfs.ext4 of the root image failed"
    mv "$IMG.tmp" "$IMG"
    echo "$stamp_src" >"$IMG.stamp"
fi

# --- the payload: binaries, units, configs, checks ----------------------------
if [ -z "${PICCOLO_HOST_BIN_DIR:-}" ]; then
    (cd "$ROOT" && nice -n 10 cargo build -q --locked -p piccolo-agent -p piccolo-master -p piccolo-ctl --bins) \
        || die "host build failed"
fi
for b in piccolo-agent piccolo-master piccoloctl; do [ -x "$BIN/$b" ] || die "$BIN/$b missing"; done
rm -rf "$OUT" && mkdir -p "$OUT/payload/bin" "$OUT/payload/systemd" "$OUT/payload/etc"
cp "$BIN/piccolo-agent" "$BIN/piccolo-master" "$BIN/piccoloctl" "$OUT/payload/bin/"
cp "$ROOT"/systemd/*.service "$OUT/payload/systemd/"
cp "$ROOT/meta-piccolo/recipes-piccolo/piccolo-master/files/master.toml" "$OUT/payload/etc/"
cp "$ROOT/tests/embedded/systemd-vm-checks.sh" "$OUT/payload/run.sh"
payload_mb=$(($(du -sm "$OUT/payload" | cut -f1) + 64))
mkfs.ext4 -q -F -L payload -d "$OUT/payload" "$OUT/payload.img" "${payload_mb}M" || die "mkfs.ext4 of the payload failed"
qemu-img create -q -f qcow2 -b "$IMG" -F raw "$OUT/root.qcow2"

# --- boot ------------------------------------------------------------------------
kernels=("$BASE"/boot/vmlinuz-*)
initrds=("$BASE"/boot/initrd.img-*)
kernel=${kernels[-1]} initrd=${initrds[-1]}
# shellcheck disable=SC2016 # dpkg-query's format, not the shell's
log "booting $(basename "$kernel") with systemd $(chroot "$BASE" dpkg-query -W -f='${Version}' systemd) as PID 1 (limit ${LIMIT} s)"
start=$(date +%s)
rc=0
timeout "$LIMIT" qemu-system-x86_64 -m 1024 -smp 2 -cpu max,-svm -nographic -no-reboot -nic none \
    -drive "file=$OUT/root.qcow2,format=qcow2,if=virtio" \
    -drive "file=$OUT/payload.img,format=raw,if=virtio,readonly=on" \
    -kernel "$kernel" -initrd "$initrd" \
    -append "console=ttyS0 root=/dev/vda rw quiet systemd.show_status=0" \
    -serial "file:$OUT/console.log" -serial "file:$OUT/results.log" -monitor none </dev/null || rc=$?
took=$(($(date +%s) - start))
[ "$rc" = 124 ] && log "the VM did not power off within ${LIMIT} s"
tr -d '\r' <"$OUT/results.log" >"$OUT/results.txt" || true
cat "$OUT/results.txt"
if grep -q '^not ok' "$OUT/results.txt"; then die "a check failed (VM console: ${OUT#"$ROOT"/}/console.log)"; fi
grep -q '^systemd-test: done' "$OUT/results.txt" \
    || die "the checks did not finish (VM console: ${OUT#"$ROOT"/}/console.log; last lines: $(tail -n 5 "$OUT/console.log" | tr -d '\r'))"
log "ok: $(grep -c '^ok' "$OUT/results.txt") checks passed under a real systemd in ${took} s (boot included)"
