#include "StreamProxy.h"

#include "StreamProxyParts.h"
#include "server/media/MediaRequest.h"

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
#include <optional>
#include <utility>

Q_LOGGING_CATEGORY(lcStream, "lockstep.stream", QtInfoMsg)

namespace lockstep::room {

namespace stream {

QByteArray headerValue(const QByteArray &head, const QByteArray &name)
{
    for (const QByteArray &line : head.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().toLower() == name)
            return line.mid(colon + 1).trimmed();
    }
    return {};
}

} // namespace stream

using namespace stream;
using server::media::RangeAnswer;

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
    // The same room's next film has the same upstream URL: its name tells
    // the cache that the bytes it holds are another file's.
    const bool changed = upstream != m_upstream || pinnedSha256 != m_pinned;
    if (changed)
        dropRelays();
    if (changed || fileName != m_fileName)
        forgetFile();
    m_upstream = upstream;
    m_pinned = pinnedSha256;
    m_fileName = fileName;
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
    m_fileName.clear();
    forgetFile();
}

void StreamProxy::Worker::learnFile(qint64 size, const QByteArray &contentType)
{
    if (size != m_fileSize)
        m_cache.clear();
    m_fileSize = size;
    m_contentType = contentType;
}

void StreamProxy::Worker::forgetFile()
{
    m_cache.clear();
    m_fileSize = -1;
    m_contentType.clear();
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

int StreamProxy::upstreamRequests() const
{
    return m_thread.call([this] { return m_worker->m_upstreamRequests; });
}

qint64 StreamProxy::cachedBytes() const
{
    return m_thread.call([this] { return m_worker->m_cache.size(); });
}

} // namespace lockstep::room
