#!/usr/bin/env bash
# `make demo-ha`: several masters on one etcd cluster, on this machine.
# Starts a 3-member etcd, three masters (the first creates the cluster and
# its cluster.secret; the other two join with it) and five agents that are
# given all three masters, on loopback under .demo-ha/. Prints
# `piccoloctl get masters` and `get nodes`, then runs until Ctrl-C, which
# stops everything and removes .demo-ha/. DEMO_EXIT_WHEN_READY=1 stops after
# printing (make test runs it that way).
set -euo pipefail
cd "$(dirname "$0")/.."

AGENTS=${DEMO_AGENTS:-5}
BASE=${DEMO_HA_BASE_PORT:-7450}   # masters BASE+1..3, health BASE+11..13
ETCD_BASE=${DEMO_HA_ETCD_PORT:-23790}
DEMO=$PWD/.demo-ha
BIN=$PWD/target/debug

scripts/build-deps.sh
scripts/test-deps.sh >/dev/null   # etcd-server
cargo build --workspace --bins

DEMO_NAME=demo-ha
# shellcheck source=scripts/lib/demo-procs.sh
source scripts/lib/demo-procs.sh

cluster=""
endpoints=""
for i in 1 2 3; do
  cluster+="${cluster:+,}e$i=http://127.0.0.1:$((ETCD_BASE + 10 + i))"
  endpoints+="${endpoints:+,}http://127.0.0.1:$((ETCD_BASE + i))"
done
for i in 1 2 3; do
  c=http://127.0.0.1:$((ETCD_BASE + i)) p=http://127.0.0.1:$((ETCD_BASE + 10 + i))
  ETCD_UNSUPPORTED_ARCH=$(dpkg --print-architecture 2>/dev/null || echo amd64) \
  etcd --name "e$i" --data-dir "$DEMO/etcd-$i" --listen-client-urls "$c" --advertise-client-urls "$c" \
    --listen-peer-urls "$p" --initial-advertise-peer-urls "$p" --initial-cluster "$cluster" \
    --initial-cluster-state new --initial-cluster-token piccolo-demo-ha >"$DEMO/etcd-$i.log" 2>&1 &
  pids+=($!)
done
deadline=$((SECONDS + 30))
until ETCDCTL_API=3 etcdctl --endpoints "$endpoints" endpoint health >/dev/null 2>&1; do
  if ((SECONDS > deadline)); then echo "demo-ha: etcd did not start:"; cat "$DEMO"/etcd-*.log | tail -20; exit 1; fi
  sleep 0.3
done
echo "demo-ha: 3-member etcd at $endpoints"

start_master() { # N [extra args]
  local n=$1; shift
  "$BIN/piccolo-master" run --store etcd --etcd-endpoints "$endpoints" --data-dir "$DEMO/master-$n" \
    --listen "127.0.0.1:$((BASE + n))" --advertise "127.0.0.1:$((BASE + n))" \
    --http-listen "127.0.0.1:$((BASE + 10 + n))" --name "master-$n" "$@" >"$DEMO/master-$n.log" 2>&1 &
  pids+=($!)
  local deadline=$((SECONDS + 30))
  until [[ -f $DEMO/master-$n/admin.conf ]] && \
      "$BIN/piccoloctl" --admin-config "$DEMO/master-$n/admin.conf" cluster-info >/dev/null 2>&1; do
    if ((SECONDS > deadline)); then echo "demo-ha: master-$n did not start:"; cat "$DEMO/master-$n.log"; exit 1; fi
    sleep 0.2
  done
}
start_master 1
start_master 2 --cluster-secret-file "$DEMO/master-1/cluster.secret"
start_master 3 --cluster-secret-file "$DEMO/master-1/cluster.secret"
export PICCOLO_ADMIN_CONFIG=$DEMO/master-1/admin.conf

token=$("$BIN/piccoloctl" token create --ttl 10m --uses "$AGENTS" --description demo-ha)
hash=$("$BIN/piccoloctl" cluster-info | awk '/ca_cert_hash/{print $2}')
masters=("127.0.0.1:$((BASE + 1))" "127.0.0.1:$((BASE + 2))" "127.0.0.1:$((BASE + 3))")
for i in $(seq 1 "$AGENTS"); do
  # Each device gets all three masters, starting with a different one.
  k=$(((i - 1) % 3))
  list="${masters[$k]},${masters[$(((k + 1) % 3))]},${masters[$(((k + 2) % 3))]}"
  "$BIN/piccolo-agent" run --data-dir "$DEMO/agent-$i" --master "$list" \
    --token "$token" --ca-cert-hash "$hash" --name "device-$i" >"$DEMO/agent-$i.log" 2>&1 &
  pids+=($!)
done

deadline=$((SECONDS + 40))
until [[ $("$BIN/piccoloctl" get nodes -o json | grep -c '"state": "Ready"') -eq $AGENTS ]]; do
  if ((SECONDS > deadline)); then echo "demo-ha: nodes did not become Ready:"; "$BIN/piccoloctl" get nodes; exit 1; fi
  sleep 0.3
done
echo
"$BIN/piccoloctl" get masters
echo
"$BIN/piccoloctl" get nodes -o wide
echo
echo "demo-ha: 3 masters, $AGENTS nodes Ready. Try, in another shell:"
echo "  export PICCOLO_ADMIN_CONFIG=$PICCOLO_ADMIN_CONFIG"
echo "  $BIN/piccoloctl get masters            # which one leads"
echo "  kill -9 <pid of the leader>            # another leads within seconds; its devices move"
echo "  curl -s http://127.0.0.1:$((BASE + 11))/health"
echo "demo-ha: Ctrl-C stops everything and cleans up."
if [[ -n ${DEMO_EXIT_WHEN_READY:-} ]]; then exit 0; fi
wait
