#!/usr/bin/env bash
# Installs what the embedded checks need on a Debian 12 machine (called by
# scripts/test-deps.sh; idempotent, skips what is present):
#   - BitBake's host tools for `make yocto-parse` (docs/EMBEDDED.md) and the
#     en_US.UTF-8 locale BitBake insists on;
#   - debootstrap and qemu-system-x86_64 for `make systemd-test` and
#     `make fresh-check`. qemu-system-x86 comes from bookworm-backports: the
#     bookworm one (7.2) conflicts with a backports qemu-utils and would remove it.
set -euo pipefail

if [[ $(id -u) -ne 0 ]]; then SUDO=sudo; else SUDO=; fi
export DEBIAN_FRONTEND=noninteractive

need=()
for tool in chrpath diffstat gawk makeinfo cpio zstd lz4 socat file git debootstrap; do
  command -v "$tool" >/dev/null 2>&1 || case "$tool" in
    makeinfo) need+=(texinfo) ;;
    *) need+=("$tool") ;;
  esac
done
python3 -c 'import pexpect, git, jinja2, subunit' >/dev/null 2>&1 \
  || need+=(python3-pexpect python3-git python3-jinja2 python3-subunit)
command -v locale-gen >/dev/null 2>&1 || need+=(locales)
command -v mkfs.ext4 >/dev/null 2>&1 || need+=(e2fsprogs)

backports=()
if ! command -v qemu-system-x86_64 >/dev/null 2>&1; then
  backports+=(qemu-system-x86)
  codename=$(. /etc/os-release && echo "${VERSION_CODENAME:-}")
  if [[ $codename == bookworm ]] && ! grep -rqs 'bookworm-backports' /etc/apt/sources.list /etc/apt/sources.list.d/; then
    echo "embedded-deps: adding the bookworm-backports apt source (for qemu-system-x86)"
    mirror=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.sources /etc/apt/sources.list.d/*.list 2>/dev/null \
      | awk '/^URIs:/ { u = $2 } /^deb / { u = ($2 ~ /^\[/) ? $3 : $2 } u ~ /\/debian\/?$/ { print u; exit }' || true)
    printf 'Types: deb\nURIs: %s\nSuites: bookworm-backports\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
      "${mirror:-http://deb.debian.org/debian}" | $SUDO tee /etc/apt/sources.list.d/bookworm-backports.sources >/dev/null
  fi
fi

if ((${#need[@]} + ${#backports[@]})); then
  echo "embedded-deps: installing ${need[*]} ${backports[*]}"
  $SUDO apt-get update -qq
  if ((${#need[@]})); then
    $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  fi
  if ((${#backports[@]})); then
    if grep -rqs 'bookworm-backports' /etc/apt/sources.list /etc/apt/sources.list.d/; then
      $SUDO apt-get install -y -qq --no-install-recommends -t bookworm-backports "${backports[@]}" >/dev/null
    else
      $SUDO apt-get install -y -qq --no-install-recommends "${backports[@]}" >/dev/null
    fi
  fi
fi

if ! locale -a 2>/dev/null | grep -qi '^en_US\.utf-\?8$'; then
  echo "embedded-deps: generating the en_US.UTF-8 locale (BitBake needs it)"
  $SUDO sed -i 's/^# *en_US.UTF-8 UTF-8/en_US.UTF-8 UTF-8/' /etc/locale.gen
  grep -q '^en_US.UTF-8 UTF-8' /etc/locale.gen || echo 'en_US.UTF-8 UTF-8' | $SUDO tee -a /etc/locale.gen >/dev/null
  $SUDO locale-gen >/dev/null
fi
