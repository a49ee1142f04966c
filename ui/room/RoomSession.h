#pragma once

#include "HostAddresses.h"
#include "HostCertificate.h"
#include "HostOptions.h"
#include "InviteLink.h"
#include "NetworkThread.h"
#include "RoomMedia.h"
#include "client/SessionClient.h"
#include "protocol/Messages.h"
#include "protocol/RoomOptions.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QUrl>

#include <memory>

class QTimer;

namespace lockstep::client {
class ClientTransport;
}
namespace lockstep::server {
class SessionServer;
}
namespace lockstep::sync {
class PlayerBackend;
class SyncController;
struct SyncSnapshot;
} // namespace lockstep::sync
namespace lockstep::protocol {
class Clock;
}

namespace lockstep::ui {

class PortMapper;
class ReachabilityCheck;
class StreamProxy;
class SubtitleFetcher;

// One person's part in a room: the protocol client, the sync engine that
// keeps the local player on the room's timeline, and, when this person
// hosts, the in-process session server and its router port mapping. Owns
// the one timer that drives the client and the engine. It is the only way
// the window and the controllers reach the room: they never see the client
// or the engine, so either can change without touching them. The clock and
// the transport come from outside, so tests run it in virtual time over a
// simulated network. Nothing here knows about widgets.
class RoomSession : public QObject
{
    Q_OBJECT

public:
    // How often the client and the sync engine are ticked.
    static constexpr int kTickMs = 50;

    using State = client::SessionClient::State;

    RoomSession(sync::PlayerBackend &player, const protocol::Clock &clock,
                std::unique_ptr<client::ClientTransport> transport, QObject *parent = nullptr);
    ~RoomSession() override;

    PortMapper &portMapper() { return *m_portMapper; }
    // Once the router has opened the port: whether the public address
    // answers (see ReachabilityCheck).
    ReachabilityCheck &reachability() { return *m_reachability; }
    const protocol::Clock &clock() const { return m_clock; }
    // Drives the client and the engine; the session's timer calls it every
    // kTickMs, tests in virtual time call it themselves.
    void tick();

    // Who is in the room.
    State state() const;
    QString clientId() const;
    QString hostId() const;
    bool isHost() const;
    QString roomId() const;
    const QList<protocol::Participant> &participants() const;
    // Everyone in the room; the list may hold only the first of them.
    int participantCount() const;
    // Empty when the id is unknown.
    QString participantName(const QString &clientId) const;
    // The name to show in sentences: "Someone" when the id is unknown.
    QString nameOf(const QString &clientId) const;
    std::optional<protocol::RoomOptions> roomOptions() const;

    // Playback through the sync engine. The actions return false when the
    // room lets only the host control playback.
    bool canControl() const;
    bool togglePlayPause();
    bool seek(double position);
    // The room's playback speed (0.5-2.0); alone, the player's own.
    bool setSpeed(double speed);
    double speed() const;
    // How late this person's sound arrives, s (0-1): the player runs that
    // far ahead of the room.
    void setAudioDelay(double seconds);
    double audioDelay() const;
    // Where the local player stands on the room's timeline (its own
    // position less the audio delay).
    double playerRoomPosition(double playerPosition) const;
    // Whether the room's timeline is known and says "playing".
    bool hasTimeline() const;
    bool timelinePlaying() const;
    sync::SyncSnapshot syncSnapshot() const;
    int correctionCount() const;

    // Host tools.
    bool resyncEveryone();
    bool handOverHost(const QString &clientId);

    // Connecting, in a room, or reconnecting.
    bool isActive() const;
    bool inRoom() const;
    // Whether this app hosts the room: runs its server, or made it on a
    // server named in the host options (hostsOnServer()).
    bool isHosting() const { return m_server != nullptr || m_hostingOnServer; }
    bool hostsOnServer() const { return m_hostingOnServer; }
    // The app's own server; null when not hosting or hosting on a server.
    // It lives on the room server's thread: only its fixed facts (port(),
    // isSecure()) may be read from here; anything else goes through that
    // thread (QMetaObject::invokeMethod on the server).
    server::SessionServer *server() const { return m_server; }
    // The port the app's own server listens on; 0 without one.
    quint16 serverPort() const { return m_server ? m_serverPort : 0; }
    // Whether the connection to the room is encrypted and the server showed
    // the certificate its invite link names (always so for a room hosted in
    // the app).
    bool connectionVerified() const;
    const HostOptions &hostOptions() const { return m_hostOptions; }
    // A stopped server still closing its connections.
    bool isDraining() const { return !m_draining.isEmpty(); }

    // Hosting is two steps so that a taken port is reported at once while the
    // room itself can wait for the media to finish loading. With
    // `options.server` set no server starts here: createRoom() makes the room
    // on that one.
    bool startServer(const HostOptions &options, QString *error);
    // The room's timeline starts at `startPosition` (seconds), paused, or
    // playing on from there when `playing` (the host's player is not paused).
    void createRoom(const RoomMedia &media, double startPosition = 0.0, bool playing = false);
    // Closes the room for everyone (close code RoomClosed).
    void stopHosting();

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
    QList<HostAddress> hostAddresses() const;
    QUrl inviteServer() const { return m_inviteServer; }
    void setInviteServer(const QUrl &server);

    // The room's media, and who chose it.
    RoomMedia roomMedia() const { return m_roomMedia; }
    QString mediaOwnerId() const { return m_mediaOwner; }
    void changeMedia(const RoomMedia &media);

