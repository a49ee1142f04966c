#pragma once

#include "HostOptions.h"
#include "InviteLink.h"
#include "RoomConnection.h"
#include "RoomHosting.h"
#include "RoomMedia.h"
#include "RoomParty.h"
#include "RoomSharing.h"
#include "protocol/Messages.h"

#include <QObject>
#include <QUrl>

#include <memory>

namespace lockstep::client {
class ClientTransport;
}
namespace lockstep::sync {
class PlayerBackend;
}
namespace lockstep::protocol {
class Clock;
}

namespace lockstep::room {

// One person's part in a room, as services with narrow interfaces, and the
// one entry point for what the user asks of the room (dialogs, actions and
// controllers all go through here):
// - connection(): the client and the sync engine, who is in the room, its
//   media and timeline (RoomConnection);
// - hosting(): the app's own server on its thread, certificate, router port,
//   reachability, drain (RoomHosting);
// - sharing(): the host's files and subtitles, the stream proxy (RoomSharing);
// - party(): chat, playlist, readiness (RoomParty).
// The services are read through const references; every change goes
// through a command here, which also writes the sentences the user is told
// ("You closed the room."). The clock and the transport come from outside,
// so tests run it in virtual time over a simulated network. Nothing here
// knows about widgets.
class RoomSession : public QObject
{
    Q_OBJECT

public:
    static constexpr int kTickMs = RoomConnection::kTickMs;
    using State = RoomConnection::State;
    using SubtitleOffer = RoomSharing::SubtitleOffer;

    RoomSession(sync::PlayerBackend &player, const protocol::Clock &clock,
                std::unique_ptr<client::ClientTransport> transport, QObject *parent = nullptr);
    ~RoomSession() override;

    const RoomConnection &connection() const { return m_connection; }
    const RoomHosting &hosting() const { return m_hosting; }
    const RoomSharing &sharing() const { return m_sharing; }
    const RoomParty &party() const { return m_party; }

    // Drives the client and the engine; the connection's timer calls it
    // every kTickMs, tests in virtual time call it themselves.
    void tick() { m_connection.tick(); }

    // Playback through the sync engine. The actions return false when the
    // room lets only the host control playback.
    bool togglePlayPause();
    bool seek(double position);
    // The room's playback speed (0.5-2.0); alone, the player's own.
    bool setSpeed(double speed);
    // How late this person's sound arrives, s (0-1): the player runs that
    // far ahead of the room.
    void setAudioDelay(double seconds);

    // Host tools.
    bool resyncEveryone();
    bool handOverHost(const QString &clientId);

    // Hosting is two steps so that a taken port is reported at once while the
    // room itself can wait for the media to finish loading. With
    // `options.server` set no server starts here: createRoom() makes the room
    // on that one. A problem is said in `error` and changes nothing.
    bool startServer(const HostOptions &options, QString *error);
    // The room's timeline starts at `startPosition` (seconds), paused, or
    // playing on from there when `playing` (the host's player is not paused).
    void createRoom(const RoomMedia &media, double startPosition = 0.0, bool playing = false);
    // Closes the room for everyone (close code RoomClosed).
    void stopHosting();
    // Whether this app hosts the room: runs its server, or made it on a
    // server named in the host options.
    bool isHosting() const { return m_hosting.isHosting(); }
    // Asks the router to open the app's own server's port.
    void openRouterPort() { m_hosting.openRouterPort(); }

    void join(const InviteLink &link, const QString &name, const QString &authToken = {});
    // Leaves the room; when hosting, that closes it for everyone.
    void leave();
    // After the room could not be reached again (the host gone): whether it
    // can be tried again, trying it (as the same member, for kRetrySeconds),
    // and giving that up. retry() returns false and changes nothing when
    // there is nothing to try again.
    static constexpr double kRetrySeconds = 15.0;
    bool canRetry() const;
    bool retry();
    void dismissRetry();

