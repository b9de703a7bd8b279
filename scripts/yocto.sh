#!/usr/bin/env bash
# Runs meta-piccolo through a real BitBake (docs/EMBEDDED.md, "Yocto"):
#
#   scripts/yocto.sh parse         every recipe parses with no error or warning
#                                  on whinlatter (source recipes, meta-oe) and
#                                  scarthgap (-bin recipes); `bitbake -e` of the
#                                  recipes, package groups and image; the agent
#                                  image's graph holds no master; `bitbake
#                                  piccolo-agent -c fetch` verifies every crate
#                                  sha256 from a DL_DIR filled from cargo's cache
#   scripts/yocto.sh check-layer   oe-core's yocto-check-layer on whinlatter (~8 min)
#   scripts/yocto.sh build         bitbake piccolo-agent for qemuarm64 (hours; needs
#                                  the upstream sources: YOCTO_NETWORK=1)
#
# The OpenEmbedded trees come from the unmodified tarballs of ../shared/yocto
# (CI; found next to the checkout or one of its parents, or YOCTO_TARBALLS), or
# else are cloned from the public repositories. BitBake runs as the
# unprivileged user `yocto` (created when missing) with BB_NO_NETWORK = "1":
# nothing is fetched from outside (build: unless YOCTO_NETWORK=1). Work dir:
# YOCTO_WORK (default target/yocto).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="${YOCTO_WORK:-${ROOT}/target/yocto}"
BBUSER="${YOCTO_USER:-yocto}"
MACHINE="${YOCTO_MACHINE:-qemuarm64}"

log() { echo "yocto: $*" >&2; }
die() { echo "yocto: error: $*" >&2; exit 1; }

# ---- the OpenEmbedded trees ---------------------------------------------
find_tarballs() {
    if [ -n "${YOCTO_TARBALLS:-}" ]; then echo "$YOCTO_TARBALLS"; return; fi
    local dir="$ROOT"
    while [ "$dir" != / ]; do
        for cand in "$dir/../shared/yocto" "$dir/shared/yocto"; do
            if [ -f "$cand/oe-core-whinlatter.tar.xz" ]; then (cd "$cand" && pwd); return; fi
        done
        dir=$(dirname "$dir")
    done
}

# unpack NAME DEST: from the tarball when there is one, else a git clone.
fetch_tree() {
    local name=$1 dest=$2 tarballs
    tarballs=$(find_tarballs)
    if [ -n "$tarballs" ]; then
        local tb="$tarballs/$name.tar.xz" stamp
        stamp=$(sha256sum "$tb" | cut -c1-16)
        [ -f "$dest/.stamp-$stamp" ] && return
        log "unpacking $tb"
        rm -rf "$dest" && mkdir -p "$dest.tmp"
        tar -C "$dest.tmp" -xJf "$tb"
        # The tarballs hold one top directory named like the file.
        mv "$dest.tmp/$name" "$dest" && rmdir "$dest.tmp"
        touch "$dest/.stamp-$stamp"
        return
    fi
    [ -d "$dest/.git" ] && return
    log "no ../shared/yocto tarballs: cloning $name from the public repositories"
    case "$name" in
        oe-core-whinlatter | oe-core-scarthgap)
            local br=${name#oe-core-} bbbr
            bbbr=$([ "$br" = whinlatter ] && echo 2.16 || echo 2.8)
            git clone -q --depth 1 -b "$br" https://git.openembedded.org/openembedded-core "$dest"
            git clone -q --depth 1 -b "$bbbr" https://git.openembedded.org/bitbake "$dest/bitbake" ;;
        meta-openembedded-whinlatter)
            git clone -q --depth 1 -b whinlatter https://git.openembedded.org/meta-openembedded "$dest" ;;
        *) die "unknown tree $name" ;;
    esac
}

ensure_user() {
    id "$BBUSER" >/dev/null 2>&1 && return
    [ "$(id -u)" = 0 ] || die "user $BBUSER missing and not root to create it (BitBake refuses root)"
    log "creating the unprivileged user $BBUSER (BitBake refuses to run as root)"
    useradd -m "$BBUSER"
}

# as_user CMD...: run as the BitBake user with a clean environment.
as_user() {
    if [ "$(id -u)" = 0 ]; then
        runuser -u "$BBUSER" -- env -i HOME="$(getent passwd "$BBUSER" | cut -d: -f6)" \
            PATH=/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin LANG=en_US.UTF-8 LC_ALL=en_US.UTF-8 "$@"
    else
        env LANG=en_US.UTF-8 LC_ALL=en_US.UTF-8 "$@"
    fi
}

