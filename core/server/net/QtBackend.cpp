#include "QtBackend.h"

#include "protocol/Clock.h"
#include "server/ServerCore.h"
#include "server/media/MediaRequest.h"

#include <QLoggingCategory>
#include <QPointer>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketCorsAuthenticator>
#include <QWebSocketServer>

Q_DECLARE_LOGGING_CATEGORY(lcServer)

namespace lockstep::server::net {

namespace {

constexpr char kRouteDeadline[] = "lockstep-route-deadline";

double now()
{
    return protocol::SystemClock::instance().now();
}

} // namespace

QtBackend::QtBackend(const ServerLimits &limits, ServerCore &core,
                     std::optional<QSslConfiguration> tls, QObject *parent)
    : QObject(parent), m_limits(limits), m_core(core),
      m_listener(tls ? new QSslServer(this) : new QTcpServer(this)),
      // The listener does TLS; the WebSocket server gets decrypted sockets.
      m_server(new QWebSocketServer(QStringLiteral("Lockstep/" LOCKSTEP_VERSION),
                                    QWebSocketServer::NonSecureMode, this)),
      m_secure(tls.has_value()), m_keepaliveTimer(new QTimer(this))
{
    if (tls) {
        auto *ssl = static_cast<QSslServer *>(m_listener);
        ssl->setSslConfiguration(*tls);
        ssl->setHandshakeTimeout(int(m_limits.handshakeTimeout * 1000));
    }
    m_listener->setMaxPendingConnections(512);
    connect(m_listener, &QTcpServer::pendingConnectionAvailable, this, &QtBackend::acceptSockets);
    m_server->setHandshakeTimeout(int(m_limits.handshakeTimeout * 1000));
    m_server->setMaxPendingConnections(512);
    connect(m_server, &QWebSocketServer::newConnection, this, &QtBackend::acceptConnections);
    connect(m_server, &QWebSocketServer::originAuthenticationRequired, this,
            [this](QWebSocketCorsAuthenticator *auth) {
                const QStringList &allowed = m_limits.allowedOrigins;
                // Browsers always send an Origin; native clients (the app) send none.
                auth->setAllowed(allowed.isEmpty() || auth->origin().isEmpty()
                                 || allowed.contains(auth->origin()));
                if (!auth->allowed())
                    qCInfo(lcServer).noquote() << "refused Origin" << auth->origin();
            });
    m_keepaliveTimer->setInterval(int(m_limits.keepaliveInterval * 1000));
    connect(m_keepaliveTimer, &QTimer::timeout, this, &QtBackend::sendKeepalives);
}

QtBackend::~QtBackend()
{
    // The sockets are children of this object and go with it; the core must
    // hear nothing from them on the way.
    for (auto &[id, peer] : m_sockets)
        peer.socket->disconnect(this);
    m_sockets.clear();
}

bool QtBackend::listen(const QHostAddress &address, quint16 port, StartFailure *failure)
{
    if (!m_listener->listen(address, port)) {
        using Reason = StartFailure::Reason;
        switch (m_listener->serverError()) {
        case QAbstractSocket::AddressInUseError:
            *failure = {Reason::AddressInUse, {}};
            break;
        case QAbstractSocket::SocketAccessError:
            *failure = {Reason::PermissionDenied, {}};
            break;
        case QAbstractSocket::SocketAddressNotAvailableError:
            *failure = {Reason::AddressUnavailable, {}};
            break;
        default:
            *failure = {Reason::Other, m_listener->errorString()};
            break;
        }
        return false;
    }
    m_keepaliveTimer->start();
    return true;
}

void QtBackend::stopListening()
{
    m_listener->close();
    m_keepaliveTimer->stop();
}

bool QtBackend::isListening() const
{
    return m_listener->isListening();
}

quint16 QtBackend::port() const
{
    return m_listener->serverPort();
}

QHostAddress QtBackend::address() const
{
    return m_listener->serverAddress();
}

bool QtBackend::isSecure() const
{
    return m_secure;
}

void QtBackend::acceptSockets()
{
    while (QTcpSocket *socket = m_listener->nextPendingConnection()) {
        socket->setParent(this);
        // A connection that says nothing is dropped like a stalled handshake.
        auto *deadline = new QTimer(socket);
        deadline->setObjectName(QString::fromLatin1(kRouteDeadline));
        deadline->setSingleShot(true);
        connect(deadline, &QTimer::timeout, socket, &QTcpSocket::abort);
        deadline->start(int(m_limits.handshakeTimeout * 1000));
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { route(socket); });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        if (socket->bytesAvailable() > 0)
            route(socket);
    }
}

