#include "ErrorCode.h"

#include <array>
#include <utility>

namespace lockstep::protocol {

namespace {

constexpr std::array<std::pair<ErrorCode, std::string_view>, 17> kNames {{
    {ErrorCode::BadRequest, "bad_request"},
    {ErrorCode::UnknownType, "unknown_type"},
    {ErrorCode::TooLarge, "too_large"},
    {ErrorCode::RateLimited, "rate_limited"},
    {ErrorCode::AuthRequired, "auth_required"},
    {ErrorCode::AuthInvalid, "auth_invalid"},
    {ErrorCode::InviteInvalid, "invite_invalid"},
    {ErrorCode::InviteExpired, "invite_expired"},
    {ErrorCode::RoomNotFound, "room_not_found"},
    {ErrorCode::RoomExists, "room_exists"},
    {ErrorCode::RoomFull, "room_full"},
    {ErrorCode::AlreadyInRoom, "already_in_room"},
    {ErrorCode::NotInRoom, "not_in_room"},
    {ErrorCode::ClientIdTaken, "client_id_taken"},
    {ErrorCode::Forbidden, "forbidden"},
    {ErrorCode::Internal, "internal"},
    {ErrorCode::WaitingForReady, "waiting_for_ready"},
}};

} // namespace

std::string_view errorCodeName(ErrorCode code)
{
    for (const auto &[value, name] : kNames) {
        if (value == code)
            return name;
    }
    return "internal";
}

std::optional<ErrorCode> errorCodeFromName(std::string_view name)
{
    for (const auto &[value, text] : kNames) {
        if (text == name)
            return value;
    }
    return std::nullopt;
}

} // namespace lockstep::protocol
