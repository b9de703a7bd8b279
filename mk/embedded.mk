# Embedded delivery: static aarch64 builds under qemu, the Yocto layer, the
# systemd units and the device scripts (docs/EMBEDDED.md). Included by the
# top-level Makefile.

.PHONY: release-device-master cross cross-dist cross-test yocto-check yocto-parse yocto-check-layer yocto-build systemd-test fresh-check scripts-test embedded-test

# A master for a device (host build): size-tuned profile, no etcd client
# (embedded store only), static, std rebuilt for size; one worker thread by
# default (worker_threads). In target/release-device-master/piccolo-master.
# docs/PERFORMANCE.md ("The master") has its size, RSS and throughput cost.
release-device-master: build-deps
	scripts/build-device-master.sh

# Static aarch64 piccolo-agent, piccolo-master, piccoloctl in
# target/aarch64-unknown-linux-gnu/release/ (installs the toolchain on first use).
cross:
	cross/build.sh

# The same plus the tarball the meta-piccolo -bin recipes package.
cross-dist:
	cross/build.sh --dist

# aarch64 agent under qemu-aarch64 against an x86_64 master: Ready, killed ->
# NotReady, offline start; then the agent's unit tests through the qemu runner.
cross-test:
	cross/test.sh

# oelint-adv, crate lists vs Cargo.lock, layer facts, systemd-analyze verify.
yocto-check:
	scripts/check-meta-piccolo.sh

# A real BitBake (../shared/yocto tarballs, or clones of the public branches):
# every recipe parses with no warning on whinlatter and scarthgap, `bitbake -e`
# of each, the agent image holds no master, every crate checksum verified.
yocto-parse:
	scripts/yocto.sh parse

# oe-core's yocto-check-layer on whinlatter (~8-15 min; not in make test).
yocto-check-layer:
	scripts/yocto.sh check-layer

# bitbake piccolo-agent for qemuarm64: builds Rust, LLVM and a cross gcc
# (hours on 2 cores; not in make test). Needs the upstream sources:
# YOCTO_NETWORK=1 lets BitBake fetch them. See docs/EMBEDDED.md for how far it got.
yocto-build:
	scripts/yocto.sh build

# The units and binaries under a real systemd (PID 1) in a qemu VM of a
# minimal Debian 12 root: readiness, STATUS=, watchdog, restarts, exit 64.
systemd-test:
	tests/embedded/systemd-test.sh

# The README's commands in a clean Debian 12 root with only rustup's
# toolchain (debootstrap + chroot); not in make test (~20 min).
fresh-check:
	tests/embedded/fresh-check.sh

# install-agent.sh and system-check.sh against temp roots and a real master;
# shellcheck on every embedded script.
scripts-test:
	tests/embedded/scripts-test.sh

# What CI runs for this area (make test depends on it).
embedded-test: yocto-check scripts-test cross-test yocto-parse systemd-test

test: embedded-test
