#!/usr/bin/env bash
# Runs every cargo-fuzz target in fuzz/ for SECONDS each (default 25) on
# stable Rust: RUSTC_BOOTSTRAP=1 lets cargo-fuzz pass its nightly-only flags,
# and --sanitizer none avoids needing a nightly sanitizer runtime (libFuzzer's
# coverage guidance still works). New inputs go to a scratch dir, so the
# committed seed corpus (fuzz/corpus/) only changes by hand. A crash fails the
# run; copy the artifact into fuzz/regressions/<target>/ so the normal test
# suite (master|agent/tests/fuzz_corpus.rs) replays it once fixed.
# Prints one line per target: executions and time; also to target/fuzz-summary.txt.
set -euo pipefail
secs=${1:-25}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root/fuzz"
if ! command -v cargo-fuzz >/dev/null 2>&1; then
  echo "fuzz: installing cargo-fuzz from crates.io"
  cargo install cargo-fuzz --locked
fi
export RUSTC_BOOTSTRAP=1
flags=(--sanitizer none -O)
# A smoke run (make test: 20 s a target) is bounded by its build, not by the
# fuzzing: build it at opt-level 1 without debug info (about a third of the
# opt-level 3 build on 2 cores); long runs keep the optimised build.
if (( secs < 120 )); then
  export CARGO_PROFILE_RELEASE_OPT_LEVEL=1 CARGO_PROFILE_RELEASE_DEBUG=0
fi
targets=$(cargo fuzz list)
cargo fuzz build "${flags[@]}"
summary="$root/target/fuzz-summary.txt"
mkdir -p "$root/target"
: >"$summary"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
status=0
for t in $targets; do
  mkdir -p "$scratch/$t" "corpus/$t"
  log="$scratch/$t.log"
  if cargo fuzz run "${flags[@]}" "$t" "$scratch/$t" "corpus/$t" -- \
      -max_total_time="$secs" -rss_limit_mb=1024 -timeout=10 >"$log" 2>&1; then
    result=ok
  else
    result="CRASH (see fuzz/artifacts/$t/; tail of the log below)"
    tail -30 "$log" >&2
    status=1
  fi
  runs=$(grep -Eo 'Done [0-9]+ runs' "$log" | awk '{print $2}' | tail -1)
  [[ -n $runs ]] || runs=$(grep -Eo '^#[0-9]+' "$log" | tail -1 | tr -d '#')
  printf '%-22s %10s executions in %ss  %s\n' "$t" "${runs:-?}" "$secs" "$result" | tee -a "$summary"
done
exit $status
