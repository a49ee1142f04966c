#pragma once

#include "protocol/Messages.h"

namespace lockstep::protocol {

// A room's shared timeline: media `position` at server time `at`, advancing
// one second per second while playing. The server keeps the authoritative
// one; each client keeps its view of it, in server time.
struct Timeline {
    double position = 0.0;
    PlayState state = PlayState::Paused;
    double at = 0.0;

    bool isPlaying() const { return state == PlayState::Playing; }
    double positionAt(double serverTime) const
    {
        return isPlaying() ? position + (serverTime - at) : position;
    }
    bool operator==(const Timeline &) const = default;
};

} // namespace lockstep::protocol