# ---- build directories ----------------------------------------------------
# setup_build RELEASE LAYERS...: conf/ for a build of RELEASE with the layers.
setup_build() {
    local rel=$1 build="$WORK/build-$1"
    shift
    mkdir -p "$build/conf" "$WORK/downloads"
    {
        echo 'POKY_BBLAYERS_CONF_VERSION = "2"'
        # shellcheck disable=SC2016 # BitBake's ${TOPDIR}, not the shell's
        echo 'BBPATH = "${TOPDIR}"'
        echo 'BBFILES ?= ""'
        echo "BBLAYERS = \"$*\""
    } >"$build/conf/bblayers.conf"
    cat >"$build/conf/local.conf" <<EOF
MACHINE = "${MACHINE}"
DISTRO = "nodistro"
INIT_MANAGER = "systemd"
# Never reach out: what DL_DIR does not hold must fail the fetch.
BB_NO_NETWORK = "1"
CONNECTIVITY_CHECK_URIS = ""
# The host (Debian 12) is not on every release's tested list; that warning is
# about the build host, not the layer.
SANITY_TESTED_DISTROS = ""
DL_DIR = "${WORK}/downloads"
SSTATE_DIR = "${WORK}/sstate-${rel}"
TMPDIR = "${build}/tmp"
PICCOLO_DIST_DIR = "${DIST_DIR}"
PACKAGE_CLASSES = "package_ipk"
BB_NUMBER_THREADS = "2"
PARALLEL_MAKE = "-j 2"
EOF
}

# The checkout under test as the source recipes' git SRC_URI (the real one
# cannot be reached here): a scratch layer with a bbappend.
setup_scratch_layer() {
    local layer="$WORK/meta-piccolo-test"
    mkdir -p "$layer/conf" "$layer/recipes"
    cat >"$layer/conf/layer.conf" <<'EOF'
BBPATH .= ":${LAYERDIR}"
BBFILES += "${LAYERDIR}/recipes/*.bbappend"
BBFILE_COLLECTIONS += "piccolo-test"
BBFILE_PATTERN_piccolo-test = "^${LAYERDIR}/"
BBFILE_PRIORITY_piccolo-test = "7"
LAYERDEPENDS_piccolo-test = "piccolo"
LAYERSERIES_COMPAT_piccolo-test = "scarthgap whinlatter"
EOF
    for r in piccolo-agent piccolo-master; do
        echo "SRC_URI:remove = \"git://example.invalid/piccolo.git;protocol=https;branch=main\"
SRC_URI:prepend = \"git://${WORK}/piccolo.git;protocol=file;nobranch=1 \"
PICCOLO_SRCREV = \"${SRCREV}\"" >"$layer/recipes/${r}_git.bbappend"
    done
}

# A bare copy of the checkout's HEAD the BitBake user can read.
setup_repo_copy() {
    rm -rf "$WORK/piccolo.git"
    git -C "$ROOT" clone -q --bare --no-local "$ROOT" "$WORK/piccolo.git"
    git -C "$WORK/piccolo.git" fetch -q "$ROOT" "+HEAD:refs/heads/under-test"
}

# Fill DL_DIR with every crate of Cargo.lock from cargo's cache, under the
# name the crate fetcher uses (NAME-VERSION.crate, bitbake/lib/bb/fetch2/crate.py).
prefill_crates() {
    local n=0 missing=0
    # Every crate of the lock, all platforms included (a host build downloads
    # only what it compiles): the ordinary cargo client and registry.
    (cd "$ROOT" && cargo fetch --locked -q) || die "cargo fetch --locked failed"
    while read -r name version; do
        local f="$WORK/downloads/$name-$version.crate"
        [ -f "$f" ] && { n=$((n + 1)); continue; }
        local src
        src=$(find "${CARGO_HOME:-$HOME/.cargo}"/registry/cache -name "$name-$version.crate" -print -quit 2>/dev/null || true)
        if [ -n "$src" ]; then cp "$src" "$f"; n=$((n + 1)); else missing=$((missing + 1)); log "not in cargo's cache: $name $version"; fi
    done < <(grep -oE 'crate://crates.io/[^/]+/[^ ]+' "$ROOT/meta-piccolo/recipes-piccolo/piccolo-agent/piccolo-agent-crates.inc" \
        | awk -F/ '{ print $4, $5 }')
    [ "$missing" = 0 ] || die "$missing crates missing from cargo's cache: run \`cargo fetch --locked\` first"
    log "DL_DIR holds $n crates"
}

# bb RELEASE CMD...: run a BitBake command in that release's build dir.
bb() {
    local rel=$1
    shift
    as_user bash -c "cd '$WORK/oe-core-$rel' && . ./oe-init-build-env '$WORK/build-$rel' >/dev/null && $*"
}

