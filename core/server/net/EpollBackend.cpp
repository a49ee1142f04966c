#include "EpollBackend.h"

#include "FrameWriter.h"
#include "protocol/Clock.h"
#include "protocol/CloseCode.h"
#include "server/ServerCore.h"

#include <QLoggingCategory>
#include <QSocketNotifier>
#include <QTimer>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <optional>
#include <thread>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

Q_DECLARE_LOGGING_CATEGORY(lcServer)

namespace lockstep::server::net {

namespace {

using protocol::CloseCode;
using protocol::closeCodeValue;

constexpr ConnectionId kListener = 0;
// A peer that lets this much output pile up is not reading: it is dropped
// rather than allowed to hold the server's memory.
constexpr std::size_t kMaxBacklog = 4u << 20;
constexpr double kCloseGrace = 2.0; // s to wait for the peer's close reply
constexpr int kBatch = 256;
constexpr std::size_t kKeptOutput = 256; // bytes of output buffer kept between writes
// From this many connections to write at once, the sends are shared out
// among threads (one per core, at most four).
constexpr std::size_t kParallelFlush = 512;

double now()
{
    return protocol::SystemClock::instance().now();
}

QString peerName(const sockaddr_storage &addr)
{
    char host[INET6_ADDRSTRLEN] = {};
    quint16 port = 0;
    if (addr.ss_family == AF_INET6) {
        const auto *a = reinterpret_cast<const sockaddr_in6 *>(&addr);
        ::inet_ntop(AF_INET6, &a->sin6_addr, host, sizeof host);
        port = ntohs(a->sin6_port);
    } else {
        const auto *a = reinterpret_cast<const sockaddr_in *>(&addr);
        ::inet_ntop(AF_INET, &a->sin_addr, host, sizeof host);
        port = ntohs(a->sin_port);
    }
    QString peer = QString::fromLatin1(host);
    if (peer.startsWith(QLatin1String("::ffff:")) && peer.contains(QLatin1Char('.')))
        peer = peer.mid(7);
    return peer + QLatin1Char(':') + QString::number(port);
}

} // namespace

EpollBackend::Connection::Connection(int socket, const ServerLimits &limits, double now)
    : fd(socket), openedAt(now), lastSeen(now), frames(limits.maxFrameBytes)
{
}

EpollBackend::EpollBackend(const ServerLimits &limits, ServerCore &core, QObject *parent)
    : QObject(parent), m_limits(limits), m_core(core), m_epollFd(::epoll_create1(EPOLL_CLOEXEC)),
      m_spareFd(::open("/dev/null", O_RDONLY | O_CLOEXEC)),
      m_pool(std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 4))
{
}

EpollBackend::~EpollBackend()
{
    stopListening();
    for (auto &[id, c] : m_connections)
        ::close(c.fd);
    if (m_spareFd >= 0)
        ::close(m_spareFd);
    if (m_epollFd >= 0)
        ::close(m_epollFd);
}

bool EpollBackend::listen(const QHostAddress &address, quint16 port, StartFailure *failure)
{
    stopListening();
    if (m_epollFd < 0) {
        *failure = {StartFailure::Reason::Other, QString::fromLocal8Bit(std::strerror(errno))};
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
        *failure = {StartFailure::Reason::Other, QString::fromLocal8Bit(std::strerror(errno))};
        return false;
    }
    const int one = 1;
    const int zero = 0;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (family == AF_INET6)
        ::setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, dualStack ? &zero : &one, sizeof one);
    if (::bind(fd, reinterpret_cast<sockaddr *>(&storage), length) < 0
        || ::listen(fd, SOMAXCONN) < 0) {
        switch (errno) {
        case EADDRINUSE:
            *failure = {StartFailure::Reason::AddressInUse, {}};
            break;
        case EACCES:
            *failure = {StartFailure::Reason::PermissionDenied, {}};
            break;
        case EADDRNOTAVAIL:
            *failure = {StartFailure::Reason::AddressUnavailable, {}};
            break;
        default:
            *failure = {StartFailure::Reason::Other, QString::fromLocal8Bit(std::strerror(errno))};
            break;
        }
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
        connect(m_notifier, &QSocketNotifier::activated, this, &EpollBackend::processEvents);
        m_housekeeping = new QTimer(this);
        m_housekeeping->setInterval(250);
        connect(m_housekeeping, &QTimer::timeout, this, &EpollBackend::housekeeping);
    }
    m_notifier->setEnabled(true);
    m_housekeeping->start();
    return true;
}

