#pragma once

#include "ClientTransport.h"
#include "ClockSync.h"
#include "protocol/Messages.h"

#include <QObject>
#include <QRandomGenerator>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

namespace lockstep::protocol {
class Clock;
}

namespace lockstep::client {

// Why a session ended for good. The UI turns it into a sentence; core never
// words it.
struct SessionEnd {
    enum class Reason {
        Left, // leave() was called
        CouldNotConnect, // the first connection failed (closeCode/detail: the socket's)
        Refused, // the server refused the join (error holds its answer)
        Closed, // the server closed the connection with a code that ends it
        Unreachable, // reconnecting failed for Timeouts::giveUp seconds
    };
    Reason reason = Reason::Left;
    quint16 closeCode = 0;
    QString detail; // the transport's or the server's own words, untranslated
    protocol::Error error;
};

// How an established connection was lost (the client then reconnects unless
// the code ends the session).
enum class LossCause {
    Closed, // the server or the transport closed it (closeCode says how)
    ConnectTimeout, // a reconnection attempt got no answer
    Silence, // nothing arrived on an open connection for too long
};
struct ConnectionLoss {
    LossCause cause = LossCause::Closed;
    quint16 closeCode = 0;
    QString detail;
};

// What a client needs to (re)enter a room.
struct SessionSpec {
    QUrl server;
    QString room; // wanted id when creating (may be empty), required when joining
    QString name;
    QString inviteToken;
    QString authToken;
    bool create = false;
    protocol::CreateRoom createParams; // when creating
};

// The protocol client: one room over one connection, every frame through the
// codec. It keeps the clock estimate (ClockSync) fed with pings, gives up a
// connection that has gone silent (a dead link that TCP would only notice much
// later) and an attempt that does not connect, reconnects with capped
// exponential backoff and jitter, rejoins the same room with the same client
// id, and sends the latest action taken while it was away. Everything
// time-based happens in tick(), against the injected clock.
class SessionClient : public QObject
{
    Q_OBJECT

public:
    enum class State { Idle, Connecting, Joining, InRoom, Reconnecting };
    Q_ENUM(State)

    struct Backoff {
        double initial = 0.5; // s
        double factor = 2.0;
        // Also the longest wait for the first attempt once a lost network is back.
        double max = 3.0; // s
        double jitter = 0.25; // +/- fraction
    };
    struct Timeouts {
        // A reconnection attempt that has not opened by then is abandoned
        // (a SYN into a dead link is otherwise retried for minutes).
        double connect = 5.0; // s
        // An open connection on which nothing arrived for this long is
        // treated as lost. Pings go out every 2 s and are answered at once.
        double silence = 6.0; // s
        // A gap between ticks longer than this means our own process was
        // stopped (ticks come every 50 ms): the timers above start again.
        double stall = 1.0; // s
        // After losing a connection, attempts go on this long; then the
        // session ends (Unreachable) instead of retrying for ever.
        double giveUp = 45.0; // s
    };

    SessionClient(const protocol::Clock &clock, std::unique_ptr<ClientTransport> transport,
                  QObject *parent = nullptr);
    ~SessionClient() override;

    // The client id, a random UUID unless set before the first connect.
    QString clientId() const { return m_clientId; }
    void setClientId(const QString &id) { m_clientId = id; }
    void setBackoff(const Backoff &backoff) { m_backoff = backoff; }
    void setTimeouts(const Timeouts &timeouts) { m_timeouts = timeouts; }
    void setRandomSeed(quint32 seed) { m_random.seed(seed); }
    // Where the room's playback stands now; used to re-create the room with
    // the same id, timeline and host when a restarted server lost it.
    void setTimelineProvider(std::function<protocol::TimelineState()> provider)
    {
        m_timelineProvider = std::move(provider);
    }

    void start(const SessionSpec &spec);
    void leave();
    void tick();
    // After the session ended Unreachable: tries the same room again, as the
    // same member (the resume token is kept), for `forSeconds`; then it ends
    // Unreachable again. False (and nothing changes) after any other end.
    bool retry(double forSeconds);
    bool canRetry() const { return m_state == State::Idle && m_canRetry; }

    State state() const { return m_state; }
    bool inRoom() const { return m_state == State::InRoom; }
    const SessionSpec &spec() const { return m_spec; }
    QString roomId() const { return m_room.room; }
    QString hostId() const { return m_room.hostId; }
    bool isHost() const { return !m_clientId.isEmpty() && m_room.hostId == m_clientId; }
    const protocol::RoomState &room() const { return m_room; }
    const QList<protocol::Participant> &participants() const { return m_room.participants; }
    QString participantName(const QString &clientId) const;
    const client::ClockSync &clockSync() const { return m_clockSync; }
    // One-way latency estimate in seconds (half the smoothed round trip).
    double oneWayLatency() const { return m_clockSync.smoothedRtt() / 2.0; }
    int reconnectAttempts() const { return m_attempt; }

    // Playback actions. While the connection is down, the latest player_event
    // is kept and sent after the rejoin, its position advanced if it was a play.
    void sendPlayerEvent(const protocol::PlayerEvent &event);
    bool sendStateUpdate(const protocol::StateUpdate &update);
    bool requestResyncAll();
    bool handOverHost(const QString &clientId);
    bool createInvite(int expiresInSeconds);
    bool changeMedia(const protocol::MediaChange &change);