void QtBackend::route(QTcpSocket *socket)
{
    constexpr qsizetype kSniffBytes = 16; // "HEAD /subtitles/", the longest prefix
    const QByteArray head = socket->peek(kSniffBytes);
    const bool media = m_mediaHandler && media::looksLikeMediaRequest(head);
    if (!media && m_mediaHandler && media::mayBecomeMediaRequest(head) && head.size() < kSniffBytes)
        return; // too few bytes to tell yet
    socket->disconnect(this);
    disconnect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    if (auto *deadline = socket->findChild<QTimer *>(QString::fromLatin1(kRouteDeadline),
                                                     Qt::FindDirectChildrenOnly))
        delete deadline;
    if (media)
        m_mediaHandler(socket);
    else
        m_server->handleConnection(socket);
}

void QtBackend::acceptConnections()
{
    while (QWebSocket *socket = m_server->nextPendingConnection()) {
        const ConnectionId id = m_nextId++;
        socket->setParent(this);
        // Qt closes with 1009 past this hard limit; frames between the
        // protocol limit and it get a `too_large` error first.
        const quint64 hardLimit = std::max<quint64>(m_limits.maxFrameBytes * 16, 1 << 20);
        socket->setMaxAllowedIncomingMessageSize(hardLimit);
        socket->setMaxAllowedIncomingFrameSize(hardLimit);
        m_sockets[id] = Peer {socket, now()};
        const auto touch = [this, id] {
            if (const auto it = m_sockets.find(id); it != m_sockets.end())
                it->second.lastSeen = now();
        };
        connect(socket, &QWebSocket::textMessageReceived, this,
                [this, id, touch](const QString &message) {
                    touch();
                    m_core.textReceived(id, message.toUtf8());
                });
        connect(socket, &QWebSocket::binaryMessageReceived, this,
                [this, id, touch](const QByteArray &message) {
                    touch();
                    m_core.binaryReceived(id, message.size());
                });
        connect(socket, &QWebSocket::pong, this, touch);
        connect(socket, &QWebSocket::disconnected, this, [this, id, socket] {
            m_sockets.erase(id);
            m_core.connectionClosed(id);
            socket->deleteLater();
        });
        QString peer = socket->peerAddress().toString();
        if (peer.startsWith(QLatin1String("::ffff:")))
            peer = peer.mid(7);
        m_core.connectionOpened(id, peer + QLatin1Char(':') + QString::number(socket->peerPort()));
    }
}

void QtBackend::sendKeepalives()
{
    const double t = now();
    std::vector<QWebSocket *> dead;
    for (auto &[id, peer] : m_sockets) {
        if (t - peer.lastSeen > m_limits.keepaliveTimeout)
            dead.push_back(peer.socket);
        else
            peer.socket->ping();
    }
    for (QWebSocket *socket : dead) {
        qCInfo(lcServer) << "dropping a peer that stopped answering";
        socket->abort();
    }
}

void QtBackend::sendText(ConnectionId id, const QByteArray &frame)
{
    if (const auto it = m_sockets.find(id); it != m_sockets.end())
        it->second.socket->sendTextMessage(QString::fromUtf8(frame));
}

void QtBackend::closeConnection(ConnectionId id, quint16 code, const QString &reason)
{
    if (const auto it = m_sockets.find(id); it != m_sockets.end())
        it->second.socket->close(QWebSocketProtocol::CloseCode(code), reason);
}

} // namespace lockstep::server::net
