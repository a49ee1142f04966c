#!/usr/bin/env bash
# Builds the Debian package of Lockstep and validates it: the desktop file
# (desktop-file-validate), the AppStream metainfo (appstreamcli) and the
# package itself (lintian, no errors allowed). Prints the path of the .deb on
# standard output; everything else goes to standard error.
#
# Honours, besides what setup.sh honours:
#   LOCKSTEP_BUILD_DIR  build folder (default: build-pkg, apart from the test build)
#   LOCKSTEP_BUILD_UI   OFF packages the headless server alone
#   LOCKSTEP_JOBS       parallel build jobs (default: all cores)
#   LOCKSTEP_PACKAGE_WITH_TESTS=ON  the build folder is scripts/test.sh's,
#                       made with LOCKSTEP_PACKAGE_FLAGS=ON: keep its tests and
#                       benchmarks configured, so nothing is built twice (the
#                       tests and benchmarks are not installed)
set -euo pipefail

LOCKSTEP_BUILD_DIR="${LOCKSTEP_BUILD_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/build-pkg}"
# shellcheck source=scripts/setup.sh
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

LOCKSTEP_BUILD_UI="${LOCKSTEP_BUILD_UI:-ON}"
LOCKSTEP_PACKAGING_PACKAGES=(
    dpkg-dev fakeroot file gzip xz-utils
    desktop-file-utils appstream lintian
)

# Keep the build's chatter off stdout, which carries only the .deb's path.
exec 3>&1 1>&2

lockstep_install_packages "${LOCKSTEP_PACKAGING_PACKAGES[@]}"

lockstep_use_package_flags

args=(-G Ninja -DLOCKSTEP_BUILD_UI="$LOCKSTEP_BUILD_UI")
if [[ "${LOCKSTEP_PACKAGE_WITH_TESTS:-OFF}" != "ON" ]]; then
    args+=(-DLOCKSTEP_BUILD_TESTS=OFF -DLOCKSTEP_BUILD_BENCH=OFF)
fi
# shellcheck disable=SC2206
args+=(${LOCKSTEP_CMAKE_ARGS:-})
lockstep_log "Configuring a release build in $LOCKSTEP_BUILD_DIR"
cmake -S "$LOCKSTEP_ROOT" -B "$LOCKSTEP_BUILD_DIR" "${args[@]}" >/dev/null
lockstep_log "Building"
cmake --build "$LOCKSTEP_BUILD_DIR" --parallel "${LOCKSTEP_JOBS:-$(nproc)}"

lockstep_log "Making the .deb"
rm -f "$LOCKSTEP_BUILD_DIR"/packages/lockstep_*.deb
(cd "$LOCKSTEP_BUILD_DIR" && cpack -G DEB --config CPackConfig.cmake)
deb="$(ls "$LOCKSTEP_BUILD_DIR"/packages/lockstep_*.deb)"

# Validate what ships, as unpacked from the package.
root="$(mktemp -d)"
trap 'rm -rf "$root"' EXIT
dpkg-deb -x "$deb" "$root"

app_id=app.lockstep.Lockstep
if [[ "$LOCKSTEP_BUILD_UI" == "ON" ]]; then
    lockstep_log "desktop-file-validate"
    desktop-file-validate "$root/usr/share/applications/$app_id.desktop"
    lockstep_log "appstreamcli validate"
    appstreamcli validate --no-net --pedantic "$root/usr/share/metainfo/$app_id.metainfo.xml"
    lockstep_log "appstreamcli validate-tree"
    appstreamcli validate-tree --no-net "$root"
fi

lockstep_log "lintian"
# Errors fail the build; warnings are shown but allowed.
lintian --fail-on error --display-level ">=warning" --tag-display-limit 0 "$deb"

lockstep_log "Package: $deb ($(du -h "$deb" | cut -f1))"
dpkg-deb --field "$deb" Depends Recommends >&2
echo "$deb" >&3
