#!/usr/bin/env bash
# Builds piccolo-agent, piccolo-master and piccoloctl as static aarch64 Linux
# binaries (release profile) into target/aarch64-unknown-linux-gnu/release/,
# installing Debian's cross toolchain on first use, and prints their sizes.
#
#   cross/build.sh [--no-install] [--bins "piccolo-agent ..."] [--agent-opt-level s|z|3]
#                  [--device-master] [--prebuilt-std] [--dist] [--deps-only]
set -euo pipefail

# shellcheck source=cross/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() {
    cat <<EOF
Usage: cross/build.sh [options]

Cross builds the Piccolo binaries for ${TARGET} (static, release) into
${OUT_DIR#"$ROOT"/}/ and prints their sizes.

Options:
  --no-install          fail instead of apt-installing missing packages
  --bins "LIST"         binaries to build (default: piccolo-agent piccolo-master piccoloctl)
  --agent-opt-level L   override the release-agent profile's opt-level (s, z, 1, 2, 3)
                        for measuring (default z, for the agent and all it links)
  --device-master       build piccolo-master as a device master: profile
                        release-device-master (opt-level z) without the etcd
                        client (--no-default-features: embedded store only)
  --prebuilt-std        link the agent (and a device master) against Debian's
                        prebuilt standard library instead of rebuilding it
                        (the default rebuilds it for their size: see below)
  --dist                also pack a tarball (binaries, systemd units, configs,
                        install/check scripts) for devices and the meta-piccolo
                        -bin recipes, and record its sha256 in
                        meta-piccolo/recipes-piccolo/include/piccolo-dist-sha256.inc
  --deps-only           only install the toolchain
  -h, --help            this text

The agent's (and a device master's) standard library is rebuilt with its profile
(-Z build-std, opt-level z, std's optimize_for_size, no unwind tables;
panics still print their message and abort): 0.57 MB smaller than with the
prebuilt std. Debian's rustc is a stable 1.96, so these two unstable flags
run under RUSTC_BOOTSTRAP=1, for this one invocation; the source of the
standard library comes from Debian's rust-web-src, its few dependencies from
crates.io (pinned by its Cargo.lock).

Environment: CROSS_TARGET_DIR (intermediate build dir, default target/cross),
CROSS_NICE (nice level, default 10), CROSS_NO_INSTALL=1 (same as --no-install).
EOF
}

BINS=(piccolo-agent piccolo-master piccoloctl)
AGENT_OPT=""
DIST=0
DEPS_ONLY=0
DEVICE_MASTER=0
PREBUILT_STD=0
while [ $# -gt 0 ]; do
    case "$1" in
        --no-install) CROSS_NO_INSTALL=1 ;;
        --bins) [ $# -ge 2 ] || die "--bins needs a value"; read -r -a BINS <<<"$2"; shift ;;
        --agent-opt-level) [ $# -ge 2 ] || die "--agent-opt-level needs a value"; AGENT_OPT="$2"; shift ;;
        --device-master) DEVICE_MASTER=1 ;;
        --prebuilt-std) PREBUILT_STD=1 ;;
        --dist) DIST=1 ;;
        --deps-only) DEPS_ONLY=1 ;;
        -h | --help) usage; exit 0 ;;
        *) usage >&2; die "unknown option: $1" ;;
    esac
    shift
done

ensure_cross_toolchain
[ "$DEPS_ONLY" = 1 ] && { log "toolchain ready: $("$DEB_RUSTC" --version)"; exit 0; }

# Which package each binary lives in.
package_of() {
    case "$1" in
        piccolo-agent) echo piccolo-agent ;;
        piccolo-master) echo piccolo-master ;;
        piccoloctl) echo piccolo-ctl ;;
        *) die "unknown binary: $1 (known: piccolo-agent piccolo-master piccoloctl)" ;;
    esac
}

