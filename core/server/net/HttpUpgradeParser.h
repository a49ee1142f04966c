#pragma once

#include <QByteArray>
#include <QStringList>

#include <cstddef>
#include <string>
#include <string_view>

namespace lockstep::server::net {

// Reads the HTTP request that opens a WebSocket (RFC 6455 section 4.2.1) from
// bytes fed in whatever pieces the network delivers, and judges it. It knows
// nothing of sockets: the network layer feeds it and writes its answer.
//
// The head, up to and including its empty line, may be at most kMaxHead bytes
// however it arrives: the limit is counted on the bytes, not per read.
class HttpUpgradeParser
{
public:
    static constexpr std::size_t kMaxHead = 8192;

    enum class Outcome { NeedMore, Upgrade, Refuse };

    struct Refusal {
        int status = 0; // 400, 403, 405, 426 or 431
        const char *reason = ""; // the body: one line saying why
    };

    struct Result {
        Outcome outcome = Outcome::NeedMore;
        // Bytes of this feed that belong to the head; after an upgrade the
        // rest are the first WebSocket frames.
        std::size_t consumed = 0;
        Refusal refusal;
    };

    // `allowedOrigins` empty: any Origin. A request without Origin (a native
    // client; browsers always send one) is accepted either way.
    explicit HttpUpgradeParser(const QStringList &allowedOrigins = {});

    // Feeds the next bytes. After Upgrade or Refuse the parser is done and
    // takes nothing more.
    Result feed(std::string_view bytes);

    // After Upgrade: the request's Sec-WebSocket-Key, for the accept header.
    QByteArray key() const { return m_key; }
    // The request's Origin header, once the head is read (empty: none).
    QString origin() const { return m_origin; }

    // The whole 101 answer to an accepted request.
    static QByteArray acceptResponse(const QByteArray &key);
    // The whole answer to a refused one, closing the connection.
    static QByteArray refusalResponse(const Refusal &refusal);

    // RFC 6455 section 4.1: a base64 encoding of exactly 16 bytes.
    static bool isValidKey(std::string_view key);

private:
    // Judges `head` (its lines up to the empty one; empty: over the limit).
    Result finish(std::string_view head, std::size_t consumed);
    Result judge(std::string_view head);

    QStringList m_allowedOrigins;
    std::string m_head; // only when the head arrives in pieces
    QByteArray m_key;
    QString m_origin;
    bool m_done = false;
};

} // namespace lockstep::server::net