    // Extensions: chat, the shared playlist, readiness. sendChat() and
    // sendPlaylist() need the room; the wish to be ready is kept and said
    // again after a rejoin into a room that no longer knows it.
    // A chat message is kept until the server relays it back: one sent in
    // the seconds before a dead link is noticed, or while reconnecting, is
    // sent (again) once back in the room, unless the room's history shows it
    // arrived. False only outside any room.
    bool sendChat(const QString &text);
    // Our messages the room has not confirmed yet, oldest first.
    const QStringList &pendingChat() const { return m_outbox; }
    bool sendPlaylist(const protocol::PlaylistUpdate &update);
    void setReady(bool ready);
    bool wantsReady() const { return m_wantReady; }
    // The host's list of the subtitles it shares with its file; kept and
    // sent again on every (re)entry into the room, and dropped with the
    // media it was for.
    bool shareSubtitles(const QList<protocol::SharedSubtitle> &subtitles);
    // The list the room's host shares now (room_state, subtitles_update).
    QList<protocol::SharedSubtitle> sharedSubtitles() const;
    // Whether the room has us as ready (false outside a room).
    bool isReady() const;
    bool hasPendingAction() const { return m_pending.has_value(); }

signals:
    void stateChanged(lockstep::client::SessionClient::State state);
    // room_state arrived: first entry (rejoined false) or back after a drop.
    void joined(const lockstep::protocol::RoomState &room, double serverTs, bool rejoined);
    // The server refused to let us in (bad invite, room full, ...); we stop.
    void joinFailed(const lockstep::protocol::Error &error);
    // The connection ended and will not be retried (left, refused, closed,
    // or the server stayed unreachable).
    void ended(const lockstep::client::SessionEnd &end);
    // An open connection was lost; reconnecting starts. Failed attempts
    // after it are not reported again.
    void connectionLost(const lockstep::client::ConnectionLoss &loss);
    void playerEventReceived(const QString &from, const lockstep::protocol::PlayerEvent &event,
                             double serverTs);
    void forceResyncReceived(const lockstep::protocol::ForceResync &resync, double serverTs);
    void mediaChanged(const QString &from, const lockstep::protocol::MediaChange &change,
                      double serverTs);
    void participantsChanged(const QList<lockstep::protocol::Participant> &participants);
    void clientJoined(const QString &clientId, const QString &name);
    void clientLeft(const QString &clientId, const QString &name);
    void hostChanged(const QString &hostId, const QString &previousHostId);
    void inviteCreated(const QString &token, double expiresAt);
    void errorReceived(const lockstep::protocol::Error &error);
    // A chat message, ours included (the server relays it to its sender too).
    void chatReceived(const lockstep::protocol::ChatEntry &entry);
    // pendingChat() changed.
    void pendingChatChanged();
    // The room's playlist was replaced; `from` is empty when the server moved
    // on to the next item by itself.
    void playlistChanged(const lockstep::protocol::Playlist &playlist, const QString &from);
    void readyChanged(const QString &clientId, bool ready);
    // The host's shared subtitles changed (subtitles_update, or another media).
    void sharedSubtitlesChanged(const QList<lockstep::protocol::SharedSubtitle> &subtitles);
    void pongReceived(double rtt);

private:
    void setState(State state);
    void connectNow();
    void dropConnection(LossCause cause);
    void onOpened();
    void onClosed(quint16 code, const QString &reason);
    void onText(const QByteArray &frame);
    void handle(const protocol::Envelope &envelope);
    void scheduleReconnect();
    bool sendMessage(protocol::Message message);
    void flushPending();
    void resendPendingChat();
    void setParticipantReady(const QString &clientId, bool ready);

    const protocol::Clock &m_clock;
    std::unique_ptr<ClientTransport> m_transport;
    client::ClockSync m_clockSync;
    SessionSpec m_spec;
    QString m_clientId;
    QString m_resumeToken;
    protocol::RoomState m_room;
    State m_state = State::Idle;
    bool m_everJoined = false;
    bool m_wasHost = false;
    int m_attempt = 0;
    LossCause m_lossCause = LossCause::Closed; // why the next onClosed() happens
    double m_reconnectAt = 0.0;
    bool m_connecting = false; // an attempt is under way (opened or closed not yet seen)
    double m_connectStartedAt = 0.0;
    double m_lastHeardAt = 0.0; // when the open connection last delivered a frame
    double m_lastTickAt = 0.0;
    double m_lostAt = 0.0; // when the connection last went from open to lost
    Backoff m_backoff;
    Timeouts m_timeouts;
    QRandomGenerator m_random;

    struct Pending {
        protocol::PlayerEvent event;
        double queuedAt = 0.0;
    };
    std::optional<Pending> m_pending;
    std::function<protocol::TimelineState()> m_timelineProvider;
    bool m_recreating = false;
    QStringList m_outbox; // see pendingChat()
    double m_lastChatSentAt = -1.0e18;
    bool m_wantReady = false;
    QList<protocol::SharedSubtitle> m_offeredSubtitles; // see shareSubtitles()
    bool m_canRetry = false; // the last end was Unreachable
};

} // namespace lockstep::client
