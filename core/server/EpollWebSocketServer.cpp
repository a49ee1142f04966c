#include "EpollWebSocketServer.h"

#include "ServerCore.h"
#include "protocol/Clock.h"

#include <QCryptographicHash>
#include <QLoggingCategory>
#include <QSocketNotifier>
#include <QTimer>

#include <algorithm>
#include <cstring>
#include <string_view>
#include <thread>

#ifdef Q_OS_LINUX
#include <arpa/inet.h>
#include <cerrno>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>
#endif

Q_DECLARE_LOGGING_CATEGORY(lcServer)

namespace lockstep::server {

namespace {

constexpr ConnectionId kListener = 0;
constexpr std::size_t kMaxRequestHead = 8192;
// A peer that lets this much output pile up is not reading: it is dropped
// rather than allowed to hold the server's memory.
constexpr std::size_t kMaxBacklog = 4u << 20;
constexpr double kCloseGrace = 2.0; // s to wait for the peer's close reply
constexpr int kBatch = 256;
constexpr std::size_t kKeptOutput = 256; // bytes of output buffer kept between writes
// From this many connections to write at once, the sends are shared out
// among threads (one per core, at most four).
constexpr std::size_t kParallelFlush = 512;

enum Opcode : quint8 {
    Continuation = 0x0,
    Text = 0x1,
    Binary = 0x2,
    Close = 0x8,
    Ping = 0x9,
    Pong = 0xA,
};

double now()
{
    return protocol::SystemClock::instance().now();
}

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

std::string_view trimmed(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
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

struct Request {
    std::string_view method, target, version;
    std::string_view upgrade, connection, key, wsVersion, origin;
};

bool parseRequest(std::string_view head, Request *r)
{
    std::size_t lineEnd = head.find("\r\n");
    const std::string_view requestLine = head.substr(0, lineEnd);
    const std::size_t sp1 = requestLine.find(' ');
    const std::size_t sp2 = requestLine.rfind(' ');
    if (sp1 == std::string_view::npos || sp2 == sp1)
        return false;
    r->method = requestLine.substr(0, sp1);
    r->target = requestLine.substr(sp1 + 1, sp2 - sp1 - 1);
    r->version = requestLine.substr(sp2 + 1);
    while (lineEnd != std::string_view::npos && lineEnd + 2 < head.size()) {
        const std::size_t start = lineEnd + 2;
        lineEnd = head.find("\r\n", start);
        const std::string_view line = head.substr(start, lineEnd - start);
        const std::size_t colon = line.find(':');
        if (colon == std::string_view::npos)
            return false;
        const std::string_view name = line.substr(0, colon);
        const std::string_view value = trimmed(line.substr(colon + 1));
        if (equalsNoCase(name, "upgrade"))
            r->upgrade = value;
        else if (equalsNoCase(name, "connection"))
            r->connection = value;
        else if (equalsNoCase(name, "sec-websocket-key"))
            r->key = value;
        else if (equalsNoCase(name, "sec-websocket-version"))
            r->wsVersion = value;
        else if (equalsNoCase(name, "origin"))
            r->origin = value;
    }
    return true;
}

void unmask(char *data, std::size_t size, const unsigned char key[4])
{
    for (std::size_t i = 0; i < size; ++i)
        data[i] = char(data[i] ^ key[i & 3]);
}

std::size_t frameHeader(char *out, quint8 opcode, std::size_t size)
{
    std::size_t n = 0;
    out[n++] = char(0x80 | opcode);
    if (size < 126) {
        out[n++] = char(size);
    } else if (size < 65536) {
        out[n++] = char(126);
        out[n++] = char(size >> 8);
        out[n++] = char(size & 0xff);
    } else {
        out[n++] = char(127);
        for (int shift = 56; shift >= 0; shift -= 8)
            out[n++] = char((quint64(size) >> shift) & 0xff);
    }
    return n;
}

} // namespace

bool EpollWebSocketServer::isSupported()
{
#ifdef Q_OS_LINUX
    return true;
#else
    return false;
#endif
}

EpollWebSocketServer::EpollWebSocketServer(const ServerLimits &limits, ServerCore &core,
                                           QObject *parent)
    : QObject(parent), m_limits(limits), m_core(core),
      m_flushThreads(std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 4))
{
#ifdef Q_OS_LINUX
    m_epollFd = epoll_create1(EPOLL_CLOEXEC);
    m_spareFd = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
#endif
}

EpollWebSocketServer::~EpollWebSocketServer()
{
#ifdef Q_OS_LINUX
    stopListening();
    for (auto &[id, c] : m_connections)
        ::close(c.fd);
    if (m_spareFd >= 0)
        ::close(m_spareFd);
    if (m_epollFd >= 0)
        ::close(m_epollFd);
#endif
}

#ifdef Q_OS_LINUX

bool EpollWebSocketServer::listen(const QHostAddress &address, quint16 port, QString *error)
{
    stopListening();
    if (m_epollFd < 0) {
        *error = QString::fromLocal8Bit(std::strerror(errno));
        return false;
    }
    sockaddr_storage storage {};
    socklen_t length = 0;
    int family = AF_INET;
    bool dualStack = false;
    const auto setV4 = [&](quint32 ip) {
        auto *a = reinterpret_cast<sockaddr_in *>(&storage);
        a->sin_family = AF_INET;
        a->sin_port = htons(port);
        a->sin_addr.s_addr = htonl(ip);
        length = sizeof *a;
        family = AF_INET;
    };
    const auto setV6 = [&](const Q_IPV6ADDR &ip) {
        auto *a = reinterpret_cast<sockaddr_in6 *>(&storage);
        a->sin6_family = AF_INET6;
        a->sin6_port = htons(port);
        std::memcpy(&a->sin6_addr, &ip, sizeof ip);
        length = sizeof *a;
        family = AF_INET6;
    };
    if (address == QHostAddress::Any) {
        setV6(QHostAddress(QHostAddress::AnyIPv6).toIPv6Address());
        dualStack = true;
    } else if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        setV6(address.toIPv6Address());
    } else {
        setV4(address.toIPv4Address());
    }

