#include "HttpUpgradeParser.h"

#include <QCryptographicHash>

#include <algorithm>

namespace lockstep::server::net {

namespace {

char lower(char ch)
{
    return ch >= 'A' && ch <= 'Z' ? char(ch - 'A' + 'a') : ch;
}

bool equalsNoCase(std::string_view a, std::string_view b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return lower(x) == lower(y);
           });
}

bool isBlank(char ch)
{
    return ch == ' ' || ch == '\t';
}

std::string_view trimmed(std::string_view s)
{
    while (!s.empty() && isBlank(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && isBlank(s.back()))
        s.remove_suffix(1);
    return s;
}

// Whether a comma-separated header value holds `token` (case-insensitive).
bool hasToken(std::string_view value, std::string_view token)
{
    while (!value.empty()) {
        const std::size_t comma = value.find(',');
        if (equalsNoCase(trimmed(value.substr(0, comma)), token))
            return true;
        if (comma == std::string_view::npos)
            break;
        value.remove_prefix(comma + 1);
    }
    return false;
}

// RFC 7230 section 3.2.6: a header name is a token.
bool isToken(std::string_view s)
{
    constexpr std::string_view extra = "!#$%&'*+-.^_`|~";
    return !s.empty() && std::all_of(s.begin(), s.end(), [&](char ch) {
        return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z')
            || extra.find(ch) != std::string_view::npos;
    });
}

bool isBase64Digit(char ch)
{
    return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')
        || ch == '+' || ch == '/';
}

// The headers the handshake reads; a repeated one is a malformed request.
struct Headers {
    std::string_view host, upgrade, connection, key, version, origin;
    bool seenHost = false, seenKey = false, seenVersion = false;
};

const char *statusText(int status)
{
    switch (status) {
    case 400:
        return "Bad Request";
    case 403:
        return "Forbidden";
    case 405:
        return "Method Not Allowed";
    case 426:
        return "Upgrade Required";
    case 431:
        return "Request Header Fields Too Large";
    }
    return "Error";
}

} // namespace

HttpUpgradeParser::HttpUpgradeParser(const QStringList &allowedOrigins)
    : m_allowedOrigins(allowedOrigins)
{
}

HttpUpgradeParser::Result HttpUpgradeParser::feed(std::string_view bytes)
{
    if (m_done)
        return {};
    if (m_head.empty()) {
        // The common case: the whole head in one read, judged where it lies
        // with nothing copied.
        const std::string_view window = bytes.substr(0, kMaxHead);
        const std::size_t end = window.find("\r\n\r\n");
        if (end != std::string_view::npos)
            return finish(window.substr(0, end + 2), end + 4);
        if (window.size() == kMaxHead)
            return finish({}, kMaxHead);
    }
    // Never hold more than the limit: a head that has not ended within it is
    // refused, whether it came in one read or a byte at a time.
    const std::size_t before = m_head.size();
    const std::size_t taken = std::min(bytes.size(), kMaxHead - before);
    m_head.append(bytes.data(), taken);
    const std::size_t end = m_head.find("\r\n\r\n", before >= 3 ? before - 3 : 0);
    if (end != std::string::npos)
        return finish(std::string_view(m_head).substr(0, end + 2), end + 4 - before);
    if (m_head.size() == kMaxHead)
        return finish({}, taken);
    return {Outcome::NeedMore, taken, {}};
}

HttpUpgradeParser::Result HttpUpgradeParser::finish(std::string_view head, std::size_t consumed)
{
    Result result = head.empty()
        ? Result {Outcome::Refuse, 0, {431, "The request head is too large."}}
        : judge(head);
    result.consumed = consumed;
    m_done = true;
    std::string().swap(m_head);
    return result;
}

