# shellcheck shell=bash
# Shared by cross/build.sh and cross/test.sh: paths, the Debian toolchain that
# cross builds for aarch64, and installing it on first use. Sourced, not run.

# The repository root is the parent of this file's directory, wherever the
# checkout lives (in place, or a clean clone).
CROSS_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "${CROSS_DIR}/.." && pwd)"
TARGET="aarch64-unknown-linux-gnu"
CARGO_CONFIG="${CROSS_DIR}/cargo-config.toml"
# Final binaries land where the issue wants them; intermediates go to a
# separate target dir so a cross build never holds the lock on target/release
# that the host (rustup) builds need.
# shellcheck disable=SC2034 # used by the scripts that source this file
OUT_DIR="${ROOT}/target/${TARGET}/release"
CROSS_TARGET_DIR="${CROSS_TARGET_DIR:-${ROOT}/target/cross}"

# rustup's cargo stays first on PATH for host builds; Debian's rustc-web ships
# the arm64 standard library that rustup cannot fetch here, so call it by path.
DEB_CARGO="/usr/bin/cargo"
DEB_RUSTC="/usr/bin/rustc"

# Debian packages the cross build and the qemu runs need.
CROSS_DEBS=(
    rustc-web cargo-web "libstd-rust-web-dev:arm64" rust-web-src
    gcc-aarch64-linux-gnu libc6-dev-arm64-cross binutils-aarch64-linux-gnu
    qemu-user protobuf-compiler libprotobuf-dev file
)

log() { printf '==> %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# as_root, deb_installed, ensure_debs (CROSS_NO_INSTALL=1: name what is
# missing instead of installing it).
[ "${CROSS_NO_INSTALL:-0}" = 1 ] && DEBS_NO_INSTALL=1
# shellcheck source=scripts/lib/debs.sh
source "${ROOT}/scripts/lib/debs.sh"

ensure_cross_toolchain() {
    ensure_debs "${CROSS_DEBS[@]}"
    [ -x "$DEB_CARGO" ] || die "$DEB_CARGO missing after installing cargo-web"
    [ -x "$DEB_RUSTC" ] || die "$DEB_RUSTC missing after installing rustc-web"
    command -v qemu-aarch64 >/dev/null 2>&1 || die "qemu-aarch64 missing after installing qemu-user"
}

# deb_cargo ARGS...: Debian's cargo with Debian's rustc, the cross config and
# low priority (the machine has two cores and host builds come first).
# RUSTFLAGS from the caller's environment would silently replace the config's
# target rustflags (+crt-static), so they are dropped here.
deb_cargo() {
    (
        cd "$ROOT" || exit 1
        unset RUSTFLAGS CARGO_ENCODED_RUSTFLAGS CARGO_BUILD_RUSTFLAGS CARGO_BUILD_TARGET RUSTC_WRAPPER
        export RUSTC="$DEB_RUSTC"
        [ -x /usr/bin/rustdoc ] && export RUSTDOC=/usr/bin/rustdoc
        export CARGO_TARGET_DIR="$CROSS_TARGET_DIR"
        exec nice -n "${CROSS_NICE:-10}" "$DEB_CARGO" --config "$CARGO_CONFIG" "$@"
    )
}

# human SIZE_IN_BYTES -> "2.2 MiB"
human() {
    awk -v b="$1" 'BEGIN { if (b >= 1048576) printf "%.1f MiB", b / 1048576; else printf "%.0f KiB", b / 1024 }'
}
