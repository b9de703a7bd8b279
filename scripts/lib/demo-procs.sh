# shellcheck shell=bash
# Sourced by scripts/demo.sh and scripts/demo-ha.sh: the processes a demo
# starts (append their PIDs to `pids`) and one cleanup on exit, Ctrl-C or
# TERM that stops them all and removes the demo dir. Needs DEMO (the dir)
# and DEMO_NAME (the log prefix) set before sourcing.
pids=()
cleanup() {
  trap - EXIT INT TERM
  echo
  echo "$DEMO_NAME: stopping ${#pids[@]} processes"
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$DEMO"
}
trap cleanup EXIT INT TERM
rm -rf "$DEMO"
mkdir -p "$DEMO"
