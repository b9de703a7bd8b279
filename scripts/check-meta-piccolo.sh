#!/usr/bin/env bash
# Checks the Yocto layer and the systemd units without bitbake (none can be
# fetched here), installing the tools on first use:
#   1. oelint-adv on every recipe, include and layer.conf, for the releases the
#      layer supports: no errors, and no warnings but the justified ones
#      (meta-piccolo/README.md, "Lint notes");
#   2. the -crates.inc files list exactly the crates of Cargo.lock;
#   3. layer facts that must agree with the workspace: minimum Rust version,
#      license checksum, -bin recipe version, unit and config file names;
#   4. systemd-analyze verify and an exposure ceiling on the units;
#   5. with host binaries built (target/debug or $PICCOLO_HOST_BIN_DIR): the
#      units' ExecStart flags exist, and the shipped master.toml and the
#      agent.toml template are accepted by the real binaries.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LAYER="${ROOT}/meta-piccolo"
TOOLS="${ROOT}/target/embedded-tools"
# Exposure ceiling for `systemd-analyze security` (0-10; the units score ~2.2-2.4).
EXPOSURE_MAX=3.0
# Warnings kept on purpose, as RULE:FILE-SUFFIX; each is explained in the README.
ALLOWED_WARNINGS=(
    # Skipping a recipe that cannot be built here (too old a Rust, no meta-oe,
    # no dist tarball) must happen at parse time: only anonymous python can
    # raise SkipRecipe (meta-piccolo/README.md, lint notes).
    "oelint.task.noanonpython:recipes-piccolo/include/piccolo-source.inc"
    "oelint.task.noanonpython:recipes-piccolo/include/piccolo-dist.inc"
    "oelint.task.noanonpython:recipes-core/packagegroups/packagegroup-piccolo-agent.bb"
    "oelint.task.noanonpython:recipes-core/packagegroups/packagegroup-piccolo-master.bb"
    "oelint.vars.layerconf:conf/layer.conf"
)

fails=0
ok() { printf 'ok: %s\n' "$*"; }
fail() { printf 'FAIL: %s\n' "$*" >&2; fails=$((fails + 1)); }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }
# shellcheck source=scripts/lib/debs.sh
source "$ROOT/scripts/lib/debs.sh"

# oelint-adv in a private venv: Debian's python refuses `pip install` into the
# system (PEP 668), and the version stays pinned to what was checked.
OELINT_VERSION="9.11.2"
ensure_oelint() {
    OELINT="${TOOLS}/venv/bin/oelint-adv"
    if [ -x "$OELINT" ] && "$OELINT" --version 2>/dev/null | grep -q "$OELINT_VERSION"; then return 0; fi
    ensure_debs python3 python3-venv
    rm -rf "${TOOLS}/venv"
    python3 -m venv "${TOOLS}/venv" || die "python3 -m venv failed"
    "${TOOLS}/venv/bin/pip" install -q "oelint-adv==${OELINT_VERSION}" || die "pip install oelint-adv failed"
}

lint() {
    local release=$1
    shift
    local out line rule file sev allowed a
    out=$("$OELINT" --quiet --mode all --release "$release" --suppress oelint.vars.homepageping "$@" 2>&1) || true
    local errors=0 warnings=0
    while IFS= read -r line; do
        [ -n "$line" ] || continue
        # PATH:LINE:SEVERITY:RULE:MESSAGE
        file=$(cut -d: -f1 <<<"$line")
        sev=$(cut -d: -f3 <<<"$line")
        rule=$(cut -d: -f4 <<<"$line")
        case "$sev" in
            error) errors=$((errors + 1)); fail "oelint ($release): ${line#"$ROOT"/}" ;;
            warning)
                allowed=0
                for a in "${ALLOWED_WARNINGS[@]}"; do
                    if [ "$rule" = "${a%%:*}" ] && [[ "$file" == *"${a#*:}" ]]; then allowed=1; fi
                done
                if [ "$allowed" = 0 ]; then warnings=$((warnings + 1)); fail "oelint ($release): ${line#"$ROOT"/}"; fi
                ;;
        esac
    done <<<"$out"
    if [ "$errors" = 0 ] && [ "$warnings" = 0 ]; then
        ok "oelint-adv --release $release: no errors, no unjustified warnings ($(grep -c ':info:' <<<"$out" || true) infos)"
    fi
}

check_lint() {
    ensure_oelint
    local all=() bin=()
    mapfile -t all < <(find "$LAYER" -name '*.bb' -o -name '*.bbappend' | sort)
    mapfile -t bin < <(find "$LAYER" -name '*.bb' ! -path '*/piccolo-agent/*' ! -path '*/piccolo-master/*' | sort)
    lint whinlatter "${all[@]}" "${LAYER}/conf/layer.conf"
    lint wrynose "${all[@]}"
    # Older releases: the source recipes skip themselves there.
    lint scarthgap "${bin[@]}"
    lint kirkstone "${bin[@]}"
}