    // Invites and the link to share.
    void requestInvite(int expirySeconds);
    int inviteExpiry() const { return m_inviteExpiry; }
    double inviteExpiresAt() const { return m_inviteExpiresAt; }
    QString inviteLink() const;
    void setInviteServer(const QUrl &server) { m_hosting.setInviteServer(server); }

    // What the room watches, chosen here.
    void changeMedia(const RoomMedia &media);

    // Chat, the shared playlist and readiness (see RoomParty).
    bool sendChat(const QString &text) { return m_party.sendChat(text); }
    bool setPlaylist(const QList<protocol::PlaylistItem> &items, int current)
    {
        return m_party.setPlaylist(items, current);
    }
    void setReady(bool ready) { m_party.setReady(ready); }

    // Sharing the host's file and its subtitles (see RoomSharing).
    void offerLocalFile(const QString &path) { m_sharing.offerLocalFile(path); }
    void offerSubtitles(const QList<SubtitleOffer> &offers) { m_sharing.offerSubtitles(offers); }
    bool fetchHostSubtitle(const QString &id) { return m_sharing.fetchHostSubtitle(id); }
    QUrl hostStreamUrl() { return m_sharing.hostStreamUrl(); }
    // Stops streaming the host's file (the proxy forgets what it fetched).
    void stopHostStream() { m_sharing.stopStream(); }
    void setPlaysHostStream(bool playing) { m_sharing.setPlaysHostStream(playing); }

signals:
    void activeChanged(bool active);
    void stateChanged(lockstep::room::RoomSession::State state);
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
    // The room's timeline or what the engine does changed.
    void timelineChanged();
    void syncActivityChanged();
    void hostingChanged(bool hosting);
    void inviteLinkChanged(const QString &link);
    // The room is over for us; `message` says why, as a sentence.
    // `onPurpose`: this app left or closed the room (leave(), stopHosting()).
    void ended(const QString &message, bool onPurpose);
    // The room put our player back on its timeline (the host resynced
    // everyone, or we had drifted too far), at `position` seconds.
    void resynced(double position);
    // Someone else's player stopped while the room plays on, `position`
    // seconds in: their copy is shorter (or broke off there). Said once
    // until they play again.
    void participantStopped(const QString &clientId, const QString &name, double position);
    // Something worth telling the user that is not an end ("Reconnecting…").
    void notice(const QString &message);
    // The server refused something we sent (also said through notice()).
    void refused(const lockstep::protocol::Error &error);
    void chatReceived(const lockstep::protocol::ChatEntry &entry);
    void pendingChatChanged();
    // `from` is empty when the server moved on to the next item by itself.
    void playlistChanged(const lockstep::protocol::Playlist &playlist, const QString &from);
    void readyChanged(const QString &clientId, bool ready);
    void roomMediaChanged(const lockstep::room::RoomMedia &media, const QString &ownerId);
    // A stopped server has closed all of its connections.
    void drained();
    void uploadRatesChanged();
    void hostSubtitlesChanged(const QList<lockstep::protocol::SharedSubtitle> &subtitles);
    void playsHostStreamChanged(bool playing);
    void hostSubtitleFetched(const QString &id, const QByteArray &text,
                             lockstep::protocol::SubtitleFormat format);
    void hostSubtitleFailed(const QString &id, const QString &sentence);

private:
    friend struct RoomTestAccess;

    void forwardSignals();
    void onJoined(bool rejoined);
    void onEnded(const client::SessionEnd &end);
    void onConnectionLost(const client::ConnectionLoss &loss);
    void endHosting();

    RoomConnection m_connection;
    RoomHosting m_hosting;
    RoomSharing m_sharing;
    RoomParty m_party;

    QString m_inviteToken;
    double m_inviteExpiresAt = 0.0;
    int m_inviteExpiry = 24 * 3600;
    QString m_endMessage;
    bool m_endOnPurpose = false;
};

} // namespace lockstep::room
