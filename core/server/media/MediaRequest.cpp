#include "MediaRequest.h"

#include <QList>

#include <algorithm>
#include <array>

#include <limits>

namespace lockstep::server::media {

namespace {

constexpr std::array<QByteArrayView, 4> kPrefixes {"GET /media/", "HEAD /media/", "GET /subtitles/",
                                                   "HEAD /subtitles/"};
constexpr QByteArrayView kMediaPath = "/media/";
constexpr QByteArrayView kSubtitlesPath = "/subtitles/";
constexpr qsizetype kMaxIdLength = 64;

bool isRoomCharacter(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
        || c == '_';
}

bool isPrefixOf(QByteArrayView head, QByteArrayView prefix)
{
    const qsizetype n = std::min(head.size(), prefix.size());
    return head.first(n) == prefix.first(n);
}

// A non-negative decimal number without sign or spaces; nullopt on overflow.
std::optional<qint64> parseDecimal(QByteArrayView text)
{
    if (text.isEmpty() || text.size() > 18)
        return std::nullopt;
    qint64 value = 0;
    for (char c : text) {
        if (c < '0' || c > '9')
            return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return value;
}

bool isId(QByteArrayView id)
{
    return !id.isEmpty() && id.size() <= kMaxIdLength
        && std::all_of(id.begin(), id.end(), isRoomCharacter);
}

} // namespace

bool looksLikeMediaRequest(QByteArrayView head)
{
    return std::any_of(kPrefixes.begin(), kPrefixes.end(),
                       [&](QByteArrayView prefix) { return head.startsWith(prefix); });
}

bool mayBecomeMediaRequest(QByteArrayView head)
{
    return std::any_of(kPrefixes.begin(), kPrefixes.end(),
                       [&](QByteArrayView prefix) { return isPrefixOf(head, prefix); });
}

HeadStatus parseMediaRequest(QByteArrayView buffer, MediaRequest *request, qsizetype *headBytes)
{
    const qsizetype end = buffer.indexOf(QByteArrayView("\r\n\r\n"));
    if (end < 0)
        return buffer.size() > kMaxHeadBytes ? HeadStatus::TooLarge : HeadStatus::Incomplete;
    if (end + 4 > kMaxHeadBytes)
        return HeadStatus::TooLarge;
    *headBytes = end + 4;

    const QList<QByteArray> lines = buffer.first(end).toByteArray().split('\n');
    const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
    if (requestLine.size() != 3 || !requestLine[2].startsWith("HTTP/1."))
        return HeadStatus::Malformed;

    MediaRequest r;
    if (requestLine[0] == "GET")
        r.method = MediaRequest::Method::Get;
    else if (requestLine[0] == "HEAD")
        r.method = MediaRequest::Method::Head;

    const QByteArray &target = requestLine[1];
    const qsizetype query = target.indexOf('?');
    const QByteArray path = query < 0 ? target : target.left(query);
    if (path.startsWith(kMediaPath.toByteArray())) {
        const QByteArray room = path.mid(kMediaPath.size());
        r.pathValid = isId(room);
        if (r.pathValid)
            r.room = QString::fromLatin1(room);
    } else if (path.startsWith(kSubtitlesPath.toByteArray())) {
        r.resource = MediaRequest::Resource::Subtitles;
        const QList<QByteArray> parts = path.mid(kSubtitlesPath.size()).split('/');
        r.pathValid = parts.size() == 2 && isId(parts[0]) && isId(parts[1]);
        if (r.pathValid) {
            r.room = QString::fromLatin1(parts[0]);
            r.subtitle = QString::fromLatin1(parts[1]);
        }
    }
    if (query >= 0) {
        for (const QByteArray &argument : target.mid(query + 1).split('&')) {
            if (argument.startsWith("token="))
                r.token = QString::fromUtf8(QByteArray::fromPercentEncoding(argument.mid(6)));
        }
    }

    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        if (line.isEmpty())
            continue;
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return HeadStatus::Malformed;
        if (line.left(colon).trimmed().toLower() == "range")
            r.range = line.mid(colon + 1).trimmed();
    }
    *request = std::move(r);
    return HeadStatus::Complete;
}

RangeAnswer resolveRange(const std::optional<QByteArray> &range, qint64 size)
{
    RangeAnswer whole {RangeAnswer::Kind::Whole, 0, size - 1};
    if (!range)
        return whole;
    const QByteArray spec = range->trimmed();
    if (!spec.startsWith("bytes="))
        return whole; // another unit: ignored
    const QByteArray set = spec.mid(6).trimmed();
    if (set.contains(','))
        return whole; // several ranges: served whole rather than as multipart
    const qsizetype dash = set.indexOf('-');
    if (dash < 0)
        return whole;
    const QByteArray firstText = set.left(dash).trimmed();
    const QByteArray lastText = set.mid(dash + 1).trimmed();

    if (firstText.isEmpty()) {
        // A suffix: the last n bytes.
        const auto suffix = parseDecimal(lastText);
        if (!suffix)
            return whole;
        if (*suffix == 0 || size == 0)
            return {RangeAnswer::Kind::Unsatisfiable, 0, -1};
        return {RangeAnswer::Kind::Partial, std::max<qint64>(0, size - *suffix), size - 1};
    }
    const auto first = parseDecimal(firstText);
    if (!first)
        return whole;
    std::optional<qint64> last;
    if (!lastText.isEmpty()) {
        last = parseDecimal(lastText);
        if (!last || *last < *first)
            return whole; // invalid: ignored
    }
    if (*first >= size)
        return {RangeAnswer::Kind::Unsatisfiable, 0, -1};
    return {RangeAnswer::Kind::Partial, *first, std::min(last.value_or(size - 1), size - 1)};
}

} // namespace lockstep::server::media
