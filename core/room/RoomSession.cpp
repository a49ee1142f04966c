#include "RoomSession.h"

#include "ServerErrorText.h"
#include "client/ClientTransport.h"
#include "client/SessionClient.h"
#include "protocol/CloseCode.h"
#include "sync/SyncController.h"

#include <QUrlQuery>

#include <utility>

namespace lockstep::room {

RoomSession::RoomSession(sync::PlayerBackend &player, const protocol::Clock &clock,
                         std::unique_ptr<client::ClientTransport> transport, QObject *parent)
    : QObject(parent), m_connection(player, clock, std::move(transport)), m_hosting(),
      m_sharing(m_connection, m_hosting), m_party(m_connection)
{
    forwardSignals();
    connect(&m_connection, &RoomConnection::joined, this, &RoomSession::onJoined);
    connect(&m_connection, &RoomConnection::refused, this, [this](const protocol::Error &error) {
        emit refused(error);
        emit notice(ServerErrorText::describe(error));
    });
    connect(&m_connection, &RoomConnection::joinFailed, this, [this](const protocol::Error &error) {
        m_endMessage = m_hosting.hostsOnServer() ? ServerErrorText::hostingRefused(error)
                                                 : ServerErrorText::describe(error);
    });
    connect(&m_connection, &RoomConnection::sessionEnded, this, &RoomSession::onEnded);
    connect(&m_connection, &RoomConnection::connectionLost, this, &RoomSession::onConnectionLost);
    connect(&m_connection, &RoomConnection::inviteCreated, this,
            [this](const QString &token, double expiresAt) {
                m_inviteToken = token;
                m_inviteExpiresAt = expiresAt;
                emit inviteLinkChanged(inviteLink());
            });
    connect(&m_hosting, &RoomHosting::inviteServerChanged, this,
            [this] { emit inviteLinkChanged(inviteLink()); });
}

RoomSession::~RoomSession()
{
    // The engine stops before the servers go (members go in reverse order).
    m_connection.stopTicking();
}

void RoomSession::forwardSignals()
{
    const RoomConnection *c = &m_connection;
    connect(c, &RoomConnection::stateChanged, this, &RoomSession::stateChanged);
    connect(c, &RoomConnection::participantsChanged, this, &RoomSession::participantsChanged);
    connect(c, &RoomConnection::participantJoined, this, &RoomSession::participantJoined);
    connect(c, &RoomConnection::participantLeft, this, &RoomSession::participantLeft);
    connect(c, &RoomConnection::hostChanged, this, &RoomSession::hostChanged);
    connect(c, &RoomConnection::remotePlayerEvent, this, &RoomSession::remotePlayerEvent);
    connect(c, &RoomConnection::speedChanged, this, &RoomSession::speedChanged);
    connect(c, &RoomConnection::mediaChosen, this, &RoomSession::mediaChosen);
    connect(c, &RoomConnection::roomMediaChanged, this, &RoomSession::roomMediaChanged);
    connect(c, &RoomConnection::timelineChanged, this, &RoomSession::timelineChanged);
    connect(c, &RoomConnection::syncActivityChanged, this, &RoomSession::syncActivityChanged);
    connect(c, &RoomConnection::resynced, this, &RoomSession::resynced);
    connect(c, &RoomConnection::participantStopped, this, &RoomSession::participantStopped);
    const RoomHosting *h = &m_hosting;
    connect(h, &RoomHosting::drained, this, &RoomSession::drained);
    connect(h, &RoomHosting::uploadRatesChanged, this, &RoomSession::uploadRatesChanged);
    const RoomSharing *s = &m_sharing;
    connect(s, &RoomSharing::hostSubtitlesChanged, this, &RoomSession::hostSubtitlesChanged);
    connect(s, &RoomSharing::playsHostStreamChanged, this, &RoomSession::playsHostStreamChanged);
    connect(s, &RoomSharing::subtitleFetched, this, &RoomSession::hostSubtitleFetched);
    connect(s, &RoomSharing::subtitleFailed, this, &RoomSession::hostSubtitleFailed);
    const RoomParty *p = &m_party;
    connect(p, &RoomParty::chatReceived, this, &RoomSession::chatReceived);
    connect(p, &RoomParty::pendingChatChanged, this, &RoomSession::pendingChatChanged);
    connect(p, &RoomParty::playlistChanged, this, &RoomSession::playlistChanged);
    connect(p, &RoomParty::readyChanged, this, &RoomSession::readyChanged);
}

bool RoomSession::togglePlayPause()
{
    sync::SyncController &engine = m_connection.engine();
    if (engine.hasTimeline() && !engine.timeline().isPlaying() && m_party.playWouldBeHeld()) {
        if (!engine.canControl())
            return false;
        // The server holds this play until everyone is ready and then starts
        // everyone at once; starting our own player first would run ahead.
        m_connection.client().sendPlayerEvent(
            protocol::PlayerEvent {protocol::PlayerAction::Play, engine.timeline().position});
        return true;
    }
    return engine.togglePlayPause();
}

bool RoomSession::seek(double position)
{
    return m_connection.engine().seek(position);
}

bool RoomSession::setSpeed(double speed)
{
    return m_connection.engine().setSpeed(speed);
}

void RoomSession::setAudioDelay(double seconds)
{
    m_connection.engine().setAudioDelay(seconds);
}

bool RoomSession::resyncEveryone()
{
    client::SessionClient &client = m_connection.client();
    return client.inRoom() && client.isHost() && client.requestResyncAll();
}

bool RoomSession::handOverHost(const QString &clientId)
{
    return m_connection.client().handOverHost(clientId);
}

bool RoomSession::startServer(const HostOptions &options, QString *error)
{
    // Checked before anything stops: a bad address or certificate leaves
    // the room we are in as it is.
    std::optional<HostCertificate> certificate;
    if (!RoomHosting::check(options, &certificate, error))
        return false;
    if (isHosting())
        stopHosting();
    if (m_connection.isActive())
        leave();
    if (!m_hosting.start(options, std::move(certificate), m_sharing.offers(), error))
        return false;
    m_inviteExpiry = options.inviteExpiry;
    m_inviteToken.clear();
    emit hostingChanged(true);
    return true;
}

void RoomSession::createRoom(const RoomMedia &media, double startPosition, bool playing)
{
    if (!isHosting())
        return;
    const HostOptions &options = m_hosting.options();
    // A room that starts only when everyone is ready opens paused where the
    // host is; its first play waits for the others.
    m_connection.engine().setPlayWhenCreated(playing && !options.startWhenReady);
    client::SessionSpec spec;
    QByteArray pin;
    if (m_hosting.runsServer()) {
        spec.server = m_hosting.loopbackUrl();
        pin = m_hosting.certificate()->sha256();
    } else {
        spec.server = options.server;
        spec.authToken = options.authToken;
    }
    spec.name = options.name;
    spec.create = true;
    spec.createParams.mediaUrl = media.mediaUrl();
    spec.createParams.media = media.info();
    spec.createParams.startPos = std::max(0.0, startPosition);
    protocol::RoomOptions roomOptions;
    roomOptions.control
        = options.hostOnlyControl ? protocol::ControlMode::Host : protocol::ControlMode::Everyone;
    roomOptions.inviteOnly = options.inviteOnly;
    roomOptions.startWhenReady = options.startWhenReady;
    spec.createParams.options = roomOptions.toJson();
    m_endMessage.clear();
    m_connection.start(spec, pin, InviteLink());
    emit activeChanged(true);
}

void RoomSession::join(const InviteLink &link, const QString &name, const QString &authToken)
{
    if (isHosting())
        stopHosting();
    else if (m_connection.isActive())
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
    m_inviteToken.clear();
    m_endMessage.clear();
    m_connection.start(spec, link.certificateDigest(), link);
    emit activeChanged(true);
}

bool RoomSession::canRetry() const
{
    return !m_hosting.runsServer() && m_connection.client().canRetry();
}

bool RoomSession::retry()
{
    if (!canRetry() || !m_connection.client().retry(kRetrySeconds))
        return false;
    m_endMessage.clear();
    m_endOnPurpose = false;
    m_connection.startTicking();
    emit activeChanged(true);
    return true;
}

void RoomSession::dismissRetry()
{
    if (canRetry())
        m_connection.client().leave();
}

void RoomSession::leave()
{
    if (isHosting()) {
        stopHosting();
        return;
    }
    if (!m_connection.isActive())
        return;
    m_endMessage = tr("You left the room.");
    m_endOnPurpose = true;
    m_connection.client().leave();
}

void RoomSession::stopHosting()
{
    if (!isHosting())
        return;
    m_endOnPurpose = true;
    // On a server the room lives on: leaving it is all this app can do, and
    // whoever stays gets the host role. The app's own server tells everyone
    // (ourselves included) that the room is closed; our client must not try
    // to reconnect to it.
    m_endMessage
        = m_hosting.hostsOnServer() ? tr("You left the room.") : tr("You closed the room.");
    endHosting();
    m_connection.client().leave();
    emit hostingChanged(false);
    emit inviteLinkChanged(QString());
}

void RoomSession::endHosting()
{
    m_inviteToken.clear();
    m_hosting.stop();
}

void RoomSession::requestInvite(int expirySeconds)
{
    m_inviteExpiry = expirySeconds;
    m_connection.client().createInvite(expirySeconds);
}

QString RoomSession::inviteLink() const
{
    const client::SessionClient &client = m_connection.client();
    if (!client.inRoom())
        return {};
    if (isHosting()) {
        if (m_inviteToken.isEmpty() && m_hosting.options().inviteOnly)
            return {};
        const auto &certificate = m_hosting.certificate();
        return InviteLink(m_hosting.inviteServer(), client.roomId(), m_inviteToken,
                          certificate ? certificate->fingerprint() : QString())
            .toString();
    }
    // A guest passes on the link it came with, which lets others in as well
    // until it expires; a guest made host may have a fresh invite.
    const InviteLink &link = m_connection.joinLink();
    if (!link.server().isValid())
        return {};
    return InviteLink(link.server(), client.roomId(),
                      m_inviteToken.isEmpty() ? link.invite() : m_inviteToken, link.fingerprint())
        .toString();
}

void RoomSession::changeMedia(const RoomMedia &media)
{
    if (!m_connection.inRoom())
        return;
    m_connection.client().changeMedia(media.toMediaChange());
    m_connection.adoptLocalMedia(media);
}

void RoomSession::onJoined(bool rejoined)
{
    if (!rejoined && isHosting() && m_connection.isHost())
        requestInvite(m_inviteExpiry);
    emit roomMediaChanged(m_connection.roomMedia(), m_connection.mediaOwnerId());
    emit joined(rejoined);
}

void RoomSession::onEnded(const client::SessionEnd &end)
{
    m_sharing.stop();
    QString message = std::exchange(m_endMessage, QString());
    if (message.isEmpty()) {
        using Reason = client::SessionEnd::Reason;
        const QString host = m_connection.hostName();
        switch (end.reason) {
        case Reason::Left:
            message = tr("You left the room.");
            break;
        case Reason::CouldNotConnect:
            message = end.closeCode
                    == protocol::closeCodeValue(protocol::CloseCode::CertificateMismatch)
                ? ServerErrorText::certificateMismatch()
                : ServerErrorText::connectionFailed(m_connection.client().spec().server,
                                                    end.detail);
            break;
        case Reason::Refused:
            message = ServerErrorText::describe(end.error);
            break;
        case Reason::Closed:
            message = ServerErrorText::connectionLost(end.closeCode, end.detail);
            break;
        case Reason::Unreachable:
            message = host.isEmpty()
                ? tr("The room cannot be reached any more: the host may have quit or lost "
                     "their connection. Your video keeps playing.")
                : tr("%1's room cannot be reached any more: they may have quit or lost their "
                     "connection. Your video keeps playing.")
                      .arg(host);
            break;
        }
    }
    const bool onPurpose = std::exchange(m_endOnPurpose, false);
    m_connection.stopTicking();
    m_inviteToken.clear();
    // Our own room could not be made (or our client fell off it): the server
    // has nothing to serve. On a server, the room is simply not ours any more.
    if (isHosting()) {
        endHosting();
        emit hostingChanged(false);
    }
    m_connection.clearRoom();
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
    const QString host = m_connection.hostName();
    if (m_hosting.runsServer() || host.isEmpty() || m_connection.isHost()) {
        emit notice(tr("%1 Reconnecting…").arg(what));
        return;
    }
    // A guest: the room's server is (usually) the host's app, so the host is
    // gone for now. Said once; the list shows them gone until we are back.
    m_connection.setHostAway(true);
    emit notice(tr("%1 (the host) cannot be reached. %2 Reconnecting; your video keeps playing.")
                    .arg(host, what));
}

} // namespace lockstep::room
