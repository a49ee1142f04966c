#pragma once

#include "protocol/Messages.h"

namespace lockstep::protocol {

// A room's shared timeline: media `position` at server time `at`, advancing
// `speed` seconds per second while playing. The server keeps the authoritative
// one; each client keeps its view of it, in server time.
struct Timeline {
    double position = 0.0;
    PlayState state = PlayState::Paused;
    double at = 0.0;
    double speed = 1.0; // the room's playback speed, 0.5-2.0

    bool isPlaying() const { return state == PlayState::Playing; }
    double positionAt(double serverTime) const
    {
        return isPlaying() ? position + (serverTime - at) * speed : position;
    }
    // When a playing timeline reaches `position` (server time).
    double timeOf(double mediaPosition) const { return at + (mediaPosition - position) / speed; }
    bool operator==(const Timeline &) const = default;
};

} // namespace lockstep::protocol
