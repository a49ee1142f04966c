#pragma once

#include "FlushPool.h"
#include "FrameDecoder.h"
#include "HttpUpgradeParser.h"
#include "NetworkBackend.h"
#include "server/ServerLimits.h"

#include <QObject>

#include <memory>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

class QSocketNotifier;
class QTimer;

namespace lockstep::server {
class ServerCore;
}

namespace lockstep::server::net {

// The Linux network layer (RFC 6455, ws:// only): one epoll instance, the
// only descriptor it registers with the Qt event loop, so the loop wakes only
// for sockets that are ready whatever the number of connections. (Qt's
// dispatcher polls every socket on every iteration and keeps tens of
// kilobytes per connection; past a few thousand clients that is where the
// time goes.)
//
// The parts: HttpUpgradeParser judges the handshake, FrameDecoder reads the
// frames, FrameWriter builds what goes out, FlushPool shares out the writes
// of a large broadcast. This class owns the sockets and the timing:
// keepalive, the close handshake's grace, back-pressure, running out of
// descriptors.
//
// Fairness: a connection gets one read of at most kReadBudget bytes per
// wakeup; epoll is level-triggered, so what is left waits for the next round
// while the other ready sockets get theirs.
class EpollBackend : public QObject, public NetworkBackend
{
    Q_OBJECT

public:
    static constexpr std::size_t kReadBudget = 64 * 1024;

    EpollBackend(const ServerLimits &limits, ServerCore &core, QObject *parent = nullptr);
    ~EpollBackend() override;

    bool listen(const QHostAddress &address, quint16 port, StartFailure *failure) override;
    void stopListening() override;
    bool isListening() const override { return m_listenFd >= 0; }
    quint16 port() const override { return m_port; }
    QHostAddress address() const override { return m_address; }
    int connectionCount() const override { return int(m_connections.size()); }
    // Output is gathered per connection and written once at the end.
    void batched(const std::function<void()> &work) override;

    void sendText(ConnectionId id, const QByteArray &payload) override;
    void closeConnection(ConnectionId id, quint16 code, const QString &reason) override;

private:
    enum class Phase : quint8 { Handshake, Open, Closing };

    struct Connection {
        Connection(int socket, const ServerLimits &limits, double now);

        int fd;
        Phase phase = Phase::Handshake;
        bool reported = false; // the core knows this connection
        bool broken = false; // write failed or overflowed: nothing more is sent
        bool doomed = false; // in m_doomed: closed at the next reap
        bool peerClosed = false;
        bool pendingFlush = false; // in m_unflushed
        bool writeWatched = false; // EPOLLOUT registered
        double openedAt;
        double lastSeen;
        double closingSince = 0.0;
        double nextPingAt = 0.0;
        // A head that came in pieces so far; null otherwise.
        std::unique_ptr<HttpUpgradeParser> handshake;
        FrameDecoder frames;
        std::string out; // bytes the kernel did not take yet
        QString peer;
    };

    void processEvents();
    void acceptAll();
    void readFrom(ConnectionId id, Connection &c);
    void consume(ConnectionId id, Connection &c, char *data, std::size_t size);
    void upgrade(ConnectionId id, Connection &c, const QByteArray &key);
    void refuse(ConnectionId id, Connection &c, const HttpUpgradeParser::Refusal &refusal);
    void handle(ConnectionId id, Connection &c, const FrameDecoder::Event &event);
    void flush(ConnectionId id, Connection &c);
    // Sends what the kernel takes; false when the connection is broken.
    // Touches nothing but `c` (and the epoll registration of its socket), so
    // connections can be written from several threads at once.
    bool writeOut(ConnectionId id, Connection &c);
    void flushPending();
    void queue(ConnectionId id, Connection &c, std::string_view header, std::string_view payload);
    void sendControl(ConnectionId id, Connection &c, Opcode opcode, std::string_view payload);
    void sendClose(ConnectionId id, Connection &c, quint16 code, std::string_view reason);
    void watchWrites(ConnectionId id, Connection &c, bool on);
    void drop(ConnectionId id, Connection &c);
    void reap();
    void housekeeping();

    const ServerLimits &m_limits;
    ServerCore &m_core;
    int m_epollFd = -1;
    int m_listenFd = -1;
    int m_spareFd = -1; // closed to accept-and-refuse when out of descriptors
    quint16 m_port = 0;
    QHostAddress m_address;
    QSocketNotifier *m_notifier = nullptr;
    QTimer *m_housekeeping = nullptr;
    std::unordered_map<ConnectionId, Connection> m_connections;
    std::vector<ConnectionId> m_doomed;
    // While a batch of events is handled, output is gathered per connection
    // and written once at the end: a pong and a broadcast to the same peer
    // cost one send.
    std::vector<ConnectionId> m_unflushed;
    // Kept between batches to spare an allocation per flush.
    std::vector<std::pair<ConnectionId, Connection *>> m_flushing;
    ConnectionId m_nextId = 1;
    bool m_dispatching = false;
    FlushPool m_pool;
};

} // namespace lockstep::server::net