    int fd = ::socket(family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0 && dualStack) { // no IPv6 on this machine: IPv4 only
        setV4(INADDR_ANY);
        dualStack = false;
        fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    }
    if (fd < 0) {
        *error = QString::fromLocal8Bit(std::strerror(errno));
        return false;
    }
    const int one = 1;
    const int zero = 0;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (family == AF_INET6)
        ::setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, dualStack ? &zero : &one, sizeof one);
    if (::bind(fd, reinterpret_cast<sockaddr *>(&storage), length) < 0
        || ::listen(fd, SOMAXCONN) < 0) {
        *error = errno == EADDRINUSE ? tr("The address is already in use.")
                                     : QString::fromLocal8Bit(std::strerror(errno));
        ::close(fd);
        return false;
    }
    sockaddr_storage bound {};
    socklen_t boundLength = sizeof bound;
    ::getsockname(fd, reinterpret_cast<sockaddr *>(&bound), &boundLength);
    m_port = ntohs(bound.ss_family == AF_INET6 ? reinterpret_cast<sockaddr_in6 *>(&bound)->sin6_port
                                               : reinterpret_cast<sockaddr_in *>(&bound)->sin_port);
    m_address = address;

    epoll_event ev {};
    ev.events = EPOLLIN;
    ev.data.u64 = kListener;
    ::epoll_ctl(m_epollFd, EPOLL_CTL_ADD, fd, &ev);
    m_listenFd = fd;

    if (!m_notifier) {
        m_notifier = new QSocketNotifier(m_epollFd, QSocketNotifier::Read, this);
        connect(m_notifier, &QSocketNotifier::activated, this,
                &EpollWebSocketServer::processEvents);
        m_housekeeping = new QTimer(this);
        m_housekeeping->setInterval(250);
        connect(m_housekeeping, &QTimer::timeout, this, &EpollWebSocketServer::housekeeping);
    }
    m_notifier->setEnabled(true);
    m_housekeeping->start();
    return true;
}

void EpollWebSocketServer::stopListening()
{
    if (m_listenFd < 0)
        return;
    ::epoll_ctl(m_epollFd, EPOLL_CTL_DEL, m_listenFd, nullptr);
    ::close(m_listenFd);
    m_listenFd = -1;
}