# bb_clean RELEASE LOGNAME CMD...: run, keep the log, fail on any ERROR or WARNING.
bb_clean() {
    local rel=$1 name=$2 out
    shift 2
    out="$WORK/logs/$rel-$name.log"
    mkdir -p "$WORK/logs"
    if ! bb "$rel" "$*" >"$out" 2>&1; then
        tail -n 40 "$out" >&2
        die "[$rel] \`$*\` failed (log: ${out#"$ROOT"/})"
    fi
    if grep -E '^(WARNING|ERROR):' "$out" >&2; then
        die "[$rel] \`$*\` printed the warnings/errors above (log: ${out#"$ROOT"/})"
    fi
}

prepare() {
    command -v runuser >/dev/null || die "runuser missing (util-linux)"
    ensure_user
    mkdir -p "$WORK"
    fetch_tree oe-core-whinlatter "$WORK/oe-core-whinlatter"
    fetch_tree oe-core-scarthgap "$WORK/oe-core-scarthgap"
    fetch_tree meta-openembedded-whinlatter "$WORK/meta-openembedded"
    # The layer as committed plus the working tree's changes, readable by the user.
    rm -rf "$WORK/meta-piccolo" && cp -a "$ROOT/meta-piccolo" "$WORK/meta-piccolo"
    DIST_DIR="$WORK/dist"
    SRCREV=$(git -C "$ROOT" rev-parse HEAD)
    setup_repo_copy
    setup_scratch_layer
    local oe_w="$WORK/oe-core-whinlatter" oe_s="$WORK/oe-core-scarthgap"
    setup_build whinlatter "$oe_w/meta $WORK/meta-openembedded/meta-oe $WORK/meta-piccolo $WORK/meta-piccolo-test"
    setup_build scarthgap "$oe_s/meta $WORK/meta-piccolo"
    mkdir -p "$WORK/logs"
    chown -R "$BBUSER" "$WORK" 2>/dev/null || true
}

