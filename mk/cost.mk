# The device's whole cost (issue 18): the socket-activated Podman check with
# the issue's 60 s window, and the side-by-side comparison with a peer.
.PHONY: podman-idle compare

# `make test` runs tests/tests/podman_idle.rs with a 30 s window.
podman-idle: build test-deps
	PICCOLO_IDLE_WINDOW_SECS=$${PICCOLO_IDLE_WINDOW_SECS:-60} $(CARGO) test -p piccolo-tests --test podman_idle -- --nocapture

# Piccolo beside a peer built from source by the user, e.g.
#   ANKAIOS_BIN=$HOME/ankaios/target/x86_64-unknown-linux-musl/release make compare
# Runs only the binaries it is given (see tests/src/bin/measure/compare.rs);
# not part of `make test`. Our side is the release agent and the device
# master (static, one thread: the like of a peer's small static server);
# COMPARE_MASTER=release compares the fleet master instead.
COMPARE_MASTER ?= device
compare: release release-device-master
	@test -n "$${ANKAIOS_BIN:-$${PEER_BIN:-}}" || { echo "make compare: set ANKAIOS_BIN=DIR (ank-server, ank-agent) or PEER_BIN with PEER_SERVER_CMD / PEER_AGENT_CMD"; exit 64; }
	PICCOLO_MEASURE_SECS=$${PICCOLO_MEASURE_SECS:-180} PICCOLO_BIN_DIR=$(CURDIR)/target/release \
		$(if $(filter device,$(COMPARE_MASTER)),PICCOLO_MASTER_BIN=$(CURDIR)/target/release-device-master/piccolo-master) \
		$(CARGO) run --release -q -p piccolo-tests --bin piccolo-measure -- compare