void EpollBackend::stopListening()
{
    if (m_listenFd < 0)
        return;
    ::epoll_ctl(m_epollFd, EPOLL_CTL_DEL, m_listenFd, nullptr);
    ::close(m_listenFd);
    m_listenFd = -1;
}

void EpollBackend::processEvents()
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
            if (it == m_connections.end() || it->second.doomed)
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

void EpollBackend::acceptAll()
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

        const ConnectionId id = m_nextId++;
        Connection &c = m_connections.try_emplace(id, fd, m_limits, now()).first->second;
        c.peer = peerName(addr);
        epoll_event ev {};
        ev.events = EPOLLIN;
        ev.data.u64 = id;
        ::epoll_ctl(m_epollFd, EPOLL_CTL_ADD, fd, &ev);
    }
}

void EpollBackend::readFrom(ConnectionId id, Connection &c)
{
    // One read per wakeup (see kReadBudget): level-triggered epoll reports
    // the socket again while bytes are left.
    thread_local std::string buffer(kReadBudget, '\0');
    ssize_t n = 0;
    do {
        n = ::recv(c.fd, buffer.data(), buffer.size(), 0);
    } while (n < 0 && errno == EINTR);
    if (n == 0) {
        c.peerClosed = true;
        drop(id, c);
        return;
    }
    if (n < 0) {
        if (errno != EAGAIN && errno != EWOULDBLOCK)
            drop(id, c);
        return;
    }
    c.lastSeen = now();
    if (!c.broken)
        consume(id, c, buffer.data(), std::size_t(n));
}

void EpollBackend::consume(ConnectionId id, Connection &c, char *data, std::size_t size)
{
    std::size_t pos = 0;
    if (c.phase == Phase::Handshake) {
        // Most heads arrive in one read: a parser on the stack judges them,
        // and only a connection whose head is still incomplete keeps one.
        std::optional<HttpUpgradeParser> local;
        HttpUpgradeParser &parser
            = c.handshake ? *c.handshake : local.emplace(m_limits.allowedOrigins);
        const HttpUpgradeParser::Result result = parser.feed(std::string_view(data, size));
        switch (result.outcome) {
        case HttpUpgradeParser::Outcome::NeedMore:
            if (!c.handshake)
                c.handshake = std::make_unique<HttpUpgradeParser>(std::move(parser));
            return;
        case HttpUpgradeParser::Outcome::Refuse:
            if (result.refusal.status == 403)
                qCInfo(lcServer).noquote() << "refused Origin" << parser.origin();
            refuse(id, c, result.refusal);
            return;
        case HttpUpgradeParser::Outcome::Upgrade:
            upgrade(id, c, parser.key());
            break;
        }
        pos = result.consumed;
    }
    // Frames sent right behind the request are read at once.
    while (pos < size && !c.broken && !c.frames.isDone()) {
        const FrameDecoder::Event event = c.frames.decode(data + pos, size - pos);
        pos += event.consumed;
        if (event.kind == FrameDecoder::Kind::NeedMore)
            return;
        handle(id, c, event);
    }
}

void EpollBackend::upgrade(ConnectionId id, Connection &c, const QByteArray &key)
{
    const QByteArray response = HttpUpgradeParser::acceptResponse(key);
    c.handshake.reset();
    queue(id, c, std::string_view(response.constData(), std::size_t(response.size())), {});
    if (c.broken)
        return;
    c.phase = Phase::Open;
    c.nextPingAt = now() + m_limits.keepaliveInterval;
    c.reported = true;
    m_core.connectionOpened(id, c.peer);
}

