// libFuzzer target: the HTTP upgrade parser. The first byte picks the size of
// the pieces the rest is fed in, as the network might split it; the parser
// must never take in more than its head limit, never claim bytes it was not
// given, and reach the same verdict whatever the split.
#include "server/net/HttpUpgradeParser.h"

#include <cstdint>
#include <cstdlib>

using lockstep::server::net::HttpUpgradeParser;

namespace {

struct Verdict {
    HttpUpgradeParser::Outcome outcome = HttpUpgradeParser::Outcome::NeedMore;
    int status = 0;
    std::size_t consumed = 0;
};

Verdict run(std::string_view input, std::size_t piece)
{
    HttpUpgradeParser parser({QStringLiteral("https://lockstep.app")});
    Verdict verdict;
    for (std::size_t at = 0; at < input.size(); at += piece) {
        const std::string_view bytes = input.substr(at, piece);
        const HttpUpgradeParser::Result result = parser.feed(bytes);
        if (result.consumed > bytes.size())
            std::abort();
        verdict.consumed += result.consumed;
        if (result.outcome != HttpUpgradeParser::Outcome::NeedMore) {
            verdict.outcome = result.outcome;
            verdict.status = result.refusal.status;
            if (result.outcome == HttpUpgradeParser::Outcome::Upgrade)
                HttpUpgradeParser::acceptResponse(parser.key());
            else
                HttpUpgradeParser::refusalResponse(result.refusal);
            break;
        }
        if (result.consumed != bytes.size())
            std::abort(); // bytes left over while the head goes on
    }
    if (verdict.consumed > HttpUpgradeParser::kMaxHead)
        std::abort();
    return verdict;
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
    const std::size_t piece = std::size_t(data[0]) + 1;
    const std::string_view input(reinterpret_cast<const char *>(data + 1), size - 1);
    const Verdict whole = run(input, input.size() + 1);
    const Verdict split = run(input, piece);
    if (whole.outcome != split.outcome || whole.status != split.status
        || whole.consumed != split.consumed)
        std::abort();
    return 0;
}
