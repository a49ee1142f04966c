#!/usr/bin/env bash
# Takes docs/screenshot.png: Alice hosts a room with a generated clip, Bob
# joins it from a second instance, Alice presses play, and Alice's window is
# captured. Builds nothing: pass the build folder that holds app/lockstep.
#
#   scripts/screenshot.sh BUILD_DIR [OUTPUT.png]
#
# Needs xvfb-run (xvfb), ffmpeg, xdotool and ImageMagick's `import`.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:?usage: $0 BUILD_DIR [OUTPUT.png]}"
output="${2:-$root/docs/screenshot.png}"
app="$(cd "$build" && pwd)/app/lockstep"
[[ -x "$app" ]] || { echo "screenshot.sh: no lockstep binary at $app (build it first)" >&2; exit 1; }
for tool in xvfb-run ffmpeg xdotool import; do
    command -v "$tool" >/dev/null || {
        echo "screenshot.sh: $tool is missing (apt-get install xvfb ffmpeg xdotool imagemagick)" >&2
        exit 1
    }
done

work="$(mktemp -d)"
trap '[[ -n "${LOCKSTEP_KEEP_WORK:-}" ]] || rm -rf "$work"' EXIT
# A settings folder of its own: no saved geometry, name or language leaks in.
export XDG_CONFIG_HOME="$work/config"
export XDG_RUNTIME_DIR="$work/runtime"
mkdir -p "$XDG_CONFIG_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
export LANG=C.UTF-8 LANGUAGE=en

clip="$work/Big Night In.mp4"
ffmpeg -loglevel error -y \
    -f lavfi -i "testsrc2=duration=120:size=960x540:rate=25" \
    -f lavfi -i "sine=frequency=440:duration=120" \
    -c:v libx264 -pix_fmt yuv420p -c:a aac -shortest "$clip"

export APP="$app" CLIP="$clip" WORK="$work" OUTPUT="$output"
mkdir -p "$(dirname "$output")"

# Alice's display is captured; Bob needs none and runs offscreen.
xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
    set -euo pipefail
    wait_for() { # seconds, condition...
        local limit=$(( $1 * 10 )); shift
        for ((i = 0; i < limit; ++i)); do "$@" && return 0; sleep 0.1; done
        echo "screenshot.sh: timed out waiting for: $*" >&2; return 1
    }
    "$APP" --host --port 0 --open "$CLIP" --name Alice --invite-file "$WORK/invite.txt" \
        -geometry 1280x800+0+0 >"$WORK/alice.log" 2>&1 &
    alice=$!
    trap "kill $alice 2>/dev/null || true; kill \${bob:-} 2>/dev/null || true" EXIT
    wait_for 30 test -s "$WORK/invite.txt"

    # Bring Alice to the front (there is no window manager), so that her
    # window shows its notices, then let Bob in and press play.
    window=$(xdotool search --sync --onlyvisible --name "Lockstep" | head -n1)
    xdotool windowfocus --sync "$window"

    QT_QPA_PLATFORM=offscreen "$APP" --open "$CLIP" \
        --join "$(head -n1 "$WORK/invite.txt")" --name Bob --sync-log "$WORK/bob.jsonl" \
        >"$WORK/bob.log" 2>&1 &
    bob=$!
    wait_for 30 grep -qs "\"in_room\":true" "$WORK/bob.jsonl"
    sleep 1
    xdotool key --window "$window" space
    # Let playback settle and the participants list fill in with drift and RTT.
    wait_for 30 grep -qs "\"activity\":\"in_sync\"" "$WORK/bob.jsonl"
    sleep 1
    import -window root "$OUTPUT"
'
echo "screenshot.sh: wrote $output"