void EpollWebSocketServer::processEvents()
{
    epoll_event events[kBatch];
    // A few batches, then back to the Qt loop so timers run; the epoll
    // descriptor stays readable while work is left.
    for (int round = 0; round < 8; ++round) {
        const int n = ::epoll_wait(m_epollFd, events, kBatch, 0);
        m_dispatching = true;
        for (int i = 0; i < n; ++i) {
            const ConnectionId id = events[i].data.u64;
            if (id == kListener) {
                acceptAll();
                continue;
            }
            const auto it = m_connections.find(id);
            if (it == m_connections.end())
                continue;
            Connection &c = it->second;
            if (events[i].events & EPOLLOUT)
                flush(id, c);
            if (events[i].events & (EPOLLIN | EPOLLHUP | EPOLLERR))
                readFrom(id, c);
        }
        m_dispatching = false;
        flushPending();
        reap();
        if (n < kBatch)
            break;
    }
}

void EpollWebSocketServer::acceptAll()
{
    for (;;) {
        sockaddr_storage addr {};
        socklen_t length = sizeof addr;
        const int fd = ::accept4(m_listenFd, reinterpret_cast<sockaddr *>(&addr), &length,
                                 SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (fd < 0) {
            if (errno == EINTR || errno == ECONNABORTED)
                continue;
            if ((errno == EMFILE || errno == ENFILE) && m_spareFd >= 0) {
                // Out of descriptors: take the connection off the queue and
                // close it, or the listener would stay readable forever.
                ::close(m_spareFd);
                const int refused = ::accept(m_listenFd, nullptr, nullptr);
                if (refused >= 0)
                    ::close(refused);
                m_spareFd = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
                qCWarning(lcServer) << "out of file descriptors: refused a connection"
                                    << "(raise the open-file limit)";
            }
            return;
        }
        const int one = 1;
        ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);

        char host[INET6_ADDRSTRLEN] = {};
        quint16 peerPort = 0;
        if (addr.ss_family == AF_INET6) {
            const auto *a = reinterpret_cast<const sockaddr_in6 *>(&addr);
            ::inet_ntop(AF_INET6, &a->sin6_addr, host, sizeof host);
            peerPort = ntohs(a->sin6_port);
        } else {
            const auto *a = reinterpret_cast<const sockaddr_in *>(&addr);
            ::inet_ntop(AF_INET, &a->sin_addr, host, sizeof host);
            peerPort = ntohs(a->sin_port);
        }
        QString peer = QString::fromLatin1(host);
        if (peer.startsWith(QLatin1String("::ffff:")) && peer.contains(QLatin1Char('.')))
            peer = peer.mid(7);

        const ConnectionId id = m_nextId++;
        Connection &c = m_connections[id];
        c.fd = fd;
        c.openedAt = c.lastSeen = now();
        c.peer = peer + QLatin1Char(':') + QString::number(peerPort);
        epoll_event ev {};
        ev.events = EPOLLIN;
        ev.data.u64 = id;
        ::epoll_ctl(m_epollFd, EPOLL_CTL_ADD, fd, &ev);
    }
}

void EpollWebSocketServer::readFrom(ConnectionId id, Connection &c)
{
    thread_local std::string buffer(64 * 1024, '\0');
    for (;;) {
        const ssize_t n = ::recv(c.fd, buffer.data(), buffer.size(), 0);
        if (n == 0) {
            c.peerClosed = true;
            drop(id);
            return;
        }
        if (n < 0) {
            if (errno == EINTR)
                continue;
            if (errno != EAGAIN && errno != EWOULDBLOCK)
                drop(id);
            return;
        }
        c.lastSeen = now();
        if (c.broken)
            return;
        if (c.in.empty()) {
            // The common case: whole frames, parsed where they were read.
            const std::size_t used = consume(id, c, buffer.data(), std::size_t(n));
            if (used < std::size_t(n) && !c.broken)
                c.in.assign(buffer.data() + used, std::size_t(n) - used);
        } else {
            c.in.append(buffer.data(), std::size_t(n));
            const std::size_t used = consume(id, c, c.in.data(), c.in.size());
            c.in.erase(0, used);
            if (c.in.empty())
                std::string().swap(c.in); // give a large buffer back
        }
        if (std::size_t(n) < buffer.size())
            return;
    }
}

std::size_t EpollWebSocketServer::consume(ConnectionId id, Connection &c, const char *data,
                                          std::size_t size)
{
    std::size_t used = 0;
    if (c.phase == Phase::Handshake) {
        used = consumeHandshake(id, c, data, size);
        if (c.phase != Phase::Open)
            return c.broken ? size : used;
    }
    return used + consumeFrames(id, c, data + used, size - used);
}

