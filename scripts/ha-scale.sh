#!/usr/bin/env bash
# `make ha-scale`: the figures of several masters on one etcd cluster
# (docs/PERFORMANCE.md "Several masters at scale", docs/SCALING.md), from the
# release build of piccolo-loadgen. Each run starts its own 3-member etcd on
# loopback and its masters (separate processes), and stops them at its end.
#   failover-1k   1,000 agents over 3 masters; kill -9 the leader
#   failover-5k   5,000 agents over 3 masters; kill -9 the leader
#   failover-10k  10,000 agents over 3 masters; kill -9 the leader
#   fleet-20k     20,000 agents over 3 masters: heartbeat p99, per-master CPU
#                 and RSS, etcd writes/s; then kill -9 the leader
#   knee-etcd     one master on etcd, +2,000 agents a step, for comparison
# `scripts/ha-scale.sh [RUN...]` runs the named ones (default: all, in that
# order, about 25 minutes on an idle 2-core machine). Each run's output goes
# to the terminal and to target/ha-scale/RUN.log (the masters' logs to
# RUN.master.log.m0, .m1, ...); the machine's load average
# is printed before each run, as the machine may be shared.
# HA_SCALE_LOADGEN overrides the binary (the smoke test uses the debug one).
# HA_SCALE_SET adds master settings to every run, e.g. on a machine where
# etcd shares starved cores with everything else:
#   HA_SCALE_SET='master_lease_ttl="10s" store_loss_handoff="30s"'
set -euo pipefail
cd "$(dirname "$0")/.."

LOADGEN=${HA_SCALE_LOADGEN:-target/release/piccolo-loadgen}
NICE=${NICE:-nice -n 10}
OUT=target/ha-scale
mkdir -p "$OUT"

# 20,000 agents need a descriptor each in the load generator's workers and,
# spread over the masters, in the masters (which inherit this limit). Raise
# the soft limit to the hard one; say so when the hard one is the limit.
hard=$(ulimit -Hn)
if [ "$hard" != unlimited ] && [ "$(ulimit -Sn)" -lt "$hard" ]; then
  ulimit -Sn "$hard"
fi
echo "# open files: soft $(ulimit -Sn), hard $hard (one master needs one per agent it holds)"
if [ "$hard" != unlimited ] && [ "$hard" -lt 21000 ]; then
  echo "# note: the hard limit $hard lets one master hold at most ~$((hard - 512)) agents (the knee ramp stops there)"
fi

extra=()
for kv in ${HA_SCALE_SET:-}; do
  extra+=(--master-set "$kv")
done

run() {
  local name=$1
  shift
  set -- "$@" ${extra[@]+"${extra[@]}"}
  echo "# === $name: $(date -u +%FT%TZ), load average $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "# $LOADGEN $*"
  $NICE "$LOADGEN" --master-log "$OUT/$name.master.log" "$@" 2>&1 | tee "$OUT/$name.log"
  return "${PIPESTATUS[0]}"
}

one() {
  case $1 in
    failover-1k)
      run failover-1k --masters 3 --agents 1000 --scenario failover --duration 30s --watchers 0 ;;
    failover-5k)
      run failover-5k --masters 3 --agents 5000 --scenario failover --duration 30s --watchers 0 \
        --enrol-concurrency 32 --ready-timeout 300s ;;
    failover-10k)
      run failover-10k --masters 3 --agents 10000 --scenario failover --duration 30s --watchers 0 \
        --enrol-concurrency 32 --ready-timeout 600s ;;
    fleet-20k)
      # The simulated devices share one address: a retried enrolment refused
      # as "token used" must not rate-limit all 20,000 (enrol_max_failures).
      run fleet-20k --masters 3 --agents 20000 --scenario failover --duration 60s --watchers 0 \
        --enrol-concurrency 32 --ready-timeout 900s --master-set 'enrol_max_failures=0' ;;
    knee-etcd)
      run knee-etcd --store etcd --agents 20000 --step 2000 --scenario ramp --duration 20s --watchers 0 \
        --enrol-concurrency 128 ;;
    smoke)
      # Bounded, in `make test`: 200 agents over 3 masters, 1 s heartbeat,
      # the leader killed; fails on any error, not on figures.
      run smoke --masters 3 --agents 200 --scenario failover --heartbeat 1s --duration 3s --watchers 0 \
        --master-set 'failover_grace="5s"' --ready-timeout 45s ;;
    *)
      echo "ha-scale: unknown run '$1' (failover-1k, failover-5k, failover-10k, fleet-20k, knee-etcd, smoke)" >&2
      exit 64 ;;
  esac
}

runs=("$@")
[ ${#runs[@]} -gt 0 ] || runs=(failover-1k failover-5k failover-10k fleet-20k knee-etcd)
status=0
for r in "${runs[@]}"; do
  one "$r" || { echo "# $r failed (exit $?)"; status=1; }
done
exit $status
