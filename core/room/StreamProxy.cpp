#include "StreamProxy.h"

#include <QCryptographicHash>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <algorithm>
#include <functional>
#include <utility>

Q_LOGGING_CATEGORY(lcStream, "lockstep.stream", QtInfoMsg)

namespace lockstep::room {

namespace {

constexpr qsizetype kMaxHeadBytes = 16 * 1024;
constexpr qint64 kChunkBytes = 64 * 1024;
constexpr char kVerified[] = "lockstepPinnedVerified";
// The host drops a connection that sends nothing for 10 s; a spare is
// replaced before that.
constexpr int kSpareLifetimeMs = 7000;

QByteArray headerValue(const QByteArray &head, const QByteArray &name)
{
    for (const QByteArray &line : head.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().toLower() == name)
            return line.mid(colon + 1).trimmed();
    }
    return {};
}

} // namespace

// The proxy itself, on the proxy's own thread: everything below runs there.
class StreamProxy::Worker : public QObject
{
public:
    explicit Worker(std::function<void(int)> failed);
    ~Worker() override;

    QUrl start(const QUrl &upstream, const QByteArray &pinnedSha256, const QString &fileName);
    void stop();
    bool isActive() const;
    void accept();
    void dropRelays();
    // A TLS connection to the host, checked against the pinned certificate
    // (property "lockstepPinnedVerified" once it passed).
    QSslSocket *openHost(QObject *parent);
    // One connection is kept open ahead (handshake done), replaced before
    // the host would drop it as idle; a request takes it.
    void prepareSpare();
    QSslSocket *takeSpare();

    const std::function<void(int)> m_failed; // tells the proxy's owner, on its thread
    QTcpServer *m_server;
    QUrl m_upstream;
    QByteArray m_pinned;
    QByteArray m_secretPath;
    QUrl m_localUrl;
    std::vector<Relay *> m_relays;
    QSslSocket *m_spare = nullptr;
    QTimer *m_spareTimer;
};

// One request of the player: its socket, the host's, and what lies between.
class StreamProxy::Relay : public QObject
{
public:
    Relay(Worker &proxy, QTcpSocket *player) : QObject(&proxy), m_proxy(proxy), m_player(player)
    {
        player->setParent(this);
        connect(player, &QTcpSocket::readyRead, this, &Relay::readRequest);
        connect(player, &QTcpSocket::bytesWritten, this, &Relay::pump);
        connect(player, &QTcpSocket::disconnected, this, &Relay::end);
    }

