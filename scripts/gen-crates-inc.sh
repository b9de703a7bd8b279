#!/usr/bin/env bash
# Generates the meta-piccolo `-crates.inc` files from Cargo.lock: one
# `crate://crates.io/NAME/VERSION` SRC_URI entry and one
# `SRC_URI[NAME-VERSION.sha256sum]` per registry package, so a Yocto build can
# fetch every crate in do_fetch and build offline (`cargo --frozen`).
#
# Every registry package of the lock is listed, not only the ones a binary
# links: cargo resolves the whole workspace (all members, dev and
# platform-specific dependencies included) before it builds one package, and
# with Yocto's vendored directory source a missing crate fails that resolution.
#
#   scripts/gen-crates-inc.sh           regenerate the files
#   scripts/gen-crates-inc.sh --check   fail (exit 1) if a committed file differs
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LOCK="${ROOT}/Cargo.lock"
RECIPES="${ROOT}/meta-piccolo/recipes-piccolo"
# Recipes (BPN) built from this workspace's source.
BPNS=(piccolo-agent piccolo-master)
REGEN_CMD="scripts/gen-crates-inc.sh"

CHECK=0
case "${1:-}" in
    "") ;;
    --check) CHECK=1 ;;
    -h | --help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "error: unknown option: $1 (see --help)" >&2; exit 2 ;;
esac

[ -f "$LOCK" ] || { echo "error: ${LOCK} not found" >&2; exit 1; }

# generate BPN: the .inc text on stdout.
generate() {
    awk -v bpn="$1" -v regen="$REGEN_CMD" '
        function flush() {
            if (name == "") return
            if (source ~ /^(registry|sparse)\+https:\/\/(github\.com\/rust-lang\/crates\.io-index|index\.crates\.io\/)$/) {
                if (checksum == "") { print "error: " name " " version " has no checksum in Cargo.lock" > "/dev/stderr"; bad = 1 }
                n++; names[n] = name; versions[n] = version; sums[n] = checksum
            } else if (source != "") {
                print "error: " name " " version " comes from " source ": only crates.io packages can be listed (vendor it or publish it)" > "/dev/stderr"
                bad = 1
            }
            name = version = source = checksum = ""
        }
        /^\[\[package\]\]/ { flush(); next }
        /^name = /     { name = $3; gsub(/"/, "", name) }
        /^version = /  { version = $3; gsub(/"/, "", version) }
        /^source = /   { source = $3; gsub(/"/, "", source) }
        /^checksum = / { checksum = $3; gsub(/"/, "", checksum) }
        END {
            flush()
            if (bad) exit 1
            print "# Generated from Cargo.lock by " regen " for " bpn "; do not edit."
            print "# Regenerate after every Cargo.lock change: " regen
            print "# (bitbake -c update_crates " bpn " produces an equivalent list.)"
            print ""
            print "SRC_URI += \"\\"
            for (i = 1; i <= n; i++) print "    crate://crates.io/" names[i] "/" versions[i] " \\"
            print "\""
            print ""
            for (i = 1; i <= n; i++) print "SRC_URI[" names[i] "-" versions[i] ".sha256sum] = \"" sums[i] "\""
        }
    ' "$LOCK"
}

status=0
for bpn in "${BPNS[@]}"; do
    out="${RECIPES}/${bpn}/${bpn}-crates.inc"
    tmp=$(mktemp)
    if ! generate "$bpn" >"$tmp"; then
        rm -f "$tmp"
        echo "error: cannot generate ${out#"$ROOT"/} from Cargo.lock" >&2
        exit 1
    fi
    if [ "$CHECK" = 1 ]; then
        if [ ! -f "$out" ]; then
            echo "error: ${out#"$ROOT"/} is missing; run: ${REGEN_CMD}" >&2
            status=1
        elif ! diff -u "$out" "$tmp" >"${tmp}.diff"; then
            echo "error: ${out#"$ROOT"/} does not match Cargo.lock ($(grep -c '^[-+]SRC_URI\[' "${tmp}.diff" || true) checksum lines differ):" >&2
            grep '^[-+]SRC_URI\[' "${tmp}.diff" | sed 's/\.sha256sum.*//; s/SRC_URI\[/ /' | head -20 >&2
            echo "  run: ${REGEN_CMD}   (and commit the result)" >&2
            status=1
        else
            echo "ok: ${out#"$ROOT"/} matches Cargo.lock ($(grep -c '^SRC_URI\[' "$out") crates)"
        fi
        rm -f "${tmp}.diff"
        rm -f "$tmp"
    else
        mkdir -p "$(dirname "$out")"
        mv -f "$tmp" "$out"
        chmod 0644 "$out"
        echo "wrote ${out#"$ROOT"/} ($(grep -c '^SRC_URI\[' "$out") crates)"
    fi
done
exit "$status"
