#include "TestClient.h"

#include <QDateTime>

#include <QEventLoop>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTest>
#include <QTimer>
#include <QWebSocket>

namespace lockstep::test {

using namespace protocol;

namespace {

// The server may legitimately send frames larger than the default client limit.
constexpr std::size_t kMaxReceivedBytes = 16 * 1024 * 1024;
// client_ts values of sync() pings, far from any a test uses itself.
constexpr double kSyncTsBase = 9.0e9;

QString typeName(std::string_view type)
{
    return QString::fromUtf8(type.data(), qsizetype(type.size()));
}

} // namespace

TestClient::TestClient(const QString &origin, QObject *parent)
    : QObject(parent), m_socket(new QWebSocket(origin, QWebSocketProtocol::VersionLatest, this))
{
    m_socket->setMaxAllowedIncomingMessageSize(kMaxReceivedBytes);
    m_socket->setMaxAllowedIncomingFrameSize(kMaxReceivedBytes);
    connect(m_socket, &QWebSocket::textMessageReceived, this, &TestClient::onText);
    connect(m_socket, &QWebSocket::binaryMessageReceived, this, [this](const QByteArray &bytes) {
        m_undecodable.append(bytes);
        emit activity();
    });
    connect(m_socket, &QWebSocket::connected, this, &TestClient::activity);
    connect(m_socket, &QWebSocket::disconnected, this, [this] {
        m_closeCode = quint16(m_socket->closeCode());
        m_closeReason = m_socket->closeReason();
        emit activity();
    });
}

TestClient::~TestClient()
{
    m_socket->abort();
}

void TestClient::trust(const QSslCertificate &certificate)
{
    connect(m_socket, &QWebSocket::sslErrors, this, [this, certificate] {
        if (m_socket->sslConfiguration().peerCertificate() == certificate)
            m_socket->ignoreSslErrors();
    });
}

bool TestClient::open(const QUrl &url, int timeoutMs)
{
    m_closeCode.reset();
    m_closeReason.clear();
    m_socket->open(url);
    return waitUntil([this] { return isConnected() || m_closeCode.has_value(); }, timeoutMs)
        && isConnected();
}

void TestClient::close()
{
    m_socket->close();
}

bool TestClient::isConnected() const
{
    return m_socket->state() == QAbstractSocket::ConnectedState;
}

bool TestClient::waitForDisconnected(int timeoutMs)
{
    return waitUntil([this] { return m_closeCode.has_value(); }, timeoutMs);
}

void TestClient::sendJson(const QByteArray &json)
{
    m_socket->sendTextMessage(QString::fromUtf8(json));
}

void TestClient::sendBinary(const QByteArray &bytes)
{
    m_socket->sendBinaryMessage(bytes);
}

void TestClient::send(const Envelope &envelope)
{
    sendJson(encode(envelope));
}

void TestClient::send(Message message, const QString &room, const QString &client)
{
    sendJson(encode(std::move(message), room, client));
}

bool TestClient::waitFor(std::string_view type, int timeoutMs)
{
    return waitUntil([this, type] { return pendingCount(type) > 0; }, timeoutMs);
}

Envelope TestClient::next(std::string_view type, int timeoutMs)
{
    if (waitFor(type, timeoutMs)) {
        for (qsizetype i = 0; i < m_pending.size(); ++i) {
            if (m_pending.at(i).typeName() == type)
                return m_pending.takeAt(i);
        }
    }
    const QString message
        = QStringLiteral("no '%1' frame arrived within %2 ms").arg(typeName(type)).arg(timeoutMs);
    QTest::qFail(qPrintable(message), __FILE__, __LINE__);
    Envelope missing;
    missing.message = Error {QStringLiteral("test_missing_frame"), message};
    return missing;
}

QString TestClient::nextErrorCode(int timeoutMs)
{
    if (!waitFor("error", timeoutMs))
        return {};
    return next("error").as<Error>()->code;
}

bool TestClient::sync(int timeoutMs)
{
    const double marker = kSyncTsBase + m_nextSyncTs;
    m_nextSyncTs += 1.0;
    send(Ping {marker});
    const auto arrived = [this, marker] {
        for (qsizetype i = 0; i < m_pending.size(); ++i) {
            const auto *pong = m_pending.at(i).as<Pong>();
            if (pong && pong->clientTs == marker) {
                m_pending.removeAt(i);
                return true;
            }
        }
        return false;
    };
    return waitUntil(arrived, timeoutMs);
}

bool TestClient::createRoom(const QString &room, const QString &client, const Json &options,
                            const QString &authToken)
{
    CreateRoom create;
    create.mediaUrl = QStringLiteral("https://media.example/film.mkv");
    create.options = options;
    if (!authToken.isEmpty())
        create.authToken = authToken;
    send(create, room, client);
    const auto settled = [this] { return pendingCount("room_state") + pendingCount("error") > 0; };
    if (!waitUntil(settled, kTimeoutMs) || pendingCount("room_state") == 0)
        return false;
    m_lastRoomState = next("room_state");
    return true;
}

bool TestClient::joinRoom(const QString &room, const QString &client, const QString &name,
                          const QString &authToken, const QString &inviteToken)
{
    JoinRoom join;
    join.name = name;
    if (!authToken.isEmpty())
        join.authToken = authToken;
    if (!inviteToken.isEmpty())
        join.inviteToken = inviteToken;
    send(join, room, client);
    const auto settled = [this] { return pendingCount("room_state") + pendingCount("error") > 0; };
    if (!waitUntil(settled, kTimeoutMs) || pendingCount("room_state") == 0)
        return false;
    m_lastRoomState = next("room_state");
    return true;
}

int TestClient::count(std::string_view type) const
{
    return int(std::count_if(m_received.cbegin(), m_received.cend(),
                             [type](const Envelope &e) { return e.typeName() == type; }));
}

int TestClient::pendingCount(std::string_view type) const
{
    return int(std::count_if(m_pending.cbegin(), m_pending.cend(),
                             [type](const Envelope &e) { return e.typeName() == type; }));
}

int TestClient::countExceptPongs() const
{
    return int(m_received.size()) - count("pong");
}

QString TestClient::describeReceived() const
{
    QStringList parts;
    for (const Envelope &e : m_received) {
        QString part = typeName(e.typeName());
        if (const auto *error = e.as<Error>())
            part += QLatin1Char('(') + error->code + QLatin1Char(')');
        parts.append(part);
    }
    if (m_closeCode)
        parts.append(QStringLiteral("closed(%1)").arg(*m_closeCode));
    return parts.join(QLatin1Char(' '));
}

void TestClient::clearReceived()
{
    m_received.clear();
    m_pending.clear();
}

void TestClient::onText(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    DecodeResult decoded = decode(bytes, DecodeOptions {kMaxReceivedBytes});
    if (!decoded) {
        m_undecodable.append(bytes);
        return;
    }
    m_received.append(decoded.envelope());
    m_pending.append(decoded.envelope());
    emit frameReceived(decoded.envelope());
    emit activity();
}

bool TestClient::waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    // `done` may consume what it waited for: it is asked once more only on timeout.
    if (done())
        return true;
    bool reached = false;
    QEventLoop loop;
    QTimer timeout;
    timeout.setSingleShot(true);
    connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    connect(this, &TestClient::activity, &loop, [&] {
        if (!reached && done()) {
            reached = true;
            loop.quit();
        }
    });
    timeout.start(timeoutMs);
    loop.exec();
    return reached || done();
}

double nowSeconds()
{
    return double(QDateTime::currentMSecsSinceEpoch()) / 1000.0;
}

QByteArray paddedPing(qsizetype size)
{
    QByteArray frame = R"({"type":"ping","payload":{"client_ts":1}})";
    frame.insert(1, QByteArray(size - frame.size(), ' '));
    return frame;
}

} // namespace lockstep::test
