#include "StreamProxyParts.h"

#include "server/media/MediaRequest.h"

#include <algorithm>
#include <optional>

namespace lockstep::room {

using namespace stream;
using server::media::RangeAnswer;

StreamProxy::Relay::Relay(Worker &proxy, QTcpSocket *player)
    : QObject(&proxy), m_proxy(proxy), m_player(player)
{
    player->setParent(this);
    connect(player, &QTcpSocket::readyRead, this, &Relay::readRequest);
    connect(player, &QTcpSocket::bytesWritten, this, &Relay::pump);
    connect(player, &QTcpSocket::disconnected, this, &Relay::end);
}

void StreamProxy::Relay::end()
{
    if (m_ended)
        return;
    m_ended = true;
    keepReadAhead();
    if (m_host)
        m_host->abort();
    m_player->disconnect(this);
    m_player->abort();
    m_proxy.m_relays.erase(std::remove(m_proxy.m_relays.begin(), m_proxy.m_relays.end(), this),
                           m_proxy.m_relays.end());
    deleteLater();
}

void StreamProxy::Relay::keepReadAhead()
{
    if (!m_host || !m_hostHeadRead || m_next < 0
        || (m_mode == Mode::Cached && m_next < m_fetchFrom))
        return;
    const qint64 wanted = m_mode == Mode::Cached ? m_end - m_next : kReadAheadBytes;
    const QByteArray ahead = m_host->read(std::min(wanted, m_host->bytesAvailable()));
    qCDebug(lcStream) << "request ended at" << m_next << "with" << ahead.size()
                      << "bytes read ahead, kept";
    m_proxy.m_cache.insert(m_next, ahead);
}

void StreamProxy::Relay::readRequest()
{
    if (m_requested || m_answered) {
        m_player->readAll(); // one request per connection
        return;
    }
    m_head += m_player->read(kMaxHeadBytes + 1 - m_head.size());
    const qsizetype end = m_head.indexOf("\r\n\r\n");
    if (end < 0) {
        if (m_head.size() > kMaxHeadBytes)
            answer(431, "Request Header Fields Too Large");
        return;
    }
    m_requested = true;
    const QList<QByteArray> requestLine = m_head.left(m_head.indexOf("\r\n")).split(' ');
    if (requestLine.size() != 3 || !requestLine[2].startsWith("HTTP/1.")) {
        answer(400, "Bad Request");
        return;
    }
    const QByteArray method = requestLine[0];
    if (method != "GET" && method != "HEAD") {
        answer(405, "Method Not Allowed");
        return;
    }
    // Only the secret path: another local user guessing ports gets nothing.
    if (!requestLine[1].startsWith(QByteArray(m_proxy.m_secretPath + '/'))) {
        answer(404, "Not Found");
        return;
    }
    const QByteArray range = headerValue(m_head.left(end), "range");
    if (method == "GET" && serveFromCache(range))
        return;
    m_mode = Mode::Forward;
    forward(method, range);
}

bool StreamProxy::Relay::serveFromCache(const QByteArray &range)
{
    const qint64 size = m_proxy.m_fileSize;
    if (size < 0)
        return false; // not one answer from the host yet: its size is unknown
    // Judged as the host judges it, so the answer is the one it would give.
    const RangeAnswer wanted = server::media::resolveRange(
        range.isEmpty() ? std::nullopt : std::optional<QByteArray>(range), size);
    if (wanted.kind == RangeAnswer::Kind::Unsatisfiable || wanted.length() == 0)
        return false;
    const qint64 held = m_proxy.m_cache.contiguousFrom(wanted.first);
    if (held == 0)
        return false;
    qCDebug(lcStream) << "range" << range << ":" << held << "bytes from memory"
                      << (wanted.first + held < wanted.last + 1 ? ", the rest from the host" : "");
    m_mode = Mode::Cached;
    m_next = wanted.first;
    m_end = wanted.last + 1;
    m_answered = true;
    const bool partial = wanted.kind == RangeAnswer::Kind::Partial;
    QByteArray head = partial ? "HTTP/1.1 206 Partial Content\r\n" : "HTTP/1.1 200 OK\r\n";
    if (!m_proxy.m_contentType.isEmpty())
        head += "Content-Type: " + m_proxy.m_contentType + "\r\n";
    head += "Accept-Ranges: bytes\r\nContent-Length: " + QByteArray::number(wanted.length())
        + "\r\n";
    if (partial) {
        head += "Content-Range: bytes " + QByteArray::number(wanted.first) + '-'
            + QByteArray::number(wanted.last) + '/' + QByteArray::number(size) + "\r\n";
    }
    head += "Cache-Control: no-store\r\nConnection: close\r\n\r\n";
    m_player->write(head);
    m_fetchFrom = std::min(m_end, wanted.first + held); // m_end: none from the host
    pump();
    return true;
}

void StreamProxy::Relay::fetchFrom(qint64 offset)
{
    if (m_host) {
        m_host->disconnect(this);
        m_host->abort();
        m_host->deleteLater();
        m_host = nullptr;
    }
    m_hostHeadRead = false;
    m_hostDone = false;
    m_fetchFrom = offset;
    forward("GET", "bytes=" + QByteArray::number(offset) + '-' + QByteArray::number(m_end - 1));
}

void StreamProxy::Relay::forward(const QByteArray &method, const QByteArray &range)
{
    const QUrl upstream = m_proxy.m_upstream;
    QByteArray request = method + ' ' + upstream.path(QUrl::FullyEncoded).toLatin1() + '?'
        + upstream.query(QUrl::FullyEncoded).toLatin1() + " HTTP/1.1\r\n";
    request += "Host: " + upstream.host(QUrl::FullyEncoded).toLatin1() + ':'
        + QByteArray::number(upstream.port(443)) + "\r\n";
    if (!range.isEmpty())
        request += "Range: " + range + "\r\n";
    request += "Connection: close\r\n\r\n";
    ++m_proxy.m_upstreamRequests;
    qCDebug(lcStream) << "asking the host for" << method << range;

    // A connection opened ahead (TLS done) saves the handshake's round
    // trips: a seek costs one round trip to the host, not three.
    m_host = m_proxy.takeSpare();
    if (m_host)
        m_host->setParent(this);
    else
        m_host = m_proxy.openHost(this);
    m_host->setReadBufferSize(kReadAheadBytes);
    const bool pinned = !m_proxy.m_pinned.isEmpty();
    const auto send = [this, request, pinned] {
        if (pinned && !m_host->property(kVerified).toBool()) {
            qCWarning(lcStream) << "the host's certificate is not the pinned one";
            fail();
            return;
        }
        m_host->write(request);
    };
    if (m_host->isEncrypted())
        send();
    else
        connect(m_host, &QSslSocket::encrypted, this, send);
    connect(m_host, &QSslSocket::readyRead, this, &Relay::pump);
    connect(m_host, &QSslSocket::disconnected, this, [this] {
        m_hostDone = true;
        pump();
    });
    connect(m_host, &QSslSocket::errorOccurred, this, [this](QAbstractSocket::SocketError) {
        if (m_host->state() != QAbstractSocket::ConnectedState) {
            m_hostDone = true;
            pump();
        }
    });
}

void StreamProxy::Relay::pump()
{
    if (m_ended || m_mode == Mode::None)
        return;
    if (m_mode == Mode::Cached && !pumpCached())
        return;
    if (!m_host)
        return;
    if (!m_hostHeadRead && !readHostHead())
        return;
    while (m_host->bytesAvailable() > 0 && playerHasRoom()) {
        QByteArray bytes = m_host->read(
            m_mode == Mode::Cached ? std::min(kChunkBytes, m_end - m_next) : kChunkBytes);
        if (bytes.isEmpty())
            break;
        m_player->write(bytes);
        if (m_next >= 0) {
            m_proxy.m_cache.insert(m_next, bytes);
            m_next += bytes.size();
        }
    }
    if (m_mode == Mode::Cached && m_next >= m_end) {
        m_player->disconnectFromHost();
        return;
    }
    if (m_hostDone && m_host->bytesAvailable() == 0) {
        // Forwarded: the host's answer is complete. Cached: the host
        // stopped short of the range, and so does the answer (the
        // player asks again from where it ends).
        if (m_mode == Mode::Forward)
            m_player->disconnectFromHost();
        else
            end();
    }
}

bool StreamProxy::Relay::pumpCached()
{
    // The host is asked for the rest once the player is within a
    // read-ahead of where the cached bytes end, so that its bytes are
    // there in time; a player that seeks again before (the sync engine
    // aiming again, a storm of Right presses) has cost the link nothing.
    const auto fetchWhenNear = [this] {
        if (!m_host && m_fetchFrom < m_end && m_fetchFrom - m_next <= kReadAheadBytes)
            fetchFrom(m_fetchFrom);
    };
    fetchWhenNear();
    while (m_next < m_fetchFrom && playerHasRoom()) {
        const QByteArray bytes
            = m_proxy.m_cache.read(m_next, std::min(kChunkBytes, m_fetchFrom - m_next));
        if (bytes.isEmpty()) {
            // Evicted meanwhile by other requests' data: the host sends
            // the rest from here.
            fetchFrom(m_next);
            return false;
        }
        m_player->write(bytes);
        m_next += bytes.size();
        fetchWhenNear();
    }
    if (m_next < m_fetchFrom)
        return false;
    if (!m_host) {
        m_player->disconnectFromHost();
        return false;
    }
    return true;
}

bool StreamProxy::Relay::readHostHead()
{
    const QByteArray peeked = m_host->peek(kMaxHeadBytes);
    const qsizetype headEnd = peeked.indexOf("\r\n\r\n");
    if (headEnd < 0 && peeked.size() < kMaxHeadBytes && !m_hostDone)
        return false;
    if (peeked.isEmpty() || (m_mode == Mode::Cached && headEnd < 0)) {
        fail(); // the host closed without a (whole) word
        return false;
    }
    m_hostHeadRead = true;
    const QByteArray head = headEnd < 0 ? peeked : peeked.left(headEnd + 2);
    // "HTTP/1.1 206 Partial Content"
    const QList<QByteArray> parts = head.left(head.indexOf("\r\n")).split(' ');
    const int status = parts.size() >= 2 && parts[0].startsWith("HTTP/") ? parts[1].toInt() : 0;
    if (status == 403 || status == 404)
        m_proxy.m_failed(status);
    const auto [first, size] = bodyPlace(head, status);
    if (m_mode == Mode::Forward) {
        m_answered = true;
        if (headEnd < 0)
            return true; // a head too long to read: passed on as it comes, not cached
        m_player->write(m_host->read(headEnd + 4));
        if (first >= 0) {
            m_proxy.learnFile(size, headerValue(head, "content-type"));
            m_next = first;
        }
        return true;
    }
    m_host->read(headEnd + 4);
    if (size != m_proxy.m_fileSize || first != m_fetchFrom) {
        // Not the file the cache holds (the host changed it): forget it.
        if (size >= 0)
            m_proxy.learnFile(size, headerValue(head, "content-type"));
        m_next = -1;
        end();
        return false;
    }
    return true;
}

std::pair<qint64, qint64> StreamProxy::Relay::bodyPlace(const QByteArray &head, int status)
{
    bool ok = false;
    if (status == 200) {
        const qint64 length = headerValue(head, "content-length").toLongLong(&ok);
        return ok && length >= 0 ? std::pair<qint64, qint64>(0, length)
                                 : std::pair<qint64, qint64>(-1, -1);
    }
    if (status != 206)
        return {-1, -1};
    // "bytes FIRST-LAST/SIZE"
    const QByteArray range = headerValue(head, "content-range");
    const qsizetype dash = range.indexOf('-');
    const qsizetype slash = range.indexOf('/');
    if (!range.startsWith("bytes ") || dash < 0 || slash < dash)
        return {-1, -1};
    const qint64 first = range.mid(6, dash - 6).trimmed().toLongLong(&ok);
    bool sized = false;
    const qint64 size = range.mid(slash + 1).trimmed().toLongLong(&sized);
    if (!ok || !sized || first < 0 || size <= first)
        return {-1, -1};
    return {first, size};
}

void StreamProxy::Relay::fail()
{
    if (!m_hostHeadRead)
        m_proxy.m_failed(0);
    if (!m_answered) {
        m_answered = true;
        answer(502, "Bad Gateway");
        return;
    }
    end();
}

void StreamProxy::Relay::answer(int status, const QByteArray &reason)
{
    if (m_host) {
        m_host->disconnect(this);
        m_host->abort();
    }
    m_answered = true;
    m_player->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + reason
                    + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
    m_player->disconnectFromHost();
}

} // namespace lockstep::room
