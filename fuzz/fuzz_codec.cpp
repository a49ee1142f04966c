// libFuzzer target: the codec must refuse or accept any byte string without
// crashing, and whatever it accepts must survive an encode/decode round trip.
#include "protocol/Codec.h"

#include <cstdint>
#include <cstdlib>

using namespace lockstep::protocol;

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArrayView frame(reinterpret_cast<const char *>(data), qsizetype(size));
    const DecodeResult decoded = decode(frame);
    if (!decoded) {
        if (decoded.error().message.isEmpty())
            std::abort(); // every refusal says why
        return 0;
    }
    const QByteArray again = encode(decoded.envelope());
    const DecodeResult round = decode(again, DecodeOptions {again.size() + std::size_t(1)});
    if (!round)
        std::abort(); // what we encode, we must accept
    if (round.envelope().typeName() != decoded.envelope().typeName())
        std::abort();
    return 0;
}
