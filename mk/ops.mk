# Operating a cluster (docs/OPERATIONS.md): the example Prometheus alert rules
# are checked and unit-tested with promtool (Debian package prometheus,
# installed by scripts/test-deps.sh). Included by the top-level Makefile.

.PHONY: rules-check

rules-check:
	cd deploy/prometheus && promtool check rules piccolo-rules.yml && promtool test rules piccolo-rules.test.yml

test: rules-check
