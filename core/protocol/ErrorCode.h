#pragma once

#include <QString>

#include <optional>
#include <string_view>

namespace lockstep::protocol {

// The error codes of the wire protocol (docs/protocol.md, "Errors").
enum class ErrorCode {
    BadRequest,
    UnknownType,
    TooLarge,
    RateLimited,
    AuthRequired,
    AuthInvalid,
    InviteInvalid,
    InviteExpired,
    RoomNotFound,
    RoomExists,
    RoomFull,
    AlreadyInRoom,
    NotInRoom,
    ClientIdTaken,
    Forbidden,
    Internal,
    WaitingForReady, // a play is held until everyone is ready (start_when_ready)
};

std::string_view errorCodeName(ErrorCode code);
std::optional<ErrorCode> errorCodeFromName(std::string_view name);

// A protocol-level failure: what the server sends back as an `error` frame and
// what the codec returns for a frame it cannot accept.
struct ProtocolError {
    ErrorCode code = ErrorCode::Internal;
    QString message;

    bool operator==(const ProtocolError &) const = default;
};

} // namespace lockstep::protocol