void EpollBackend::refuse(ConnectionId id, Connection &c, const HttpUpgradeParser::Refusal &refusal)
{
    qCDebug(lcServer).noquote() << "connection" << id << "refused with" << refusal.status << ":"
                                << refusal.reason;
    const QByteArray response = HttpUpgradeParser::refusalResponse(refusal);
    queue(id, c, std::string_view(response.constData(), std::size_t(response.size())), {});
    c.handshake.reset();
    c.phase = Phase::Closing;
    drop(id, c); // reap sends what the socket takes, then closes
}

void EpollBackend::handle(ConnectionId id, Connection &c, const FrameDecoder::Event &event)
{
    const std::string_view payload = event.payload;
    switch (event.kind) {
    case FrameDecoder::Kind::NeedMore:
        break;
    case FrameDecoder::Kind::Text:
        m_core.textReceived(id, QByteArrayView(payload.data(), qsizetype(payload.size())));
        break;
    case FrameDecoder::Kind::Binary:
        m_core.binaryReceived(id, qsizetype(payload.size()));
        break;
    case FrameDecoder::Kind::Ping:
        if (c.phase == Phase::Open)
            sendControl(id, c, Opcode::Pong, payload);
        break;
    case FrameDecoder::Kind::Pong: // the read itself counted as a sign of life
        break;
    case FrameDecoder::Kind::Close:
        // Echo the peer's code (RFC 6455 section 5.5.1), then end the
        // connection; while closing this was the reply to ours.
        sendClose(id, c, event.code ? event.code : closeCodeValue(CloseCode::Normal), {});
        drop(id, c);
        break;
    case FrameDecoder::Kind::TooLarge:
        // The protocol's `too_large` first; the core then closes with 1009.
        m_core.messageTooLarge(id);
        sendClose(id, c, event.code, payload);
        break;
    case FrameDecoder::Kind::Fail:
        qCDebug(lcServer).noquote() << "connection" << id << "broke the WebSocket protocol:"
                                    << QLatin1String(payload.data(), qsizetype(payload.size()));
        sendClose(id, c, event.code, payload);
        break;
    }
}

void EpollBackend::sendText(ConnectionId id, const QByteArray &payload)
{
    const auto it = m_connections.find(id);
    if (it == m_connections.end() || it->second.phase != Phase::Open || it->second.broken)
        return;
    char header[kMaxServerFrameHeader];
    const std::size_t n = FrameWriter::header(header, Opcode::Text, std::size_t(payload.size()));
    queue(id, it->second, std::string_view(header, n),
          std::string_view(payload.constData(), std::size_t(payload.size())));
}

void EpollBackend::sendControl(ConnectionId id, Connection &c, Opcode opcode,
                               std::string_view payload)
{
    char header[kMaxServerFrameHeader];
    const std::size_t n = FrameWriter::header(header, opcode, payload.size());
    queue(id, c, std::string_view(header, n), payload);
}

void EpollBackend::sendClose(ConnectionId id, Connection &c, quint16 code, std::string_view reason)
{
    if (c.phase != Phase::Open)
        return;
    char payload[kMaxControlPayload];
    const std::size_t n = FrameWriter::closePayload(payload, code, reason);
    sendControl(id, c, Opcode::Close, std::string_view(payload, n));
    c.phase = Phase::Closing;
    c.closingSince = now();
    // Until the peer's close arrives its frames are still checked, and
    // every limit still holds, but data is neither kept nor delivered.
    c.frames.discardData();
}

void EpollBackend::closeConnection(ConnectionId id, quint16 code, const QString &reason)
{
    const auto it = m_connections.find(id);
    if (it == m_connections.end())
        return;
    const QByteArray utf8 = FrameWriter::closeReason(reason);
    sendClose(id, it->second, code, std::string_view(utf8.constData(), std::size_t(utf8.size())));
}

