#!/usr/bin/env bash
# Installs what is missing, builds everything with tests, and runs the whole
# suite through ctest, headless. Extra arguments go to ctest (e.g. -R codec).
#   LOCKSTEP_PACKAGE_FLAGS=ON  build as the Debian package is built (release,
#                              hardening flags), so that scripts/package.sh
#                              can package this very build (the CI does)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

LOCKSTEP_BUILD_UI="${LOCKSTEP_BUILD_UI:-ON}"
lockstep_install_packages "${LOCKSTEP_TEST_PACKAGES[@]}"
if [[ "${LOCKSTEP_PACKAGE_FLAGS:-OFF}" == "ON" ]]; then
    lockstep_use_package_flags
fi
LOCKSTEP_CMAKE_ARGS="${LOCKSTEP_CMAKE_ARGS:-} -DLOCKSTEP_BUILD_TESTS=ON" lockstep_configure_and_build

export QT_QPA_PLATFORM=offscreen
# Keep test runs from touching the user's real settings.
LOCKSTEP_TEST_HOME="$(mktemp -d)"
trap 'rm -rf "$LOCKSTEP_TEST_HOME"' EXIT
export XDG_CONFIG_HOME="$LOCKSTEP_TEST_HOME/config"
export XDG_RUNTIME_DIR="$LOCKSTEP_TEST_HOME/runtime"
mkdir -p "$XDG_CONFIG_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"

lockstep_log "Running the test suite"
cd "$LOCKSTEP_BUILD_DIR"
ctest --output-on-failure --parallel "$(nproc)" "$@"