# A stand-in dist tarball (same layout as cross/build.sh --dist) for the
# scarthgap parse: a parse reads the file's checksum, never its binaries. The
# real tarball is built and checked by `make cross-dist`.
make_parse_dist() {
    local name="piccolo-0.1.0-aarch64-unknown-linux-gnu" stage
    stage=$(mktemp -d)
    mkdir -p "$stage/$name/bin" "$stage/$name/systemd" "$stage/$name/etc" "$DIST_DIR"
    install -m 0644 "$ROOT"/systemd/*.service "$stage/$name/systemd/"
    install -m 0644 "$ROOT/LICENSE" "$stage/$name/"
    install -D -m 0644 "$ROOT/docs/EMBEDDED.md" "$stage/$name/doc/EMBEDDED.md"
    tar -C "$stage" -czf "$DIST_DIR/$name.tar.gz" "$name"
    rm -rf "$stage"
    chown -R "$BBUSER" "$DIST_DIR"
}

cmd_parse() {
    prepare
    local t0
    t0=$(date +%s)
    # whinlatter: source recipes (with meta-oe), no dist tarball: the -bin
    # recipes must skip themselves, not halt the parse.
    rm -rf "$DIST_DIR"
    log "[whinlatter] parsing every recipe (bitbake -p)"
    bb_clean whinlatter parse "bitbake -p"
    for r in piccolo-agent piccolo-master piccolo-agent-config packagegroup-piccolo-agent packagegroup-piccolo-master piccolo-agent-image; do
        bb_clean whinlatter "env-$r" "bitbake -e $r"
        grep -q '^PN="'"$r"'"' "$WORK/logs/whinlatter-env-$r.log" || die "[whinlatter] bitbake -e $r shows no PN=\"$r\""
    done
    bb whinlatter "bitbake -e piccolo-agent-bin" >"$WORK/logs/whinlatter-env-agent-bin.log" 2>&1 || true
    grep -q 'run cross/build.sh --dist' "$WORK/logs/whinlatter-env-agent-bin.log" \
        || die "[whinlatter] piccolo-agent-bin without a dist tarball should be skipped with a hint (see ${WORK}/logs/whinlatter-env-agent-bin.log)"
    # The agent image must not pull in the master.
    bb_clean whinlatter graph "bitbake -g piccolo-agent-image && mv task-depends.dot pn-buildlist '$WORK/logs/'"
    if grep -qE '"(piccolo-master|piccoloctl|protobuf-native)[."]' "$WORK/logs/task-depends.dot"; then
        die "[whinlatter] piccolo-agent-image's task graph holds the master or protobuf-native"
    fi
    grep -q '"piccolo-agent\.do_compile"' "$WORK/logs/task-depends.dot" \
        || die "[whinlatter] piccolo-agent-image's task graph misses piccolo-agent"
    log "[whinlatter] piccolo-agent-image pulls piccolo-agent and no master ($(wc -l <"$WORK/logs/pn-buildlist") recipes)"
    # Every crate of Cargo.lock, checked against its sha256 in the .inc.
    prefill_crates
    chown -R "$BBUSER" "$WORK/downloads"
    bb_clean whinlatter fetch "bitbake piccolo-agent -c fetch"
    log "[whinlatter] piccolo-agent -c fetch verified every crate checksum"
    # scarthgap: Rust 1.75, so the source recipes skip and the -bin ones
    # must parse, with a dist tarball in place.
    make_parse_dist
    log "[scarthgap] parsing every recipe (bitbake -p)"
    bb_clean scarthgap parse "bitbake -p"
    for r in piccolo-agent-bin piccolo-master-bin piccolo-agent-config packagegroup-piccolo-agent packagegroup-piccolo-master piccolo-agent-image; do
        bb_clean scarthgap "env-$r" "bitbake -e $r"
    done
    bb scarthgap "bitbake -e piccolo-agent" >"$WORK/logs/scarthgap-env-agent.log" 2>&1 || true
    grep -q 'needs Rust >= ' "$WORK/logs/scarthgap-env-agent.log" \
        || die "[scarthgap] the piccolo-agent source recipe should be skipped for its old Rust"
    log "ok: meta-piccolo parses on whinlatter and scarthgap with no warning ($(($(date +%s) - t0)) s)"
}

cmd_check_layer() {
    prepare
    rm -rf "$DIST_DIR"
    # Its own build dir holding only oe-core and meta-oe: the tool adds the
    # layer itself. SECURITY.md is found in the layer.
    setup_build check "$WORK/oe-core-whinlatter/meta $WORK/meta-openembedded/meta-oe"
    chown -R "$BBUSER" "$WORK/build-check"
    local out="$WORK/logs/check-layer.log"
    log "yocto-check-layer on whinlatter (reparses several times; ~8 min on an idle 2-core machine)"
    if ! as_user bash -c "cd '$WORK/oe-core-whinlatter' && . ./oe-init-build-env '$WORK/build-check' >/dev/null && \
        yocto-check-layer --dependency '$WORK/meta-openembedded/meta-oe' --no-auto-dependency -- '$WORK/meta-piccolo'" \
        >"$out" 2>&1; then
        grep -E 'INFO: (Ran|FAILED|OK|Summary|.*(FAIL|ERROR))' "$out" | tail -n 30 >&2 || true
        die "yocto-check-layer failed (log: ${out#"$ROOT"/})"
    fi
    grep -E 'INFO: (Ran|OK|Summary|meta-piccolo)' "$out" | tail -n 10 >&2 || true
    log "ok: yocto-check-layer passed"
}

# DL_DIR holds only the crates: every other source (quilt, gcc, glibc, rust,
# llvm, ...) must come from the network, which BB_NO_NETWORK forbids unless
# YOCTO_NETWORK=1 (or from a DL_DIR a previous networked build filled).
cmd_build() {
    prepare
    prefill_crates
    chown -R "$BBUSER" "$WORK/downloads"
    if [ "${YOCTO_NETWORK:-0}" = 1 ]; then
        log "YOCTO_NETWORK=1: BitBake may fetch the upstream sources"
        echo 'BB_NO_NETWORK = "0"' >>"$WORK/build-whinlatter/conf/local.conf"
    fi
    log "bitbake piccolo-agent for ${MACHINE} (builds rust, llvm, gcc-cross: hours on 2 cores)"
    mkdir -p "$WORK/logs"
    local out="$WORK/logs/whinlatter-build.log"
    # pipefail: the pipeline fails when bitbake does.
    if bb whinlatter "bitbake piccolo-agent" 2>&1 | tee "$out" | grep -E '^(NOTE: Running task [0-9]+ of|ERROR:|Summary)'; then
        log "built piccolo-agent for ${MACHINE}"
        return 0
    fi
    if grep -q 'NetworkAccess' "$out"; then
        die "the build needs upstream sources that DL_DIR (${WORK#"$ROOT"/}/downloads) lacks and BB_NO_NETWORK forbids fetching: rerun with YOCTO_NETWORK=1 on a machine with network access (log: ${out#"$ROOT"/})"
    fi
    die "bitbake piccolo-agent failed (log: ${out#"$ROOT"/})"
}

case "${1:-}" in
    parse) cmd_parse ;;
    check-layer) cmd_check_layer ;;
    build) cmd_build ;;
    *) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac
