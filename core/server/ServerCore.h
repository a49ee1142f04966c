#pragma once

#include "Room.h"
#include "ServerLimits.h"
#include "Transport.h"
#include "protocol/Codec.h"

#include <QObject>

#include <memory>
#include <unordered_map>

namespace lockstep::auth {
class TokenService;
}
namespace lockstep::protocol {
class Clock;
}

namespace lockstep::server {

namespace media {
class SharedFiles;
}

// The session server's protocol engine, independent of sockets: it takes
// frames from connections and answers through a Transport. The WebSocket
// server (SessionServer) and the simulator both drive it, and so does the
// fuzzer. Everything time-based happens in tick(), against the injected clock.
class ServerCore : public QObject
{
    Q_OBJECT

public:
    ServerCore(const ServerLimits &limits, const protocol::Clock &clock, auth::TokenService &tokens,
               Transport &transport, QObject *parent = nullptr);
    ~ServerCore() override;

    void connectionOpened(ConnectionId id, const QString &peer = {});
    void textReceived(ConnectionId id, QByteArrayView frame);
    void binaryReceived(ConnectionId id, qsizetype size);
    // A message over the frame limit, refused by the transport before it was
    // read in full: `too_large`, then close 1009.
    void messageTooLarge(ConnectionId id);
    void connectionClosed(ConnectionId id);
    void tick();

    // Closes every connection (e.g. on shutdown) with the given close code.
    void closeAll(quint16 code, const QString &reason);

    const ServerLimits &limits() const { return m_limits; }
    int connectionCount() const { return int(m_connections.size()); }
    int roomCount() const { return int(m_rooms.size()); }
    QStringList roomIds() const;
    const Room *room(const QString &id) const;

    // The host's shared files (the in-process server): set, every member's
    // room_state carries its own media token and the room's media says
    // `stream` while its file is offered. Not owned; null: nothing shared.
    void setSharedFiles(media::SharedFiles *files);
    bool sharesMedia() const { return m_shared != nullptr; }
    // The local file that room `id` currently offers, if any.
    std::optional<QString> sharedPath(const QString &id) const;
    // The text of a room's shared subtitle track `track`: the room lists it
    // and the host's app offers it (an in-process server only).
    std::optional<QByteArray> sharedSubtitleText(const QString &id, const QString &track) const;
    bool isMember(const QString &room, const QString &client) const;
    // The shared subtitle track `id` of a room, if the host lists it now.
    std::optional<protocol::SharedSubtitle> sharedSubtitle(const QString &room,
                                                           const QString &id) const;

signals:
    void roomCreated(const QString &room);
    void roomRemoved(const QString &room);
    void participantsChanged(const QString &room, const QList<protocol::Participant> &participants);
    void connectionCountChanged(int count);
    // The file the room offered is no longer its file (another media, the
    // file withdrawn, the room removed): its streams in flight end.
    void roomMediaChanged(const QString &room);

private:
    struct Connection;
    // The tokens a join_room presented, each verified once.
    struct Credentials {
        bool inviteValid = false;
        std::optional<protocol::ProtocolError> inviteError;
        bool userValid = false;
        std::optional<protocol::ProtocolError> userError;
        QString userRoom; // the room a valid auth token is restricted to (empty: any)
    };

    void handle(ConnectionId id, Connection &connection, protocol::Envelope envelope);
    void handleCreateRoom(ConnectionId id, Connection &c, const protocol::Envelope &e);
    void handleJoinRoom(ConnectionId id, Connection &c, const protocol::Envelope &e);
    Credentials verifyCredentials(const protocol::JoinRoom &m, const QString &room,
                                  double now) const;
    std::optional<protocol::ProtocolError> admissionRefusal(const Room &room,
                                                            const Credentials &c) const;
    void handlePlayerEvent(Room &room, Member &sender, const protocol::PlayerEvent &event);
    void handleStateUpdate(Room &room, Member &sender, const protocol::StateUpdate &update);
    void handleForceResync(ConnectionId id, Room &room, Member &sender);
    void handleHostChange(ConnectionId id, Room &room, Member &sender,
                          const protocol::HostChange &m);
    void handleCreateInvite(ConnectionId id, Room &room, Member &sender,
                            const protocol::CreateInvite &m);
    void handleMediaChange(ConnectionId id, Room &room, Member &sender,
                           const protocol::MediaChange &m);
    void handleChatMessage(ConnectionId id, Room &room, Member &sender,
                           const protocol::ChatMessage &m);
    void handlePlaylistUpdate(ConnectionId id, Room &room, Member &sender,
                              const protocol::PlaylistUpdate &m);
    void handleReadyState(Room &room, Member &sender, const protocol::ReadyState &m);
    void handleSubtitlesUpdate(ConnectionId id, Room &room, Member &sender,
                               const protocol::SubtitlesUpdate &m);

    // room_state for `member`, with its media token where media is shared.
    protocol::RoomState roomStateFor(const Room &room, const Member &member, double now,
                                     int listLimit) const;
    // Sets `stream` on the room's media: whether its file is offered now.
    void refreshStream(Room &room);
    // The room's media becomes `url`/`media`, its timeline paused at 0.
    void setMedia(Room &room, const QString &url, const std::optional<protocol::MediaInfo> &media);
    // The timeline reached the media's end at `reachedAt`: pause there for
    // everyone, then move to the playlist's next item if there is one.
    void endOfMedia(Room &room, double reachedAt);
    // Starts the timeline at `position` on the server's own account.
    void startPlayback(Room &room, double position);
    // A held play starts once everyone present is ready.
    void startIfEveryoneReady(Room &room);
    // Work on one room every tick: the end of the media, a pending next item.
    void tickRoom(Room &room, double now);
    // Called on every event: after a stall of the process, reports are stale.
    void noticeStall(double now);

    void leaveRoom(Connection &connection);
    void removeRoom(const QString &id);
    bool mayControl(const Room &room, const Member &member) const;
    void applyTimeline(Room &room, Timeline timeline);
    void relayPlayerEvent(Room &room, const QString &from, protocol::PlayerAction action,
                          double position, const QString &except);
    void markParticipantsDirty(Room &room, const QString &upToDate = {});
    void flushParticipants(Room &room, bool force);
    bool admitFrame(ConnectionId id, Connection &connection);

    void sendError(ConnectionId id, protocol::ErrorCode code, const QString &message);
    void sendError(ConnectionId id, const protocol::ProtocolError &error)
    {
        sendError(id, error.code, error.message);
    }
    // `serverTs`: the time a position in the message refers to; default: now.
    void send(ConnectionId id, protocol::Message message, const QString &room = {},
              const QString &client = {}, std::optional<double> serverTs = {});
    // client_joined / client_left: to everyone else, or in a large room to the host.
    void announce(Room &room, protocol::Message message, const QString &client);
    void broadcast(Room &room, protocol::Message message, const QString &client,
                   const QString &except = {}, std::optional<double> serverTs = {});

    ServerLimits m_limits;
    const protocol::Clock &m_clock;
    auth::TokenService &m_tokens;
    Transport &m_transport;
    media::SharedFiles *m_shared = nullptr;
    double m_lastTickAt = 0.0;
    std::unordered_map<ConnectionId, Connection> m_connections;
    std::unordered_map<QString, std::unique_ptr<Room>> m_rooms;
};

} // namespace lockstep::server
