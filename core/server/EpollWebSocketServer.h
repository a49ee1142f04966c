#pragma once

#include "ServerLimits.h"
#include "Transport.h"

#include <QByteArray>
#include <QHostAddress>
#include <QObject>

#include <functional>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

class QSocketNotifier;
class QTimer;

namespace lockstep::server {

class ServerCore;

// A WebSocket server (RFC 6455, ws:// only) on Linux epoll, feeding ServerCore.
//
// QWebSocketServer hands every connection to Qt's event dispatcher, which
// polls every socket on every loop iteration and keeps tens of kilobytes per
// connection; past a few thousand clients that is where the time goes. This
// server registers one descriptor with the Qt event loop (its epoll
// instance), wakes only for sockets that are ready, and keeps a connection in
// a few hundred bytes: input is parsed straight from the read buffer and only
// an incomplete frame or unsent output is kept.
//
// It follows the Lockstep protocol where that is stricter or kinder than a
// generic WebSocket stack: a text frame with invalid UTF-8 reaches the core
// (which answers `bad_request`), and a message over the size limit gets
// `too_large` before the 1009 close, whatever its size.
class EpollWebSocketServer : public QObject
{
    Q_OBJECT

public:
    EpollWebSocketServer(const ServerLimits &limits, ServerCore &core, QObject *parent = nullptr);
    ~EpollWebSocketServer() override;

    static bool isSupported();

    // Binds and listens; on failure says why in `error`.
    bool listen(const QHostAddress &address, quint16 port, QString *error);
    // Stops accepting; open connections stay until closed.
    void stopListening();
    bool isListening() const { return m_listenFd >= 0; }
    quint16 port() const { return m_port; }
    QHostAddress address() const { return m_address; }
    int connectionCount() const { return int(m_connections.size()); }

    // Runs `work` (e.g. ServerCore::tick) with output gathered per
    // connection and written once at the end.
    void batched(const std::function<void()> &work);

    // Transport, as ServerCore sees it.
    void sendText(ConnectionId id, const QByteArray &payload);
    void closeConnection(ConnectionId id, quint16 code, const QString &reason);

private:
    enum class Phase : quint8 { Handshake, Open, Closing };

    struct Connection {
        int fd = -1;
        Phase phase = Phase::Handshake;
        bool reported = false; // the core knows this connection
        bool broken = false; // write failed or overflowed: drop at the next reap
        bool peerClosed = false;
        bool pendingFlush = false; // in m_unflushed
        bool writeWatched = false; // EPOLLOUT registered
        quint8 messageOpcode = 0; // of a fragmented message in progress
        bool discarding = false; // rest of an oversized message: not buffered
        double openedAt = 0.0;
        double lastSeen = 0.0;
        double closingSince = 0.0;
        double nextPingAt = 0.0;
        std::string in; // an incomplete frame or request head
        std::string out; // bytes the kernel did not take yet
        std::string message; // fragments of a message in progress
        QString peer;
    };

    void processEvents();
    void acceptAll();
    void readFrom(ConnectionId id, Connection &c);
    // Consumes what it can of `data`; returns the bytes used.
    std::size_t consume(ConnectionId id, Connection &c, const char *data, std::size_t size);
    std::size_t consumeHandshake(ConnectionId id, Connection &c, const char *data,
                                 std::size_t size);
    std::size_t consumeFrames(ConnectionId id, Connection &c, const char *data, std::size_t size);
    void deliver(ConnectionId id, Connection &c, quint8 opcode, const char *data, std::size_t size);
    void flush(ConnectionId id, Connection &c);
    // Sends what the kernel takes; false when the connection is broken.
    // Touches nothing but `c` (and the epoll registration of its socket).
    bool writeOut(ConnectionId id, Connection &c);
    void flushPending();
    void queue(ConnectionId id, Connection &c, const char *header, std::size_t headerSize,
               const char *payload, std::size_t payloadSize);
    void sendControl(ConnectionId id, Connection &c, quint8 opcode, const char *payload,
                     std::size_t size);
    void sendClose(ConnectionId id, Connection &c, quint16 code, const QByteArray &reason);
    void failProtocol(ConnectionId id, Connection &c, quint16 code, const char *why);
    void refuseHandshake(ConnectionId id, Connection &c, const char *status, const char *body,
                         const char *extraHeaders = "");
    void watchWrites(ConnectionId id, Connection &c, bool on);
    void drop(ConnectionId id);
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
    ConnectionId m_nextId = 1;
    bool m_dispatching = false;
    std::size_t m_flushThreads = 1;
};

} // namespace lockstep::server
