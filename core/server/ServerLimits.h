#pragma once

#include "protocol/Limits.h"

#include <QStringList>

#include <cstddef>

namespace lockstep::server {

// Every limit the server enforces, with its default. The headless server sets
// them from its command line (docs/server.md lists the flags).
struct ServerLimits {
    std::size_t maxFrameBytes = protocol::limits::kMaxFrameBytes;
    double rateLimitPerSecond = 30.0; // sustained frames per second per connection
    double rateLimitBurst = 60.0; // frames a connection may send at once
    double floodCloseScore = 60.0; // dropped frames (decaying) before closing with 1008
    int maxRooms = 10000;
    int maxParticipants = 100; // per room; a room's own option may only lower it
    int maxConnections = 20000;
    int maxNameLength = protocol::limits::kMaxNameLength;
    double idleTimeout = 30.0; // s: neither create, join nor ping in this time -> closed
    double handshakeTimeout = 10.0; // s: WebSocket upgrade must complete in this time
    double keepaliveInterval = 5.0; // s between WebSocket pings
    double keepaliveTimeout = 25.0; // s of silence before a peer is dropped (so within 30 s)
    double emptyRoomGrace = 30.0; // s an empty room is kept
    double participantsInterval = 1.0; // s: at most one participants_update per room
    // Rooms larger than this (only where --max-participants allows) are
    // "large": client_joined/client_left go to the host alone, participant
    // lists carry the host and the earliest joiners up to this many entries,
    // and participants_update slows to one per interval x (size / this).
    // Filling a room of N then costs O(N) frames of bounded size.
    int largeRoom = 100;
    double resyncInterval = 5.0; // s: at most one automatic force_resync per participant
    double resyncSettle = 1.0; // s after a timeline change (plus the RTT) before judging
    // Longer than this without a tick (every 0.1 s) means the server's own
    // process was stopped (a laptop lid, a frozen host app): reports that
    // piled up meanwhile are stale and are not judged.
    double stallThreshold = 2.0; // s
    // A member whose connection closed may come back with its resume token
    // this long: it is let in again without an invite, and a host whose role
    // passed to someone only because it left gets the role back.
    double resumeGrace = 60.0; // s
    QStringList allowedOrigins; // empty: any Origin
};

} // namespace lockstep::server
