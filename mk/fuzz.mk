# Fuzzing (docs/RELIABILITY.md): cargo-fuzz targets in fuzz/ for every decoder
# that takes bytes from outside. Included by the top-level Makefile.

.PHONY: fuzz fuzz-smoke

# Long run: FUZZ_SECS per target (default 10 minutes).
FUZZ_SECS ?= 600
fuzz:
	nice -n 10 scripts/fuzz.sh $(FUZZ_SECS)

# Bounded, part of `make test`: 20 s per target.
fuzz-smoke:
	nice -n 10 scripts/fuzz.sh 20

test: fuzz-smoke
