#include "TestServer.h"

#include <QDebug>

namespace lockstep::test {

std::unique_ptr<server::SessionServer> startLoopbackServer(const server::ServerLimits &limits,
                                                           const QByteArray &jwtSecret)
{
    server::SessionServerConfig config;
    config.address = QHostAddress::LocalHost;
    config.port = 0;
    config.limits = limits;
    config.jwtSecret = jwtSecret;
    // The suites run against both network layers (see tests/integration).
    if (qEnvironmentVariable("LOCKSTEP_TEST_NETWORK") == QLatin1String("qt"))
        config.network = server::SessionServerConfig::Network::Qt;
    auto server = std::make_unique<server::SessionServer>(std::move(config));
    server::StartFailure failure;
    if (!server->start(&failure)) {
        qWarning().noquote() << "the test server did not start:" << failure.toString();
        return nullptr;
    }
    return server;
}

server::ServerLimits fastLimits()
{
    server::ServerLimits limits;
    limits.participantsInterval = 0.0;
    return limits;
}

} // namespace lockstep::test