# Reproducible output: no checkout, cargo home or build dir path in the
# binaries (panic locations name source files), so the same commit and
# toolchain give the same bytes wherever they are built, and the -bin
# recipes can pin the dist tarball's sha256.
cargo_home="${CARGO_HOME:-$HOME/.cargo}"
remap="[\"--remap-path-prefix\", \"${ROOT}=/piccolo\", \"--remap-path-prefix\", \"${cargo_home}=/cargo\", \"--remap-path-prefix\", \"${CROSS_TARGET_DIR}=/target\"]"
# Extra --config values go before the subcommand, with the config file: given
# after it, cargo's global --config list is replaced, not extended. Arrays
# from several configs are joined, so these flags add to +crt-static.
cfg=(--config "target.${TARGET}.rustflags=${remap}")
if [ -n "$AGENT_OPT" ]; then
    case "$AGENT_OPT" in
        s | z) cfg+=(--config "profile.release-agent.opt-level=\"$AGENT_OPT\"") ;;
        0 | 1 | 2 | 3) cfg+=(--config "profile.release-agent.opt-level=$AGENT_OPT") ;;
        *) die "--agent-opt-level must be one of s z 0 1 2 3" ;;
    esac
fi

# The agent builds on its own with the `release-agent` profile (opt-level "z"
# for it and all it links): in the same invocation as the master, cargo would
# unify the features of their shared dependencies into the agent.
# A device master builds on its own too (its profile, no etcd feature).
others=()
agent=0
master=0
for b in "${BINS[@]}"; do
    p=$(package_of "$b")
    if [ "$b" = piccolo-agent ]; then
        agent=1
    elif [ "$b" = piccolo-master ] && [ "$DEVICE_MASTER" = 1 ]; then
        master=1
    else
        others+=(-p "$p" --bin "$b")
    fi
done

# The agent's (and a device master's) own standard library
# (docs/PERFORMANCE.md, "The standard library rebuilt"): built from Debian's
# rust-web-src with the binary's profile and without unwind tables, which at
# panic = "abort" serve nothing (the prebuilt std carries them, and its
# backtrace symbolizer).
agent_cfg=()
if [ "$PREBUILT_STD" = 0 ]; then
    no_unwind='["-C", "force-unwind-tables=no"]'
    agent_cfg=(--config "target.${TARGET}.rustflags=${no_unwind}"
        -Z "build-std=std,panic_abort" -Z build-std-features=optimize_for_size)
    [ -f "$("$DEB_RUSTC" --print sysroot)/lib/rustlib/src/rust/library/Cargo.lock" ] \
        || die "the standard library's source is missing (Debian package rust-web-src); or use --prebuilt-std"
fi

log "building ${BINS[*]} for ${TARGET} with $("$DEB_RUSTC" --version)"
start=$(date +%s)
if [ "$agent" = 1 ]; then
    # shellcheck disable=SC2030,SC2031 # for this invocation only
    (
        [ "$PREBUILT_STD" = 1 ] || export RUSTC_BOOTSTRAP=1
        deb_cargo "${cfg[@]}" "${agent_cfg[@]}" build --locked --profile release-agent --target "$TARGET" \
            -p piccolo-agent --bin piccolo-agent
    ) || die "cargo build of piccolo-agent for ${TARGET} failed"
fi
if [ "$master" = 1 ]; then
    # shellcheck disable=SC2030,SC2031 # for this invocation only
    (
        [ "$PREBUILT_STD" = 1 ] || export RUSTC_BOOTSTRAP=1
        deb_cargo "${cfg[@]}" "${agent_cfg[@]}" build --locked --profile release-device-master --no-default-features \
            --target "$TARGET" -p piccolo-master --bin piccolo-master
    ) || die "cargo build of the device piccolo-master for ${TARGET} failed"
fi
if [ "${#others[@]}" -gt 0 ]; then
    deb_cargo "${cfg[@]}" build --locked --release --target "$TARGET" "${others[@]}" \
        || die "cargo build for ${TARGET} failed"
fi
log "built in $(($(date +%s) - start)) s"

