#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan, coverage over all of
# the core) and runs each for a while, starting from its seed corpus and the
# kept findings. A crash fails the script and leaves its input in
# fuzz/regressions/<target>/, which the test suite then replays forever.
#   scripts/fuzz.sh [SECONDS]   (default 60 per target)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

seconds="${1:-60}"
LOCKSTEP_BUILD_UI=OFF
lockstep_install_packages clang-14 libclang-rt-14-dev
build="$LOCKSTEP_ROOT/build-fuzz"
cmake -S "$LOCKSTEP_ROOT" -B "$build" -G Ninja -DLOCKSTEP_BUILD_UI=OFF \
    -DLOCKSTEP_BUILD_TESTS=OFF -DLOCKSTEP_BUILD_BENCH=OFF -DLOCKSTEP_BUILD_FUZZERS=ON \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++-14 >/dev/null
targets=(codec server http_upgrade frame_decoder)
cmake --build "$build" --parallel "$(nproc)" --target "${targets[@]/#/fuzz_}"

for target in "${targets[@]}"; do
    lockstep_log "Fuzzing $target for ${seconds} s"
    findings="$LOCKSTEP_ROOT/fuzz/regressions/$target"
    mkdir -p "$findings"
    # New inputs go to a scratch copy; the repository's corpus stays as it is.
    work="$(mktemp -d)"
    cp "$LOCKSTEP_ROOT"/fuzz/corpus/$target/* "$findings"/* "$work"/ 2>/dev/null || true
    status=0
    "$build/fuzz/fuzz_$target" -max_total_time="$seconds" -max_len=8192 -timeout=10 \
        -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$findings/" "$work" \
        >"$work.log" 2>&1 || status=$?
    grep -E "^(stat::number_of_executed_units|stat::peak_rss_mb|#[0-9]+ +DONE)" "$work.log" || true
    if [[ $status -ne 0 ]]; then
        tail -n 40 "$work.log" >&2
        lockstep_log "fuzz_$target found a problem; its input is in $findings (keep it: the tests replay it)"
        rm -rf "$work" "$work.log"
        exit 1
    fi
    rm -rf "$work" "$work.log"
done
