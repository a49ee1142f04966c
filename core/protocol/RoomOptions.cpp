#include "RoomOptions.h"

#include <cmath>

namespace lockstep::protocol {

namespace {

std::optional<RoomOptions> fail(ProtocolError *error, const char *message)
{
    if (error)
        *error = {ErrorCode::BadRequest, QString::fromUtf8(message)};
    return std::nullopt;
}

} // namespace

std::optional<RoomOptions> RoomOptions::fromJson(const Json &options, ProtocolError *error)
{
    RoomOptions result;
    if (options.is_null())
        return result;
    if (!options.is_object())
        return fail(error, "Room options must be a JSON object.");

    if (const auto it = options.find("control"); it != options.end() && !it->is_null()) {
        if (*it == "everyone")
            result.control = ControlMode::Everyone;
        else if (*it == "host")
            result.control = ControlMode::Host;
        else
            return fail(error, "Room option 'control' must be \"everyone\" or \"host\".");
    }
    if (const auto it = options.find("invite_only"); it != options.end() && !it->is_null()) {
        if (!it->is_boolean())
            return fail(error, "Room option 'invite_only' must be true or false.");
        result.inviteOnly = it->get<bool>();
    }
    if (const auto it = options.find("max_participants"); it != options.end() && !it->is_null()) {
        if (!it->is_number_integer() || it->get<double>() < 1 || it->get<double>() > 100000)
            return fail(error,
                        "Room option 'max_participants' must be a whole number from 1 to 100000.");
        result.maxParticipants = it->get<int>();
    }
    if (const auto it = options.find("buffering"); it != options.end() && !it->is_null()) {
        if (*it == "catch_up")
            result.buffering = BufferingPolicy::CatchUp;
        else if (*it == "wait")
            result.buffering = BufferingPolicy::Wait;
        else
            return fail(error, "Room option 'buffering' must be \"catch_up\" or \"wait\".");
    }
    if (const auto it = options.find("resync_threshold"); it != options.end() && !it->is_null()) {
        if (!it->is_number() || !std::isfinite(it->get<double>()) || it->get<double>() < 0.1
            || it->get<double>() > 3600)
            return fail(error,
                        "Room option 'resync_threshold' must be a number of seconds from 0.1 to "
                        "3600.");
        result.resyncThreshold = it->get<double>();
    }
    if (const auto it = options.find("invites"); it != options.end() && !it->is_null()) {
        if (*it == "host")
            result.invites = InviteControl::Host;
        else if (*it == "everyone")
            result.invites = InviteControl::Everyone;
        else
            return fail(error, "Room option 'invites' must be \"host\" or \"everyone\".");
    }
    if (const auto it = options.find("start_when_ready"); it != options.end() && !it->is_null()) {
        if (!it->is_boolean())
            return fail(error, "Room option 'start_when_ready' must be true or false.");
        result.startWhenReady = it->get<bool>();
    }
    return result;
}

Json RoomOptions::toJson() const
{
    // Who controls, who may invite and when a play starts are always said;
    // the rest only when it is not the server's default.
    Json options {
        {"control", control == ControlMode::Host ? "host" : "everyone"},
        {"invite_only", inviteOnly},
        {"start_when_ready", startWhenReady},
    };
    if (maxParticipants)
        options["max_participants"] = *maxParticipants;
    if (buffering != BufferingPolicy::CatchUp)
        options["buffering"] = "wait";
    if (resyncThreshold != RoomOptions().resyncThreshold)
        options["resync_threshold"] = resyncThreshold;
    if (invites != InviteControl::Host)
        options["invites"] = "everyone";
    return options;
}

} // namespace lockstep::protocol
