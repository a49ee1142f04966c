#include "FrameDecoder.h"

#include "protocol/CloseCode.h"

#include <algorithm>
#include <cstring>

namespace lockstep::server::net {

namespace {

using protocol::CloseCode;
using protocol::closeCodeValue;

// The whole header's length, mask included, from its second byte.
std::size_t headerLength(unsigned char second)
{
    const unsigned length = second & 0x7f;
    return 2 + (length == 126 ? 2 : length == 127 ? 8 : 0) + 4;
}

bool isKnown(unsigned opcode)
{
    switch (Opcode(opcode)) {
    case Opcode::Continuation:
    case Opcode::Text:
    case Opcode::Binary:
    case Opcode::Close:
    case Opcode::Ping:
    case Opcode::Pong:
        return true;
    }
    return false;
}

} // namespace

FrameDecoder::FrameDecoder(std::size_t maxMessageBytes) : m_maxMessage(maxMessageBytes)
{
}

FrameDecoder::Event FrameDecoder::decode(char *data, std::size_t size)
{
    // The last event may have pointed into a buffer; the caller is done
    // with it now. Buffers are freed rather than kept: an idle connection
    // holds none.
    if (m_releaseControl) {
        m_releaseControl = false;
        m_buffer.resize(m_controlAt);
    }
    // While data is discarded the buffer only ever holds a control frame in
    // pieces; between frames it can go.
    if (m_releaseMessage || (m_discardData && m_state == State::Header)) {
        m_releaseMessage = false;
        m_buffer.clear();
    }
    if (m_buffer.empty() && m_buffer.capacity() > std::string().capacity())
        std::string().swap(m_buffer);

    std::size_t pos = 0;
    const auto at = [&](Event e) {
        e.consumed = pos;
        return e;
    };
    while (pos < size) {
        if (m_state == State::Done)
            return {Kind::NeedMore, size, 0, {}};

        if (m_state == State::Header) {
            const auto *header = reinterpret_cast<const unsigned char *>(data + pos);
            std::size_t headerSize = 0;
            if (m_headerSize == 0 && size - pos >= 2 && size - pos >= headerLength(header[1])) {
                // The common case: the header is in one piece where it was read.
                if (Event e = checkStart(header); e.kind != Kind::NeedMore)
                    return at(e);
                headerSize = headerLength(header[1]);
                pos += headerSize;
            } else {
                std::size_t need = m_headerSize < 2 ? 2 : headerLength(m_header[1]);
                for (;;) {
                    const std::size_t take = std::min(need - m_headerSize, size - pos);
                    std::memcpy(m_header + m_headerSize, data + pos, take);
                    m_headerSize = quint8(m_headerSize + take);
                    pos += take;
                    if (m_headerSize < need)
                        return {Kind::NeedMore, size, 0, {}};
                    if (need > 2)
                        break;
                    if (Event e = checkStart(m_header); e.kind != Kind::NeedMore)
                        return at(e);
                    need = headerLength(m_header[1]);
                }
                header = m_header;
                headerSize = need;
                m_headerSize = 0;
            }
            if (Event e = startFrame(header, headerSize); e.kind != Kind::NeedMore)
                return at(e);
            if (m_remaining > 0)
                continue;
        }

        // The payload (possibly empty).
        const bool control = isControl(m_opcode);
        const bool keep = control || !m_discardData;
        // Whether nothing of this frame (and, for data, of its message) is
        // buffered yet.
        const bool unbuffered = control ? m_buffer.size() == m_controlAt : m_buffer.empty();
        Event e;
        if (keep && unbuffered && (control || m_fin) && size - pos >= m_remaining) {
            // The common case: a whole frame, unmasked where it was read.
            char *payload = data + pos;
            const auto length = std::size_t(m_remaining);
            unmask(payload, length);
            pos += length;
            m_remaining = 0;
            e = endFrame(std::string_view(payload, length));
        } else {
            const auto take = std::size_t(std::min<quint64>(size - pos, m_remaining));
            if (keep) {
                const std::size_t start = m_buffer.size();
                m_buffer.append(data + pos, take);
                unmask(m_buffer.data() + start, take);
            }
            pos += take;
            m_remaining -= take;
            if (m_remaining > 0)
                return {Kind::NeedMore, size, 0, {}};
            const std::string_view buffered
                = std::string_view(m_buffer).substr(control ? m_controlAt : 0);
            e = endFrame(keep ? buffered : std::string_view());
        }
        if (e.kind != Kind::NeedMore)
            return at(e);
    }
    return {Kind::NeedMore, size, 0, {}};
}

FrameDecoder::Event FrameDecoder::checkStart(const unsigned char *header)
{
    const bool fin = header[0] & 0x80;
    const unsigned opcode = header[0] & 0x0f;
    if (header[0] & 0x70) // RFC 6455 section 5.2: no extension was negotiated
        return finish(Kind::Fail, CloseCode::ProtocolError, "Reserved bits set");
    if (!(header[1] & 0x80)) // section 5.1
        return finish(Kind::Fail, CloseCode::ProtocolError, "Client frames must be masked");
    if (!isKnown(opcode))
        return finish(Kind::Fail, CloseCode::ProtocolError, "Unknown opcode");
    if (isControl(Opcode(opcode))) { // section 5.5
        if (!fin)
            return finish(Kind::Fail, CloseCode::ProtocolError, "Fragmented control frame");
        if ((header[1] & 0x7f) > kMaxControlPayload)
            return finish(Kind::Fail, CloseCode::ProtocolError, "Control frame over 125 bytes");
        return {};
    }
    const bool inMessage = m_messageOpcode != Opcode::Continuation;
    if (Opcode(opcode) == Opcode::Continuation && !inMessage) // section 5.4
        return finish(Kind::Fail, CloseCode::ProtocolError, "Continuation without a message");
    if (Opcode(opcode) != Opcode::Continuation && inMessage)
        return finish(Kind::Fail, CloseCode::ProtocolError, "New message inside a fragmented one");
    return {};
}

FrameDecoder::Event FrameDecoder::startFrame(const unsigned char *header, std::size_t headerSize)
{
    m_fin = header[0] & 0x80;
    m_opcode = Opcode(header[0] & 0x0f);
    quint64 length = header[1] & 0x7f;
    if (length == 126) {
        length = (quint64(header[2]) << 8) | header[3];
    } else if (length == 127) {
        length = 0;
        for (int i = 0; i < 8; ++i)
            length = (length << 8) | header[2 + i];
        if (length >> 63) // section 5.2: the most significant bit must be 0
            return finish(Kind::Fail, CloseCode::ProtocolError, "Invalid frame length");
    }
    std::memcpy(m_mask, header + headerSize - 4, 4);
    m_maskOffset = 0;
    m_remaining = length;
    m_state = State::Payload;
    if (isControl(m_opcode)) {
        // A control frame in pieces is buffered behind the fragments of the
        // message it interrupts.
        m_controlAt = m_buffer.size();
        return {};
    }
    // Judged on the header: nothing of a message over the limit is buffered.
    if (length > m_maxMessage - m_messageSize)
        return finish(Kind::TooLarge, CloseCode::TooBig, "Frame too large");
    if (m_opcode != Opcode::Continuation)
        m_messageOpcode = m_opcode;
    m_messageSize += std::size_t(length);
    return {};
}

FrameDecoder::Event FrameDecoder::endFrame(std::string_view payload)
{
    m_state = State::Header;
    switch (m_opcode) {
    case Opcode::Ping:
        m_releaseControl = true;
        return {Kind::Ping, 0, 0, payload};
    case Opcode::Pong:
        m_releaseControl = true;
        return {Kind::Pong, 0, 0, payload};
    case Opcode::Close:
        m_releaseControl = true;
        return closeEvent(payload);
    default:
        break;
    }
    if (!m_fin)
        return {};
    const Opcode opcode = m_messageOpcode;
    m_messageOpcode = Opcode::Continuation;
    m_messageSize = 0;
    if (m_discardData) {
        // Nothing points into the buffer: what is left of the message
        // from before the discarding began can go now.
        m_buffer.clear();
        return {};
    }
    m_releaseMessage = true;
    return {opcode == Opcode::Text ? Kind::Text : Kind::Binary, 0, 0, payload};
}

FrameDecoder::Event FrameDecoder::closeEvent(std::string_view payload)
{
    // Section 5.5.1: nothing after a close frame is read.
    m_state = State::Done;
    if (payload.empty())
        return {Kind::Close, 0, 0, {}};
    if (payload.size() == 1)
        return finish(Kind::Fail, CloseCode::ProtocolError, "Close frame of one byte");
    const auto code = quint16((quint8(payload[0]) << 8) | quint8(payload[1]));
    if (!protocol::isValidWireCloseCode(code)) // section 7.4
        return finish(Kind::Fail, CloseCode::ProtocolError, "Invalid close code");
    const std::string_view reason = payload.substr(2);
    if (!isValidUtf8(reason)) // section 5.5.1
        return finish(Kind::Fail, CloseCode::InvalidPayload, "Close reason is not UTF-8");
    return {Kind::Close, 0, code, reason};
}

FrameDecoder::Event FrameDecoder::finish(Kind kind, CloseCode code, std::string_view why)
{
    m_state = State::Done;
    return {kind, 0, closeCodeValue(code), why};
}

void FrameDecoder::unmask(char *data, std::size_t size)
{
    for (std::size_t i = 0; i < size; ++i)
        data[i] = char(data[i] ^ m_mask[(m_maskOffset + i) & 3]);
    m_maskOffset = quint8((m_maskOffset + size) & 3);
}

bool FrameDecoder::isValidUtf8(std::string_view text)
{
    const auto *s = reinterpret_cast<const unsigned char *>(text.data());
    const std::size_t n = text.size();
    std::size_t i = 0;
    while (i < n) {
        const unsigned char lead = s[i];
        if (lead < 0x80) {
            ++i;
            continue;
        }
        // Unicode 15, table 3-7: the well-formed sequences. The second byte's
        // range excludes overlong forms, surrogates and code points past
        // U+10FFFF.
        std::size_t length = 0;
        unsigned char low = 0x80;
        unsigned char high = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            low = lead == 0xE0 ? 0xA0 : low;
            high = lead == 0xED ? 0x9F : high;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            low = lead == 0xF0 ? 0x90 : low;
            high = lead == 0xF4 ? 0x8F : high;
        } else {
            return false;
        }
        if (n - i < length || s[i + 1] < low || s[i + 1] > high)
            return false;
        for (std::size_t k = 2; k < length; ++k) {
            if ((s[i + k] & 0xC0) != 0x80)
                return false;
        }
        i += length;
    }
    return true;
}

} // namespace lockstep::server::net
