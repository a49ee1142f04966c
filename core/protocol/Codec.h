#pragma once

#include "Limits.h"
#include "Messages.h"

#include <QByteArray>
#include <QByteArrayView>

#include <variant>

namespace lockstep::protocol {

struct DecodeOptions {
    std::size_t maxFrameBytes = limits::kMaxFrameBytes;
};

// Either a decoded envelope or the reason it was refused.
class DecodeResult
{
public:
    DecodeResult(Envelope envelope) : m_value(std::move(envelope)) { }
    DecodeResult(ProtocolError error) : m_value(std::move(error)) { }

    bool ok() const { return std::holds_alternative<Envelope>(m_value); }
    explicit operator bool() const { return ok(); }
    const Envelope &envelope() const { return std::get<Envelope>(m_value); }
    Envelope &envelope() { return std::get<Envelope>(m_value); }
    const ProtocolError &error() const { return std::get<ProtocolError>(m_value); }

private:
    std::variant<Envelope, ProtocolError> m_value;
};

// The one codec for every frame. Decoding is strict and total: it never
// throws, and every frame it refuses comes back as a ProtocolError carrying the
// wire error code and a human-readable sentence. Unknown fields are ignored.
DecodeResult decode(QByteArrayView frame, const DecodeOptions &options = {});

// Encodes with the draft's field names; times are epoch seconds rounded to the
// millisecond.
QByteArray encode(const Envelope &envelope);

// Convenience for the common case of a frame made from just a message.
QByteArray encode(Message message, const QString &room = {}, const QString &client = {},
                  std::optional<double> serverTs = {});

// True for a valid client id: 1-64 characters of A-Za-z0-9_-.
bool isValidClientId(const QString &id);
// True for a valid room id: 1-64 characters of A-Za-z0-9_.~- (URL-safe).
bool isValidRoomId(const QString &id);
// Rounds epoch seconds to the millisecond, the precision used on the wire.
double roundToMillis(double seconds);

// Why a chat text (before trimming) would be refused, as the codec judges it;
// None when it would be accepted. The app checks before sending.
enum class ChatTextProblem { None, Empty, TooLong, ControlCharacter };
ChatTextProblem chatTextProblem(const QString &text);

} // namespace lockstep::protocol
