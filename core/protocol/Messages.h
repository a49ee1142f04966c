#pragma once

#include "ErrorCode.h"

#include <QList>
#include <QString>

#include <nlohmann/json.hpp>

#include <optional>
#include <variant>

namespace lockstep::protocol {

using Json = nlohmann::json;

enum class PlayerAction { Play, Pause, Seek, Speed };
enum class PlayState { Playing, Paused, Buffering };

std::string_view playerActionName(PlayerAction action);
std::optional<PlayerAction> playerActionFromName(std::string_view name);
std::string_view playStateName(PlayState state);
std::optional<PlayState> playStateFromName(std::string_view name);

// Extension: a text subtitle track the host shares with its file
// (docs/protocol.md, "Subtitles the host shares").
enum class SubtitleFormat { Srt, Vtt, Ass };
std::string_view subtitleFormatName(SubtitleFormat format);
std::optional<SubtitleFormat> subtitleFormatFromName(std::string_view name);

struct SharedSubtitle {
    QString id; // 1-64 of [A-Za-z0-9_-], unique in a list
    QString language; // ISO 639 / BCP 47 code, or empty
    QString title;
    SubtitleFormat format = SubtitleFormat::Srt;

    bool operator==(const SharedSubtitle &) const = default;
};

// Extension: what a room knows about a local file so that joiners can pick
// their own copy and be warned when it does not match.
struct MediaInfo {
    QString name;
    std::optional<qint64> size; // bytes
    std::optional<double> duration; // seconds
    // Extension, set by the server only: the host offers this file for
    // streaming (docs/protocol.md, "Sharing the host's file").
    bool stream = false;
    // Extension, set by the server only: the subtitles the host shares with
    // the file (room_state only; [] after every media_change).
    QList<SharedSubtitle> subtitles = {};

    bool operator==(const MediaInfo &) const = default;
};

struct Participant {
    QString clientId;
    QString name;
    bool isHost = false;
    // Optional, shown by the UI (docs/protocol.md, "participants").
    std::optional<PlayState> playState;
    std::optional<double> driftMs;
    std::optional<double> rttMs;
    bool ready = false; // extension: readiness (ready_state)

    bool operator==(const Participant &) const = default;
};

// Extension: one message of a room's chat, as room_state's history keeps it.
struct ChatEntry {
    qint64 id = 0;
    QString client;
    QString name;
    QString text;
    double serverTs = 0.0;

    bool operator==(const ChatEntry &) const = default;
};

// Extension: one entry of a room's shared playlist.
struct PlaylistItem {
    QString id;
    QString title;
    QString mediaUrl;
    std::optional<MediaInfo> media;

    bool operator==(const PlaylistItem &) const = default;
};

struct Playlist {
    QList<PlaylistItem> items;
    int current = -1; // index into items, or -1
    qint64 version = 0;

    bool operator==(const Playlist &) const = default;
};

struct TimelineState {
    double position = 0.0;
    PlayState playState = PlayState::Paused;
    double speed = 1.0; // extension: the room's playback speed

    bool operator==(const TimelineState &) const = default;
};

struct CreateRoom {
    QString mediaUrl;
    double startPos = 0.0;
    std::optional<QString> hostId;
    Json options = Json::object();
    std::optional<QString> authToken;
    std::optional<MediaInfo> media; // extension
    std::optional<QString> name; // extension: the creator's display name

    bool operator==(const CreateRoom &) const = default;
};

struct JoinRoom {
    QString name;
    std::optional<QString> authToken;
    std::optional<QString> inviteToken;
    std::optional<QString> resumeToken; // extension: rebinds a live client id after a reconnect

    bool operator==(const JoinRoom &) const = default;
};

struct PlayerEvent {
    PlayerAction action = PlayerAction::Pause;
    double position = 0.0;
    // Extension: the sender asks to receive the relayed event too, so it
    // learns the exact timeline the server applied.
    bool echo = false;
    // Extension: action "speed" carries the room's new speed (0.5-2.0).
    std::optional<double> speed = std::nullopt;