    void end()
    {
        if (m_ended)
            return;
        m_ended = true;
        if (m_host)
            m_host->abort();
        m_player->disconnect(this);
        m_player->abort();
        m_proxy.m_relays.erase(std::remove(m_proxy.m_relays.begin(), m_proxy.m_relays.end(), this),
                               m_proxy.m_relays.end());
        deleteLater();
    }

private:
    void readRequest()
    {
        if (m_host) {
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
        forward(method, range);
    }

    void forward(const QByteArray &method, const QByteArray &range)
    {
        const QUrl upstream = m_proxy.m_upstream;
        QByteArray request = method + ' ' + upstream.path(QUrl::FullyEncoded).toLatin1() + '?'
            + upstream.query(QUrl::FullyEncoded).toLatin1() + " HTTP/1.1\r\n";
        request += "Host: " + upstream.host(QUrl::FullyEncoded).toLatin1() + ':'
            + QByteArray::number(upstream.port(443)) + "\r\n";
        if (!range.isEmpty())
            request += "Range: " + range + "\r\n";
        request += "Connection: close\r\n\r\n";

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

    // Moves what the host sent to the player while the player keeps up.
    void pump()
    {
        if (!m_host || m_ended)
            return;
        if (!m_statusSeen && !readStatus()) {
            // The status line is not all here yet, or never will be.
            if (m_hostDone && m_host->bytesAvailable() == 0)
                fail();
            return;
        }
        while (m_host->bytesAvailable() > 0 && m_player->bytesToWrite() < kPlayerBufferBytes)
            m_player->write(m_host->read(kChunkBytes));
        if (m_hostDone && m_host->bytesAvailable() == 0) {
            if (!m_statusSeen) {
                fail();
                return;
            }
            m_player->disconnectFromHost();
        }
    }

    // The host's status line, once it is all here (it may come over
    // several reads): a refusal tells the proxy's owner. False while more
    // is to come.
    bool readStatus()
    {
        constexpr qint64 kMaxStatusLine = 1024;
        const QByteArray head = m_host->peek(kMaxStatusLine);
        const qsizetype end = head.indexOf("\r\n");
        if (end < 0 && head.size() < kMaxStatusLine && !m_hostDone)
            return false;
        if (head.isEmpty())
            return false; // the host closed without a word: fail() answers
        m_statusSeen = true;
        // "HTTP/1.1 404 Not Found"
        const QList<QByteArray> parts = head.left(end < 0 ? head.size() : end).split(' ');
        const int status = parts.size() >= 2 && parts[0].startsWith("HTTP/") ? parts[1].toInt() : 0;
        if (status == 403 || status == 404)
            m_proxy.m_failed(status);
        return true;
    }

    void fail()
    {
        if (!m_statusSeen) {
            m_statusSeen = true;
            m_proxy.m_failed(0);
            answer(502, "Bad Gateway");
            return;
        }
        end();
    }

    void answer(int status, const QByteArray &reason)
    {
        if (m_host) {
            m_host->disconnect(this);
            m_host->abort();
        }
        m_statusSeen = true;
        m_player->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + reason
                        + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        m_player->disconnectFromHost();
    }

    Worker &m_proxy;
    QTcpSocket *m_player;
    QSslSocket *m_host = nullptr;
    QByteArray m_head;
    bool m_statusSeen = false;
    bool m_hostDone = false;
    bool m_ended = false;
};

StreamProxy::Worker::Worker(std::function<void(int)> failed)
    : m_failed(std::move(failed)), m_server(new QTcpServer(this)), m_spareTimer(new QTimer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &Worker::accept);
    m_spareTimer->setSingleShot(true);
    connect(m_spareTimer, &QTimer::timeout, this, &Worker::prepareSpare);
}

QSslSocket *StreamProxy::Worker::openHost(QObject *parent)
{
    auto *socket = new QSslSocket(parent);
    const QByteArray pinned = m_pinned;
    if (!pinned.isEmpty()) {
        // As the room's own connection: no authority, only the pinned certificate.
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setCaCertificates({});
        tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
        socket->setSslConfiguration(tls);
        connect(socket, &QSslSocket::sslErrors, socket,
                [socket, pinned](const QList<QSslError> &errors) {
                    bool allPinned = !errors.isEmpty();
                    for (const QSslError &error : errors) {
                        if (error.certificate().isNull()
                            || error.certificate().digest(QCryptographicHash::Sha256) != pinned)
                            allPinned = false;
                    }
                    if (allPinned) {
                        socket->setProperty(kVerified, true);
                        socket->ignoreSslErrors();
                    } else {
                        socket->abort();
                    }
                });
    }
    socket->connectToHostEncrypted(m_upstream.host(), quint16(m_upstream.port(443)));
    return socket;
}

void StreamProxy::Worker::prepareSpare()
{
    // Taken out of the member first: abort() emits disconnected at once on
    // some Qt versions, whose handler would clear m_spare under our feet.
    if (QSslSocket *old = std::exchange(m_spare, nullptr)) {
        old->disconnect(this);
        old->abort();
        old->deleteLater();
    }
    if (!isActive())
        return;
    m_spare = openHost(this);
    connect(m_spare, &QSslSocket::disconnected, this, [this, spare = m_spare] {
        if (m_spare == spare) {
            m_spare = nullptr;
            spare->deleteLater();
        }
    });
    m_spareTimer->start(kSpareLifetimeMs);
}

QSslSocket *StreamProxy::Worker::takeSpare()
{
    QSslSocket *spare = nullptr;
    if (m_spare && m_spare->state() != QAbstractSocket::UnconnectedState) {
        spare = m_spare;
        spare->disconnect(this);
    }
    m_spare = nullptr;
    // The next request gets one too.
    QTimer::singleShot(0, this, &Worker::prepareSpare);
    return spare;
}

StreamProxy::Worker::~Worker()
{
    dropRelays();
}

QUrl StreamProxy::Worker::start(const QUrl &upstream, const QByteArray &pinnedSha256,
                                const QString &fileName)
{
    const bool changed = upstream != m_upstream || pinnedSha256 != m_pinned;
    if (changed)
        dropRelays();
    m_upstream = upstream;
    m_pinned = pinnedSha256;
    if (!m_server->isListening()) {
        if (!m_server->listen(QHostAddress::LocalHost, 0)) {
            qCWarning(lcStream).noquote()
                << "cannot open the loopback port for the stream:" << m_server->errorString();
            return {};
        }
        QByteArray secret(16, Qt::Uninitialized);
        QRandomGenerator::system()->generate(secret.begin(), secret.end());
        m_secretPath = '/' + secret.toHex();
    }
    // The file's name last, so that the player can tell its kind by it.
    const QByteArray path = m_secretPath + '/'
        + QUrl::toPercentEncoding(fileName.isEmpty() ? QStringLiteral("media") : fileName);
    m_localUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server->serverPort())
                      + QString::fromLatin1(path));
    if (changed || !m_spare)
        prepareSpare();
    return m_localUrl;
}