check_crates() {
    if "${ROOT}/scripts/gen-crates-inc.sh" --check; then
        ok "crate lists match Cargo.lock"
    else
        fail "crate lists differ from Cargo.lock: run scripts/gen-crates-inc.sh and commit the result"
    fi
}

# value VAR FILE: the quoted value of `VAR = "..."` / `VAR ?= "..."`.
value() { sed -n "s/^$1 [?]*= \"\(.*\)\"$/\1/p" "$2" | head -1; }

check_facts() {
    local cargo_rust layer_rust version md5 f s
    cargo_rust=$(sed -n 's/^rust-version = "\(.*\)"$/\1/p' "$ROOT/Cargo.toml" | head -1)
    layer_rust=$(value PICCOLO_MIN_RUST "$LAYER/recipes-piccolo/include/piccolo-availability.inc")
    if [ -n "$cargo_rust" ] && [ "$cargo_rust" = "$layer_rust" ]; then
        ok "PICCOLO_MIN_RUST ${layer_rust} = workspace rust-version"
    else
        fail "PICCOLO_MIN_RUST (${layer_rust:-unset}) differs from Cargo.toml rust-version (${cargo_rust:-unset})"
    fi
    if [ -f "$ROOT/LICENSE" ]; then
        md5=$(md5sum "$ROOT/LICENSE" | cut -d' ' -f1)
        for f in "$LAYER"/recipes-piccolo/include/piccolo-source.inc "$LAYER"/recipes-piccolo/*-bin/*.bb; do
            grep -q "file://LICENSE;md5=${md5}" "$f" || fail "${f#"$ROOT"/}: LIC_FILES_CHKSUM is not LICENSE's md5 ${md5}"
        done
        ok "LIC_FILES_CHKSUM matches LICENSE (${md5})"
    else
        fail "no LICENSE at the repository root (the recipes' LIC_FILES_CHKSUM points to it)"
    fi
    f="$LAYER/recipes-piccolo/piccolo-agent-config/files/agent.toml.in"
    md5=$(head -1 "$f" | md5sum | cut -d' ' -f1)
    grep -q "md5=${md5}" "$LAYER/recipes-piccolo/piccolo-agent-config/"*.bb \
        || fail "piccolo-agent-config: LIC_FILES_CHKSUM does not match agent.toml.in's first line"
    version=$(awk -F'"' '/^\[workspace.package\]/ { w = 1 } w && /^version *=/ { print $2; exit }' "$ROOT/Cargo.toml")
    for f in "$LAYER"/recipes-piccolo/*-bin/*.bb; do
        case "$f" in
            *_"${version}".bb) ;;
            *) fail "${f#"$ROOT"/}: the -bin recipe version must be the workspace version ${version} (cross/build.sh --dist names the tarball with it)" ;;
        esac
    done
    for f in "$LAYER"/recipes-piccolo/*/*.bb; do
        while read -r s; do
            [ -f "$ROOT/systemd/$s" ] || fail "${f#"$ROOT"/}: SYSTEMD_SERVICE $s is not in systemd/"
        done < <(sed -n 's/^SYSTEMD_SERVICE:[^=]*= "\(.*\)"$/\1/p' "$f" | tr ' ' '\n')
    done
    [ "$(value PICCOLO_DIST_VERSION "$LAYER/recipes-piccolo/include/piccolo-availability.inc")" = "$version" ] \
        || fail "PICCOLO_DIST_VERSION must be the workspace version ${version} (cross/build.sh --dist names the tarball with it)"
    # The pinned commit must carry the Cargo.lock the crate lists come from.
    local srcrev
    srcrev=$(value PICCOLO_SRCREV "$LAYER/recipes-piccolo/include/piccolo-source.inc")
    if ! git -C "$ROOT" cat-file -e "${srcrev}^{commit}" 2>/dev/null; then
        fail "PICCOLO_SRCREV ${srcrev} is not a commit of this repository (a shallow clone? fetch the history)"
    elif ! git -C "$ROOT" show "${srcrev}:Cargo.lock" | cmp -s - "$ROOT/Cargo.lock"; then
        fail "PICCOLO_SRCREV ${srcrev}: its Cargo.lock differs from the one the crate lists were made from; set it to a commit with the current Cargo.lock"
    else
        ok "PICCOLO_SRCREV ${srcrev:0:12} has the Cargo.lock the crate lists were generated from"
    fi
    [ -f "$LAYER/recipes-piccolo/piccolo-master/files/master.toml" ] || fail "master.toml missing"
    if [ "$fails" = 0 ]; then ok "recipe versions, units and config files agree with the workspace"; fi
}

HOST_BIN=""
find_host_bins() {
    local d
    for d in "${PICCOLO_HOST_BIN_DIR:-}" "$ROOT/target/debug" "$ROOT/target/release"; do
        if [ -n "$d" ] && [ -x "$d/piccolo-agent" ] && [ -x "$d/piccolo-master" ]; then
            HOST_BIN="$d"
            return 0
        fi
    done
    return 1
}

