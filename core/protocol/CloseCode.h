#pragma once

#include <QtGlobal>

#include <optional>

namespace lockstep::protocol {

// The WebSocket close codes Lockstep sends or acts on (RFC 6455 section 7.4
// and the application range 4000-4999). Code that closes a connection or reads
// why one was closed names the meaning, never the number.
enum class CloseCode : quint16 {
    Normal = 1000,
    GoingAway = 1001, // the server is shutting down
    ProtocolError = 1002,
    UnsupportedData = 1003,
    // Never sent: what a peer reports when a connection ended without a close
    // frame (a dropped link, a timeout of our own).
    Abnormal = 1006,
    InvalidPayload = 1007, // e.g. a close reason that is not UTF-8
    PolicyViolation = 1008, // flooding: the connection kept exceeding the rate limit
    TooBig = 1009,
    InternalError = 1011,
    // Never sent (RFC 6455 reserves 1015 for "TLS handshake failure"): what a
    // client's transport reports when the server showed a certificate other
    // than the one its invite link names. Another attempt would meet the same
    // impostor, so it ends the session.
    CertificateMismatch = 1015,
    // Application codes. 1013 ("try again later") would fit ServerFull, but
    // Qt's WebSocket clients reject close codes outside 1000-1011 and
    // 3000-4999, so an app could not read it.
    Replaced = 4000, // the same client id joined again on another connection
    ServerFull = 4001, // the server holds its limit of connections
    RoomClosed = 4002, // the host closed the room (its in-app server stops)
};

constexpr quint16 closeCodeValue(CloseCode code)
{
    return static_cast<quint16>(code);
}

// The codes this version knows; nullopt for any other number.
std::optional<CloseCode> closeCodeFromValue(quint16 value);

// RFC 6455 7.4: whether a peer may send `value` in a close frame. Accepts
// 1000-1003, 1007-1014 and 3000-4999; 1004-1006, 1015 and everything else
// are not to be sent (a receiver fails the connection with 1002).
constexpr bool isValidWireCloseCode(quint16 value)
{
    return (value >= 1000 && value <= 1003) || (value >= 1007 && value <= 1014)
        || (value >= 3000 && value <= 4999);
}

// After these a client stops: reconnecting would not bring it back.
constexpr bool closeEndsSession(quint16 value)
{
    return value == closeCodeValue(CloseCode::Replaced)
        || value == closeCodeValue(CloseCode::PolicyViolation)
        || value == closeCodeValue(CloseCode::RoomClosed)
        || value == closeCodeValue(CloseCode::CertificateMismatch);
}

} // namespace lockstep::protocol
