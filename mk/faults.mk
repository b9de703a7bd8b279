# Fault injection and hostile input (docs/RELIABILITY.md). The short versions
# of these tests run inside `make test` (cargo test --workspace); `make faults`
# runs the whole suite with the long durations (agent silent 10 min, 50 kill
# rounds, 60 s etcd outage, 5 min flapping, 40-agent storms) and writes the
# figures each scenario prints to target/faults-figures.txt. Needs root
# (network and mount namespaces, nft, tmpfs).

.PHONY: faults

FAULT_TESTS := --test faults_agent --test faults_network --test faults_master --test faults_store --test hostile_connections --test workload_faults

faults: test-deps build
	mkdir -p target
	set -o pipefail; PICCOLO_FAULTS_LONG=1 $(CARGO) test -p piccolo-tests $(FAULT_TESTS) -- --nocapture --test-threads=2 2>&1 \
		| tee target/faults.log
	grep -o 'faults: .*' target/faults.log > target/faults-figures.txt
	@cat target/faults-figures.txt
