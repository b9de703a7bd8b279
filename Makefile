# One entry point for every routine task. CI runs `make test` (via .ci/run).
SHELL := /bin/bash
CARGO ?= cargo

.PHONY: all build-deps build release demo test test-deps test-rust lint fmt measure footprint clean help

all: build

help:
	@echo "make demo      - build, start a master (embedded store) and 3 agents on loopback, show them Ready"
	@echo "make test      - install test dependencies, then run every test (unit, store conformance, end-to-end)"
	@echo "make lint      - cargo fmt --check and clippy -D warnings"
	@echo "make measure   - print enrolment/detection times, agent size and RSS, master RSS with 10 agents"
	@echo "make footprint - the whole device cost for 3 minutes with 0 and 20 real containers: agent + Podman API service kept for it, RSS and PSS, CPU with children, bytes/s, disk writes; master RSS/PSS"
	@echo "make podman-idle - the socket-activated Podman service stays down for most of 60 s with 20 containers"
	@echo "make compare   - Piccolo beside a peer's binaries (ANKAIOS_BIN=DIR), ratios; not in make test"
	@echo "make measure-workloads - workload figures: apply->running/HTTP (median, p95), kill, offline restart, 20 managed workloads footprint, 1,000 nodes x 5 workloads"
	@echo "make release   - optimised binaries in target/release (the agent from the size-tuned release-agent profile)"
	@echo "make release-device-master - a master for a device: size-tuned, static, std rebuilt, embedded store only, one thread (~6.6 MiB RSS)"
	@echo "make faults    - the fault-injection suite with long durations (root; figures in target/faults-figures.txt)"
	@echo "make fuzz      - every fuzz target for FUZZ_SECS (default 600) each"

# protoc (etcd-client's build script) and a C toolchain, via apt-get when missing.
build-deps:
	scripts/build-deps.sh

build: build-deps
	$(CARGO) build --workspace --bins

# The agent is built on its own with the `release-agent` profile (opt-level
# "z" for it and its dependencies, no features unified from the master's
# dependencies) and put beside the others: the agent a device runs.

release: build-deps
	$(CARGO) build --release --workspace --bins --exclude piccolo-agent
	$(CARGO) build --profile release-agent -p piccolo-agent --bin piccolo-agent
	install -m 0755 target/release-agent/piccolo-agent target/release/piccolo-agent

demo:
	scripts/demo.sh

# Installs what the tests need (Debian packages) when it is missing.
test-deps:
	scripts/test-deps.sh

test-rust: build
	$(CARGO) test --workspace --no-fail-fast -- --test-threads=4

test: test-deps lint test-rust $(EXTRA_TEST_TARGETS)

lint:
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --workspace --all-targets -- -D warnings
	# The device master (embedded store only) builds too.
	$(CARGO) clippy -p piccolo-master --no-default-features -- -D warnings

fmt:
	$(CARGO) fmt --all

measure: release
	PICCOLO_BIN_DIR=$(CURDIR)/target/release $(CARGO) run --release -q -p piccolo-tests --bin piccolo-measure -- core

# The whole device cost for PICCOLO_MEASURE_SECS (default 180) with each of
# PICCOLO_MEASURE_CONTAINERS (default 0,20); PICCOLO_MEASURE_PODMAN=permanent
# measures the old way (a Podman service that never exits, the API event
# stream held open). See tests/src/bin/measure/footprint.rs.
footprint: release test-deps
	PICCOLO_MEASURE_SECS=$${PICCOLO_MEASURE_SECS:-180} PICCOLO_BIN_DIR=$(CURDIR)/target/release $(CARGO) run --release -q -p piccolo-tests --bin piccolo-measure -- footprint

clean:
	$(CARGO) clean

# Other areas (cross builds, Yocto checks, ...) add their targets here and
# append to EXTRA_TEST_TARGETS so `make test` runs them.
-include mk/*.mk
