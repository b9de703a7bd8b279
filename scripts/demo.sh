#!/usr/bin/env bash
# `make demo`: a working cluster on this machine in one command. Builds the
# binaries, starts a master on the embedded store and three agents on
# loopback (each with its own data dir under .demo/), waits until piccoloctl
# shows all of them Ready, then keeps running until Ctrl-C, which stops
# everything and removes .demo/.
set -euo pipefail
cd "$(dirname "$0")/.."

AGENTS=${DEMO_AGENTS:-3}
PORT=${DEMO_PORT:-7443}
HTTP_PORT=${DEMO_HTTP_PORT:-7080}
DEMO=$PWD/.demo
BIN=$PWD/target/debug

# protoc (etcd-client) and a C toolchain, installed with apt-get when missing.
scripts/build-deps.sh
cargo build --workspace --bins

DEMO_NAME=demo
# shellcheck source=scripts/lib/demo-procs.sh
source scripts/lib/demo-procs.sh
"$BIN/piccolo-master" run --data-dir "$DEMO/master" --listen "127.0.0.1:$PORT" \
  --http-listen "127.0.0.1:$HTTP_PORT" >"$DEMO/master.log" 2>&1 &
pids+=($!)
export PICCOLO_ADMIN_CONFIG=$DEMO/master/admin.conf

deadline=$((SECONDS + 20))
until [[ -f $PICCOLO_ADMIN_CONFIG ]] && "$BIN/piccoloctl" cluster-info >/dev/null 2>&1; do
  if ((SECONDS > deadline)); then echo "demo: master did not start:"; cat "$DEMO/master.log"; exit 1; fi
  sleep 0.2
done
"$BIN/piccoloctl" cluster-info
token=$("$BIN/piccoloctl" token create --ttl 10m --uses "$AGENTS" --description demo)
hash=$("$BIN/piccoloctl" cluster-info | awk '/ca_cert_hash/{print $2}')
echo "demo: bootstrap token $token"

for i in $(seq 1 "$AGENTS"); do
  "$BIN/piccolo-agent" run --data-dir "$DEMO/agent-$i" --master "127.0.0.1:$PORT" \
    --token "$token" --ca-cert-hash "$hash" --name "device-$i" >"$DEMO/agent-$i.log" 2>&1 &
  pids+=($!)
done

deadline=$((SECONDS + 30))
until [[ $("$BIN/piccoloctl" get nodes -o json | grep -c '"state": "Ready"') -eq $AGENTS ]]; do
  if ((SECONDS > deadline)); then echo "demo: nodes did not become Ready:"; "$BIN/piccoloctl" get nodes; exit 1; fi
  sleep 0.2
done
echo
"$BIN/piccoloctl" get nodes
echo
echo "demo: all $AGENTS nodes Ready. Try, in another shell:"
echo "  export PICCOLO_ADMIN_CONFIG=$PICCOLO_ADMIN_CONFIG"
echo "  $BIN/piccoloctl watch nodes"
echo "  $BIN/piccoloctl describe node device-1"
echo "  curl -s http://127.0.0.1:$HTTP_PORT/metrics | grep piccolo_nodes"
echo "demo: Ctrl-C stops everything and cleans up."
if [[ -n ${DEMO_EXIT_WHEN_READY:-} ]]; then exit 0; fi
wait
