#include "RoomConnection.h"

#include "client/ClientTransport.h"
#include "protocol/Clock.h"
#include "sync/SyncController.h"

#include <QTimer>

#include <algorithm>
#include <utility>

namespace lockstep::room {

RoomConnection::RoomConnection(sync::PlayerBackend &player, const protocol::Clock &clock,
                               std::unique_ptr<client::ClientTransport> transport, QObject *parent)
    : QObject(parent), m_clock(clock), m_transport(transport.get()),
      m_client(std::make_unique<client::SessionClient>(clock, std::move(transport))),
      m_sync(std::make_unique<sync::SyncController>(clock, *m_client, player)),
      m_tickTimer(new QTimer(this))
{
    // The app runs on real time: starts are timed to the millisecond.
    m_sync->setPreciseStart(dynamic_cast<const protocol::SystemClock *>(&clock) != nullptr);
    m_tickTimer->setInterval(kTickMs);
    m_tickTimer->setTimerType(Qt::PreciseTimer);
    connect(m_tickTimer, &QTimer::timeout, this, &RoomConnection::tick);
    connectClient();
    connect(m_sync.get(), &sync::SyncController::timelineChanged, this, [this] {
        // A new start (a play, a seek, other media) gives everyone a fresh chance.
        m_stoppedSaid.clear();
        emit timelineChanged();
        if (std::exchange(m_lastSpeed, m_sync->speed()) != m_sync->speed())
            emit speedChanged(m_sync->speed());
    });
    connect(m_sync.get(), &sync::SyncController::activityChanged, this,
            &RoomConnection::syncActivityChanged);
}

RoomConnection::~RoomConnection()
{
    // Members go in reverse order; the engine must stop before its client.
    m_tickTimer->stop();
    m_client->disconnect(this);
}

void RoomConnection::connectClient()
{
    using client::SessionClient;
    SessionClient *client = m_client.get();
    connect(client, &SessionClient::stateChanged, this, &RoomConnection::stateChanged);
    connect(client, &SessionClient::participantsChanged, this, &RoomConnection::setParticipants);
    connect(client, &SessionClient::clientJoined, this, &RoomConnection::participantJoined);
    connect(client, &SessionClient::clientLeft, this, &RoomConnection::participantLeft);
    connect(client, &SessionClient::hostChanged, this,
            [this](const QString &hostId, const QString &) {
                m_hostName = m_client->participantName(hostId);
                emit hostChanged(hostId);
            });
    connect(client, &SessionClient::playerEventReceived, this,
            [this](const QString &from, const protocol::PlayerEvent &event, double) {
                if (from != m_client->clientId())
                    emit remotePlayerEvent(from, event);
            });
    connect(client, &SessionClient::forceResyncReceived, this,
            [this](const protocol::ForceResync &resync, double serverTs) {
                // The host asked for it and is told so by its own controller.
                if (m_client->isHost())
                    return;
                emit resynced(resync.targetPosition.value_or(
                    m_sync->hasTimeline() ? m_sync->timeline().positionAt(serverTs) : 0.0));
            });
    connect(client, &SessionClient::errorReceived, this, &RoomConnection::refused);
    connect(client, &SessionClient::joined, this,
            [this](const protocol::RoomState &room, double, bool rejoined) {
                m_roomMedia = RoomMedia::fromRoom(room.mediaUrl, room.media);
                m_mediaOwner = room.hostId;
                m_mediaToken = room.mediaToken.value_or(QString());
                m_hostName = m_client->participantName(m_client->hostId());
                m_hostAway = false;
                emit joined(rejoined);
            });
    connect(client, &SessionClient::joinFailed, this, &RoomConnection::joinFailed);
    connect(client, &SessionClient::ended, this, &RoomConnection::sessionEnded);
    connect(client, &SessionClient::connectionLost, this, &RoomConnection::connectionLost);
    connect(client, &SessionClient::inviteCreated, this, &RoomConnection::inviteCreated);
    connect(client, &SessionClient::mediaChanged, this,
            [this](const QString &from, const protocol::MediaChange &change, double) {
                m_roomMedia = RoomMedia::fromRoom(change.mediaUrl, change.media);
                m_mediaOwner = from;
                // Our own playlist move, told back because the host streams
                // the file: no "Bob chose …" about ourselves.
                if (from != m_client->clientId())
                    emit mediaChosen(from, m_roomMedia);
                emit roomMediaChanged(m_roomMedia, m_mediaOwner);
            });
}

void RoomConnection::tick()
{
    m_client->tick();
    m_sync->tick();
}

void RoomConnection::start(const client::SessionSpec &spec, const QByteArray &pin,
                           const InviteLink &joinLink)
{
    m_transport->setPinnedCertificate(pin);
    m_joinLink = joinLink;
    m_client->start(spec);
    startTicking();
}

void RoomConnection::startTicking()
{
    if (!m_tickTimer->isActive())
        m_tickTimer->start();
}

void RoomConnection::stopTicking()
{
    m_tickTimer->stop();
}

void RoomConnection::adoptLocalMedia(const RoomMedia &media)
{
    m_roomMedia = media;
    m_mediaOwner = m_client->clientId();
    // The server puts the room at 0, paused, and tells only the others.
    m_sync->mediaChangedLocally();
    emit roomMediaChanged(m_roomMedia, m_mediaOwner);
}

void RoomConnection::setHostAway(bool away)
{
    m_hostAway = away;
    setParticipants(m_client->participants());
}

void RoomConnection::clearRoom()
{
    m_mediaToken.clear();
    m_roomMedia = RoomMedia();
    m_mediaOwner.clear();
    m_participants.clear();
    m_hostAway = false;
    emit participantsChanged(m_participants);
}

RoomConnection::State RoomConnection::state() const
{
    return m_client->state();
}

bool RoomConnection::isActive() const
{
    return m_client->state() != client::SessionClient::State::Idle;
}

bool RoomConnection::inRoom() const
{
    return m_client->inRoom();
}

QString RoomConnection::clientId() const
{
    return m_client->clientId();
}

QString RoomConnection::hostId() const
{
    return m_client->hostId();
}

bool RoomConnection::isHost() const
{
    return m_client->isHost();
}

QString RoomConnection::roomId() const
{
    return m_client->roomId();
}

void RoomConnection::setParticipants(const QList<protocol::Participant> &participants)
{
    m_participants = participants;
    const QString host = m_client->hostId();
    if (m_hostAway && !host.isEmpty()) {
        m_participants.erase(
            std::remove_if(m_participants.begin(), m_participants.end(),
                           [&host](const protocol::Participant &p) { return p.clientId == host; }),
            m_participants.end());
    }
    emit participantsChanged(m_participants);
    noticeStoppedParticipants();
}

void RoomConnection::noticeStoppedParticipants()
{
    // A member paused far behind a room that plays has stopped on their own:
    // a shorter copy that ended, most often. Someone still choosing their
    // file (paused at the start) has not.
    constexpr double kBehindMs = 2000.0;
    constexpr double kStarted = 1.0; // s
    if (!timelinePlaying())
        return;
    const double expected = m_sync->expectedPosition();
    for (const protocol::Participant &p : std::as_const(m_participants)) {
        if (p.clientId == m_client->clientId())
            continue;
        if (p.playState != protocol::PlayState::Paused) {
            m_stoppedSaid.remove(p.clientId);
            continue;
        }
        if (!p.driftMs || *p.driftMs > -kBehindMs || m_stoppedSaid.contains(p.clientId))
            continue;
        const double position = expected + *p.driftMs / 1000.0;
        if (position < kStarted)
            continue;
        m_stoppedSaid.insert(p.clientId);
        emit participantStopped(p.clientId, p.name, position);
    }
}

int RoomConnection::participantCount() const
{
    return m_client->room().participantCount;
}

QString RoomConnection::participantName(const QString &clientId) const
{
    return m_client->participantName(clientId);
}

QString RoomConnection::nameOf(const QString &clientId) const
{
    const QString name = m_client->participantName(clientId);
    return name.isEmpty() ? tr("Someone") : name;
}

std::optional<protocol::RoomOptions> RoomConnection::roomOptions() const
{
    if (!m_client->inRoom())
        return std::nullopt;
    protocol::ProtocolError ignored;
    return protocol::RoomOptions::fromJson(m_client->room().options, &ignored);
}

bool RoomConnection::connectionVerified() const
{
    return m_transport->isVerified();
}

bool RoomConnection::canControl() const
{
    return m_sync->canControl();
}

double RoomConnection::speed() const
{
    return m_sync->speed();
}

double RoomConnection::audioDelay() const
{
    return m_sync->audioDelay();
}

double RoomConnection::playerRoomPosition(double playerPosition) const
{
    return inRoom() ? std::max(0.0, playerPosition - m_sync->audioDelay()) : playerPosition;
}

double RoomConnection::roomPosition() const
{
    return m_sync->roomPosition();
}

bool RoomConnection::hasTimeline() const
{
    return m_sync->hasTimeline();
}

bool RoomConnection::timelinePlaying() const
{
    return m_sync->hasTimeline() && m_sync->timeline().isPlaying();
}

sync::SyncSnapshot RoomConnection::syncSnapshot() const
{
    return m_sync->snapshot();
}

int RoomConnection::correctionCount() const
{
    return m_sync->correctionCount();
}

} // namespace lockstep::room
