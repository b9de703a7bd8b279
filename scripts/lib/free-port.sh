# shellcheck shell=bash
# free_port: a loopback TCP port that nobody listens on, taken from below the
# kernel's ephemeral range so that no outgoing connection can hold it as its
# local port between this pick and the child's bind. Sourced by the scripts
# that start a master on loopback (check-meta-piccolo, scripts-test, cross/test).
free_port() {
    local low=10000 high p
    high=$(awk '{print $1}' /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || echo 32768)
    [ "${high:-0}" -gt 20000 ] 2>/dev/null || high=20000
    for _ in $(seq 1 100); do
        p=$((low + (RANDOM * 32768 + RANDOM) % (high - low)))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/${p}") 2>/dev/null; then
            echo "$p"
            return 0
        fi
    done
    echo "free_port: no free loopback port in ${low}..${high}; free some or widen the range" >&2
    return 1
}