    // Chat, the shared playlist and readiness (protocol extensions).
    // The last messages, oldest first, as the room keeps them.
    const QList<protocol::ChatEntry> &chatHistory() const;
    bool sendChat(const QString &text);
    // Our messages the room has not relayed back yet (sent into a link that
    // turned out dead, they go again once back in the room).
    QStringList pendingChat() const;
    const protocol::Playlist &playlist() const;
    // Replaces the room's playlist (whoever may control playback). A new
    // current item becomes the room's media at once, here as for everyone.
    bool setPlaylist(const QList<protocol::PlaylistItem> &items, int current);
    // The room starts only when everyone is ready, and someone is not.
    bool playWouldBeHeld() const;

    // Sharing the host's file. The host: a local file this app plays or
    // puts in the playlist, offered to guests while the app hosts with
    // HostOptions::shareFile (already hosting or later).
    void offerLocalFile(const QString &path);
    bool sharesFiles() const;

    // Subtitles shared with the host's file (docs/protocol.md, "Subtitles
    // the host shares"). Hosting in this app with sharing on: the tracks it
    // offers, whole texts checked by the caller (at most 32, 4 MiB each);
    // kept and offered again when hosting starts. A guest: the host's list,
    // and fetching one of them (hostSubtitleFetched or hostSubtitleFailed).
    struct SubtitleOffer {
        protocol::SharedSubtitle track;
        QByteArray text;
    };
    void offerSubtitles(const QList<SubtitleOffer> &offers);
    QList<protocol::SharedSubtitle> hostSubtitles() const;
    bool fetchHostSubtitle(const QString &id);
    // What each guest downloads from this host per second (bytes/s).
    QHash<QString, double> uploadRates() const;
    // The most bytes one stream of this host held queued at once.
    qint64 peakStreamBufferBytes() const;
    // A guest: whether the host offers the room's current file to stream.
    bool hostOffersStream() const;
    // The local URL the player opens to stream it (see StreamProxy); empty
    // when the host offers nothing.
    QUrl hostStreamUrl();
    StreamProxy &streamProxy() { return *m_streamProxy; }
    // Whether the player plays the host's stream (told by the playback
    // controller; the sync log reports it).
    bool playsHostStream() const { return m_playsHostStream; }
    void setPlaysHostStream(bool playing);
    // The wish holds across rooms and reconnections until changed.
    void setReady(bool ready);
    bool isReady() const;

signals:
    void activeChanged(bool active);
    void stateChanged(lockstep::ui::RoomSession::State state);
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
    void mediaChosen(const QString &from, const lockstep::ui::RoomMedia &media);
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
    void roomMediaChanged(const lockstep::ui::RoomMedia &media, const QString &ownerId);
    // A stopped server has closed all of its connections.
    void drained();
    void uploadRatesChanged();
    void hostSubtitlesChanged(const QList<lockstep::protocol::SharedSubtitle> &subtitles);
    void playsHostStreamChanged(bool playing);
    void hostSubtitleFetched(const QString &id, const QByteArray &text,
                             lockstep::protocol::SubtitleFormat format);
    void hostSubtitleFailed(const QString &id, const QString &sentence);

private:
    void startTicking();
    void connectClient();
    void onJoined(bool rejoined);
    void onEnded(const client::SessionEnd &end);
    void onConnectionLost(const client::ConnectionLoss &loss);
    void setParticipants(const QList<protocol::Participant> &participants);
    void noticeStoppedParticipants();
    void onPortMapperChanged();
    void finishDrain(quint64 drain);
    void shutDownServer();

    const protocol::Clock &m_clock;
    client::ClientTransport *m_transport; // owned by m_client
    std::unique_ptr<client::SessionClient> m_client;
    std::unique_ptr<sync::SyncController> m_sync;
    // The app's own server and the servers below run on this thread, so
    // that the room answers everyone while the player holds the GUI thread.
    mutable NetworkThread m_serverThread;
    server::SessionServer *m_server = nullptr; // lives on m_serverThread
    // What the server said of itself when it started (read here, not there).
    quint16 m_serverPort = 0;
    bool m_serverSecure = false;
    bool m_serverShares = false;
    QUrl m_serverLoopback;
    // Servers of rooms closed, each until its guests have been told (or a
    // time-out): the last one done emits drained(). On m_serverThread.
    QHash<quint64, server::SessionServer *> m_draining;
    quint64 m_drainCount = 0;
    PortMapper *m_portMapper;
    ReachabilityCheck *m_reachability;
    QTimer *m_tickTimer;

    HostOptions m_hostOptions;
    bool m_hostingOnServer = false;
    std::optional<HostCertificate> m_certificate;
    InviteLink m_joinLink;
    QUrl m_inviteServer;
    QString m_inviteToken;
    double m_inviteExpiresAt = 0.0;
    int m_inviteExpiry = 24 * 3600;
    QString m_endMessage;
    bool m_endOnPurpose = false;
    // Who is in the room as shown: while a guest's connection is lost, the
    // host (whose app is the server) is left out.
    QList<protocol::Participant> m_participants;
    QString m_hostName; // kept for the sentences after the room is gone
    bool m_hostAway = false; // a guest lost the connection to the host's room
    QSet<QString> m_stoppedSaid; // participants whose stop was told
    double m_lastSpeed = 1.0; // the speed last told (speedChanged)
    RoomMedia m_roomMedia;
    QString m_mediaOwner;
    StreamProxy *m_streamProxy;
    QString m_mediaToken; // ours, from room_state
    QStringList m_localFiles; // offered to guests while hosting in this app
    QList<SubtitleOffer> m_subtitleOffers; // likewise, the subtitles with them
    SubtitleFetcher *m_subtitleFetcher;
    bool m_playsHostStream = false;
};

} // namespace lockstep::ui