void StreamProxy::Worker::stop()
{
    m_spareTimer->stop();
    if (QSslSocket *old = std::exchange(m_spare, nullptr)) {
        old->disconnect(this);
        old->abort();
        old->deleteLater();
    }
    dropRelays();
    m_server->close();
    m_upstream.clear();
    m_localUrl.clear();
}

bool StreamProxy::Worker::isActive() const
{
    return m_server->isListening() && !m_upstream.isEmpty();
}

void StreamProxy::Worker::accept()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        if (m_upstream.isEmpty()) {
            socket->abort();
            socket->deleteLater();
            continue;
        }
        m_relays.push_back(new Relay(*this, socket));
    }
}

void StreamProxy::Worker::dropRelays()
{
    const std::vector<Relay *> relays = m_relays;
    for (Relay *relay : relays)
        relay->end();
    m_relays.clear();
}

// ---------------------------------------------------------------- the facade

StreamProxy::StreamProxy(QObject *parent)
    : QObject(parent), m_thread(QStringLiteral("lockstep stream"))
{
    // Told on the proxy's thread; said on this object's. The worker never
    // outlives this object (the destructor deletes it first), so `this` is
    // alive whenever the worker calls.
    m_worker = m_thread.call([this] {
        return new Worker([this](int status) {
            QMetaObject::invokeMethod(
                this, [this, status] { emit upstreamFailed(status); }, Qt::QueuedConnection);
        });
    });
}

StreamProxy::~StreamProxy()
{
    m_thread.call([this] { delete m_worker; });
}

QUrl StreamProxy::start(const QUrl &upstream, const QByteArray &pinnedSha256,
                        const QString &fileName)
{
    return m_thread.call([&] { return m_worker->start(upstream, pinnedSha256, fileName); });
}

void StreamProxy::stop()
{
    m_thread.call([this] { m_worker->stop(); });
}

bool StreamProxy::isActive() const
{
    return m_thread.call([this] { return m_worker->isActive(); });
}

QUrl StreamProxy::localUrl() const
{
    return m_thread.call([this] { return m_worker->m_localUrl; });
}

QUrl StreamProxy::upstream() const
{
    return m_thread.call([this] { return m_worker->m_upstream; });
}

int StreamProxy::openRequests() const
{
    return m_thread.call([this] { return int(m_worker->m_relays.size()); });
}

} // namespace lockstep::room