void EpollBackend::queue(ConnectionId id, Connection &c, std::string_view header,
                         std::string_view payload)
{
    if (c.broken)
        return;
    std::size_t done = 0;
    const std::size_t total = header.size() + payload.size();
    if (m_dispatching && !c.writeWatched) {
        if (!c.pendingFlush) {
            c.pendingFlush = true;
            m_unflushed.push_back(id);
        }
    } else if (c.out.empty()) {
        iovec parts[2] = {{const_cast<char *>(header.data()), header.size()},
                          {const_cast<char *>(payload.data()), payload.size()}};
        msghdr message {};
        message.msg_iov = parts;
        message.msg_iovlen = payload.empty() ? 1 : 2;
        const ssize_t written = ::sendmsg(c.fd, &message, MSG_NOSIGNAL | MSG_DONTWAIT);
        if (written < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
            c.broken = true;
            drop(id, c);
            return;
        }
        done = written > 0 ? std::size_t(written) : 0;
        if (done == total)
            return;
        watchWrites(id, c, true);
    }
    if (done < header.size()) {
        c.out.append(header.substr(done));
        c.out.append(payload);
    } else {
        c.out.append(payload.substr(done - header.size()));
    }
    if (c.out.size() > kMaxBacklog) {
        qCWarning(lcServer).noquote() << "connection" << id << "dropped: it stopped reading";
        c.broken = true;
        drop(id, c);
    }
}

void EpollBackend::flushPending()
{
    m_flushing.clear();
    for (const ConnectionId id : m_unflushed) {
        if (const auto it = m_connections.find(id); it != m_connections.end()) {
            it->second.pendingFlush = false;
            m_flushing.emplace_back(id, &it->second);
        }
    }
    m_unflushed.clear();
    // A broadcast to a large room is thousands of sends, each a trip through
    // the kernel's TCP stack: spread them over the cores. Each connection is
    // written by one thread; nothing else is touched until all are done.
    auto job = [this](std::size_t part, std::size_t parts) {
        for (std::size_t i = part; i < m_flushing.size(); i += parts) {
            auto &[id, c] = m_flushing[i];
            if (!writeOut(id, *c))
                c->broken = true;
        }
    };
    if (m_flushing.size() >= kParallelFlush)
        m_pool.run(job);
    else
        job(0, 1);
    for (auto &[id, c] : m_flushing) {
        if (c->broken)
            drop(id, *c);
    }
}

void EpollBackend::flush(ConnectionId id, Connection &c)
{
    if (!writeOut(id, c)) {
        c.broken = true;
        drop(id, c);
    }
}

bool EpollBackend::writeOut(ConnectionId id, Connection &c)
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

void EpollBackend::watchWrites(ConnectionId id, Connection &c, bool on)
{
    if (c.writeWatched == on)
        return;
    c.writeWatched = on;
    epoll_event ev {};
    ev.events = EPOLLIN | (on ? EPOLLOUT : 0u);
    ev.data.u64 = id;
    ::epoll_ctl(m_epollFd, EPOLL_CTL_MOD, c.fd, &ev);
}

void EpollBackend::drop(ConnectionId id, Connection &c)
{
    // A flag, not a search: a mass timeout drops thousands at once.
    if (c.doomed)
        return;
    c.doomed = true;
    m_doomed.push_back(id);
}

void EpollBackend::reap()
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

void EpollBackend::batched(const std::function<void()> &work)
{
    m_dispatching = true;
    work();
    m_dispatching = false;
    flushPending();
    reap();
}

void EpollBackend::housekeeping()
{
    m_dispatching = true;
    const double t = now();
    for (auto &[id, c] : m_connections) {
        switch (c.phase) {
        case Phase::Handshake:
            if (t - c.openedAt > m_limits.handshakeTimeout)
                drop(id, c);
            break;
        case Phase::Open:
            if (t - c.lastSeen > m_limits.keepaliveTimeout) {
                qCInfo(lcServer) << "dropping a peer that stopped answering";
                drop(id, c);
            } else if (t - c.lastSeen >= m_limits.keepaliveInterval && t >= c.nextPingAt) {
                // Only quiet peers are pinged: one that spoke recently is
                // alive, and thousands pinged at once would be a burst.
                c.nextPingAt = t + m_limits.keepaliveInterval;
                sendControl(id, c, Opcode::Ping, {});
            }
            break;
        case Phase::Closing:
            if (t - c.closingSince > kCloseGrace || (c.out.empty() && c.peerClosed))
                drop(id, c);
            break;
        }
    }
    m_dispatching = false;
    flushPending();
    reap();
}

} // namespace lockstep::server::net
