#pragma once

#include "protocol/Codec.h"
#include "server/Transport.h"

#include <QList>

#include <optional>
#include <string_view>
#include <vector>

namespace lockstep::test {

// A Transport that keeps every frame the server core sends and every close it
// asks for, for tests that drive ServerCore directly with a ManualClock.
class RecordingTransport final : public server::Transport
{
public:
    struct Sent {
        server::ConnectionId connection = 0;
        QByteArray frame;
    };
    struct Closed {
        server::ConnectionId connection = 0;
        quint16 code = 0;
        QString reason;
    };

    void sendText(server::ConnectionId id, const QByteArray &frame) override;
    void closeConnection(server::ConnectionId id, quint16 code, const QString &reason) override;

    const std::vector<Sent> &sent() const { return m_sent; }
    const std::vector<Closed> &closed() const { return m_closed; }
    std::optional<quint16> closeCode(server::ConnectionId id) const;

    // Decoded frames sent to one connection, optionally of one type only.
    QList<protocol::Envelope> framesTo(server::ConnectionId id, std::string_view type = {}) const;
    int count(server::ConnectionId id, std::string_view type) const;
    int countAll(std::string_view type) const;
    // The codes of the error frames sent to a connection, in order.
    QStringList errorCodes(server::ConnectionId id) const;
    void clear();

private:
    std::vector<Sent> m_sent;
    std::vector<Closed> m_closed;
};

} // namespace lockstep::test
