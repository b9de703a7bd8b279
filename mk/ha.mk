# Several masters on one etcd cluster (docs/HA.md). Their end-to-end tests
# (tests/tests/ha.rs) are ordinary cargo tests, run by test-rust.
#   make demo-ha   - 3-member etcd, 3 masters, 5 agents on loopback until Ctrl-C
#   make ha-check  - the same demo, stopping once everything is Ready (in make test)
#   make ha-figures - leader kill -> new leader (ms) and -> devices back (ms)
#   make ha-scale   - the same and more with 1,000 / 10,000 / 20,000 simulated
#                     agents over 3 masters, and the one-master knee on etcd
#                     (piccolo-loadgen --masters 3, release build, ~25 min)
#   make ha-scale-smoke - 200 agents over 3 masters, leader killed (in make test)

.PHONY: demo-ha ha-check ha-figures ha-scale ha-scale-smoke

demo-ha:
	scripts/demo-ha.sh

ha-check:
	DEMO_EXIT_WHEN_READY=1 scripts/demo-ha.sh

ha-figures: build test-deps
	$(CARGO) test -p piccolo-tests --test ha -- --nocapture --test-threads=1 2>&1 | grep -E "^(leader kill|cordon on one master|follower|one etcd member|etcd.s Raft leader|watch past|re-homed|faults|workload states|config rollout status)|test result"

# HA_SCALE_RUNS="failover-1k knee-etcd" picks runs (default: all of them).
ha-scale: release test-deps
	scripts/ha-scale.sh $(HA_SCALE_RUNS)

ha-scale-smoke: build test-deps
	HA_SCALE_LOADGEN=target/debug/piccolo-loadgen timeout 120 scripts/ha-scale.sh smoke

test: ha-check ha-scale-smoke
