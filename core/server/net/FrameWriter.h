#pragma once

#include "WebSocketFrame.h"

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <string_view>

namespace lockstep::server::net {

// Builds what the server writes (RFC 6455 section 5.2): unmasked, unfragmented
// frames. Headers are written into the caller's buffer, so sending a message
// costs no allocation beyond the connection's output buffer.
class FrameWriter
{
public:
    // Writes the header of a frame with `payloadSize` bytes into `out`
    // (kMaxServerFrameHeader bytes at least); returns its length.
    static std::size_t header(char *out, Opcode opcode, std::size_t payloadSize);

    // Writes a close payload (code, then the reason cut to kMaxCloseReason
    // bytes) into `out` (kMaxControlPayload bytes at least); returns its length.
    static std::size_t closePayload(char *out, quint16 code, std::string_view reason);

    // A close reason as UTF-8, cut to whole characters within kMaxCloseReason
    // bytes (section 5.5: a control frame holds 125 bytes).
    static QByteArray closeReason(const QString &reason);
};

} // namespace lockstep::server::net
