# shellcheck shell=bash
# one_node MASTER_BIN BIN NAME: a master (embedded store) and one agent
# (Podman off) on loopback, for the measurement scripts (agent-wakeups,
# master-memory). Waits until the agent is Ready (60 s each step, the logs
# shown on failure). Sets WORK (a temp dir, removed on exit), MASTER and
# AGENT (pids), PORT, HTTP and CTL (piccoloctl with the admin config).
# Sourced, not run.
# shellcheck source=scripts/lib/free-port.sh
source "$(dirname "${BASH_SOURCE[0]}")/free-port.sh"

one_node() {
    local master_bin=$1 bin=$2 name=$3 deadline token hash
    WORK=$(mktemp -d "/tmp/piccolo-$name.XXXXXX")
    ONE_NODE_PIDS=()
    trap one_node_cleanup EXIT
    PORT=$(free_port)
    HTTP=$(free_port)
    CTL=("$bin/piccoloctl" --admin-config "$WORK/master/admin.conf")
    "$master_bin" run --data-dir "$WORK/master" --listen "127.0.0.1:$PORT" --http-listen "127.0.0.1:$HTTP" \
        >"$WORK/master.log" 2>&1 &
    MASTER=$!
    ONE_NODE_PIDS+=("$MASTER")
    deadline=$((SECONDS + 60))
    until [ -s "$WORK/master/admin.conf" ] && "${CTL[@]}" get nodes -o json >/dev/null 2>&1; do
        [ $SECONDS -lt $deadline ] || { cat "$WORK/master.log"; echo "error: the master did not serve within 60 s" >&2; exit 1; }
        sleep 0.2
    done
    token=$("${CTL[@]}" token create --ttl 10m)
    hash=$("${CTL[@]}" cluster-info | awk '/^ca_cert_hash:/ { print $2 }')
    PICCOLO_PODMAN_ENABLED=false PICCOLO_LOG=info "$bin/piccolo-agent" run --data-dir "$WORK/agent" \
        --master "127.0.0.1:$PORT" --token "$token" --ca-cert-hash "$hash" --name "$name" >"$WORK/agent.log" 2>&1 &
    AGENT=$!
    ONE_NODE_PIDS+=("$AGENT")
    deadline=$((SECONDS + 60))
    until "${CTL[@]}" get nodes -o json 2>/dev/null | grep -qiE '"state": *"ready"'; do
        [ $SECONDS -lt $deadline ] || { cat "$WORK/agent.log"; echo "error: the agent was not Ready within 60 s" >&2; exit 1; }
        sleep 0.2
    done
}

one_node_cleanup() {
    local p
    for p in "${ONE_NODE_PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$WORK"
}
