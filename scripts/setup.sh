#!/usr/bin/env bash
# Shared set-up for run.sh, test.sh and package.sh: installs the Debian
# packages that are missing (and only those), then configures and builds.
# Sourced, not executed. Honours:
#   LOCKSTEP_BUILD_DIR   build folder (default: build)
#   LOCKSTEP_CMAKE_ARGS  extra CMake arguments
#   LOCKSTEP_EXTRA_PACKAGES  more Debian packages to install (space-separated)
#   CI                   when "true", warnings are errors
set -euo pipefail

LOCKSTEP_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LOCKSTEP_BUILD_DIR="${LOCKSTEP_BUILD_DIR:-$LOCKSTEP_ROOT/build}"

lockstep_log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# Packages needed to build and run the core, the server and their tests.
LOCKSTEP_CORE_PACKAGES=(
    build-essential cmake ninja-build pkg-config ccache
    qt6-base-dev qt6-websockets-dev
    nlohmann-json3-dev libssl-dev
)
# What only the test suite uses: the fault tests cut links with iproute2 and
# put nginx in front of three servers; the nat tests build a home network in
# network namespaces with a router doing NAT (nftables) and running
# miniupnpd (scripts/test.sh installs these).
LOCKSTEP_TEST_PACKAGES=(iproute2 nginx nftables miniupnpd-nftables)
# Packages the desktop app adds: Widgets, Multimedia (GStreamer), OpenGL and
# libswscale (the video view), libass (subtitles), translations, UPnP, and
# what the media tests use to make and play a clip.
LOCKSTEP_UI_PACKAGES=(
    qt6-multimedia-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qt6-qpa-plugins libqt6svg6 qt6-image-formats-plugins qt6-translations-l10n
    libminiupnpc-dev libnatpmp-dev libswscale-dev libavutil-dev libxcb1-dev libass-dev
    libqt6opengl6-dev libgstreamer1.0-dev
    gstreamer1.0-plugins-base gstreamer1.0-plugins-good gstreamer1.0-plugins-bad
    gstreamer1.0-libav ffmpeg
    xvfb xauth fonts-dejavu-core
)

lockstep_missing_packages() {
    local missing=() pkg
    for pkg in "$@"; do
        if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
            missing+=("$pkg")
        fi
    done
    echo "${missing[@]:-}"
}

lockstep_install_packages() {
    local wanted=("${LOCKSTEP_CORE_PACKAGES[@]}")
    if [[ "${LOCKSTEP_BUILD_UI:-ON}" == "ON" ]]; then
        wanted+=("${LOCKSTEP_UI_PACKAGES[@]}")
    fi
    wanted+=("$@")
    # shellcheck disable=SC2206
    wanted+=(${LOCKSTEP_EXTRA_PACKAGES:-})
    local missing
    missing="$(lockstep_missing_packages "${wanted[@]}")"
    if [[ -z "${missing// /}" ]]; then
        return 0
    fi
    if ! command -v apt-get >/dev/null 2>&1; then
        lockstep_log "Missing packages and no apt-get here; install them by hand: $missing"
        return 1
    fi
    local sudo=()
    if [[ "$(id -u)" != 0 ]]; then
        sudo=(sudo)
    fi
    lockstep_log "Installing missing packages: $missing"
    # An out-of-date package list is the usual reason an install fails.
    "${sudo[@]}" apt-get update -qq
    # shellcheck disable=SC2086
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
}

# How the Debian package is built: a release build installed under /usr,
# with Debian's compiler and linker flags (hardening: stack protector,
# fortify, relro, bindnow, PIE), as lintian expects of a package, and
# Debian's -O2 from them rather than CMake's -O3 for Release (which also
# takes a sixth longer to compile). Sets the flags for the next configure of
# a new build folder (CMake keeps them).
lockstep_use_package_flags() {
    export DEB_BUILD_MAINT_OPTIONS="hardening=+all"
    CXXFLAGS="$(dpkg-buildflags --get CPPFLAGS) $(dpkg-buildflags --get CXXFLAGS)"
    LDFLAGS="$(dpkg-buildflags --get LDFLAGS)"
    export CXXFLAGS LDFLAGS
    LOCKSTEP_CMAKE_ARGS="-DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS_RELEASE=-DNDEBUG -DCMAKE_INSTALL_PREFIX=/usr ${LOCKSTEP_CMAKE_ARGS:-}"
}

lockstep_configure_and_build() {
    local args=(-G Ninja -DLOCKSTEP_BUILD_UI="${LOCKSTEP_BUILD_UI:-ON}")
    if [[ "${CI:-}" == "true" ]]; then
        args+=(-DLOCKSTEP_WERROR=ON)
    fi
    # ccache keeps compiled objects between builds, also across clones of
    # the tree (paths are taken relative to it): a second build of the same
    # sources, or the CI's clean clone after a developer's build, compiles
    # only what changed.
    if command -v ccache >/dev/null 2>&1; then
        args+=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
        export CCACHE_BASEDIR="$LOCKSTEP_ROOT" CCACHE_NOHASHDIR=true CCACHE_MAXSIZE="${CCACHE_MAXSIZE:-5G}"
    fi
    # shellcheck disable=SC2206
    args+=(${LOCKSTEP_CMAKE_ARGS:-})
    lockstep_log "Configuring in $LOCKSTEP_BUILD_DIR"
    cmake -S "$LOCKSTEP_ROOT" -B "$LOCKSTEP_BUILD_DIR" "${args[@]}" >/dev/null
    lockstep_log "Building"
    cmake --build "$LOCKSTEP_BUILD_DIR" --parallel "$(nproc)"
}
