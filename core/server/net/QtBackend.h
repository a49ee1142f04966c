#pragma once

#include "NetworkBackend.h"
#include "server/ServerLimits.h"

#include <QObject>
#include <QSslConfiguration>

#include <optional>
#include <unordered_map>

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

private:
    struct Peer {
        QWebSocket *socket = nullptr;
        double lastSeen = 0.0;
    };

    void acceptConnections();
    void sendKeepalives();

    const ServerLimits &m_limits;
    ServerCore &m_core;
    QWebSocketServer *m_server;
    QTimer *m_keepaliveTimer;
    std::unordered_map<ConnectionId, Peer> m_sockets;
    ConnectionId m_nextId = 1;
};

} // namespace lockstep::server::net
