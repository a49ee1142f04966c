#!/usr/bin/env bash
# Builds the libFuzzer targets with clang and runs each for a while.
#   scripts/fuzz.sh [SECONDS]   (default 60 per target)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

seconds="${1:-60}"
LOCKSTEP_BUILD_UI=OFF
lockstep_install_packages clang-14 libclang-rt-14-dev
build="$LOCKSTEP_ROOT/build-fuzz"
cmake -S "$LOCKSTEP_ROOT" -B "$build" -G Ninja -DLOCKSTEP_BUILD_UI=OFF -DLOCKSTEP_BUILD_TESTS=OFF \
    -DLOCKSTEP_BUILD_BENCH=OFF -DLOCKSTEP_BUILD_FUZZERS=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_COMPILER=clang++-14 >/dev/null
cmake --build "$build" --parallel "$(nproc)" --target fuzz_codec fuzz_server

mkdir -p "$LOCKSTEP_ROOT/fuzz/regressions"
for target in codec server; do
    lockstep_log "Fuzzing $target for ${seconds} s"
    work="$(mktemp -d)"
    cp "$LOCKSTEP_ROOT"/fuzz/corpus/$target/* "$work"/
    (cd "$LOCKSTEP_ROOT/fuzz/regressions" &&
        "$build/fuzz/fuzz_$target" -max_total_time="$seconds" -max_len=8192 \
            -artifact_prefix="$target-" "$work" 2>&1 | tail -n 3)
    rm -rf "$work"
done
