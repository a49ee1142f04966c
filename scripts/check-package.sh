#!/usr/bin/env bash
# Proves the Debian package on this machine: installs it with apt (so its
# declared dependencies must resolve), runs what it installed, and removes
# it again. Usage: scripts/check-package.sh [path/to/lockstep_*.deb]
# (default: the newest one scripts/package.sh made in build-pkg/packages).
# Needs root or sudo, and changes the machine's installed packages.
set -euo pipefail

root_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
fail() { printf 'check-package: %s\n' "$*" >&2; exit 1; }

deb="${1:-}"
if [[ -z "$deb" ]]; then
    deb="$(ls -t "$root_dir"/build-pkg/packages/lockstep_*.deb 2>/dev/null | head -n 1 || true)"
fi
[[ -n "$deb" && -f "$deb" ]] || fail "no .deb given and none in build-pkg/packages (run scripts/package.sh)"
deb="$(cd "$(dirname "$deb")" && pwd)/$(basename "$deb")"
version="$(dpkg-deb --field "$deb" Version)"

sudo=()
if [[ "$(id -u)" != 0 ]]; then
    sudo=(sudo)
fi
apt() { "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get "$@"; }

work="$(mktemp -d)"
installed=0
cleanup() {
    local status=$?
    if [[ -n "${app_pid:-}" ]] && kill -0 "$app_pid" 2>/dev/null; then
        kill "$app_pid" 2>/dev/null || true
        wait "$app_pid" 2>/dev/null || true
    fi
    if [[ "$installed" == 1 ]]; then
        log "Removing the package"
        apt remove -y -qq lockstep >&2 || status=1
    fi
    rm -rf "$work"
    exit "$status"
}
trap cleanup EXIT

log "Installing $deb"
# apt refreshes its lists only when they are missing, as a fresh machine has.
if ! compgen -G "/var/lib/apt/lists/*_Packages" >/dev/null; then
    apt update -qq
fi
apt install -y -qq --no-install-recommends "$deb" >&2
installed=1
dpkg-query -W -f='${Status} ${Version}\n' lockstep | grep -q "install ok installed $version" \
    || fail "dpkg does not list lockstep $version as installed"

log "lockstep-server --version"
server_version="$(/usr/bin/lockstep-server --version)"
echo "$server_version"
[[ "$server_version" == *"$version"* ]] || fail "lockstep-server reports '$server_version', expected $version"

for path in /usr/lib/systemd/system/lockstep-server.service /usr/share/doc/lockstep/copyright \
    /usr/share/doc/lockstep/changelog.gz /usr/share/man/man1/lockstep-server.1.gz; do
    [[ -f "$path" ]] || fail "$path is missing"
done

if dpkg -L lockstep | grep -qx /usr/bin/lockstep; then
    export QT_QPA_PLATFORM=offscreen
    # Keep the app's settings and runtime files out of the real home.
    export HOME="$work/home" XDG_CONFIG_HOME="$work/config" XDG_RUNTIME_DIR="$work/runtime"
    mkdir -p "$HOME" "$XDG_CONFIG_HOME" "$XDG_RUNTIME_DIR"
    chmod 700 "$XDG_RUNTIME_DIR"

    log "lockstep --version"
    app_version="$(/usr/bin/lockstep --version)"
    echo "$app_version"
    [[ "$app_version" == *"$version"* ]] || fail "lockstep reports '$app_version', expected $version"

    for path in /usr/share/applications/app.lockstep.Lockstep.desktop \
        /usr/share/metainfo/app.lockstep.Lockstep.metainfo.xml \
        /usr/share/icons/hicolor/scalable/apps/app.lockstep.Lockstep.svg \
        /usr/share/icons/hicolor/256x256/apps/app.lockstep.Lockstep.png \
        /usr/share/man/man1/lockstep.1.gz; do
        [[ -f "$path" ]] || fail "$path is missing"
    done

    log "Starting lockstep headless for 5 s"
    /usr/bin/lockstep >"$work/app.log" 2>&1 &
    app_pid=$!
    sleep 5
    if ! kill -0 "$app_pid" 2>/dev/null; then
        wait "$app_pid" && code=0 || code=$?
        cat "$work/app.log" >&2
        fail "lockstep exited within 5 s (exit code $code)"
    fi
    kill "$app_pid"
    wait "$app_pid" 2>/dev/null || true
    app_pid=""
    echo "lockstep stayed up for 5 s"
else
    log "Server-only package: no desktop app to start"
fi

log "Removing the package"
apt remove -y -qq lockstep >&2
installed=0
[[ ! -e /usr/bin/lockstep-server ]] || fail "/usr/bin/lockstep-server is still there after removal"
echo "check-package: lockstep $version installed, ran and was removed cleanly"
