# Embedded delivery: static aarch64 builds under qemu, the Yocto layer, the
# systemd units and the device scripts (docs/EMBEDDED.md). Included by the
# top-level Makefile.

.PHONY: cross cross-dist cross-test yocto-check scripts-test embedded-test

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

# install-agent.sh and system-check.sh against temp roots and a real master;
# shellcheck on every embedded script.
scripts-test:
	tests/embedded/scripts-test.sh

# What CI runs for this area (make test depends on it).
embedded-test: yocto-check scripts-test cross-test

test: embedded-test
