#pragma once

#include "server/SessionServer.h"

#include <memory>

namespace lockstep::test {

// A SessionServer on 127.0.0.1 and a free port, already listening; null
// (with the reason logged) when it cannot start. LOCKSTEP_TEST_NETWORK=qt
// picks QWebSocketServer over the native (epoll) network layer.
std::unique_ptr<server::SessionServer> startLoopbackServer(const server::ServerLimits &limits = {},
                                                           const QByteArray &jwtSecret = {});

// Default limits, but participants_update goes out at once: the suites check
// membership end to end; its coalescing is tested on ServerCore.
server::ServerLimits fastLimits();

} // namespace lockstep::test
