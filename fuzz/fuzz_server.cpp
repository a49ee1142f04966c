// libFuzzer target: a connected client's frames, handled by the server core in
// process (no socket). The input is split into frames at newlines and fed to
// two connections, so room creation, joins and playback are all reachable.
#include "auth/TokenService.h"
#include "protocol/Clock.h"
#include "server/ServerCore.h"

#include <QCoreApplication>
#include <QLoggingCategory>

#include <cstdint>

using namespace lockstep;

namespace {

class NullTransport final : public server::Transport
{
public:
    void sendText(server::ConnectionId, const QByteArray &frame) override
    {
        m_bytes += frame.size();
    }
    void closeConnection(server::ConnectionId id, quint16, const QString &) override
    {
        m_closed.push_back(id);
    }
    std::vector<server::ConnectionId> m_closed;
    qint64 m_bytes = 0;
};

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    QLoggingCategory::setFilterRules(QStringLiteral("lockstep.*=false"));
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    protocol::ManualClock clock;
    auth::TokenService tokens;
    NullTransport transport;
    server::ServerLimits limits;
    server::ServerCore core(limits, clock, tokens, transport);
    core.connectionOpened(1);
    core.connectionOpened(2);

    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    int index = 0;
    for (const QByteArray &frame : input.split('\n')) {
        const server::ConnectionId id = 1 + (index++ % 2);
        if (std::find(transport.m_closed.begin(), transport.m_closed.end(), id)
            != transport.m_closed.end())
            continue;
        core.textReceived(id, frame);
        clock.advance(0.05);
        core.tick();
    }
    core.connectionClosed(1);
    core.connectionClosed(2);
    clock.advance(60.0);
    core.tick();
    return 0;
}