check_units() {
    ensure_debs systemd
    local work u bin flag exposure
    work=$(mktemp -d)
    # verify wants ExecStart's binary to exist and be executable: point it at
    # the host build, or at a stub.
    mkdir -p "$work/bin"
    for u in piccolo-agent piccolo-master; do
        if [ -n "$HOST_BIN" ]; then
            ln -s "$HOST_BIN/$u" "$work/bin/$u"
        else
            printf '#!/bin/sh\nexit 0\n' >"$work/bin/$u"
            chmod +x "$work/bin/$u"
        fi
        sed "s#^ExecStart=/usr/bin/#ExecStart=$work/bin/#" "$ROOT/systemd/$u.service" >"$work/$u.service"
    done
    if (cd "$work" && systemd-analyze verify ./piccolo-agent.service ./piccolo-master.service) >"$work/verify.log" 2>&1 \
        && ! grep -q . "$work/verify.log"; then
        ok "systemd-analyze verify: both units clean"
    else
        fail "systemd-analyze verify: $(cat "$work/verify.log")"
    fi
    for u in piccolo-agent piccolo-master; do
        exposure=$(cd "$work" && systemd-analyze security --offline=yes "./$u.service" 2>/dev/null \
            | sed -n 's/.*Overall exposure level for [^:]*: \([0-9.]*\).*/\1/p')
        if [ -n "$exposure" ] && awk -v e="$exposure" -v m="$EXPOSURE_MAX" 'BEGIN { exit !(e <= m) }'; then
            ok "$u.service exposure ${exposure} (ceiling ${EXPOSURE_MAX})"
        else
            fail "$u.service exposure ${exposure:-unknown} is above ${EXPOSURE_MAX}: hardening regressed"
        fi
        # Every --flag in ExecStart must be one the binary knows.
        if [ -n "$HOST_BIN" ]; then
            local line sub
            line=$(sed -n 's/^ExecStart=//p' "$ROOT/systemd/$u.service")
            sub=$(awk '{ print $2 }' <<<"$line")
            while read -r flag; do
                if "$HOST_BIN/$u" "$sub" --help 2>&1 | grep -q -- "$flag"; then
                    ok "$u.service: \`$u $sub\` accepts $flag"
                else
                    fail "$u.service: ExecStart uses $flag, which \`$u $sub --help\` does not list"
                fi
            done < <(grep -o -- '--[a-z-]*' <<<"$line")
        fi
    done
    rm -rf "$work"
}

# shellcheck source=scripts/lib/free-port.sh
source "$ROOT/scripts/lib/free-port.sh"

# The shipped configs against the real binaries (loopback only).
check_configs() {
    local work pid port rc
    work=$(mktemp -d)
    port=$(free_port)
    # master.toml as shipped; only paths and ports moved into the sandbox.
    "$HOST_BIN/piccolo-master" run --config "$LAYER/recipes-piccolo/piccolo-master/files/master.toml" \
        --data-dir "$work/m" --listen "127.0.0.1:${port}" --http-listen "" >"$work/master.log" 2>&1 &
    pid=$!
    for _ in $(seq 1 100); do
        [ -s "$work/m/admin.conf" ] && break
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    if [ -s "$work/m/admin.conf" ]; then
        ok "master.toml accepted by piccolo-master"
    else
        fail "piccolo-master refused master.toml: $(tail -3 "$work/master.log")"
    fi
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    # agent.toml.in rendered as piccolo-agent-config does, then started: a bad
    # key exits at once with 64; a good one runs (offline: nothing listens).
    sed -e "s#@PICCOLO_MASTER@#127.0.0.1:${port}#" -e 's#@PICCOLO_CA_CERT_HASH@#sha256:'"$(printf '0%.0s' $(seq 64))"'#' \
        -e 's#@PICCOLO_TOKEN@#abcdef.0123456789abcdef#' -e 's#@PICCOLO_NODE_NAME@#lint-node#' \
        -e 's#@PICCOLO_HEARTBEAT_INTERVAL@#10s#' \
        "$LAYER/recipes-piccolo/piccolo-agent-config/files/agent.toml.in" >"$work/agent.toml"
    printf 'site = "lab"\n' >>"$work/agent.toml"
    "$HOST_BIN/piccolo-agent" run --config "$work/agent.toml" --data-dir "$work/a" >"$work/agent.log" 2>&1 &
    pid=$!
    for _ in $(seq 1 20); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
        ok "agent.toml (piccolo-agent-config template) accepted by piccolo-agent"
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    else
        rc=0
        wait "$pid" || rc=$?
        fail "piccolo-agent exited (code $rc) with the rendered agent.toml: $(tail -3 "$work/agent.log")"
    fi
    rm -rf "$work"
}

main() {
    check_lint
    check_crates
    check_facts
    if find_host_bins; then
        echo "host binaries: $HOST_BIN"
    else
        echo "note: no host binaries in target/debug or target/release; flag and config checks skipped (run cargo build first)"
    fi
    check_units
    if [ -n "$HOST_BIN" ]; then check_configs; fi
    if [ "$fails" -gt 0 ]; then
        echo "yocto-check: ${fails} problem(s)" >&2
        exit 1
    fi
    echo "yocto-check: ok"
}

main "$@"