std::size_t EpollWebSocketServer::consumeHandshake(ConnectionId id, Connection &c, const char *data,
                                                   std::size_t size)
{
    const std::string_view text(data, size);
    const std::size_t end = text.find("\r\n\r\n");
    if (end == std::string_view::npos) {
        if (size > kMaxRequestHead)
            refuseHandshake(id, c, "431 Request Header Fields Too Large",
                            "The request head is too large.\n");
        return 0;
    }
    Request r;
    if (!parseRequest(text.substr(0, end + 2), &r) || r.version != "HTTP/1.1") {
        refuseHandshake(id, c, "400 Bad Request", "This is not an HTTP/1.1 request.\n");
        return size;
    }
    if (r.method != "GET") {
        refuseHandshake(id, c, "405 Method Not Allowed", "Only GET upgrades to a WebSocket.\n",
                        "Allow: GET\r\n");
        return size;
    }
    if (!hasToken(r.upgrade, "websocket")) {
        refuseHandshake(id, c, "426 Upgrade Required",
                        "This is a Lockstep session server. Join it from the Lockstep app.\n",
                        "Upgrade: websocket\r\nSec-WebSocket-Version: 13\r\n");
        return size;
    }
    if (r.wsVersion != "13") {
        refuseHandshake(id, c, "426 Upgrade Required", "Only WebSocket version 13 is supported.\n",
                        "Upgrade: websocket\r\nSec-WebSocket-Version: 13\r\n");
        return size;
    }
    const QByteArray key(r.key.data(), qsizetype(r.key.size()));
    if (!hasToken(r.connection, "upgrade") || QByteArray::fromBase64(key).size() != 16) {
        refuseHandshake(id, c, "400 Bad Request", "This is not a valid WebSocket handshake.\n");
        return size;
    }
    const QString origin = QString::fromUtf8(r.origin.data(), qsizetype(r.origin.size()));
    // Browsers always send an Origin; native clients (the app) send none.
    if (!m_limits.allowedOrigins.isEmpty() && !origin.isEmpty()
        && !m_limits.allowedOrigins.contains(origin)) {
        qCInfo(lcServer).noquote() << "refused Origin" << origin;
        refuseHandshake(id, c, "403 Forbidden", "This Origin is not allowed.\n");
        return size;
    }

    const QByteArray accept
        = QCryptographicHash::hash(QByteArray(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"),
                                   QCryptographicHash::Sha1)
              .toBase64();
    const QByteArray response = QByteArrayLiteral("HTTP/1.1 101 Switching Protocols\r\n"
                                                  "Upgrade: websocket\r\n"
                                                  "Connection: Upgrade\r\n"
                                                  "Sec-WebSocket-Accept: ")
        + accept + QByteArrayLiteral("\r\nServer: Lockstep/" LOCKSTEP_VERSION "\r\n\r\n");
    queue(id, c, response.constData(), std::size_t(response.size()), nullptr, 0);
    if (c.broken)
        return size;
    c.phase = Phase::Open;
    c.nextPingAt = now() + m_limits.keepaliveInterval;
    c.reported = true;
    m_core.connectionOpened(id, c.peer);
    return end + 4;
}

std::size_t EpollWebSocketServer::consumeFrames(ConnectionId id, Connection &c, const char *data,
                                                std::size_t size)
{
    std::size_t pos = 0;
    while (size - pos >= 2 && !c.broken) {
        if (c.phase == Phase::Closing && c.discarding)
            return size; // after a protocol failure nothing more is read
        const auto *p = reinterpret_cast<const unsigned char *>(data + pos);
        const bool fin = p[0] & 0x80;
        const quint8 opcode = p[0] & 0x0f;
        quint64 length = p[1] & 0x7f;
        std::size_t header = 2;
        if (p[0] & 0x70) {
            failProtocol(id, c, 1002, "Reserved bits set");
            return size;
        }
        if (!(p[1] & 0x80)) {
            failProtocol(id, c, 1002, "Client frames must be masked");
            return size;
        }
        if (length == 126) {
            if (size - pos < 4)
                break;
            length = (quint64(p[2]) << 8) | p[3];
            header = 4;
        } else if (length == 127) {
            if (size - pos < 10)
                break;
            length = 0;
            for (int i = 0; i < 8; ++i)
                length = (length << 8) | p[2 + i];
            header = 10;
            if (length >> 63) {
                failProtocol(id, c, 1002, "Invalid frame length");
                return size;
            }
        }
        header += 4;
        const bool control = opcode & 0x8;
        if (control) {
            if (!fin || length > 125 || (opcode != Close && opcode != Ping && opcode != Pong)) {
                failProtocol(id, c, 1002, "Invalid control frame");
                return size;
            }
        } else {
            if (opcode != Continuation && opcode != Text && opcode != Binary) {
                failProtocol(id, c, 1002, "Unknown opcode");
                return size;
            }
            if ((opcode == Continuation) != (c.messageOpcode != 0)) {
                failProtocol(id, c, 1002, "Unexpected continuation");
                return size;
            }
            // Judged on the header, before anything is buffered.
            if (c.phase == Phase::Open && c.message.size() + length > m_limits.maxFrameBytes) {
                m_core.messageTooLarge(id);
                c.discarding = true;
                c.message.clear();
                if (c.phase != Phase::Closing)
                    sendClose(id, c, 1009, "Frame too large");
                return size;
            }
        }
        if (size - pos < header + length)
            break;
        char *payload = const_cast<char *>(data) + pos + header;
        unmask(payload, std::size_t(length), p + header - 4);
        pos += header + std::size_t(length);

        if (control) {
            deliver(id, c, opcode, payload, std::size_t(length));
            continue;
        }
        if (c.phase != Phase::Open)
            continue; // closing: data is no longer read
        if (!fin) {
            if (opcode != Continuation)
                c.messageOpcode = opcode;
            c.message.append(payload, std::size_t(length));
            continue;
        }
        if (opcode == Continuation) {
            c.message.append(payload, std::size_t(length));
            const quint8 whole = c.messageOpcode;
            c.messageOpcode = 0;
            std::string message;
            message.swap(c.message);
            deliver(id, c, whole, message.data(), message.size());
        } else {
            deliver(id, c, opcode, payload, std::size_t(length));
        }
    }
    return pos;
}

void EpollWebSocketServer::deliver(ConnectionId id, Connection &c, quint8 opcode, const char *data,
                                   std::size_t size)
{
    switch (opcode) {
    case Text:
        m_core.textReceived(id, QByteArrayView(data, qsizetype(size)));
        break;
    case Binary:
        m_core.binaryReceived(id, qsizetype(size));
        break;
    case Ping:
        if (c.phase == Phase::Open)
            sendControl(id, c, Pong, data, size);
        break;
    case Close:
        if (c.phase == Phase::Open) {
            // Echo the peer's code (RFC 6455 5.5.1), then end the connection.
            quint16 code = 1000;
            if (size >= 2)
                code = quint16((quint8(data[0]) << 8) | quint8(data[1]));
            if (code < 1000 || code == 1004 || code == 1005 || code == 1006 || code == 1015
                || code >= 5000 || size == 1)
                code = 1002;
            sendClose(id, c, code, {});
        }
        drop(id);
        break;
    default: // pong: the read itself counted as a sign of life
        break;
    }
}

void EpollWebSocketServer::sendText(ConnectionId id, const QByteArray &payload)
{
    const auto it = m_connections.find(id);
    if (it == m_connections.end() || it->second.phase != Phase::Open || it->second.broken)
        return;
    char header[10];
    const std::size_t n = frameHeader(header, Text, std::size_t(payload.size()));
    queue(id, it->second, header, n, payload.constData(), std::size_t(payload.size()));
}

void EpollWebSocketServer::sendControl(ConnectionId id, Connection &c, quint8 opcode,
                                       const char *payload, std::size_t size)
{
    char header[10];
    const std::size_t n = frameHeader(header, opcode, size);
    queue(id, c, header, n, payload, size);
}

void EpollWebSocketServer::sendClose(ConnectionId id, Connection &c, quint16 code,
                                     const QByteArray &reason)
{
    if (c.phase == Phase::Closing)
        return;
    char payload[125];
    payload[0] = char(code >> 8);
    payload[1] = char(code & 0xff);
    const std::size_t reasonSize = std::min<std::size_t>(std::size_t(reason.size()), 123);
    std::memcpy(payload + 2, reason.constData(), reasonSize);
    sendControl(id, c, Close, payload, 2 + reasonSize);
    c.phase = Phase::Closing;
    c.closingSince = now();
}

void EpollWebSocketServer::closeConnection(ConnectionId id, quint16 code, const QString &reason)
{
    const auto it = m_connections.find(id);
    if (it == m_connections.end())
        return;
    // The reason is cut to whole characters within the frame's 123 bytes.
    QString text = reason;
    QByteArray utf8 = text.toUtf8();
    while (utf8.size() > 123) {
        text.chop(1);
        utf8 = text.toUtf8();
    }
    sendClose(id, it->second, code, utf8);
}

void EpollWebSocketServer::failProtocol(ConnectionId id, Connection &c, quint16 code,
                                        const char *why)
{
    qCDebug(lcServer).noquote() << "connection" << id << "broke the WebSocket protocol:" << why;
    if (c.phase == Phase::Handshake) {
        drop(id);
        return;
    }
    sendClose(id, c, code, QByteArray(why));
    c.discarding = true;
    c.messageOpcode = 0;
    std::string().swap(c.message);
}

void EpollWebSocketServer::refuseHandshake(ConnectionId id, Connection &c, const char *status,
                                           const char *body, const char *extraHeaders)
{
    const QByteArray response = QByteArray("HTTP/1.1 ") + status
        + "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: "
        + QByteArray::number(qsizetype(std::strlen(body))) + "\r\nConnection: close\r\n"
        + extraHeaders + "\r\n" + body;
    queue(id, c, response.constData(), std::size_t(response.size()), nullptr, 0);
    c.phase = Phase::Closing;
    c.discarding = true;
    drop(id); // reap sends what the socket takes, then closes
}

void EpollWebSocketServer::queue(ConnectionId id, Connection &c, const char *header,
                                 std::size_t headerSize, const char *payload,
                                 std::size_t payloadSize)
{
    if (c.broken)
        return;
    std::size_t done = 0;
    const std::size_t total = headerSize + payloadSize;
    if (m_dispatching && !c.writeWatched) {
        if (!c.pendingFlush) {
            c.pendingFlush = true;
            m_unflushed.push_back(id);
        }
    } else if (c.out.empty()) {
        iovec parts[2] = {{const_cast<char *>(header), headerSize},
                          {const_cast<char *>(payload), payloadSize}};
        msghdr message {};
        message.msg_iov = parts;
        message.msg_iovlen = payloadSize ? 2 : 1;
        const ssize_t written = ::sendmsg(c.fd, &message, MSG_NOSIGNAL | MSG_DONTWAIT);
        if (written < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
            c.broken = true;
            drop(id);
            return;
        }
        done = written > 0 ? std::size_t(written) : 0;
        if (done == total)
            return;
        watchWrites(id, c, true);
    }
    if (done < headerSize) {
        c.out.append(header + done, headerSize - done);
        if (payloadSize)
            c.out.append(payload, payloadSize);
    } else {
        c.out.append(payload + (done - headerSize), total - done);
    }
    if (c.out.size() > kMaxBacklog) {
        qCWarning(lcServer).noquote() << "connection" << id << "dropped: it stopped reading";
        c.broken = true;
        drop(id);
    }
}

void EpollWebSocketServer::flushPending()
{
    std::vector<ConnectionId> pending;
    pending.swap(m_unflushed);
    std::vector<std::pair<ConnectionId, Connection *>> work;
    work.reserve(pending.size());
    for (const ConnectionId id : pending) {
        if (const auto it = m_connections.find(id); it != m_connections.end()) {
            it->second.pendingFlush = false;
            work.emplace_back(id, &it->second);
        }
    }
    // A broadcast to a large room is thousands of sends, each a trip through
    // the kernel's TCP stack: spread them over the cores. Each connection is
    // written by one thread; nothing else is touched until all are done.
    const std::size_t threads = work.size() >= kParallelFlush ? m_flushThreads : 1;
    std::vector<std::vector<ConnectionId>> broken(threads);
    const auto run = [&](std::size_t part) {
        for (std::size_t i = part; i < work.size(); i += threads) {
            if (!writeOut(work[i].first, *work[i].second))
                broken[part].push_back(work[i].first);
        }
    };
    std::vector<std::thread> helpers;
    for (std::size_t part = 1; part < threads; ++part)
        helpers.emplace_back(run, part);
    run(0);
    for (std::thread &helper : helpers)
        helper.join();
    for (const auto &ids : broken) {
        for (const ConnectionId id : ids) {
            m_connections[id].broken = true;
            drop(id);
        }
    }
}

void EpollWebSocketServer::flush(ConnectionId id, Connection &c)
{
    if (!writeOut(id, c)) {
        c.broken = true;
        drop(id);
    }
}

bool EpollWebSocketServer::writeOut(ConnectionId id, Connection &c)
{
    while (!c.out.empty()) {
        const ssize_t written
            = ::send(c.fd, c.out.data(), c.out.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
        if (written < 0) {
            if (errno == EINTR)
                continue;
            return errno == EAGAIN || errno == EWOULDBLOCK;
        }
        if (std::size_t(written) < c.out.size()) {
            c.out.erase(0, std::size_t(written));
            watchWrites(id, c, true);
            return true;
        }
        c.out.clear();
    }
    // An idle connection keeps no output buffer: capacities would otherwise
    // creep up to each connection's largest burst and stay there.
    if (c.out.capacity() > kKeptOutput)
        std::string().swap(c.out);
    watchWrites(id, c, false);
    return true;
}

void EpollWebSocketServer::watchWrites(ConnectionId id, Connection &c, bool on)
{
    if (c.writeWatched == on)
        return;
    c.writeWatched = on;
    epoll_event ev {};
    ev.events = EPOLLIN | (on ? EPOLLOUT : 0u);
    ev.data.u64 = id;
    ::epoll_ctl(m_epollFd, EPOLL_CTL_MOD, c.fd, &ev);
}

void EpollWebSocketServer::drop(ConnectionId id)
{
    if (std::find(m_doomed.begin(), m_doomed.end(), id) == m_doomed.end())
        m_doomed.push_back(id);
}

void EpollWebSocketServer::reap()
{
    // Telling the core may make it send to (and doom) other connections.
    while (!m_doomed.empty()) {
        std::vector<ConnectionId> doomed;
        doomed.swap(m_doomed);
        for (const ConnectionId id : doomed) {
            const auto it = m_connections.find(id);
            if (it == m_connections.end())
                continue;
            Connection &c = it->second;
            if (!c.broken && !c.out.empty())
                ::send(c.fd, c.out.data(), c.out.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
            ::epoll_ctl(m_epollFd, EPOLL_CTL_DEL, c.fd, nullptr);
            ::close(c.fd);
            const bool reported = c.reported;
            m_connections.erase(it);
            if (reported)
                m_core.connectionClosed(id);
        }
    }
}

void EpollWebSocketServer::batched(const std::function<void()> &work)
{
    m_dispatching = true;
    work();
    m_dispatching = false;
    flushPending();
    reap();
}

void EpollWebSocketServer::housekeeping()
{
    m_dispatching = true;
    const double t = now();
    for (auto &[id, c] : m_connections) {
        switch (c.phase) {
        case Phase::Handshake:
            if (t - c.openedAt > m_limits.handshakeTimeout)
                drop(id);
            break;
        case Phase::Open:
            if (t - c.lastSeen > m_limits.keepaliveTimeout) {
                qCInfo(lcServer) << "dropping a peer that stopped answering";
                drop(id);
            } else if (t - c.lastSeen >= m_limits.keepaliveInterval && t >= c.nextPingAt) {
                // Only quiet peers are pinged: one that spoke recently is
                // alive, and thousands pinged at once would be a burst.
                c.nextPingAt = t + m_limits.keepaliveInterval;
                sendControl(id, c, Ping, nullptr, 0);
            }
            break;
        case Phase::Closing:
            if (t - c.closingSince > kCloseGrace || (c.out.empty() && c.peerClosed))
                drop(id);
            break;
        }
    }
    m_dispatching = false;
    flushPending();
    reap();
}

#else // no epoll: SessionServer uses QWebSocketServer instead

bool EpollWebSocketServer::listen(const QHostAddress &, quint16, QString *error)
{
    *error = tr("This platform has no epoll.");
    return false;
}
void EpollWebSocketServer::stopListening()
{
}
void EpollWebSocketServer::sendText(ConnectionId, const QByteArray &)
{
}
void EpollWebSocketServer::closeConnection(ConnectionId, quint16, const QString &)
{
}
void EpollWebSocketServer::processEvents()
{
}
void EpollWebSocketServer::housekeeping()
{
}

#endif

} // namespace lockstep::server
