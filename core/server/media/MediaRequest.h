#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace lockstep::server::media {

// One HTTP/1.1 request head for the shared-file endpoints (`/media/<room>`
// and `/subtitles/<room>/<id>`), parsed without a socket so that every rule
// can be tested from byte strings.
struct MediaRequest {
    enum class Method { Get, Head, Other };
    enum class Resource { Media, Subtitles };

    Method method = Method::Other;
    Resource resource = Resource::Media;
    QString room; // from the path; empty when the path is anything else
    QString subtitle; // the track id of `/subtitles/<room>/<id>`
    QString token; // the `token` query argument, percent-decoded
    std::optional<QByteArray> range; // the Range header's value, if any
    // The path is exactly `/media/<room>` or `/subtitles/<room>/<id>`, with
    // plausible ids.
    bool pathValid = false;
};

// The outcome of reading a request head.
enum class HeadStatus {
    Incomplete, // no blank line yet: wait for more bytes
    Complete,
    Malformed, // not HTTP/1.x: answer 400
    TooLarge, // the head exceeds kMaxHeadBytes: answer 431
};

inline constexpr qsizetype kMaxHeadBytes = 8 * 1024;

// Whether `head` starts a request for the media endpoints, judged from the
// first bytes of a connection: `GET /media/`, `GET /subtitles/` (or HEAD). Everything
// else on the port is a WebSocket upgrade (or an error for it to answer).
bool looksLikeMediaRequest(QByteArrayView head);
// Whether `head` is a prefix that may still become a media request.
bool mayBecomeMediaRequest(QByteArrayView head);

// Parses the request head in `buffer` (the bytes up to and including the
// blank line). `*headBytes` receives the head's length when Complete.
HeadStatus parseMediaRequest(QByteArrayView buffer, MediaRequest *request, qsizetype *headBytes);

// The byte range a response serves, after the Range header is judged
// against the file's size (RFC 9110, section 14: one range only).
struct RangeAnswer {
    enum class Kind {
        Whole, // 200: no Range, or one this server ignores (several ranges, other units)
        Partial, // 206 with Content-Range
        Unsatisfiable, // 416 with `Content-Range: bytes */size`
    };
    Kind kind = Kind::Whole;
    qint64 first = 0; // inclusive
    qint64 last = -1; // inclusive; last < first: an empty body (an empty file)

    qint64 length() const { return last >= first ? last - first + 1 : 0; }
};

// `bytes=a-b`, `bytes=a-`, `bytes=-n` against a file of `size` bytes. A
// syntactically invalid Range is ignored (the whole file, as RFC 9110 says);
// a range that starts past the end is unsatisfiable.
RangeAnswer resolveRange(const std::optional<QByteArray> &range, qint64 size);

} // namespace lockstep::server::media
