#pragma once

#include "NetworkBackend.h"
#include "server/ServerLimits.h"

#include <QObject>
#include <QSslConfiguration>

#include <optional>
#include <unordered_map>

class QTcpServer;
class QTcpSocket;
class QTimer;
class QWebSocket;
class QWebSocketServer;

namespace lockstep::server {
class ServerCore;
}

namespace lockstep::server::net {

// The network layer on QWebSocketServer: wss://, and ws:// where there is no
// epoll (Windows, macOS). Qt's event dispatcher polls every socket on every
// loop iteration and each QWebSocket keeps tens of kilobytes, so it serves a
// desktop host's handful of guests, not thousands. Qt also speaks its own
// dialect of RFC 6455 here (docs/protocol.md lists where).
//
// It accepts the connections itself (QSslServer for wss://) and looks at the
// first bytes of each: a request for `/media/` goes to the media handler
// when one is set (the host's shared file, server/media/MediaServer), and
// everything else to QWebSocketServer unchanged.
class QtBackend : public QObject, public NetworkBackend
{
    Q_OBJECT

public:
    // `tls` set: wss:// with that configuration.
    QtBackend(const ServerLimits &limits, ServerCore &core, std::optional<QSslConfiguration> tls,
              QObject *parent = nullptr);
    ~QtBackend() override;

    bool listen(const QHostAddress &address, quint16 port, StartFailure *failure) override;
    void stopListening() override;
    bool isListening() const override;
    quint16 port() const override;
    QHostAddress address() const override;
    int connectionCount() const override { return int(m_sockets.size()); }
    bool isSecure() const override;
    // QWebSocket writes as it goes: nothing to gather.
    void batched(const std::function<void()> &work) override { work(); }

    void sendText(ConnectionId id, const QByteArray &frame) override;
    void closeConnection(ConnectionId id, quint16 code, const QString &reason) override;

    // Connections that start with `GET /media/` or `HEAD /media/` go to
    // `handler`, which takes the socket over (unread); none set: they go to
    // the WebSocket server like any other request.
    void setMediaHandler(std::function<void(QTcpSocket *)> handler)
    {
        m_mediaHandler = std::move(handler);
    }

private:
    struct Peer {
        QWebSocket *socket = nullptr;
        double lastSeen = 0.0;
    };

    void acceptSockets();
    // Reads nothing: peeks at the first bytes and routes the connection.
    void route(QTcpSocket *socket);
    void acceptConnections();
    void sendKeepalives();

    const ServerLimits &m_limits;
    ServerCore &m_core;
    QTcpServer *m_listener;
    QWebSocketServer *m_server;
    bool m_secure = false;
    std::function<void(QTcpSocket *)> m_mediaHandler;
    QTimer *m_keepaliveTimer;
    std::unordered_map<ConnectionId, Peer> m_sockets;
    ConnectionId m_nextId = 1;
};

} // namespace lockstep::server::net