mkdir -p "$OUT_DIR"
printf '%-16s %10s %9s  %s\n' binary bytes size type
for b in "${BINS[@]}"; do
    profile_dir=release
    [ "$b" = piccolo-agent ] && profile_dir=release-agent
    [ "$b" = piccolo-master ] && [ "$DEVICE_MASTER" = 1 ] && profile_dir=release-device-master
    src="${CROSS_TARGET_DIR}/${TARGET}/${profile_dir}/${b}"
    [ -f "$src" ] || die "cargo reported success but ${src} is missing"
    if [ "$src" != "${OUT_DIR}/${b}" ]; then
        install -m 0755 "$src" "${OUT_DIR}/${b}.tmp"
        mv -f "${OUT_DIR}/${b}.tmp" "${OUT_DIR}/${b}"
    fi
    # A per-package profile override (the agent's opt-level) resets `strip`
    # to "debuginfo" for that package in cargo <= 1.96, leaving ~1 MB of
    # symbols in; strip here so the result never depends on that.
    if file -b "${OUT_DIR}/${b}" | grep -q 'not stripped'; then
        log "${b}: not stripped by cargo (profile strip setting); stripping with aarch64-linux-gnu-strip"
        aarch64-linux-gnu-strip --strip-all "${OUT_DIR}/${b}"
    fi
    info=$(file -b "${OUT_DIR}/${b}")
    case "$info" in
        *"ARM aarch64"*"statically linked"*) ;;
        *) die "${b} is not a static aarch64 executable: ${info}" ;;
    esac
    bytes=$(stat -c %s "${OUT_DIR}/${b}")
    printf '%-16s %10s %9s  %s\n' "$b" "$bytes" "$(human "$bytes")" "static aarch64, stripped"
done

if [ "$DIST" = 1 ]; then
    version=$(awk -F'"' '/^\[workspace.package\]/ { w = 1 } w && /^version *=/ { print $2; exit }' "$ROOT/Cargo.toml")
    [ -n "$version" ] || die "cannot read the workspace version from Cargo.toml"
    name="piccolo-${version}-${TARGET}"
    stage=$(mktemp -d)
    trap 'rm -rf "$stage"' EXIT
    mkdir -p "$stage/$name/bin" "$stage/$name/systemd" "$stage/$name/etc"
    for b in "${BINS[@]}"; do
        install -m 0755 "${OUT_DIR}/${b}" "$stage/$name/bin/"
    done
    install -m 0644 "$ROOT"/systemd/*.service "$stage/$name/systemd/"
    # A device without Yocto needs only this tarball: the scripts find bin/
    # and systemd/ next to themselves.
    install -m 0755 "$ROOT/scripts/install-agent.sh" "$ROOT/scripts/system-check.sh" "$stage/$name/"
    install -m 0644 "$ROOT/meta-piccolo/recipes-piccolo/piccolo-agent-config/files/agent.toml.in" \
        "$stage/$name/etc/agent.toml.in"
    install -m 0644 "$ROOT/meta-piccolo/recipes-piccolo/piccolo-master/files/master.toml" "$stage/$name/etc/"
    [ -f "$ROOT/LICENSE" ] || die "LICENSE missing at the repository root (the -bin recipes checksum it)"
    install -m 0644 "$ROOT/LICENSE" "$stage/$name/"
    # The units' Documentation= (file:///usr/share/doc/piccolo/EMBEDDED.md).
    install -D -m 0644 "$ROOT/docs/EMBEDDED.md" "$stage/$name/doc/EMBEDDED.md"
    mkdir -p "${ROOT}/target/${TARGET}/dist"
    tarball="${ROOT}/target/${TARGET}/dist/${name}.tar.gz"
    # Reproducible: fixed owner, order and mtime.
    tar --sort=name --owner=0 --group=0 --numeric-owner --mtime=@0 -C "$stage" -cf - "$name" \
        | gzip -n -9 >"$tarball"
    sum=$(sha256sum "$tarball" | cut -d' ' -f1)
    log "dist: ${tarball#"$ROOT"/} ($(human "$(stat -c %s "$tarball")"), sha256 ${sum})"
    # The -bin recipes accept exactly this tarball (do_piccolo_verify_dist).
    inc="$ROOT/meta-piccolo/recipes-piccolo/include/piccolo-dist-sha256.inc"
    {
        echo "# Written by cross/build.sh --dist: the sha256 of"
        echo "# ${name}.tar.gz that the -bin recipes accept."
        echo "PICCOLO_DIST_SHA256 ?= \"${sum}\""
    } >"$inc"
    log "recorded its sha256 in ${inc#"$ROOT"/} (commit it with a release)"
fi
