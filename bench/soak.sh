#!/usr/bin/env bash
# Ten minutes of 5,000 clients in rooms of 10 on a real lockstep-server: each
# sends a ping and a state_update every second, and random members play,
# pause and seek. Passes when the server's RSS after the warm-up grows by less
# than 5 %, no error frame or unexpected close was seen, and every relayed
# player_event reached every other member of its room. Not part of CI.
#   bench/soak.sh [SECONDS] [CLIENTS]     (default 600 5000)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/setup.sh"

seconds="${1:-600}"
clients="${2:-5000}"
LOCKSTEP_BUILD_UI=OFF
lockstep_install_packages
build="${LOCKSTEP_BUILD_DIR}"
if [[ ! -x "$build/bench/server_load" ]]; then
    LOCKSTEP_CMAKE_ARGS="${LOCKSTEP_CMAKE_ARGS:-} -DLOCKSTEP_BUILD_BENCH=ON" lockstep_configure_and_build
fi

lockstep_log "Soaking $clients clients for $seconds s"
# server_load checks the pass conditions itself and says which one failed.
exec "$build/bench/server_load" --mode soak --clients "$clients" --seconds "$seconds"
