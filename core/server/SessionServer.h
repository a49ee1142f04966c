#pragma once

#include "ServerCore.h"
#include "ServerLimits.h"
#include "StartFailure.h"
#include "protocol/CloseCode.h"
#include "server/media/MediaServer.h"

#include <QHostAddress>
#include <QObject>
#include <QUrl>

#include <memory>

class QTimer;

namespace lockstep::auth {
class TokenService;
}

namespace lockstep::server {

namespace net {
class NetworkBackend;
class QtBackend;
} // namespace net
namespace media {
class SharedFiles;
}

struct SessionServerConfig {
    // Native: the epoll network layer (net::EpollBackend) where the platform
    // has one (Linux) and TLS is off; QWebSocketServer (net::QtBackend)
    // otherwise. Qt: always QWebSocketServer.
    enum class Network { Native, Qt };

    QHostAddress address = QHostAddress::Any;
    quint16 port = 8765; // 0: any free port
    ServerLimits limits;
    QByteArray jwtSecret; // empty: open rooms, invites signed with a random key
    QString tlsCertificatePath; // both set: wss
    QString tlsKeyPath;
    Network network = Network::Native;
    // The host's app: offer its files to its rooms' members on the same
    // port (docs/protocol.md, "Sharing the host's file"). Always served by
    // QWebSocketServer's layer (the epoll one speaks WebSocket only).
    bool shareMedia = false;
    media::MediaServerLimits media;
};

// The embeddable session server: ServerCore on a network layer it picks from
// the config (see Network). The app runs one in-process when a user hosts;
// lockstep-server runs one headless.
class SessionServer : public QObject, private Transport
{
    Q_OBJECT

public:
    explicit SessionServer(SessionServerConfig config, QObject *parent = nullptr);
    ~SessionServer() override;

    // Starts listening; on failure returns false and says why in `failure`.
    bool start(StartFailure *failure = nullptr);
    // Closes every connection with `code` and stops listening.
    void stop(protocol::CloseCode code = protocol::CloseCode::GoingAway,
              const QString &reason = QStringLiteral("Server shutting down"));

    bool isListening() const;
    quint16 port() const;
    QHostAddress address() const;
    bool isSecure() const;
    // ws://127.0.0.1:PORT (or wss) for a client on this machine.
    QUrl loopbackUrl() const;

    ServerCore &core() { return *m_core; }
    auth::TokenService &tokens() { return *m_tokens; }
    // Set when the config shares media; null otherwise.
    media::SharedFiles *sharedFiles() { return m_sharedFiles.get(); }
    media::MediaServer *mediaServer() { return m_mediaServer.get(); }
    int connectionCount() const;
    // Whether connections are served by the epoll network layer (see Network).
    bool isNative() const { return m_native; }

signals:
    void errorOccurred(const lockstep::server::StartFailure &failure);

private:
    void sendText(ConnectionId id, const QByteArray &frame) override;
    void closeConnection(ConnectionId id, quint16 code, const QString &reason) override;

    // Creates the network layer at the first start; false (and why in
    // `failure`) when the TLS files cannot be used.
    bool createBackend(StartFailure *failure);
    void attachMedia(net::QtBackend &backend);

    SessionServerConfig m_config;
    std::unique_ptr<auth::TokenService> m_tokens;
    std::unique_ptr<media::SharedFiles> m_sharedFiles;
    std::unique_ptr<ServerCore> m_core;
    std::unique_ptr<media::MediaServer> m_mediaServer;
    std::unique_ptr<net::NetworkBackend> m_backend;
    bool m_native = false;
    QTimer *m_tickTimer = nullptr;
};

} // namespace lockstep::server
