#include "NetworkTransport.h"

#include "client/WebSocketTransport.h"
#include "protocol/Clock.h"
#include "protocol/Codec.h"

#include <QPointer>
#include <QTimer>

namespace lockstep::room {

// The network thread's side: the WebSocket, the arrival stamps and the
// keepalive. Everything it tells the GUI thread goes through queued calls on
// the NetworkTransport, which Qt drops once that is gone.
class NetworkTransport::Socket : public QObject
{
public:
    Socket(const protocol::Clock &clock, NetworkTransport *owner)
        : m_clock(clock), m_owner(owner), m_keepalive(new QTimer(this))
    {
        m_keepalive->setInterval(500);
        connect(m_keepalive, &QTimer::timeout, this, &Socket::keepAlive);
    }

    void open(const QUrl &url, const QByteArray &pin, quint64 attempt)
    {
        m_attempt = attempt;
        // A socket per attempt: nothing from an earlier one can reach this one.
        delete m_socket;
        m_socket = new client::WebSocketTransport(this);
        m_socket->setPinnedCertificate(pin);
        client::WebSocketTransport *socket = m_socket;
        connect(socket, &client::ClientTransport::opened, this, [this, attempt, socket] {
            m_lastSentAt = m_clock.now();
            m_keepalive->start();
            const bool verified = socket->isVerified();
            tell([attempt, verified](NetworkTransport *t) {
                if (attempt != t->m_attempt)
                    return;
                t->m_open = true;
                t->m_verified = verified;
                emit t->opened();
            });
        });
        connect(socket, &client::ClientTransport::closed, this,
                [this, attempt](quint16 code, const QString &reason) {
                    m_keepalive->stop();
                    tell([attempt, code, reason](NetworkTransport *t) {
                        if (attempt != t->m_attempt)
                            return;
                        t->m_open = false;
                        t->m_verified = false;
                        emit t->closed(code, reason);
                    });
                });
        connect(socket, &client::ClientTransport::textReceived, this,
                [this, attempt](const QByteArray &frame) {
                    const double at = m_clock.now();
                    tell([attempt, frame, at](NetworkTransport *t) {
                        if (attempt != t->m_attempt)
                            return;
                        t->m_frameReceivedAt = at;
                        emit t->textReceived(frame);
                        t->m_frameReceivedAt = -1.0;
                    });
                });
        socket->open(url);
    }

    void close()
    {
        m_keepalive->stop();
        if (m_socket)
            m_socket->close();
    }

    void send(const QByteArray &frame)
    {
        if (!m_socket || !m_socket->isOpen())
            return;
        m_lastSentAt = m_clock.now();
        m_socket->sendText(frame);
    }

private:
    template<typename F>
    void tell(F &&function)
    {
        QMetaObject::invokeMethod(
            m_owner, [owner = m_owner, function = std::forward<F>(function)] { function(owner); },
            Qt::QueuedConnection);
    }

    void keepAlive()
    {
        const double now = m_clock.now();
        if (!m_socket || !m_socket->isOpen() || now - m_lastSentAt < kKeepaliveSeconds)
            return;
        const double clientTs = protocol::roundToMillis(now);
        protocol::Envelope ping;
        ping.message = protocol::Ping {clientTs};
        m_lastSentAt = now;
        m_socket->sendText(protocol::encode(ping));
        const quint64 attempt = m_attempt;
        tell([attempt, clientTs, now](NetworkTransport *t) {
            if (attempt == t->m_attempt)
                emit t->keepalivePingSent(clientTs, now);
        });
    }

    const protocol::Clock &m_clock;
    NetworkTransport *m_owner; // on the GUI thread: reached through tell() only
    QTimer *m_keepalive;
    client::WebSocketTransport *m_socket = nullptr;
    double m_lastSentAt = 0.0;
    quint64 m_attempt = 0;
};

NetworkTransport::NetworkTransport(const protocol::Clock &clock, QObject *parent)
    : ClientTransport(parent), m_thread(QStringLiteral("lockstep connection"))
{
    m_socket = m_thread.call([&clock, this] { return new Socket(clock, this); });
}

NetworkTransport::~NetworkTransport()
{
    m_thread.call([socket = m_socket] { delete socket; });
}

void NetworkTransport::open(const QUrl &url)
{
    m_open = false;
    m_verified = false;
    const quint64 attempt = ++m_attempt;
    m_thread.post([socket = m_socket, url, pin = pinnedCertificate(), attempt] {
        socket->open(url, pin, attempt);
    });
}

void NetworkTransport::close()
{
    // Closed from here on, as for the socket itself: nothing more of this
    // connection reaches the client.
    m_open = false;
    m_verified = false;
    ++m_attempt;
    m_thread.post([socket = m_socket] { socket->close(); });
}

void NetworkTransport::sendText(const QByteArray &frame)
{
    m_thread.post([socket = m_socket, frame] { socket->send(frame); });
}

} // namespace lockstep::room
