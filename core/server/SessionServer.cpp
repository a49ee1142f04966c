#include "SessionServer.h"

#include "auth/TokenService.h"
#include "protocol/Clock.h"
#include "server/media/SharedFiles.h"
#include "server/net/QtBackend.h"
#ifdef Q_OS_LINUX
#include "server/net/EpollBackend.h"
#endif

#include <QFile>
#include <QLoggingCategory>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>
#include <QTimer>

Q_DECLARE_LOGGING_CATEGORY(lcServer)

namespace lockstep::server {

namespace {

bool loadTls(const SessionServerConfig &config, QSslConfiguration *tls, StartFailure *failure)
{
    QFile certFile(config.tlsCertificatePath);
    QFile keyFile(config.tlsKeyPath);
    if (!certFile.open(QIODevice::ReadOnly)) {
        *failure = {StartFailure::Reason::TlsCertificateUnreadable,
                    config.tlsCertificatePath + QStringLiteral(": ") + certFile.errorString()};
        return false;
    }
    if (!keyFile.open(QIODevice::ReadOnly)) {
        *failure = {StartFailure::Reason::TlsKeyUnreadable,
                    config.tlsKeyPath + QStringLiteral(": ") + keyFile.errorString()};
        return false;
    }
    const QList<QSslCertificate> chain = QSslCertificate::fromData(certFile.readAll(), QSsl::Pem);
    const QByteArray keyPem = keyFile.readAll();
    QSslKey key(keyPem, QSsl::Rsa, QSsl::Pem);
    if (key.isNull())
        key = QSslKey(keyPem, QSsl::Ec, QSsl::Pem);
    if (chain.isEmpty() || key.isNull()) {
        *failure = {StartFailure::Reason::TlsInvalidPem, {}};
        return false;
    }
    *tls = QSslConfiguration::defaultConfiguration();
    tls->setLocalCertificate(chain.first());
    if (chain.size() > 1)
        tls->setLocalCertificateChain(chain);
    tls->setPrivateKey(key);
    tls->setPeerVerifyMode(QSslSocket::VerifyNone);
    return true;
}

} // namespace

SessionServer::SessionServer(SessionServerConfig config, QObject *parent)
    : QObject(parent), m_config(std::move(config)),
      m_tokens(std::make_unique<auth::TokenService>(m_config.jwtSecret)),
      m_core(std::make_unique<ServerCore>(m_config.limits, protocol::SystemClock::instance(),
                                          *m_tokens, static_cast<Transport &>(*this)))
{
    if (m_config.shareMedia) {
        m_sharedFiles = std::make_unique<media::SharedFiles>();
        m_core->setSharedFiles(m_sharedFiles.get());
        m_mediaServer = std::make_unique<media::MediaServer>(
            *m_core, *m_tokens, protocol::SystemClock::instance(), m_config.media);
    }
}

SessionServer::~SessionServer()
{
    // The core must not outlive its transport's connections.
    m_backend.reset();
    m_mediaServer.reset();
}

bool SessionServer::createBackend(StartFailure *failure)
{
    if (m_backend)
        return true;
    const bool secure = !m_config.tlsCertificatePath.isEmpty() || !m_config.tlsKeyPath.isEmpty();
    if (!secure) {
#ifdef Q_OS_LINUX
        if (m_config.network == SessionServerConfig::Network::Native && !m_config.shareMedia) {
            m_backend = std::make_unique<net::EpollBackend>(m_config.limits, *m_core);
            m_native = true;
            return true;
        }
#endif
        auto backend = std::make_unique<net::QtBackend>(m_config.limits, *m_core, std::nullopt);
        attachMedia(*backend);
        m_backend = std::move(backend);
        return true;
    }
    QSslConfiguration tls;
    if (m_config.tlsCertificatePath.isEmpty() || m_config.tlsKeyPath.isEmpty())
        *failure = {StartFailure::Reason::TlsIncomplete, {}};
    else if (!QSslSocket::supportsSsl())
        *failure = {StartFailure::Reason::TlsUnsupported, {}};
    else if (loadTls(m_config, &tls, failure)) {
        auto backend = std::make_unique<net::QtBackend>(m_config.limits, *m_core, tls);
        attachMedia(*backend);
        m_backend = std::move(backend);
    }
    return m_backend != nullptr;
}

void SessionServer::attachMedia(net::QtBackend &backend)
{
    if (m_mediaServer) {
        backend.setMediaHandler(
            [server = m_mediaServer.get()](QTcpSocket *socket) { server->handle(socket); });
    }
}

bool SessionServer::start(StartFailure *failure)
{
    StartFailure problem;
    if (!createBackend(&problem) || !m_backend->listen(m_config.address, m_config.port, &problem)) {
        qCWarning(lcServer).noquote() << "cannot listen on" << m_config.address.toString() << "port"
                                      << m_config.port << "-" << problem.toString();
        if (failure)
            *failure = problem;
        emit errorOccurred(problem);
        return false;
    }

    if (!m_tickTimer) {
        m_tickTimer = new QTimer(this);
        m_tickTimer->setInterval(100);
        connect(m_tickTimer, &QTimer::timeout, this,
                [this] { m_backend->batched([this] { m_core->tick(); }); });
    }
    m_tickTimer->start();
    qCInfo(lcServer).noquote() << "listening on" << address().toString() << "port" << port()
                               << (isSecure() ? "(wss)" : "(ws)");
    return true;
}

void SessionServer::stop(protocol::CloseCode code, const QString &reason)
{
    m_core->closeAll(protocol::closeCodeValue(code), reason);
    if (m_backend)
        m_backend->stopListening();
    if (m_tickTimer)
        m_tickTimer->stop();
}

bool SessionServer::isListening() const
{
    return m_backend && m_backend->isListening();
}

quint16 SessionServer::port() const
{
    return m_backend ? m_backend->port() : 0;
}

QHostAddress SessionServer::address() const
{
    return m_backend ? m_backend->address() : QHostAddress();
}

int SessionServer::connectionCount() const
{
    return m_backend ? m_backend->connectionCount() : 0;
}

bool SessionServer::isSecure() const
{
    return m_backend && m_backend->isSecure();
}

QUrl SessionServer::loopbackUrl() const
{
    QUrl url;
    url.setScheme(isSecure() ? QStringLiteral("wss") : QStringLiteral("ws"));
    const QHostAddress bound = address();
    url.setHost(bound.protocol() == QAbstractSocket::IPv6Protocol && bound != QHostAddress::AnyIPv6
                    ? QStringLiteral("::1")
                    : QStringLiteral("127.0.0.1"));
    url.setPort(port());
    url.setPath(QStringLiteral("/"));
    return url;
}

void SessionServer::sendText(ConnectionId id, const QByteArray &frame)
{
    if (m_backend)
        m_backend->sendText(id, frame);
}

void SessionServer::closeConnection(ConnectionId id, quint16 code, const QString &reason)
{
    if (m_backend)
        m_backend->closeConnection(id, code, reason);
}

} // namespace lockstep::server
