#!/usr/bin/env bash
# Installs what building the workspace needs besides Rust, on a fresh Debian
# or Ubuntu machine, and says what it installs (`make demo` and `make build`
# call it; idempotent: silent when everything is present):
#   - protoc and its well-known .proto files (protobuf-compiler, libprotobuf-dev):
#     the etcd-client crate generates its gRPC code with protoc in its build
#     script (the master's etcd store). Our own .proto files need no protoc.
#   - a C toolchain and linker (gcc, libc6-dev): rustup installs none, and
#     the ring crate (TLS) compiles C.
# Elsewhere it stops and names what to install. PROTOC=/path/to/protoc skips
# the protoc check.
set -euo pipefail

need=() why=()
if [[ -z ${PROTOC:-} ]]; then
  command -v protoc >/dev/null 2>&1 || { need+=(protobuf-compiler); why+=("protoc for etcd-client's generated code"); }
  [[ -f /usr/include/google/protobuf/descriptor.proto ]] || { need+=(libprotobuf-dev); why+=("protoc's well-known types"); }
fi
if ! command -v cc >/dev/null 2>&1; then
  need+=(gcc libc6-dev)
  why+=("the C compiler and linker Rust links with")
fi
((${#need[@]})) || exit 0

reasons=$(IFS=';'; echo "${why[*]}")
reasons=${reasons//;/; }
if ! command -v apt-get >/dev/null 2>&1; then
  echo "build-deps: the build needs ${need[*]} (${reasons}); install them with your package manager" >&2
  exit 1
fi
if [[ $(id -u) -ne 0 ]]; then
  if ! command -v sudo >/dev/null 2>&1; then
    echo "build-deps: the build needs ${need[*]} (${reasons}); as root run: apt-get install ${need[*]}" >&2
    exit 1
  fi
  SUDO=sudo
else
  SUDO=
fi
echo "build-deps: installing ${need[*]} with apt-get (${reasons})"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
echo "build-deps: installed ${need[*]}"