HttpUpgradeParser::Result HttpUpgradeParser::judge(std::string_view head)
{
    const auto refuse = [](int status, const char *reason) {
        return Result {Outcome::Refuse, 0, {status, reason}};
    };
    const auto malformed = [&] { return refuse(400, "This is not an HTTP/1.1 request."); };

    std::size_t lineEnd = head.find("\r\n");
    const std::string_view requestLine = head.substr(0, lineEnd);
    const std::size_t sp1 = requestLine.find(' ');
    const std::size_t sp2 = requestLine.find(' ', sp1 == std::string_view::npos ? 0 : sp1 + 1);
    if (sp1 == std::string_view::npos || sp2 == std::string_view::npos || sp1 == 0 || sp2 == sp1 + 1
        || requestLine.find(' ', sp2 + 1) != std::string_view::npos
        || requestLine.substr(sp2 + 1) != "HTTP/1.1")
        return malformed();
    const std::string_view method = requestLine.substr(0, sp1);

    Headers h;
    while (lineEnd + 2 < head.size()) {
        const std::size_t start = lineEnd + 2;
        lineEnd = head.find("\r\n", start);
        const std::string_view line = head.substr(start, lineEnd - start);
        const std::size_t colon = line.find(':');
        // RFC 7230 section 3.2.4: no folded lines, no space before the colon.
        if (colon == std::string_view::npos || !isToken(line.substr(0, colon)))
            return malformed();
        const std::string_view name = line.substr(0, colon);
        const std::string_view value = trimmed(line.substr(colon + 1));
        const auto once = [&](bool *seen, std::string_view *field) {
            if (*seen)
                return false;
            *seen = true;
            *field = value;
            return true;
        };
        if (equalsNoCase(name, "host")) {
            if (!once(&h.seenHost, &h.host))
                return refuse(400, "The request has more than one Host header.");
        } else if (equalsNoCase(name, "sec-websocket-key")) {
            if (!once(&h.seenKey, &h.key))
                return refuse(400, "This is not a valid WebSocket handshake.");
        } else if (equalsNoCase(name, "sec-websocket-version")) {
            if (!once(&h.seenVersion, &h.version))
                return refuse(426, "Only WebSocket version 13 is supported.");
        } else if (equalsNoCase(name, "upgrade")) {
            h.upgrade = value;
        } else if (equalsNoCase(name, "connection")) {
            h.connection = value;
        } else if (equalsNoCase(name, "origin")) {
            h.origin = value;
        }
    }

    if (method != "GET")
        return refuse(405, "Only GET upgrades to a WebSocket.");
    if (h.host.empty()) // RFC 6455 section 4.1, item 4
        return refuse(400, "The request has no Host header.");
    if (!hasToken(h.upgrade, "websocket"))
        return refuse(426, "This is a Lockstep session server. Join it from the Lockstep app.");
    if (h.version != "13")
        return refuse(426, "Only WebSocket version 13 is supported.");
    if (!hasToken(h.connection, "upgrade") || !isValidKey(h.key))
        return refuse(400, "This is not a valid WebSocket handshake.");
    m_origin = QString::fromUtf8(h.origin.data(), qsizetype(h.origin.size()));
    if (!m_allowedOrigins.isEmpty() && !m_origin.isEmpty() && !m_allowedOrigins.contains(m_origin))
        return refuse(403, "This Origin is not allowed.");

    m_key = QByteArray(h.key.data(), qsizetype(h.key.size()));
    return {Outcome::Upgrade, 0, {}};
}

bool HttpUpgradeParser::isValidKey(std::string_view key)
{
    // 16 bytes are 22 digits and "=="; the last digit carries 2 bits of data
    // and 4 zero bits, so it is one of A, Q, g, w.
    return key.size() == 24 && std::all_of(key.begin(), key.begin() + 21, isBase64Digit)
        && std::string_view("AQgw").find(key[21]) != std::string_view::npos
        && key.substr(22) == "==";
}

QByteArray HttpUpgradeParser::acceptResponse(const QByteArray &key)
{
    const QByteArray accept
        = QCryptographicHash::hash(QByteArray(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"),
                                   QCryptographicHash::Sha1)
              .toBase64();
    return QByteArrayLiteral("HTTP/1.1 101 Switching Protocols\r\n"
                             "Upgrade: websocket\r\n"
                             "Connection: Upgrade\r\n"
                             "Sec-WebSocket-Accept: ")
        + accept + QByteArrayLiteral("\r\nServer: Lockstep/" LOCKSTEP_VERSION "\r\n\r\n");
}

QByteArray HttpUpgradeParser::refusalResponse(const Refusal &refusal)
{
    QByteArray extraHeaders;
    if (refusal.status == 405)
        extraHeaders = QByteArrayLiteral("Allow: GET\r\n");
    else if (refusal.status == 426) // RFC 6455 section 4.4: say which versions we speak
        extraHeaders = QByteArrayLiteral("Upgrade: websocket\r\nSec-WebSocket-Version: 13\r\n");
    const QByteArray body = QByteArray(refusal.reason) + '\n';
    return QByteArray("HTTP/1.1 ") + QByteArray::number(refusal.status) + ' '
        + statusText(refusal.status)
        + "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: "
        + QByteArray::number(body.size()) + "\r\nConnection: close\r\n" + extraHeaders + "\r\n"
        + body;
}

} // namespace lockstep::server::net
