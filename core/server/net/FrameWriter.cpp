#include "FrameWriter.h"

#include <algorithm>
#include <cstring>

namespace lockstep::server::net {

std::size_t FrameWriter::header(char *out, Opcode opcode, std::size_t payloadSize)
{
    std::size_t n = 0;
    out[n++] = char(0x80 | quint8(opcode));
    if (payloadSize < 126) {
        out[n++] = char(payloadSize);
    } else if (payloadSize < 65536) {
        out[n++] = char(126);
        out[n++] = char(payloadSize >> 8);
        out[n++] = char(payloadSize & 0xff);
    } else {
        out[n++] = char(127);
        for (int shift = 56; shift >= 0; shift -= 8)
            out[n++] = char((quint64(payloadSize) >> shift) & 0xff);
    }
    return n;
}

std::size_t FrameWriter::closePayload(char *out, quint16 code, std::string_view reason)
{
    out[0] = char(code >> 8);
    out[1] = char(code & 0xff);
    const std::size_t reasonSize = std::min(reason.size(), kMaxCloseReason);
    std::memcpy(out + 2, reason.data(), reasonSize);
    return 2 + reasonSize;
}

QByteArray FrameWriter::closeReason(const QString &reason)
{
    QString text = reason;
    QByteArray utf8 = text.toUtf8();
    while (std::size_t(utf8.size()) > kMaxCloseReason) {
        text.chop(text.size() >= 2 && text.at(text.size() - 1).isLowSurrogate() ? 2 : 1);
        utf8 = text.toUtf8();
    }
    return utf8;
}

} // namespace lockstep::server::net
