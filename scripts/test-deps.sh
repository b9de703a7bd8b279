#!/usr/bin/env bash
# Installs what the test suite needs on a fresh Debian 12 machine: a real etcd
# (Debian's etcd-server 3.4), protoc for the etcd client's code generation,
# Podman with runc and a static busybox (the local test image is made from
# it), and the tools the end-to-end tests call. Idempotent: skips what is present.
set -euo pipefail

need=()
command -v etcd >/dev/null 2>&1 || need+=(etcd-server)
command -v etcdctl >/dev/null 2>&1 || need+=(etcd-client)
command -v protoc >/dev/null 2>&1 || need+=(protobuf-compiler)
# protoc's well-known types (google/protobuf/*.proto), which etcd-client's
# build imports; --no-install-recommends leaves them out.
[[ -f /usr/include/google/protobuf/descriptor.proto ]] || need+=(libprotobuf-dev)
command -v curl >/dev/null 2>&1 || need+=(curl)
command -v jq >/dev/null 2>&1 || need+=(jq)
command -v podman >/dev/null 2>&1 || need+=(podman)
command -v runc >/dev/null 2>&1 || need+=(runc)
[[ -x /bin/busybox ]] || need+=(busybox-static)
# systemd-socket-activate: the socket-activated Podman service of
# tests/tests/podman_idle.rs (works without systemd as PID 1).
command -v systemd-socket-activate >/dev/null 2>&1 || need+=(systemd)
# python3: the REST API's OpenAPI check (tests/rest/check_openapi.py) and the
# journald stand-in of tests/tests/logging.rs; chromium: the web console's
# headless-browser test.
command -v python3 >/dev/null 2>&1 || need+=(python3)
python3 -m pip --version >/dev/null 2>&1 || need+=(python3-pip)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
# promtool (checks and unit-tests deploy/prometheus/piccolo-rules.yml).
command -v promtool >/dev/null 2>&1 || need+=(prometheus)
# Fault-injection suite: nft rules in private network namespaces, libfaketime
# for clock jumps, unshare/mount from util-linux, ip from iproute2.
command -v nft >/dev/null 2>&1 || need+=(nftables)
command -v faketime >/dev/null 2>&1 || need+=(faketime)
command -v ip >/dev/null 2>&1 || need+=(iproute2)
command -v unshare >/dev/null 2>&1 || need+=(util-linux)

if ((${#need[@]})); then
  echo "test-deps: installing ${need[*]}"
  if [[ $(id -u) -ne 0 ]]; then SUDO=sudo; else SUDO=; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# BitBake's host tools, debootstrap and qemu-system-x86_64 (make yocto-parse,
# make systemd-test).
"$(dirname "${BASH_SOURCE[0]}")/embedded-deps.sh"

if ! python3 -c 'import openapi_spec_validator, jsonschema, yaml' >/dev/null 2>&1; then
  echo "test-deps: installing openapi-spec-validator (pip)"
  python3 -m pip install -q openapi-spec-validator 2>/dev/null \
    || python3 -m pip install -q --break-system-packages openapi-spec-validator
fi

if ! command -v cargo >/dev/null 2>&1; then
  echo "test-deps: cargo is missing; install Rust (rustup) first" >&2
  exit 1
fi
# cargo-fuzz for `make fuzz` / `make fuzz-smoke` (built from crates.io).
command -v cargo-fuzz >/dev/null 2>&1 || cargo install cargo-fuzz --locked
rustup component list --installed 2>/dev/null | grep -q '^clippy' || rustup component add clippy rustfmt >/dev/null 2>&1 || true
echo "test-deps: ok (etcd $(etcd --version 2>/dev/null | awk '/etcd Version/{print $3}'), $(protoc --version))"
