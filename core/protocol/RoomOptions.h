#pragma once

#include "Messages.h"

namespace lockstep::protocol {

enum class ControlMode { Everyone, Host };
enum class BufferingPolicy {
    CatchUp, // the room plays on; a participant that buffered catches up
    Wait, // the room pauses while anyone buffers and resumes when all are ready
};

// Typed view of the room options the server understands. The options object
// itself is kept whole (unknown options are echoed back), this only reads it.
enum class InviteControl { Host, Everyone };

struct RoomOptions {
    ControlMode control = ControlMode::Everyone;
    bool inviteOnly = false;
    std::optional<int> maxParticipants;
    BufferingPolicy buffering = BufferingPolicy::CatchUp;
    double resyncThreshold = 2.0; // seconds
    InviteControl invites = InviteControl::Host;
    // A play waits until everyone present is ready (ready_state).
    bool startWhenReady = false;

    // Validates the known options of `options`; on failure returns nullopt and
    // fills `error` with a bad_request.
    static std::optional<RoomOptions> fromJson(const Json &options, ProtocolError *error);
    // The options as they go on the wire (what fromJson reads back).
    Json toJson() const;
};

} // namespace lockstep::protocol
