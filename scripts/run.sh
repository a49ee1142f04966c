#!/usr/bin/env bash
# Installs what is missing, builds, and starts the Lockstep app.
# Arguments are passed to `lockstep` (try --help).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

LOCKSTEP_BUILD_UI=ON
lockstep_install_packages
LOCKSTEP_CMAKE_ARGS="${LOCKSTEP_CMAKE_ARGS:-} -DLOCKSTEP_BUILD_TESTS=OFF -DLOCKSTEP_BUILD_BENCH=OFF" \
    lockstep_configure_and_build

app="$LOCKSTEP_BUILD_DIR/app/lockstep"
if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" && -z "${QT_QPA_PLATFORM:-}" ]]; then
    lockstep_log "No display found: starting Lockstep under Xvfb (set DISPLAY to use your desktop)"
    exec xvfb-run -a -s "-screen 0 1600x900x24" "$app" "$@"
fi
exec "$app" "$@"
