#!/usr/bin/env bash
# The device master for this machine's architecture (what `make
# release-device-master` runs): piccolo-master with the `release-device-master`
# profile (opt-level "z"), without the etcd client (the embedded store only),
# linked statically (static-pie: no shared glibc pages in its RSS, ASLR kept),
# and with a standard library rebuilt for size like the agent's (-Z build-std,
# std's optimize_for_size, no unwind tables; panics still print their
# message). Result: target/release-device-master/piccolo-master.
#
# The rebuilt std needs its source and a rustc of the same release: Debian's
# rustc-web, cargo-web and rust-web-src (installed here with apt on first
# use), run under RUSTC_BOOTSTRAP=1 for this one cargo invocation, as
# cross/build.sh does for the aarch64 agent and device master.
# docs/PERFORMANCE.md ("The master") has the figures.
#
#   scripts/build-device-master.sh [--prebuilt-std]
#
# --prebuilt-std: rustup's toolchain and its prebuilt std instead (no Debian
# packages; ~1.1 MB larger, ~0.5 MiB more RSS).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/lib/debs.sh
source "$ROOT/scripts/lib/debs.sh"

PREBUILT_STD=0
case "${1:-}" in
    "") ;;
    --prebuilt-std) PREBUILT_STD=1 ;;
    -h | --help) sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) debs_die "unknown option: $1 (see --help)" ;;
esac

OUT="$ROOT/target/release-device-master/piccolo-master"
static='"-C", "target-feature=+crt-static"'
cd "$ROOT"
if [ "$PREBUILT_STD" = 1 ]; then
    host=$(rustc -vV | sed -n 's/^host: //p')
    cargo build --locked --profile release-device-master --no-default-features --target "$host" \
        --config "target.${host}.rustflags=[${static}]" -p piccolo-master --bin piccolo-master
    built="$ROOT/target/${host}/release-device-master/piccolo-master"
else
    ensure_debs rustc-web cargo-web rust-web-src
    host=$(/usr/bin/rustc -vV | sed -n 's/^host: //p')
    [ -f "$(/usr/bin/rustc --print sysroot)/lib/rustlib/src/rust/library/Cargo.lock" ] \
        || debs_die "the standard library's source is missing (Debian package rust-web-src); or use --prebuilt-std"
    # Its own target dir: Debian's rustc and rustup's must not share one.
    export CARGO_TARGET_DIR="$ROOT/target/device-master"
    unset RUSTFLAGS CARGO_ENCODED_RUSTFLAGS CARGO_BUILD_RUSTFLAGS RUSTC_WRAPPER
    RUSTC_BOOTSTRAP=1 RUSTC=/usr/bin/rustc /usr/bin/cargo build --locked --profile release-device-master \
        --no-default-features --target "$host" \
        --config "target.${host}.rustflags=[${static}, \"-C\", \"force-unwind-tables=no\"]" \
        -Z "build-std=std,panic_abort" -Z build-std-features=optimize_for_size \
        -p piccolo-master --bin piccolo-master
    built="$CARGO_TARGET_DIR/${host}/release-device-master/piccolo-master"
fi
install -D -m 0755 "$built" "$OUT"
echo "device master: $OUT ($(stat -c %s "$OUT") bytes; $(file -b "$OUT" | cut -d, -f1-5))"
