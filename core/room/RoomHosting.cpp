#include "RoomHosting.h"

#include "InviteLink.h"
#include "PortMapper.h"
#include "ReachabilityCheck.h"
#include "ServerErrorText.h"
#include "protocol/CloseCode.h"
#include "server/SessionServer.h"
#include "server/media/SharedFiles.h"

#include <QTimer>

#include <algorithm>
#include <memory>
#include <utility>

namespace lockstep::room {

namespace {

// How long a stopped server may take to say goodbye to everyone before it
// is torn down regardless.
constexpr int kDrainTimeoutMs = 2000;

} // namespace

RoomHosting::RoomHosting(QObject *parent)
    : QObject(parent), m_serverThread(QStringLiteral("lockstep room server")),
      m_portMapper(new PortMapper(this)), m_reachability(new ReachabilityCheck(this))
{
    connect(m_portMapper, &PortMapper::stateChanged, this, &RoomHosting::onPortMapperChanged);
    connect(m_reachability, &ReachabilityCheck::finished, this, &RoomHosting::reachabilityChanged);
}

RoomHosting::~RoomHosting()
{
    // The servers go on their own thread, before it ends.
    m_serverThread.call([this] {
        if (m_server)
            m_server->stop(protocol::CloseCode::RoomClosed,
                           QStringLiteral("The host closed the room"));
        delete std::exchange(m_server, nullptr);
        qDeleteAll(std::exchange(m_draining, {}));
    });
}

bool RoomHosting::check(const HostOptions &options, std::optional<HostCertificate> *certificate,
                        QString *error)
{
    const auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    if (options.onServer()) {
        if (!InviteLink::isValidServer(options.server))
            return fail(tr("The server address must start with ws:// or wss:// and name a host, "
                           "like wss://watch.example.org/."));
        certificate->reset();
        return true;
    }
    QString why;
    *certificate = HostCertificate::loadOrCreate(options.certificateDirectory.isEmpty()
                                                     ? HostCertificate::defaultDirectory()
                                                     : options.certificateDirectory,
                                                 &why);
    return *certificate ? true : fail(why);
}

bool RoomHosting::start(const HostOptions &options, std::optional<HostCertificate> certificate,
                        const Offers &offers, QString *error)
{
    if (options.onServer()) {
        m_onServer = true;
        m_certificate.reset();
        m_options = options;
        m_inviteServer = options.server;
        return true;
    }
    if (!certificate) {
        if (error)
            *error = tr("This computer has no certificate to host with.");
        return false;
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
    server::SessionServer *started = m_serverThread.call([&]() -> server::SessionServer * {
        auto server = std::make_unique<server::SessionServer>(config);
        if (!server->start(&problem))
            return nullptr;
        m_serverPort = server->port();
        m_serverSecure = server->isSecure();
        m_serverLoopback = server->loopbackUrl();
        m_serverShares = server->sharedFiles() != nullptr;
        if (server::media::SharedFiles *files = server->sharedFiles()) {
            for (const QString &path : std::as_const(offers.files))
                files->offer(path);
            files->offerSubtitles(offers.subtitles);
        }
        return server.release();
    });
    if (!started) {
        if (error)
            *error = ServerErrorText::cannotHost(options.port, problem);
        return false;
    }
    m_server = started;
    if (server::media::MediaServer *media = m_server->mediaServer())
        connect(media, &server::media::MediaServer::uploadRatesChanged, this,
                &RoomHosting::uploadRatesChanged);
    m_certificate = std::move(certificate);
    m_options = options;
    const QList<HostAddress> addresses = hostAddresses();
    m_inviteServer = addresses.isEmpty() ? QUrl() : addresses.first().url;
    return true;
}

void RoomHosting::stop()
{
    m_onServer = false;
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
    const quint64 drain = ++m_drainCount;
    m_draining.insert(drain, server);
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

void RoomHosting::finishDrain(quint64 drain)
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

void RoomHosting::offerFile(const QString &path)
{
    if (sharesFiles())
        m_serverThread.post([server = m_server, path] { server->sharedFiles()->offer(path); });
}

void RoomHosting::offerSubtitles(const QHash<QString, QByteArray> &texts)
{
    // Waits: a guest told of a track right after can fetch it at once.
    if (sharesFiles())
        m_serverThread.call(
            [server = m_server, &texts] { server->sharedFiles()->offerSubtitles(texts); });
}

QHash<QString, double> RoomHosting::uploadRates() const
{
    if (!m_server)
        return {};
    return m_serverThread.call([server = m_server] {
        return server->mediaServer() ? server->mediaServer()->uploadRates()
                                     : QHash<QString, double>();
    });
}

qint64 RoomHosting::peakStreamBufferBytes() const
{
    if (!m_server)
        return 0;
    return m_serverThread.call([server = m_server] {
        return server->mediaServer() ? server->mediaServer()->peakBufferedBytes() : qint64(0);
    });
}

QList<HostAddress> RoomHosting::hostAddresses() const
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

void RoomHosting::setInviteServer(const QUrl &server)
{
    if (m_inviteServer == server)
        return;
    m_inviteServer = server;
    emit inviteServerChanged(server);
}

void RoomHosting::openRouterPort()
{
    if (m_server)
        m_portMapper->open(m_serverPort);
}

void RoomHosting::onPortMapperChanged()
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
    emit routerPortChanged();
}

} // namespace lockstep::room
