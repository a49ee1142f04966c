#pragma once

#include "InviteLink.h"
#include "RoomMedia.h"
#include "client/SessionClient.h"
#include "protocol/Messages.h"
#include "protocol/RoomOptions.h"

#include <QList>
#include <QObject>
#include <QSet>

#include <memory>
#include <optional>

class QTimer;

namespace lockstep::client {
class ClientTransport;
}
namespace lockstep::sync {
class PlayerBackend;
class SyncController;
struct SyncSnapshot;
} // namespace lockstep::sync
namespace lockstep::protocol {
class Clock;
}

namespace lockstep::room {

// The connection to a room: the protocol client, the sync engine that keeps
// the local player on the room's timeline, and the timer that ticks both.
// Says who is in the room, what it watches and where its timeline is, and
// carries out playback; how a room is entered or left, and what the user is
// told about it, is RoomSession's. Its transport comes from outside (the app
// gives it one whose socket, keepalive and time stamps live on a network
// thread; tests a simulated network), and so does its clock.
class RoomConnection : public QObject
{
    Q_OBJECT

public:
    // How often the client and the sync engine are ticked.
    static constexpr int kTickMs = 50;

    using State = client::SessionClient::State;

    RoomConnection(sync::PlayerBackend &player, const protocol::Clock &clock,
                   std::unique_ptr<client::ClientTransport> transport, QObject *parent = nullptr);
    ~RoomConnection() override;

    const protocol::Clock &clock() const { return m_clock; }
    // Drives the client and the engine; the timer calls it every kTickMs
    // while connected, tests in virtual time call it themselves.
    void tick();

    // Who is in the room.
    State state() const;
    // Connecting, in a room, or reconnecting.
    bool isActive() const;
    bool inRoom() const;
    QString clientId() const;
    QString hostId() const;
    bool isHost() const;
    QString roomId() const;
    // As shown: while a guest cannot reach the host's room, the host is left
    // out.
    const QList<protocol::Participant> &participants() const { return m_participants; }
    // Everyone in the room; the list may hold only the first of them.
    int participantCount() const;
    // Empty when the id is unknown.
    QString participantName(const QString &clientId) const;
    // The name to show in sentences: "Someone" when the id is unknown.
    QString nameOf(const QString &clientId) const;
    // The host's name, kept after the room is gone (for the sentences).
    QString hostName() const { return m_hostName; }
    std::optional<protocol::RoomOptions> roomOptions() const;
    // Whether the connection is encrypted and the server showed the
    // certificate its invite link names.
    bool connectionVerified() const;
    // The invite link this person came in with (empty for a host).
    const InviteLink &joinLink() const { return m_joinLink; }

    // The room's media, who chose it, and our token for the host's files.
    RoomMedia roomMedia() const { return m_roomMedia; }
    QString mediaOwnerId() const { return m_mediaOwner; }
    QString mediaToken() const { return m_mediaToken; }

    // Playback through the sync engine.
    bool canControl() const;
    double speed() const;
    double audioDelay() const;
    // Where the local player stands on the room's timeline (its own
    // position less the audio delay).
    double playerRoomPosition(double playerPosition) const;
    // Where the room's timeline is now (the engine's view; the player may
    // still be landing on it).
    double roomPosition() const;
    // Whether the room's timeline is known, and says "playing".
    bool hasTimeline() const;
    bool timelinePlaying() const;
    sync::SyncSnapshot syncSnapshot() const;
    int correctionCount() const;

signals:
    void stateChanged(lockstep::room::RoomConnection::State state);
    // In the room: first entry (rejoined false) or back after a drop.
    void joined(bool rejoined);
    void participantsChanged(const QList<lockstep::protocol::Participant> &participants);
    void participantJoined(const QString &clientId, const QString &name);
    void participantLeft(const QString &clientId, const QString &name);
    void hostChanged(const QString &hostId);
    // Someone else played, paused or sought.
    void remotePlayerEvent(const QString &from, const lockstep::protocol::PlayerEvent &event);
    // The room's speed (or, alone, the player's) changed.
    void speedChanged(double speed);
    // Someone else chose what the room watches.
    void mediaChosen(const QString &from, const lockstep::room::RoomMedia &media);
    void roomMediaChanged(const lockstep::room::RoomMedia &media, const QString &ownerId);
    // The room's timeline or what the engine does changed.
    void timelineChanged();
    void syncActivityChanged();
    // The room put our player back on its timeline at `position` seconds.
    void resynced(double position);
    // Someone else's player stopped while the room plays on, `position`
    // seconds in: their copy is shorter (or broke off there). Said once
    // until they play again.
    void participantStopped(const QString &clientId, const QString &name, double position);
    // The server refused something we sent.
    void refused(const lockstep::protocol::Error &error);
    void inviteCreated(const QString &token, double expiresAt);
    // The client's own account of the end and of a lost link; RoomSession
    // turns them into sentences.
    void joinFailed(const lockstep::protocol::Error &error);
    void sessionEnded(const lockstep::client::SessionEnd &end);
    void connectionLost(const lockstep::client::ConnectionLoss &loss);

private:
    friend class RoomSession;
    friend class RoomParty;
    friend class RoomSharing;

    // For the room's own services and commands (RoomSession, RoomParty,
    // RoomSharing): the window never reaches the client or the engine.
    client::SessionClient &client() { return *m_client; }
    const client::SessionClient &client() const { return *m_client; }
    sync::SyncController &engine() { return *m_sync; }
    const sync::SyncController &engine() const { return *m_sync; }
    client::ClientTransport &transport() { return *m_transport; }

    // Starts the client on `spec` (pinned to `pin`), ticking from now on.
    void start(const client::SessionSpec &spec, const QByteArray &pin, const InviteLink &joinLink);
    void startTicking();
    void stopTicking();
    // The room's media chosen here (a media change or a playlist move).
    void adoptLocalMedia(const RoomMedia &media);
    // A guest that lost the host's room shows the host gone until back.
    void setHostAway(bool away);
    // After the end: nobody is in the room, no media.
    void clearRoom();

    void connectClient();
    void setParticipants(const QList<protocol::Participant> &participants);
    void noticeStoppedParticipants();

    const protocol::Clock &m_clock;
    client::ClientTransport *m_transport; // owned by m_client
    std::unique_ptr<client::SessionClient> m_client;
    std::unique_ptr<sync::SyncController> m_sync;
    QTimer *m_tickTimer;

    InviteLink m_joinLink;
    QList<protocol::Participant> m_participants;
    QString m_hostName;
    bool m_hostAway = false;
    QSet<QString> m_stoppedSaid; // participants whose stop was told
    double m_lastSpeed = 1.0; // the speed last told (speedChanged)
    RoomMedia m_roomMedia;
    QString m_mediaOwner;
    QString m_mediaToken; // ours, from room_state
};

} // namespace lockstep::room
