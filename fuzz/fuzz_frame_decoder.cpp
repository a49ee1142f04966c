// libFuzzer target: the WebSocket frame decoder. The first byte picks the size
// of the pieces the rest is fed in and whether the server is closing; the
// events must be the same whole or split, every byte must be accounted for,
// and nothing may be delivered that breaks the limits.
#include "server/net/FrameDecoder.h"

#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

using lockstep::server::net::FrameDecoder;
using Kind = FrameDecoder::Kind;

namespace {

constexpr std::size_t kLimit = 4096;

std::vector<std::string> run(std::string input, std::size_t piece, bool closing)
{
    FrameDecoder decoder(kLimit);
    if (closing)
        decoder.discardData();
    std::vector<std::string> events;
    for (std::size_t at = 0; at < input.size();) {
        const std::size_t end = std::min(input.size(), at + piece);
        while (at < end) {
            const FrameDecoder::Event e = decoder.decode(input.data() + at, end - at);
            if (e.consumed > end - at)
                std::abort();
            at += e.consumed;
            if (e.kind == Kind::NeedMore) {
                if (at != end)
                    std::abort();
                break;
            }
            if ((e.kind == Kind::Text || e.kind == Kind::Binary)
                && (closing || e.payload.size() > kLimit))
                std::abort();
            if ((e.kind == Kind::Ping || e.kind == Kind::Pong) && e.payload.size() > 125)
                std::abort();
            if (e.kind == Kind::Close && e.code != 0 && !FrameDecoder::isValidUtf8(e.payload))
                std::abort();
            events.push_back(std::to_string(int(e.kind)) + ':' + std::to_string(e.code) + ':'
                             + std::string(e.payload));
        }
    }
    return events;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        return 0;
    const bool closing = data[0] & 0x80;
    const std::size_t piece = std::size_t(data[0] & 0x7f) + 1;
    const std::string input(reinterpret_cast<const char *>(data + 1), size - 1);
    if (run(input, input.size() + 1, closing) != run(input, piece, closing))
        std::abort();
    return 0;
}
