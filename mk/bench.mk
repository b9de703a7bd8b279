# Scale and speed (docs/PERFORMANCE.md): piccolo-loadgen, a simulated fleet of
# real mutual-TLS agents against one real master, and the criterion
# micro-benchmarks. Included by the top-level Makefile.
#
# The machine is shared: the big runs are niced and bounded in time, and every
# process a run starts (master, etcd, workers) dies with it.

.PHONY: loadgen bench bench-smoke fleet fleet-embedded fleet-etcd fleet-storm fleet-reconnect knee

LOADGEN := target/release/piccolo-loadgen
NICE ?= nice -n 10
# make loadgen LOADGEN_ARGS="--agents 2000 --scenario storm"
LOADGEN_ARGS ?= --agents 1000 --scenario steady --duration 30s

loadgen: release
	$(NICE) $(LOADGEN) $(LOADGEN_ARGS)

# Criterion: wire encode/decode, store put/get per backend (real etcd), the
# state machine step, and bytes on the wire per heartbeat through a counting relay.
bench: release
	$(NICE) $(CARGO) bench -p piccolo-benches

# The 10,000-agent runs (several minutes each; run them sparingly).
fleet-embedded: release
	$(NICE) $(LOADGEN) --agents 10000 --scenario steady --duration 60s --enrol-concurrency 128
fleet-etcd: release
	$(NICE) $(LOADGEN) --agents 10000 --scenario steady --duration 60s --enrol-concurrency 128 --store etcd
fleet-storm: release
	$(NICE) $(LOADGEN) --agents 1000 --scenario storm --duration 30s
fleet-reconnect: release
	$(NICE) $(LOADGEN) --agents 10000 --scenario reconnect --duration 30s --enrol-concurrency 128
fleet: fleet-embedded fleet-etcd fleet-storm fleet-reconnect

# The largest fleet within heartbeat p99 <= 50 ms: grows by 2,000 up to 20,000.
knee: release
	$(NICE) $(LOADGEN) --agents 20000 --step 2000 --scenario ramp --duration 20s --enrol-concurrency 128

# Bounded and quick, part of `make test`: every scenario path on a small fleet
# with a 1 s heartbeat, debug build; fails on any error (not on latency, which
# depends on what else the machine is doing). Then every criterion benchmark
# once in test mode, and the bytes-per-heartbeat relay with short windows.
bench-smoke: build
	timeout 120 target/debug/piccolo-loadgen --agents 200 --scenario storm --heartbeat 1s --duration 5s --watchers 3
	timeout 120 target/debug/piccolo-loadgen --agents 200 --scenario reconnect --heartbeat 1s --duration 5s --watchers 3 --reconnect-cap 4s
	timeout 120 target/debug/piccolo-loadgen --agents 300 --step 100 --scenario ramp --heartbeat 1s --duration 3s --watchers 2
	timeout 600 $(CARGO) test -p piccolo-benches --benches

test: bench-smoke
