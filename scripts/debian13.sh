#!/usr/bin/env bash
# Runs a command of the project inside a Debian 13 (trixie) root: Qt 6.8 with
# its FFmpeg media backend, the Qt that the Windows and macOS installers ship.
#
#   scripts/debian13.sh scripts/test.sh          # the whole suite on Qt 6.8
#   scripts/debian13.sh scripts/run.sh --help    # any command of the project
#   scripts/debian13.sh                          # a shell in the root
#
# The root is made once with debootstrap (about 90 s; only the Debian archive
# is needed) and kept; the project's tree is mounted at the same path inside
# it, and the build goes to build-qt68/ (LOCKSTEP_BUILD_DIR), beside the
# machine's own build/. Needs root (debootstrap, chroot and mounts).
#   LOCKSTEP_DEBIAN13_ROOT    where the root lives
#                             (default: /var/cache/lockstep/debian13)
#   LOCKSTEP_DEBIAN_MIRROR    the archive (default: http://deb.debian.org/debian)
set -euo pipefail

LOCKSTEP_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
root="${LOCKSTEP_DEBIAN13_ROOT:-/var/cache/lockstep/debian13}"
mirror="${LOCKSTEP_DEBIAN_MIRROR:-http://deb.debian.org/debian}"

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

if [[ "$(id -u)" != 0 ]]; then
    exec sudo --preserve-env=CI,LOCKSTEP_DEBIAN13_ROOT,LOCKSTEP_DEBIAN_MIRROR,LOCKSTEP_PACKAGE_FLAGS,LOCKSTEP_CMAKE_ARGS,LOCKSTEP_BUILD_DIR "$0" "$@"
fi

if [[ ! -e "$root/.lockstep-ready" ]]; then
    if ! command -v debootstrap >/dev/null 2>&1; then
        log "Installing debootstrap"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap
    fi
    log "Making a Debian 13 root in $root (once)"
    rm -rf "$root"
    mkdir -p "$root"
    # apt, dpkg-query and sudo-less scripts are all the project's scripts
    # need; they install the rest themselves inside the root.
    debootstrap --variant=minbase --include=ca-certificates,dpkg-dev trixie "$root" "$mirror" >&2
    printf 'deb %s trixie main\n' "$mirror" >"$root/etc/apt/sources.list"
    rm -f "$root/etc/apt/sources.list.d/debian.sources"
    touch "$root/.lockstep-ready"
fi

# Mounts, undone on any exit. The tree is mounted at its own path, so that
# build folders and absolute paths mean the same inside and out.
mounts=()
cleanup() {
    local i
    for ((i = ${#mounts[@]} - 1; i >= 0; i--)); do
        umount -l "${mounts[$i]}" 2>/dev/null || true
    done
}
trap cleanup EXIT
bind() {  # bind SOURCE TARGET-INSIDE-ROOT
    mkdir -p "$root$2"
    mount --rbind "$1" "$root$2"
    mount --make-rslave "$root$2"
    mounts+=("$root$2")
}
# The root a mount point of its own: `ip netns exec` and `ip -n` make "/"
# a slave mount, which only a mount point can be (the nat tests need them).
mount --bind "$root" "$root"; mounts+=("$root")
mount -t proc proc "$root/proc"; mounts+=("$root/proc")
bind /sys /sys
bind /dev /dev
mount -t tmpfs tmpfs "$root/run"; mounts+=("$root/run")
mount -t tmpfs tmpfs "$root/tmp"; mounts+=("$root/tmp")
bind "$LOCKSTEP_ROOT" "$LOCKSTEP_ROOT"
cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true

cmd=("$@")
if [[ ${#cmd[@]} -eq 0 ]]; then
    cmd=(bash -l)
fi
log "In Debian 13 (Qt 6.8): ${cmd[*]}"
chroot "$root" /usr/bin/env -i \
    HOME=/root TERM="${TERM:-dumb}" PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    LANG=C.UTF-8 CI="${CI:-}" LOCKSTEP_PACKAGE_FLAGS="${LOCKSTEP_PACKAGE_FLAGS:-OFF}" \
    LOCKSTEP_CMAKE_ARGS="${LOCKSTEP_CMAKE_ARGS:-}" \
    LOCKSTEP_BUILD_DIR="${LOCKSTEP_BUILD_DIR:-$LOCKSTEP_ROOT/build-qt68}" \
    LOCKSTEP_IN_DEBIAN13_ROOT=1 \
    /bin/bash -c 'cd "$1" && shift && exec "$@"' bash "$LOCKSTEP_ROOT" "${cmd[@]}"
