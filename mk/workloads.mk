# Workload figures (issue 14, docs/PERFORMANCE.md): apply -> running and
# apply -> HTTP 200 (median/p95 over 20 runs), kill -> running, offline restart
# -> 20 running, footprint with 20 managed workloads, 1,000 simulated agents x
# 5 workloads. Runs in its own network namespace (root). The workload tests
# themselves run in `make test` (cargo test --workspace).

.PHONY: measure-workloads

measure-workloads: release
	PICCOLO_MEASURE_SECS=$${PICCOLO_MEASURE_SECS:-60} PICCOLO_BIN_DIR=$(CURDIR)/target/release $(CARGO) run --release -q -p piccolo-tests --bin piccolo-measure -- workloads