    bool operator==(const PlayerEvent &) const = default;
};

struct StateUpdate {
    double position = 0.0;
    PlayState playState = PlayState::Paused;
    double reportedLatency = 0.0; // milliseconds, one way

    bool operator==(const StateUpdate &) const = default;
};

struct RoomState {
    QString room;
    QString hostId;
    QString mediaUrl;
    Json options = Json::object();
    TimelineState state;
    QList<Participant> participants;
    int participantCount = 0;
    std::optional<MediaInfo> media; // extension
    std::optional<QString> resumeToken; // extension: private to the receiving client
    std::optional<QString> mediaToken; // extension: private to the receiving client
    QList<ChatEntry> chat; // extension: the last messages, oldest first
    Playlist playlist; // extension

    bool operator==(const RoomState &) const = default;
};

struct ClientJoined {
    QString name;
    bool operator==(const ClientJoined &) const = default;
};

struct ClientLeft {
    QString name;
    bool operator==(const ClientLeft &) const = default;
};

struct ParticipantsUpdate {
    QList<Participant> participants;
    int participantCount = 0;

    bool operator==(const ParticipantsUpdate &) const = default;
};

struct HostChange {
    QString hostId;
    bool operator==(const HostChange &) const = default;
};

struct ForceResync {
    // Absent on a host's request to resync everyone; always set by the server.
    std::optional<double> targetPosition;
    std::optional<PlayState> playState; // extension: the timeline's state

    bool operator==(const ForceResync &) const = default;
};

struct Ping {
    double clientTs = 0.0;
    bool operator==(const Ping &) const = default;
};

struct Pong {
    double clientTs = 0.0;
    bool operator==(const Pong &) const = default;
};

struct Error {
    QString code;
    QString message;

    std::optional<ErrorCode> errorCode() const;
    bool operator==(const Error &) const = default;
};

struct CreateInvite {
    int expiresIn = 3600; // seconds
    bool operator==(const CreateInvite &) const = default;
};

struct InviteCreated {
    QString inviteToken;
    double expiresAt = 0.0;
    bool operator==(const InviteCreated &) const = default;
};

// Extension: a participant allowed to control playback changes the media.
struct MediaChange {
    QString mediaUrl;
    std::optional<MediaInfo> media;
    bool operator==(const MediaChange &) const = default;
};

// Extension: chat. Client -> server carries `text` only; the relay adds the
// server's `id` and the sender's `name`.
struct ChatMessage {
    QString text;
    std::optional<qint64> id;
    std::optional<QString> name;
    bool operator==(const ChatMessage &) const = default;
};

// Extension: the shared playlist, replaced whole. `version` is set by the server.
struct PlaylistUpdate {
    QList<PlaylistItem> items;
    int current = -1;
    std::optional<qint64> version;
    bool operator==(const PlaylistUpdate &) const = default;
};

// Extension: a participant says whether it is ready to start.
struct ReadyState {
    bool ready = false;
    bool operator==(const ReadyState &) const = default;
};

// Extension: the host's list of shared subtitles, replaced whole.
struct SubtitlesUpdate {
    QList<SharedSubtitle> subtitles = {};
    bool operator==(const SubtitlesUpdate &) const = default;
};

using Message = std::variant<CreateRoom, JoinRoom, PlayerEvent, StateUpdate, RoomState,
                             ClientJoined, ClientLeft, ParticipantsUpdate, HostChange, ForceResync,
                             Ping, Pong, Error, CreateInvite, InviteCreated, MediaChange,
                             ChatMessage, PlaylistUpdate, ReadyState, SubtitlesUpdate>;

// The wire name of a message's `type`.
std::string_view messageTypeName(const Message &message);

struct Envelope {
    QString room;
    QString client;
    std::optional<double> ts; // epoch seconds
    std::optional<double> serverTs; // epoch seconds
    Message message;

    std::string_view typeName() const { return messageTypeName(message); }
    template<typename T>
    const T *as() const
    {
        return std::get_if<T>(&message);
    }
    bool operator==(const Envelope &) const = default;
};

} // namespace lockstep::protocol
