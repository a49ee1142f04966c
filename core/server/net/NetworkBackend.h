#pragma once

#include "server/StartFailure.h"
#include "server/Transport.h"

#include <QHostAddress>
#include <QString>

#include <functional>

namespace lockstep::server::net {

// What SessionServer needs from a network layer: a listening WebSocket
// server that feeds ServerCore and carries its answers. EpollBackend is the
// Linux ws:// one built for tens of thousands of connections; QtBackend
// (QWebSocketServer) serves wss:// and the other platforms.
class NetworkBackend : public Transport
{
public:
    // Binds and listens; on failure says why in `failure`.
    virtual bool listen(const QHostAddress &address, quint16 port, StartFailure *failure) = 0;
    // Stops accepting; open connections stay until closed.
    virtual void stopListening() = 0;
    virtual bool isListening() const = 0;
    virtual quint16 port() const = 0;
    virtual QHostAddress address() const = 0;
    virtual int connectionCount() const = 0;
    virtual bool isSecure() const { return false; }

    // Runs `work` (e.g. ServerCore::tick) so that what it sends to one
    // connection leaves in one write at the end where the layer can.
    virtual void batched(const std::function<void()> &work) = 0;
};

} // namespace lockstep::server::net
