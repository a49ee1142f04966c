#pragma once

#include <QByteArray>
#include <QString>

namespace lockstep::server {

using ConnectionId = quint64;

// How the server core reaches its connections: a real WebSocket server, or
// the simulated network of the tests and benchmarks.
class Transport
{
public:
    virtual ~Transport() = default;
    virtual void sendText(ConnectionId id, const QByteArray &frame) = 0;
    // Closes with a WebSocket close code; the transport later reports the
    // closed connection back to the core.
    virtual void closeConnection(ConnectionId id, quint16 code, const QString &reason) = 0;
};

} // namespace lockstep::server
