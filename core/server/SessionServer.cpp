#include "SessionServer.h"

#include "EpollWebSocketServer.h"
#include "auth/TokenService.h"
#include "protocol/Clock.h"

#include <QFile>
#include <QLoggingCategory>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketCorsAuthenticator>
#include <QWebSocketServer>

Q_DECLARE_LOGGING_CATEGORY(lcServer)

namespace lockstep::server {

namespace {

bool loadTls(const SessionServerConfig &config, QSslConfiguration *tls, QString *error)
{
    QFile certFile(config.tlsCertificatePath);
    QFile keyFile(config.tlsKeyPath);
    if (!certFile.open(QIODevice::ReadOnly)) {
        *error = QObject::tr("Cannot read the TLS certificate %1: %2")
                     .arg(config.tlsCertificatePath, certFile.errorString());
        return false;
    }
    if (!keyFile.open(QIODevice::ReadOnly)) {
        *error = QObject::tr("Cannot read the TLS key %1: %2")
                     .arg(config.tlsKeyPath, keyFile.errorString());
        return false;
    }
    const QList<QSslCertificate> chain = QSslCertificate::fromData(certFile.readAll(), QSsl::Pem);
    const QByteArray keyPem = keyFile.readAll();
    QSslKey key(keyPem, QSsl::Rsa, QSsl::Pem);
    if (key.isNull())
        key = QSslKey(keyPem, QSsl::Ec, QSsl::Pem);
    if (chain.isEmpty() || key.isNull()) {
        *error = QObject::tr("The TLS certificate or key is not a valid PEM file.");
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
}

SessionServer::~SessionServer()
{
    // Sockets are children of this object; the core must not outlive its transport.
    for (auto &[id, peer] : m_sockets)
        peer.socket->disconnect(this);
    m_sockets.clear();
    delete m_native;
    m_native = nullptr;
}

bool SessionServer::start(QString *error)
{
    QString problem;
    const bool secure = !m_config.tlsCertificatePath.isEmpty() || !m_config.tlsKeyPath.isEmpty();
    QSslConfiguration tls;
    if (secure) {
        if (m_config.tlsCertificatePath.isEmpty() || m_config.tlsKeyPath.isEmpty())
            problem = tr("TLS needs both a certificate and a key.");
        else if (!QSslSocket::supportsSsl())
            problem = tr("This build has no TLS support.");
        else
            loadTls(m_config, &tls, &problem);
    }
    const bool native = !secure && m_config.network == SessionServerConfig::Network::Native
        && EpollWebSocketServer::isSupported();
    if (problem.isEmpty() && native) {
        delete m_server;
        m_server = nullptr;
        if (!m_native)
            m_native = new EpollWebSocketServer(m_config.limits, *m_core, this);
        QString reason;
        if (!m_native->listen(m_config.address, m_config.port, &reason))
            problem = tr("Cannot listen on %1 port %2: %3")
                          .arg(m_config.address.toString())
                          .arg(m_config.port)
                          .arg(reason);
    } else if (problem.isEmpty()) {
        delete m_native;
        m_native = nullptr;
        delete m_server;
        m_server = new QWebSocketServer(
            QStringLiteral("Lockstep/" LOCKSTEP_VERSION),
            secure ? QWebSocketServer::SecureMode : QWebSocketServer::NonSecureMode, this);
        if (secure)
            m_server->setSslConfiguration(tls);
        m_server->setHandshakeTimeout(int(m_config.limits.handshakeTimeout * 1000));
        m_server->setMaxPendingConnections(512);
        connect(m_server, &QWebSocketServer::newConnection, this,
                &SessionServer::acceptConnections);
        connect(m_server, &QWebSocketServer::originAuthenticationRequired, this,
                [this](QWebSocketCorsAuthenticator *auth) {
                    const QStringList &allowed = m_config.limits.allowedOrigins;
                    // Browsers always send an Origin; native clients (the app) send none.
                    auth->setAllowed(allowed.isEmpty() || auth->origin().isEmpty()
                                     || allowed.contains(auth->origin()));
                    if (!auth->allowed())
                        qCInfo(lcServer).noquote() << "refused Origin" << auth->origin();
                });
        if (!m_server->listen(m_config.address, m_config.port))
            problem = tr("Cannot listen on %1 port %2: %3")
                          .arg(m_config.address.toString())
                          .arg(m_config.port)
                          .arg(m_server->errorString());
    }
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        emit errorOccurred(problem);
        return false;
    }

    if (!m_tickTimer) {
        m_tickTimer = new QTimer(this);
        m_tickTimer->setInterval(100);
        connect(m_tickTimer, &QTimer::timeout, this, [this] {
            if (m_native)
                m_native->batched([this] { m_core->tick(); });
            else
                m_core->tick();
        });
        m_keepaliveTimer = new QTimer(this);
        m_keepaliveTimer->setInterval(int(m_config.limits.keepaliveInterval * 1000));
        connect(m_keepaliveTimer, &QTimer::timeout, this, &SessionServer::sendKeepalives);
    }
    m_tickTimer->start();
    if (!m_native)
        m_keepaliveTimer->start(); // the epoll server keeps its connections alive itself
    qCInfo(lcServer).noquote() << "listening on" << address().toString() << "port" << port()
                               << (secure ? "(wss)" : "(ws)");
    return true;
}

void SessionServer::stop(protocol::CloseCode code, const QString &reason)
{
    m_core->closeAll(protocol::closeCodeValue(code), reason);
    if (m_server)
        m_server->close();
    if (m_native)
        m_native->stopListening();
    if (m_tickTimer) {
        m_tickTimer->stop();
        m_keepaliveTimer->stop();
    }
}

bool SessionServer::isListening() const
{
    return m_native ? m_native->isListening() : m_server && m_server->isListening();
}

quint16 SessionServer::port() const
{
    if (m_native)
        return m_native->port();
    return m_server ? m_server->serverPort() : 0;
}

QHostAddress SessionServer::address() const
{
    if (m_native)
        return m_native->address();
    return m_server ? m_server->serverAddress() : QHostAddress();
}

int SessionServer::connectionCount() const
{
    return m_native ? m_native->connectionCount() : int(m_sockets.size());
}

bool SessionServer::isSecure() const
{
    return m_server && m_server->secureMode() == QWebSocketServer::SecureMode;
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

void SessionServer::acceptConnections()
{
    while (QWebSocket *socket = m_server->nextPendingConnection()) {
        const ConnectionId id = m_nextId++;
        socket->setParent(this);
        // Qt closes with 1009 past this hard limit; frames between the
        // protocol limit and it get a `too_large` error first.
        const quint64 hardLimit = std::max<quint64>(m_config.limits.maxFrameBytes * 16, 1 << 20);
        socket->setMaxAllowedIncomingMessageSize(hardLimit);
        socket->setMaxAllowedIncomingFrameSize(hardLimit);
        m_sockets[id] = Peer {socket, protocol::SystemClock::instance().now()};
        const auto touch = [this, id] {
            if (const auto it = m_sockets.find(id); it != m_sockets.end())
                it->second.lastSeen = protocol::SystemClock::instance().now();
        };
        connect(socket, &QWebSocket::textMessageReceived, this,
                [this, id, touch](const QString &message) {
                    touch();
                    m_core->textReceived(id, message.toUtf8());
                });
        connect(socket, &QWebSocket::binaryMessageReceived, this,
                [this, id, touch](const QByteArray &message) {
                    touch();
                    m_core->binaryReceived(id, message.size());
                });
        connect(socket, &QWebSocket::pong, this, touch);
        connect(socket, &QWebSocket::disconnected, this, [this, id, socket] {
            m_sockets.erase(id);
            m_core->connectionClosed(id);
            socket->deleteLater();
        });
        QString peer = socket->peerAddress().toString();
        if (peer.startsWith(QLatin1String("::ffff:")))
            peer = peer.mid(7);
        m_core->connectionOpened(id, peer + QLatin1Char(':') + QString::number(socket->peerPort()));
    }
}

void SessionServer::sendKeepalives()
{
    const double now = protocol::SystemClock::instance().now();
    std::vector<QWebSocket *> dead;
    for (auto &[id, peer] : m_sockets) {
        if (now - peer.lastSeen > m_config.limits.keepaliveTimeout)
            dead.push_back(peer.socket);
        else
            peer.socket->ping();
    }
    for (QWebSocket *socket : dead) {
        qCInfo(lcServer) << "dropping a peer that stopped answering";
        socket->abort();
    }
}

void SessionServer::sendText(ConnectionId id, const QByteArray &frame)
{
    if (m_native) {
        m_native->sendText(id, frame);
        return;
    }
    if (const auto it = m_sockets.find(id); it != m_sockets.end())
        it->second.socket->sendTextMessage(QString::fromUtf8(frame));
}

void SessionServer::closeConnection(ConnectionId id, quint16 code, const QString &reason)
{
    if (m_native) {
        m_native->closeConnection(id, code, reason);
        return;
    }
    if (const auto it = m_sockets.find(id); it != m_sockets.end())
        it->second.socket->close(QWebSocketProtocol::CloseCode(code), reason);
}

} // namespace lockstep::server
