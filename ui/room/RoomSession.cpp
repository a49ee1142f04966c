#include "RoomSession.h"

#include "PortMapper.h"
#include "ReachabilityCheck.h"
#include "ServerErrorText.h"
#include "StreamProxy.h"
#include "SubtitleFetcher.h"
#include "client/ClientTransport.h"
#include "client/SessionClient.h"
#include "protocol/Clock.h"
#include "protocol/CloseCode.h"
#include "protocol/Limits.h"
#include "server/SessionServer.h"
#include "server/media/SharedFiles.h"
#include "sync/SyncController.h"

#include <QTimer>
#include <QUrlQuery>

#include <algorithm>
#include <utility>

namespace lockstep::ui {

namespace {

// How long a stopped server may take to say goodbye to everyone before it
// is torn down regardless.
constexpr int kDrainTimeoutMs = 2000;

} // namespace

RoomSession::RoomSession(sync::PlayerBackend &player, const protocol::Clock &clock,
                         std::unique_ptr<client::ClientTransport> transport, QObject *parent)
    : QObject(parent), m_clock(clock), m_transport(transport.get()),
      m_client(std::make_unique<client::SessionClient>(clock, std::move(transport))),
      m_sync(std::make_unique<sync::SyncController>(clock, *m_client, player)),
      m_serverThread(QStringLiteral("lockstep room server")), m_portMapper(new PortMapper(this)),
      m_reachability(new ReachabilityCheck(this)), m_tickTimer(new QTimer(this)),
      m_streamProxy(new StreamProxy(this)), m_subtitleFetcher(new SubtitleFetcher(this))
{
    // The app runs on real time: starts are timed to the millisecond.
    m_sync->setPreciseStart(dynamic_cast<const protocol::SystemClock *>(&clock) != nullptr);
    m_tickTimer->setInterval(kTickMs);
    m_tickTimer->setTimerType(Qt::PreciseTimer);
    connect(m_tickTimer, &QTimer::timeout, this, &RoomSession::tick);
    connectClient();
    connect(m_sync.get(), &sync::SyncController::timelineChanged, this, [this] {
        // A new start (a play, a seek, other media) gives everyone a fresh chance.
        m_stoppedSaid.clear();
        emit timelineChanged();
        if (std::exchange(m_lastSpeed, m_sync->speed()) != m_sync->speed())
            emit speedChanged(m_sync->speed());
    });
    connect(m_sync.get(), &sync::SyncController::activityChanged, this,
            &RoomSession::syncActivityChanged);
    connect(m_portMapper, &PortMapper::stateChanged, this, &RoomSession::onPortMapperChanged);
    connect(m_subtitleFetcher, &SubtitleFetcher::fetched, this, &RoomSession::hostSubtitleFetched);
    connect(m_subtitleFetcher, &SubtitleFetcher::failed, this, &RoomSession::hostSubtitleFailed);
}

void RoomSession::connectClient()
{
    using client::SessionClient;
    SessionClient *client = m_client.get();
    connect(client, &SessionClient::stateChanged, this, &RoomSession::stateChanged);
    connect(client, &SessionClient::participantsChanged, this, &RoomSession::setParticipants);
    connect(client, &SessionClient::clientJoined, this, &RoomSession::participantJoined);
    connect(client, &SessionClient::clientLeft, this, &RoomSession::participantLeft);
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
    connect(client, &SessionClient::errorReceived, this, [this](const protocol::Error &error) {
        emit refused(error);
        emit notice(ServerErrorText::describe(error));
    });
    connect(client, &SessionClient::chatReceived, this, &RoomSession::chatReceived);
    connect(client, &SessionClient::pendingChatChanged, this, &RoomSession::pendingChatChanged);
    connect(client, &SessionClient::playlistChanged, this, &RoomSession::playlistChanged);
    connect(client, &SessionClient::readyChanged, this, &RoomSession::readyChanged);
    connect(client, &SessionClient::sharedSubtitlesChanged, this,
            [this](const QList<protocol::SharedSubtitle> &subtitles) {
                // Our own list, told back on entering: not the host's for us.
                emit hostSubtitlesChanged(m_server ? QList<protocol::SharedSubtitle>() : subtitles);
            });

    connect(client, &SessionClient::joined, this,
            [this](const protocol::RoomState &room, double, bool rejoined) {
                m_roomMedia = RoomMedia::fromRoom(room.mediaUrl, room.media);
                m_mediaOwner = room.hostId;
                m_mediaToken = room.mediaToken.value_or(QString());
                onJoined(rejoined);
            });
    connect(client, &SessionClient::joinFailed, this, [this](const protocol::Error &error) {
        m_endMessage = m_hostingOnServer ? ServerErrorText::hostingRefused(error)
                                         : ServerErrorText::describe(error);
    });
    connect(client, &SessionClient::ended, this, &RoomSession::onEnded);
    connect(client, &SessionClient::connectionLost, this, &RoomSession::onConnectionLost);
    connect(client, &SessionClient::inviteCreated, this,
            [this](const QString &token, double expiresAt) {
                m_inviteToken = token;
                m_inviteExpiresAt = expiresAt;
                emit inviteLinkChanged(inviteLink());
            });
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

RoomSession::~RoomSession()
{
    // Members go in reverse order; the engine must stop before its client.
    m_tickTimer->stop();
    m_client->disconnect(this);
    // The servers go on their own thread, before it ends.
    m_serverThread.call([this] {
        if (m_server)
            m_server->stop(protocol::CloseCode::RoomClosed,
                           QStringLiteral("The host closed the room"));
        delete std::exchange(m_server, nullptr);
        qDeleteAll(std::exchange(m_draining, {}));
    });
}

bool RoomSession::isActive() const
{
    return m_client->state() != client::SessionClient::State::Idle;
}

bool RoomSession::inRoom() const
{
    return m_client->inRoom();
}

RoomSession::State RoomSession::state() const
{
    return m_client->state();
}

QString RoomSession::clientId() const
{
    return m_client->clientId();
}

QString RoomSession::hostId() const
{
    return m_client->hostId();
}

bool RoomSession::isHost() const
{
    return m_client->isHost();
}

QString RoomSession::roomId() const
{
    return m_client->roomId();
}

const QList<protocol::Participant> &RoomSession::participants() const
{
    return m_participants;
}

void RoomSession::setParticipants(const QList<protocol::Participant> &participants)
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

void RoomSession::noticeStoppedParticipants()
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

int RoomSession::participantCount() const
{
    return m_client->room().participantCount;
}

QString RoomSession::participantName(const QString &clientId) const
{
    return m_client->participantName(clientId);
}

QString RoomSession::nameOf(const QString &clientId) const
{
    const QString name = m_client->participantName(clientId);
    return name.isEmpty() ? tr("Someone") : name;
}

std::optional<protocol::RoomOptions> RoomSession::roomOptions() const
{
    if (!m_client->inRoom())
        return std::nullopt;
    protocol::ProtocolError ignored;
    return protocol::RoomOptions::fromJson(m_client->room().options, &ignored);
}

bool RoomSession::canControl() const
{
    return m_sync->canControl();
}

bool RoomSession::togglePlayPause()
{
    if (m_sync->hasTimeline() && !m_sync->timeline().isPlaying() && playWouldBeHeld()) {
        if (!canControl())
            return false;
        // The server holds this play until everyone is ready and then starts
        // everyone at once; starting our own player first would run ahead.
        m_client->sendPlayerEvent(
            protocol::PlayerEvent {protocol::PlayerAction::Play, m_sync->timeline().position});
        return true;
    }
    return m_sync->togglePlayPause();
}

bool RoomSession::playWouldBeHeld() const
{
    const auto options = roomOptions();
    if (!options || !options->startWhenReady)
        return false;
    return std::any_of(participants().cbegin(), participants().cend(),
                       [](const protocol::Participant &p) { return !p.ready; });
}

bool RoomSession::seek(double position)
{
    return m_sync->seek(position);
}

bool RoomSession::setSpeed(double speed)
{
    return m_sync->setSpeed(speed);
}

double RoomSession::speed() const
{
    return m_sync->speed();
}

void RoomSession::setAudioDelay(double seconds)
{
    m_sync->setAudioDelay(seconds);
}

double RoomSession::audioDelay() const
{
    return m_sync->audioDelay();
}

double RoomSession::playerRoomPosition(double playerPosition) const
{
    return inRoom() ? std::max(0.0, playerPosition - m_sync->audioDelay()) : playerPosition;
}

bool RoomSession::hasTimeline() const
{
    return m_sync->hasTimeline();
}

bool RoomSession::timelinePlaying() const
{
    return m_sync->hasTimeline() && m_sync->timeline().isPlaying();
}

sync::SyncSnapshot RoomSession::syncSnapshot() const
{
    return m_sync->snapshot();
}

int RoomSession::correctionCount() const
{
    return m_sync->correctionCount();
}

bool RoomSession::resyncEveryone()
{
    return m_client->inRoom() && m_client->isHost() && m_client->requestResyncAll();
}

bool RoomSession::handOverHost(const QString &clientId)
{
    return m_client->handOverHost(clientId);
}

void RoomSession::startTicking()
{
    if (!m_tickTimer->isActive())
        m_tickTimer->start();
}

void RoomSession::tick()
{
    m_client->tick();
    m_sync->tick();
}

bool RoomSession::connectionVerified() const
{
    return m_transport->isVerified();
}

bool RoomSession::startServer(const HostOptions &options, QString *error)
{
    const auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    if (options.onServer() && !InviteLink::isValidServer(options.server))
        return fail(tr("The server address must start with ws:// or wss:// and name a host, "
                       "like wss://watch.example.org/."));
    std::optional<HostCertificate> certificate;
    if (!options.onServer()) {
        QString why;
        certificate = HostCertificate::loadOrCreate(options.certificateDirectory.isEmpty()
                                                        ? HostCertificate::defaultDirectory()
                                                        : options.certificateDirectory,
                                                    &why);
        if (!certificate)
            return fail(why);
    }

    if (isHosting())
        stopHosting();
    if (isActive())
        leave();

    if (options.onServer()) {
        m_hostingOnServer = true;
        m_certificate.reset();
        m_hostOptions = options;
        m_inviteExpiry = options.inviteExpiry;
        m_inviteToken.clear();
        m_inviteServer = options.server;
        emit hostingChanged(true);
        return true;
    }

    // The app's own server speaks wss:// only, with the certificate whose
    // fingerprint the invite link carries; QWebSocketServer does the TLS.
    server::SessionServerConfig config;
    config.address = QHostAddress::Any;
    config.port = options.port;
    config.tlsCertificatePath = certificate->certificatePath();
    config.tlsKeyPath = certificate->keyPath();
    config.network = server::SessionServerConfig::Network::Qt;
    config.shareMedia = options.shareFile;
    config.media.maxStreams = std::max(1, options.maxStreams);
    // Made, started and from then on run on the room server's thread; this
    // thread waits for the start, which only opens the port.
    server::StartFailure problem;
    QHash<QString, QByteArray> texts;
    for (const SubtitleOffer &offer : std::as_const(m_subtitleOffers))
        texts.insert(offer.track.id, offer.text);
    server::SessionServer *started = m_serverThread.call([&]() -> server::SessionServer * {
        auto server = std::make_unique<server::SessionServer>(config);
        if (!server->start(&problem))
            return nullptr;
        m_serverPort = server->port();
        m_serverSecure = server->isSecure();
        m_serverLoopback = server->loopbackUrl();
        m_serverShares = server->sharedFiles() != nullptr;
        if (server::media::SharedFiles *files = server->sharedFiles()) {
            for (const QString &path : std::as_const(m_localFiles))
                files->offer(path);
            files->offerSubtitles(texts);
        }
        return server.release();
    });
    if (!started)
        return fail(ServerErrorText::cannotHost(options.port, problem));
    m_server = started;
    if (server::media::MediaServer *media = m_server->mediaServer())
        connect(media, &server::media::MediaServer::uploadRatesChanged, this,
                &RoomSession::uploadRatesChanged);
    m_certificate = std::move(certificate);
    m_hostOptions = options;
    m_inviteExpiry = options.inviteExpiry;
    m_inviteToken.clear();
    const QList<HostAddress> addresses = hostAddresses();
    m_inviteServer = addresses.isEmpty() ? QUrl() : addresses.first().url;
    emit hostingChanged(true);
    return true;
}

void RoomSession::createRoom(const RoomMedia &media, double startPosition, bool playing)
{
    if (!isHosting())
        return;
    // A room that starts only when everyone is ready opens paused where the
    // host is; its first play waits for the others.
    m_sync->setPlayWhenCreated(playing && !m_hostOptions.startWhenReady);
    client::SessionSpec spec;
    if (m_server) {
        spec.server = m_serverLoopback;
        m_transport->setPinnedCertificate(m_certificate->sha256());
    } else {
        spec.server = m_hostOptions.server;
        spec.authToken = m_hostOptions.authToken;
        m_transport->setPinnedCertificate({});
    }
    spec.name = m_hostOptions.name;
    spec.create = true;
    spec.createParams.mediaUrl = media.mediaUrl();
    spec.createParams.media = media.info();
    spec.createParams.startPos = std::max(0.0, startPosition);
    protocol::RoomOptions options;
    options.control = m_hostOptions.hostOnlyControl ? protocol::ControlMode::Host
                                                    : protocol::ControlMode::Everyone;
    options.inviteOnly = m_hostOptions.inviteOnly;
    options.startWhenReady = m_hostOptions.startWhenReady;
    spec.createParams.options = options.toJson();
    m_joinLink = InviteLink();
    m_endMessage.clear();
    m_client->start(spec);
    startTicking();
    emit activeChanged(true);
}

void RoomSession::join(const InviteLink &link, const QString &name, const QString &authToken)
{
    if (isHosting())
        stopHosting();
    else if (isActive())
        leave();

    // Proxies that spread rooms over several servers route by ?room=.
    QUrl server = link.server();
    QUrlQuery query(server);
    if (!query.hasQueryItem(QStringLiteral("room")))
        query.addQueryItem(QStringLiteral("room"), link.room());
    server.setQuery(query);

    client::SessionSpec spec;
    spec.server = server;
    spec.room = link.room();
    spec.name = name;
    spec.inviteToken = link.invite();
    spec.authToken = authToken;
    m_transport->setPinnedCertificate(link.certificateDigest());
    m_joinLink = link;
    m_inviteToken.clear();
    m_endMessage.clear();
    m_client->start(spec);
    startTicking();
    emit activeChanged(true);
}

bool RoomSession::canRetry() const
{
    return !m_server && m_client->canRetry();
}

bool RoomSession::retry()
{
    if (!canRetry() || !m_client->retry(kRetrySeconds))
        return false;
    m_endMessage.clear();
    m_endOnPurpose = false;
    startTicking();
    emit activeChanged(true);
    return true;
}

void RoomSession::dismissRetry()
{
    if (canRetry())
        m_client->leave();
}

void RoomSession::leave()
{
    if (isHosting()) {
        stopHosting();
        return;
    }
    if (!isActive())
        return;
    m_endMessage = tr("You left the room.");
    m_endOnPurpose = true;
    m_client->leave();
}

void RoomSession::stopHosting()
{
    if (!isHosting())
        return;
    m_endOnPurpose = true;
    if (m_hostingOnServer) {
        // The room lives on the server: leaving it is all this app can do;
        // whoever stays gets the host role.
        m_hostingOnServer = false;
        m_endMessage = tr("You left the room.");
        m_client->leave();
        emit hostingChanged(false);
        emit inviteLinkChanged(QString());
        return;
    }
    m_endMessage = tr("You closed the room.");
    shutDownServer();
    // The server has told everyone, ourselves included; stop our client from
    // trying to reconnect to it.
    m_client->leave();
    emit hostingChanged(false);
    emit inviteLinkChanged(QString());
}

void RoomSession::offerLocalFile(const QString &path)
{
    if (!m_localFiles.contains(path))
        m_localFiles.append(path);
    if (m_server && m_serverShares)
        m_serverThread.post([server = m_server, path] { server->sharedFiles()->offer(path); });
}

void RoomSession::offerSubtitles(const QList<SubtitleOffer> &offers)
{
    m_subtitleOffers = offers.mid(0, protocol::limits::kMaxSharedSubtitles);
    QHash<QString, QByteArray> texts;
    QList<protocol::SharedSubtitle> list;
    for (const SubtitleOffer &offer : std::as_const(m_subtitleOffers)) {
        texts.insert(offer.track.id, offer.text);
        list.append(offer.track);
    }
    if (!m_server || !m_serverShares)
        return;
    // The texts first (the server has them before the list leaves): a guest
    // told of a track can fetch it at once.
    m_serverThread.call(
        [server = m_server, &texts] { server->sharedFiles()->offerSubtitles(texts); });
    m_client->shareSubtitles(list);
}

QList<protocol::SharedSubtitle> RoomSession::hostSubtitles() const
{
    return m_server ? QList<protocol::SharedSubtitle>() : m_client->sharedSubtitles();
}

bool RoomSession::fetchHostSubtitle(const QString &id)
{
    const QList<protocol::SharedSubtitle> list = hostSubtitles();
    const auto track = std::find_if(list.cbegin(), list.cend(),
                                    [&](const protocol::SharedSubtitle &s) { return s.id == id; });
    if (track == list.cend() || m_mediaToken.isEmpty()
        || m_joinLink.server().scheme() != QLatin1String("wss"))
        return false;
    QUrl base = m_joinLink.server();
    base.setScheme(QStringLiteral("https"));
    base.setPath({});
    m_subtitleFetcher->setRoom(base, m_joinLink.room(), m_mediaToken,
                               m_joinLink.certificateDigest());
    return m_subtitleFetcher->fetch(*track);
}

bool RoomSession::sharesFiles() const
{
    return m_server && m_serverShares;
}

QHash<QString, double> RoomSession::uploadRates() const
{
    if (!m_server)
        return {};
    return m_serverThread.call([server = m_server] {
        return server->mediaServer() ? server->mediaServer()->uploadRates()
                                     : QHash<QString, double>();
    });
}

qint64 RoomSession::peakStreamBufferBytes() const
{
    if (!m_server)
        return 0;
    return m_serverThread.call([server = m_server] {
        return server->mediaServer() ? server->mediaServer()->peakBufferedBytes() : qint64(0);
    });
}

bool RoomSession::hostOffersStream() const
{
    return !m_server && inRoom() && m_roomMedia.info() && m_roomMedia.info()->stream
        && !m_mediaToken.isEmpty() && m_joinLink.server().scheme() == QLatin1String("wss");
}

void RoomSession::setPlaysHostStream(bool playing)
{
    m_playsHostStream = playing;
    // Its seeks wait for fetches from now on (or no more).
    m_sync->setMediaStreams(playing);
    emit playsHostStreamChanged(playing);
}

QUrl RoomSession::hostStreamUrl()
{
    if (!hostOffersStream())
        return {};
    QUrl upstream = m_joinLink.server();
    upstream.setScheme(QStringLiteral("https"));
    upstream.setPath(QStringLiteral("/media/") + m_joinLink.room());
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("token"), m_mediaToken);
    upstream.setQuery(query);
    return m_streamProxy->start(upstream, m_joinLink.certificateDigest(), m_roomMedia.info()->name);
}

void RoomSession::shutDownServer()
{
    m_reachability->cancel();
    m_portMapper->close();
    if (!m_server)
        return;
    // Closing handshakes need the event loop; keep the server until they are
    // done, so everyone gets the reason rather than a dropped connection.
    // Each server drains on its own: a room hosted again and closed again
    // while an earlier one still drains has two. finishDrain() deletes a
    // server once, and only one in m_draining.
    server::SessionServer *server = std::exchange(m_server, nullptr);
    // By number, not address: a later server may get a deleted one's.
    const quint64 drain = ++m_drainCount;
    m_draining.insert(drain, server);
    m_inviteToken.clear();
    connect(&server->core(), &server::ServerCore::connectionCountChanged, this,
            [this, drain](int count) {
                if (count == 0)
                    finishDrain(drain);
            });
    const int open = m_serverThread.call([server] {
        server->stop(protocol::CloseCode::RoomClosed, QStringLiteral("The host closed the room"));
        return server->connectionCount();
    });
    if (open == 0) {
        QTimer::singleShot(0, this, [this, drain] { finishDrain(drain); });
        return;
    }
    QTimer::singleShot(kDrainTimeoutMs, this, [this, drain] { finishDrain(drain); });
}

void RoomSession::finishDrain(quint64 drain)
{
    server::SessionServer *server = m_draining.take(drain);
    if (!server)
        return;
    server->disconnect(this);
    server->core().disconnect(this);
    m_serverThread.post([server] { delete server; });
    if (m_draining.isEmpty())
        emit drained();
}

void RoomSession::onJoined(bool rejoined)
{
    m_hostName = m_client->participantName(m_client->hostId());
    m_hostAway = false;
    if (!rejoined && isHosting() && m_client->isHost())
        requestInvite(m_inviteExpiry);
    emit roomMediaChanged(m_roomMedia, m_mediaOwner);
    emit joined(rejoined);
}

void RoomSession::onEnded(const client::SessionEnd &end)
{
    m_streamProxy->stop();
    m_mediaToken.clear();
    m_subtitleFetcher->clear();
    QString message = m_endMessage;
    if (message.isEmpty()) {
        using Reason = client::SessionEnd::Reason;
        switch (end.reason) {
        case Reason::Left:
            message = tr("You left the room.");
            break;
        case Reason::CouldNotConnect:
            message = end.closeCode
                    == protocol::closeCodeValue(protocol::CloseCode::CertificateMismatch)
                ? ServerErrorText::certificateMismatch()
                : ServerErrorText::connectionFailed(m_client->spec().server, end.detail);
            break;
        case Reason::Refused:
            message = ServerErrorText::describe(end.error);
            break;
        case Reason::Closed:
            message = ServerErrorText::connectionLost(end.closeCode, end.detail);
            break;
        case Reason::Unreachable:
            message = m_hostName.isEmpty()
                ? tr("The room cannot be reached any more: the host may have quit or lost "
                     "their connection. Your video keeps playing.")
                : tr("%1's room cannot be reached any more: they may have quit or lost their "
                     "connection. Your video keeps playing.")
                      .arg(m_hostName);
            break;
        }
    }
    m_endMessage.clear();
    const bool onPurpose = std::exchange(m_endOnPurpose, false);
    m_tickTimer->stop();
    m_inviteToken.clear();
    if (m_server) {
        // Our own room could not be made (or our client fell off it): the
        // server has nothing to serve.
        shutDownServer();
        emit hostingChanged(false);
    } else if (m_hostingOnServer) {
        m_hostingOnServer = false;
        emit hostingChanged(false);
    }
    m_roomMedia = RoomMedia();
    m_mediaOwner.clear();
    m_participants.clear();
    m_hostAway = false;
    emit participantsChanged(m_participants);
    emit inviteLinkChanged(QString());
    emit ended(message, onPurpose);
    emit activeChanged(false);
}

void RoomSession::onConnectionLost(const client::ConnectionLoss &loss)
{
    if (protocol::closeEndsSession(loss.closeCode))
        return; // the client ends the session itself; onEnded() says why
    QString what;
    switch (loss.cause) {
    case client::LossCause::Closed:
        what = ServerErrorText::connectionLost(loss.closeCode, loss.detail);
        break;
    case client::LossCause::ConnectTimeout:
        what = tr("The server did not answer.");
        break;
    case client::LossCause::Silence:
        what = tr("The server stopped answering.");
        break;
    }
    if (m_server || m_hostName.isEmpty() || m_client->isHost()) {
        emit notice(tr("%1 Reconnecting…").arg(what));
        return;
    }
    // A guest: the room's server is (usually) the host's app, so the host is
    // gone for now. Said once; the list shows them gone until we are back.
    m_hostAway = true;
    setParticipants(m_client->participants());
    emit notice(tr("%1 (the host) cannot be reached. %2 Reconnecting; your video keeps playing.")
                    .arg(m_hostName, what));
}

void RoomSession::requestInvite(int expirySeconds)
{
    m_inviteExpiry = expirySeconds;
    m_client->createInvite(expirySeconds);
}

QList<HostAddress> RoomSession::hostAddresses() const
{
    if (!m_server)
        return {};
    const quint16 port = m_serverPort;
    const bool secure = m_serverSecure;
    QList<HostAddress> addresses;
    if (m_portMapper->state() == PortMapper::State::Open
        && !m_portMapper->externalAddress().isNull())
        addresses << HostAddresses::internet(m_portMapper->externalAddress(), port, secure);
    addresses << HostAddresses::local(port, secure);
    if (addresses.isEmpty())
        addresses << HostAddresses::thisComputer(port, secure);
    return addresses;
}

void RoomSession::setInviteServer(const QUrl &server)
{
    if (m_inviteServer == server)
        return;
    m_inviteServer = server;
    emit inviteLinkChanged(inviteLink());
}

QString RoomSession::inviteLink() const
{
    if (!m_client->inRoom())
        return {};
    if (isHosting()) {
        if (m_inviteToken.isEmpty() && m_hostOptions.inviteOnly)
            return {};
        return InviteLink(m_inviteServer, m_client->roomId(), m_inviteToken,
                          m_certificate ? m_certificate->fingerprint() : QString())
            .toString();
    }
    // A guest passes on the link it came with, which lets others in as well
    // until it expires; a guest made host may have a fresh invite.
    if (!m_joinLink.server().isValid())
        return {};
    return InviteLink(m_joinLink.server(), m_client->roomId(),
                      m_inviteToken.isEmpty() ? m_joinLink.invite() : m_inviteToken,
                      m_joinLink.fingerprint())
        .toString();
}

void RoomSession::changeMedia(const RoomMedia &media)
{
    if (!m_client->inRoom())
        return;
    m_client->changeMedia(media.toMediaChange());
    m_roomMedia = media;
    m_mediaOwner = m_client->clientId();
    // The server puts the room at 0, paused, and tells only the others.
    m_sync->mediaChangedLocally();
    emit roomMediaChanged(m_roomMedia, m_mediaOwner);
}

const QList<protocol::ChatEntry> &RoomSession::chatHistory() const
{
    return m_client->room().chat;
}

bool RoomSession::sendChat(const QString &text)
{
    return m_client->sendChat(text);
}

QStringList RoomSession::pendingChat() const
{
    return m_client->pendingChat();
}

const protocol::Playlist &RoomSession::playlist() const
{
    return m_client->room().playlist;
}

bool RoomSession::setPlaylist(const QList<protocol::PlaylistItem> &items, int current)
{
    if (!m_client->inRoom() || !canControl() || current < -1 || current >= items.size())
        return false;
    const protocol::Playlist &before = m_client->room().playlist;
    const QString beforeId = before.current >= 0 && before.current < before.items.size()
        ? before.items.at(before.current).id
        : QString();
    if (!m_client->sendPlaylist(protocol::PlaylistUpdate {items, current, std::nullopt}))
        return false;
    if (current < 0 || items.at(current).id == beforeId)
        return true;
    // A new current item is the room's media from now on, as the server
    // decides it (unless it is what the room already plays); the server
    // tells only the others.
    const protocol::PlaylistItem &item = items.at(current);
    const RoomMedia media = RoomMedia::fromRoom(item.mediaUrl, item.media);
    // As the server judges it: `stream` is the server's word, not the file's.
    const auto named = [](std::optional<protocol::MediaInfo> info) {
        if (info)
            info->stream = false;
        return info;
    };
    if (media.mediaUrl() == m_roomMedia.mediaUrl()
        && named(media.info()) == named(m_roomMedia.info()) && !m_roomMedia.isEmpty())
        return true;
    m_roomMedia = media;
    m_mediaOwner = m_client->clientId();
    m_sync->mediaChangedLocally();
    emit roomMediaChanged(m_roomMedia, m_mediaOwner);
    return true;
}

void RoomSession::setReady(bool ready)
{
    m_client->setReady(ready);
    emit readyChanged(m_client->clientId(), ready);
}

bool RoomSession::isReady() const
{
    return m_client->inRoom() ? m_client->isReady() : m_client->wantsReady();
}

void RoomSession::onPortMapperChanged()
{
    if (m_server && m_portMapper->state() == PortMapper::State::Open
        && !m_portMapper->externalAddress().isNull()) {
        // Whoever opens the router's port means to invite people from outside.
        setInviteServer(
            HostAddresses::urlFor(m_portMapper->externalAddress(), m_serverPort, m_serverSecure));
        if (m_certificate)
            m_reachability->start(m_portMapper->externalAddress(), m_serverPort,
                                  m_certificate->sha256());
    } else if (m_portMapper->state() != PortMapper::State::Open) {
        m_reachability->cancel();
    }
}

} // namespace lockstep::ui
