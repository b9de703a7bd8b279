#!/usr/bin/env bash
# Cargo's runner for the aarch64 test binaries (cross/test.sh sets it):
# qemu-aarch64 with a time limit. Each binary takes seconds; one still
# running after QEMU_TEST_LIMIT (default 180 s) has hung. Seen once in CI:
# the Podman suite stopped in qemu-user while every test inside it has its
# own deadline (the kit bounds each podman CLI call at 120 s), i.e. in the
# emulator, not in a test's wait. Such a binary is killed, named, and run
# once more; a second hang, or any failure, fails the run as it is.
#   qemu-test-runner.sh TEST_BINARY [ARGS...]
set -uo pipefail

limit=${QEMU_TEST_LIMIT:-180}
name=$(basename "$1")
for attempt in 1 2; do
    timeout --kill-after=10 "$limit" qemu-aarch64 "$@"
    rc=$?
    # 124: timed out (SIGTERM); 137: it needed the SIGKILL too.
    if [ "$rc" != 124 ] && [ "$rc" != 137 ]; then exit "$rc"; fi
    printf 'qemu-test-runner: %s still running after %s s under qemu-aarch64 (attempt %s of 2): killed\n' \
        "$name" "$limit" "$attempt" >&2
done
printf 'qemu-test-runner: %s hung twice; see the test names above that ran "for over 60 seconds"\n' "$name" >&2
exit "$rc"
