#include "RecordingTransport.h"

namespace lockstep::test {

using namespace protocol;

namespace {

constexpr std::size_t kMaxRecordedBytes = 16 * 1024 * 1024;

std::optional<Envelope> decoded(const QByteArray &frame)
{
    DecodeResult result = decode(frame, DecodeOptions {kMaxRecordedBytes});
    if (!result)
        return std::nullopt;
    return result.envelope();
}

} // namespace

void RecordingTransport::sendText(server::ConnectionId id, const QByteArray &frame)
{
    m_sent.push_back({id, frame});
}

void RecordingTransport::closeConnection(server::ConnectionId id, quint16 code,
                                         const QString &reason)
{
    m_closed.push_back({id, code, reason});
}

std::optional<quint16> RecordingTransport::closeCode(server::ConnectionId id) const
{
    for (const Closed &closed : m_closed) {
        if (closed.connection == id)
            return closed.code;
    }
    return std::nullopt;
}

QList<Envelope> RecordingTransport::framesTo(server::ConnectionId id, std::string_view type) const
{
    QList<Envelope> frames;
    for (const Sent &sent : m_sent) {
        if (sent.connection != id)
            continue;
        const auto envelope = decoded(sent.frame);
        if (!envelope) {
            // A frame the codec refuses is a server bug; keep it visible.
            Envelope broken;
            broken.message = Error {QStringLiteral("undecodable"), QString::fromUtf8(sent.frame)};
            frames.append(broken);
            continue;
        }
        if (type.empty() || envelope->typeName() == type)
            frames.append(*envelope);
    }
    return frames;
}

int RecordingTransport::count(server::ConnectionId id, std::string_view type) const
{
    return int(framesTo(id, type).size());
}

int RecordingTransport::countAll(std::string_view type) const
{
    int total = 0;
    for (const Sent &sent : m_sent) {
        const auto envelope = decoded(sent.frame);
        if (envelope && envelope->typeName() == type)
            ++total;
    }
    return total;
}

QStringList RecordingTransport::errorCodes(server::ConnectionId id) const
{
    QStringList codes;
    for (const Envelope &e : framesTo(id, "error"))
        codes.append(e.as<Error>()->code);
    return codes;
}

void RecordingTransport::clear()
{
    m_sent.clear();
    m_closed.clear();
}

} // namespace lockstep::test
