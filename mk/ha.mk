# Several masters on one etcd cluster (docs/HA.md). Their end-to-end tests
# (tests/tests/ha.rs) are ordinary cargo tests, run by test-rust.
#   make demo-ha   - 3-member etcd, 3 masters, 5 agents on loopback until Ctrl-C
#   make ha-check  - the same demo, stopping once everything is Ready (in make test)
#   make ha-figures - leader kill -> new leader (ms) and -> devices back (ms)

.PHONY: demo-ha ha-check ha-figures

demo-ha:
	scripts/demo-ha.sh

ha-check:
	DEMO_EXIT_WHEN_READY=1 scripts/demo-ha.sh

ha-figures: build test-deps
	$(CARGO) test -p piccolo-tests --test ha -- --nocapture --test-threads=1 2>&1 | grep -E "^(leader kill|cordon on one master|follower|one etcd member|etcd.s Raft leader|watch past|re-homed|faults)|test result"

test: ha-check
