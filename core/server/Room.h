#pragma once

#include "Transport.h"
#include "protocol/Messages.h"
#include "protocol/RoomOptions.h"
#include "protocol/Timeline.h"

#include <QSet>

#include <limits>
#include <unordered_map>
#include <vector>

namespace lockstep::server {

using protocol::Timeline;

struct Member {
    QString clientId;
    QString name;
    ConnectionId connection = 0;
    quint64 joinOrder = 0;
    QByteArray resumeToken;
    std::optional<protocol::PlayState> playState;
    std::optional<double> driftMs;
    std::optional<double> rttMs;
    double lastResyncAt = -std::numeric_limits<double>::infinity();
    double judgeAfter = 0.0;
    quint64 listSeen = 0; // the room's listVersion this member last received
    bool ready = false;
    // When its accepted chat messages of the window arrived. A vector (at
    // most kChatBurst entries): empty, it costs no allocation per member.
    std::vector<double> chatTimes;
};

// A member whose connection closed, remembered for the resume grace so that
// it can come back as itself (server/ServerLimits.h, resumeGrace).
struct Departed {
    QString clientId;
    QByteArray resumeToken;
    bool ready = false;
    bool wasHost = false; // the host role passed on only because it left
    double leftAt = 0.0;
};

class Room
{
public:
    Room(QString id, protocol::Json options, protocol::RoomOptions typed, double now);

    const QString &id() const { return m_id; }
    const protocol::Json &options() const { return m_options; }
    const protocol::RoomOptions &typedOptions() const { return m_typed; }

    QString hostId;
    QString mediaUrl;
    std::optional<protocol::MediaInfo> media;
    // The subtitles the host shares with its file (subtitles_update); room_state
    // carries them in `media.subtitles`. Emptied by every media change.
    QList<protocol::SharedSubtitle> subtitles;
    Timeline timeline;
    // The media's duration when known (> 0): the timeline never runs past it.
    std::optional<double> duration() const;

    // Chat: the last messages (protocol::limits::kChatHistory), oldest first.
    std::vector<protocol::ChatEntry> chat;
    qint64 lastChatId = 0;

    protocol::Playlist playlist;
    // When the next playlist item starts by itself (after the end of one).
    std::optional<double> autoStartAt;

    // Members that left lately, oldest first (bounded by the resume grace).
    std::vector<Departed> departed;
    // The departed member with this client id and resume token, if any.
    std::optional<Departed> takeDeparted(const QString &clientId, const QByteArray &resumeToken);
    void dropDepartedBefore(double time);

    // start_when_ready: a play waiting for everyone to be ready, at this position.
    std::optional<double> heldPlay;
    bool everyoneReady() const;

    // Participants in the order they joined: the earliest becomes host next.
    std::vector<Member> &members() { return m_members; }
    const std::vector<Member> &members() const { return m_members; }
    Member *member(const QString &clientId);
    const Member *member(const QString &clientId) const;
    Member &addMember(Member member);
    std::optional<Member> removeMember(const QString &clientId);
    bool isEmpty() const { return m_members.empty(); }

    // Everyone in join order, or, past `limit`, the host and the earliest
    // joiners up to `limit` entries (participant_count has the full size).
    QList<protocol::Participant> participants(int limit = std::numeric_limits<int>::max()) const;
    protocol::TimelineState stateAt(double t) const;
    // The room_state a member receives on entering, its position at time t.
    protocol::RoomState stateFor(const Member &member, double t,
                                 int listLimit = std::numeric_limits<int>::max()) const;

    // Timeline changes: the server stops judging drift until everyone has seen them.
    void setTimeline(const Timeline &timeline, double settle);

    // participants_update coalescing: the list changes version by version;
    // a flush goes to the members that have not seen the latest.
    bool participantsDirty = false;
    quint64 listVersion = 0;
    double lastParticipantsAt = -std::numeric_limits<double>::infinity();

    // "wait" buffering policy: who the room is waiting for.
    QSet<QString> waitingFor;
    bool autoPaused = false;

    double emptySince = 0.0;

private:
    QString m_id;
    protocol::Json m_options;
    protocol::RoomOptions m_typed;
    std::vector<Member> m_members;
    std::unordered_map<QString, std::size_t> m_index; // client id -> position in m_members
    quint64 m_nextJoinOrder = 1;
};

} // namespace lockstep::server
