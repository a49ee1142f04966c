// Rooms hosted in the app are served over wss:// with the app's own
// certificate, and a guest accepts that certificate and no other: real
// sockets on loopback, real TLS.
#include "RoomTestAccess.h"
#include "protocol/Clock.h"
#include "protocol/CloseCode.h"
#include "room/HostCertificate.h"
#include "room/InviteLink.h"
#include "room/NetworkTransport.h"
#include "room/PlaybackController.h"
#include "room/RoomSession.h"
#include "room/ServerErrorText.h"
#include "room/Settings.h"
#include "room/StatusController.h"
#include "server/SessionServer.h"
#include "sim/SimPlayer.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QPointer>
#include <QSettings>
#include <QSignalSpy>
#include <QSslKey>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>
#include <QWebSocket>

#include <sys/stat.h>

using namespace lockstep;
using room::HostCertificate;
using room::InviteLink;
using room::RoomSession;

namespace {

constexpr int kDeadlineMs = 20000;

// One person with the app: a session over a real WebSocket.
struct Person {
    Person()
        : player(protocol::SystemClock::instance()),
          session(player, protocol::SystemClock::instance(),
                  std::make_unique<room::NetworkTransport>(protocol::SystemClock::instance()))
    {
        QObject::connect(&session, &RoomSession::ended, &session,
                         [this](const QString &message, bool) { endMessage = message; });
    }

    sim::SimPlayer player;
    RoomSession session;
    QString endMessage;
};

// Pings a server from a thread of its own: a protocol ping every 20 ms, each
// pong's delay measured there, so that a blocked GUI thread cannot hide it.
class Pinger
{
public:
    Pinger(const QUrl &url, const QByteArray &pinnedSha256) : m_context(new QObject)
    {
        m_context->moveToThread(&m_thread);
        QObject::connect(&m_thread, &QThread::finished, m_context, &QObject::deleteLater);
        m_thread.start();
        QMetaObject::invokeMethod(m_context, [this, url, pinnedSha256] {
            auto *socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, m_context);
            QObject::connect(socket, &QWebSocket::sslErrors, socket,
                             [socket, pinnedSha256](const QList<QSslError> &errors) {
                                 for (const QSslError &error : errors) {
                                     if (error.certificate().digest(QCryptographicHash::Sha256)
                                         != pinnedSha256)
                                         return;
                                 }
                                 socket->ignoreSslErrors();
                             });
            auto *timer = new QTimer(m_context);
            timer->setTimerType(Qt::PreciseTimer);
            m_clock.start();
            QObject::connect(timer, &QTimer::timeout, socket, [this, socket] {
                const qint64 sent = m_clock.nsecsElapsed();
                socket->sendTextMessage(
                    QStringLiteral(R"({"type":"ping","payload":{"client_ts":%1}})").arg(sent));
                const QMutexLocker lock(&m_mutex);
                ++m_sent;
            });
            QObject::connect(socket, &QWebSocket::connected, timer, [timer] { timer->start(20); });
            QObject::connect(
                socket, &QWebSocket::textMessageReceived, socket, [this](const QString &text) {
                    const QJsonObject message = QJsonDocument::fromJson(text.toUtf8()).object();
                    if (message.value(QLatin1String("type")).toString() != QLatin1String("pong"))
                        return;
                    const qint64 sent = qint64(message.value(QLatin1String("payload"))
                                                   .toObject()
                                                   .value(QLatin1String("client_ts"))
                                                   .toDouble());
                    const QMutexLocker lock(&m_mutex);
                    m_delaysMs.append(double(m_clock.nsecsElapsed() - sent) / 1e6);
                });
            socket->open(url);
        });
    }
    ~Pinger()
    {
        m_thread.quit();
        m_thread.wait();
    }

    QList<double> delaysMs() const
    {
        const QMutexLocker lock(&m_mutex);
        return m_delaysMs;
    }
    int sent() const
    {
        const QMutexLocker lock(&m_mutex);
        return m_sent;
    }

private:
    QThread m_thread;
    QObject *m_context;
    QElapsedTimer m_clock;
    mutable QMutex m_mutex;
    QList<double> m_delaysMs;
    int m_sent = 0;
};

} // namespace

class TestEncryptedRoom : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void makesItsCertificateOnce();
    void narrowsALooseKey();
    void readsFingerprints_data();
    void readsFingerprints();
    void hostsOverWssOnly();
    void guestJoinsThroughThePinnedCertificate();
    void refusesAManInTheMiddle();
    void aRoomClosedAgainWhileTheLastDrainsClosesBoth();
    void theRoomAnswersWhileTheHostsGuiThreadIsBlocked();
    void refusesAWrongFingerprint();
    void refusesAnImpostorOnReconnect();
    void checksCertificatesAsUsualWithoutFingerprint();

private:
    // Hosts a room in `host` with the certificate in `certificates`; returns
    // the invite link.
    std::optional<InviteLink> hostRoom(Person &host, const QString &certificates, quint16 port = 0);

    QTemporaryDir m_dir;
};

void TestEncryptedRoom::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope,
                       m_dir.filePath(QStringLiteral("settings")));
}

std::optional<InviteLink> TestEncryptedRoom::hostRoom(Person &host, const QString &certificates,
                                                      quint16 port)
{
    room::HostOptions options;
    options.port = port;
    options.name = QStringLiteral("Host");
    options.certificateDirectory = certificates;
    QString error;
    if (!host.session.startServer(options, &error)) {
        qWarning() << "cannot host:" << error;
        return std::nullopt;
    }
    QSignalSpy links(&host.session, &RoomSession::inviteLinkChanged);
    host.session.createRoom(room::RoomMedia());
    if (!QTest::qWaitFor([&] { return !host.session.inviteLink().isEmpty(); }, kDeadlineMs))
        return std::nullopt;
    return InviteLink::parse(host.session.inviteLink());
}

void TestEncryptedRoom::makesItsCertificateOnce()
{
    const QString dir = m_dir.filePath(QStringLiteral("once"));
    QString error;
    const std::optional<HostCertificate> first = HostCertificate::loadOrCreate(dir, &error);
    QVERIFY2(first, qPrintable(error));

    // ECDSA P-256, the key readable by its owner only.
    QFile keyFile(first->keyPath());
    QVERIFY(keyFile.open(QIODevice::ReadOnly));
    const QSslKey key(keyFile.readAll(), QSsl::Ec, QSsl::Pem);
    QVERIFY(!key.isNull());
    QCOMPARE(key.length(), 256);
    QCOMPARE(first->certificate().publicKey().algorithm(), QSsl::Ec);
    struct stat info {
    };
    QCOMPARE(::stat(QFile::encodeName(first->keyPath()).constData(), &info), 0);
    QCOMPARE(info.st_mode & 0777, mode_t(0600));

    // fp: SHA-256 of the DER, base64url, no padding.
    const QByteArray digest
        = QCryptographicHash::hash(first->certificate().toDer(), QCryptographicHash::Sha256);
    QCOMPARE(first->fingerprint().size(), 43);
    QCOMPARE(first->fingerprint().toLatin1(),
             digest.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    QCOMPARE(HostCertificate::decodeFingerprint(first->fingerprint()), digest);

    // Made once: the next run serves the same certificate.
    const std::optional<HostCertificate> second = HostCertificate::loadOrCreate(dir, &error);
    QVERIFY2(second, qPrintable(error));
    QCOMPARE(second->fingerprint(), first->fingerprint());

    // A certificate that is there is never replaced (every invite sent
    // names it): what is wrong is said, and the files stay as they are.
    QFile certificateFile(first->certificatePath());
    QVERIFY(certificateFile.open(QIODevice::ReadOnly));
    const QByteArray certificatePem = certificateFile.readAll();
    certificateFile.close();
    const auto refused = [&](const QString &wrong) {
        QString why;
        const std::optional<HostCertificate> again = HostCertificate::loadOrCreate(dir, &why);
        QVERIFY2(!again, qPrintable(wrong));
        QVERIFY2(why.contains(wrong), qPrintable(why));
        QVERIFY2(why.contains(QStringLiteral("move the folder")), qPrintable(why));
        QFile kept(first->certificatePath());
        QVERIFY(kept.open(QIODevice::ReadOnly));
        QCOMPARE(kept.readAll(), certificatePem);
    };

    // Another pair's key beside this certificate.
    const QString otherDir = m_dir.filePath(QStringLiteral("once-other"));
    const std::optional<HostCertificate> other = HostCertificate::loadOrCreate(otherDir, &error);
    QVERIFY2(other, qPrintable(error));
    QFile otherKey(other->keyPath());
    QVERIFY(otherKey.open(QIODevice::ReadOnly));
    const QByteArray otherKeyPem = otherKey.readAll();
    QFile ownKey(first->keyPath());
    QVERIFY(ownKey.open(QIODevice::ReadOnly));
    const QByteArray ownKeyPem = ownKey.readAll();
    ownKey.close();
    QVERIFY(QFile::remove(first->keyPath()));
    QFile swapped(first->keyPath());
    QVERIFY(swapped.open(QIODevice::WriteOnly));
    swapped.write(otherKeyPem);
    swapped.close();
    refused(QStringLiteral("does not belong to the certificate"));

    // A damaged key.
    QVERIFY(QFile::resize(first->keyPath(), 10));
    refused(QStringLiteral("is damaged"));

    // The key gone, the certificate still there.
    QVERIFY(QFile::remove(first->keyPath()));
    refused(QStringLiteral("one is missing"));

    // Its own key back: served as before.
    QFile restored(first->keyPath());
    QVERIFY(restored.open(QIODevice::WriteOnly));
    restored.write(ownKeyPem);
    restored.close();
    const std::optional<HostCertificate> fourth = HostCertificate::loadOrCreate(dir, &error);
    QVERIFY2(fourth, qPrintable(error));
    QCOMPARE(fourth->fingerprint(), first->fingerprint());
}

void TestEncryptedRoom::narrowsALooseKey()
{
    const QString dir = m_dir.filePath(QStringLiteral("loose"));
    const std::optional<HostCertificate> made = HostCertificate::loadOrCreate(dir);
    QVERIFY(made);
    QVERIFY(::chmod(QFile::encodeName(made->keyPath()).constData(), 0644) == 0);
    const std::optional<HostCertificate> again = HostCertificate::loadOrCreate(dir);
    QVERIFY(again);
    QCOMPARE(again->fingerprint(), made->fingerprint());
    struct stat info {
    };
    QCOMPARE(::stat(QFile::encodeName(made->keyPath()).constData(), &info), 0);
    QCOMPARE(info.st_mode & 0777, mode_t(0600));
}

void TestEncryptedRoom::readsFingerprints_data()
{
    QTest::addColumn<QString>("fp");
    QTest::addColumn<bool>("valid");
    const QString good = QString::fromLatin1(
        QByteArray(32, '\xab')
            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    QTest::addRow("43 characters") << good << true;
    QTest::addRow("padded") << good + QLatin1Char('=') << false;
    QTest::addRow("one short") << good.left(42) << false;
    QTest::addRow("standard base64 alphabet")
        << QString(good).replace(0, 1, QLatin1Char('+')) << false;
    QTest::addRow("spare bits set") << good.left(42) + QLatin1Char('t') << false;
    QTest::addRow("empty") << QString() << false;
}

void TestEncryptedRoom::readsFingerprints()
{
    QFETCH(QString, fp);
    QFETCH(bool, valid);
    QCOMPARE(HostCertificate::decodeFingerprint(fp).size(), valid ? 32 : 0);
}

void TestEncryptedRoom::hostsOverWssOnly()
{
    Person host;
    const std::optional<InviteLink> link
        = hostRoom(host, m_dir.filePath(QStringLiteral("host-wss")));
    QVERIFY(link);
    QVERIFY(room::RoomTestAccess::server(host.session)->isSecure());
    QCOMPARE(link->server().scheme(), QStringLiteral("wss"));
    const std::optional<HostCertificate> certificate
        = HostCertificate::loadOrCreate(m_dir.filePath(QStringLiteral("host-wss")));
    QCOMPARE(link->fingerprint(), certificate->fingerprint());
    // The host's own client is pinned to it too.
    QVERIFY(host.session.connection().connectionVerified());

    // Plain ws:// on the same port gets nowhere.
    QWebSocket plain;
    QSignalSpy connected(&plain, &QWebSocket::connected);
    QSignalSpy disconnected(&plain, &QWebSocket::disconnected);
    plain.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/")
                        .arg(room::RoomTestAccess::server(host.session)->port())));
    QVERIFY(QTest::qWaitFor([&] { return disconnected.count() > 0; }, kDeadlineMs));
    QCOMPARE(connected.count(), 0);
}

void TestEncryptedRoom::guestJoinsThroughThePinnedCertificate()
{
    Person host;
    const std::optional<InviteLink> link
        = hostRoom(host, m_dir.filePath(QStringLiteral("host-join")));
    QVERIFY(link);
    Person guest;
    QSignalSpy joined(&guest.session, &RoomSession::joined);
    guest.session.join(*link, QStringLiteral("Guest"));
    QVERIFY2(QTest::qWaitFor([&] { return joined.count() > 0 || !guest.endMessage.isEmpty(); },
                             kDeadlineMs),
             "the guest neither joined nor was refused");
    QVERIFY2(joined.count() == 1, qPrintable(guest.endMessage));
    QVERIFY(guest.session.connection().connectionVerified());
    QTRY_COMPARE_WITH_TIMEOUT(host.session.connection().participantCount(), 2, kDeadlineMs);
    // The status bar says so.
    room::Settings settings;
    room::PlaybackController playback(guest.session, guest.player, settings);
    room::StatusController status(guest.session, playback);
    status.refresh();
    QCOMPARE(status.status().connection,
             QStringLiteral("In a room · 2 watching · Encrypted and verified"));
    // A guest passes the fingerprint on with the link.
    QCOMPARE(InviteLink::parse(guest.session.inviteLink())->fingerprint(), link->fingerprint());
}

void TestEncryptedRoom::aRoomClosedAgainWhileTheLastDrainsClosesBoth()
{
    // Stop Hosting, host again at once and stop again, before the first
    // room's server has finished telling its guest: each server drains on
    // its own, both go, and the session says "drained" once, at the end.
    Person host;
    const std::optional<InviteLink> link
        = hostRoom(host, m_dir.filePath(QStringLiteral("host-twice")));
    QVERIFY(link);
    Person guest;
    QSignalSpy joined(&guest.session, &RoomSession::joined);
    guest.session.join(*link, QStringLiteral("Guest"));
    QVERIFY(QTest::qWaitFor([&] { return joined.count() > 0; }, kDeadlineMs));
    QTRY_COMPARE_WITH_TIMEOUT(host.session.connection().participantCount(), 2, kDeadlineMs);

    QSignalSpy drained(&host.session, &RoomSession::drained);
    const QPointer<server::SessionServer> first = room::RoomTestAccess::server(host.session);
    host.session.stopHosting();
    QVERIFY(host.session.hosting().isDraining());
    room::HostOptions options;
    options.name = QStringLiteral("Host");
    options.certificateDirectory = m_dir.filePath(QStringLiteral("host-twice"));
    QString error;
    QVERIFY2(host.session.startServer(options, &error), qPrintable(error));
    const QPointer<server::SessionServer> second = room::RoomTestAccess::server(host.session);
    QVERIFY(second && second != first);
    host.session.stopHosting();

    QTRY_VERIFY_WITH_TIMEOUT(!host.session.hosting().isDraining(), kDeadlineMs);
    QTRY_VERIFY_WITH_TIMEOUT(first.isNull() && second.isNull(), kDeadlineMs);
    QCOMPARE(drained.count(), 1);
}

void TestEncryptedRoom::theRoomAnswersWhileTheHostsGuiThreadIsBlocked()
{
    // The player blocks the GUI thread for seconds on a seek (Qt 6.4's
    // GStreamer); the room runs on a thread of its own and answers anyway.
    Person host;
    const std::optional<InviteLink> link
        = hostRoom(host, m_dir.filePath(QStringLiteral("host-blocked")));
    QVERIFY(link);
    Pinger pinger(
        QUrl(QStringLiteral("wss://127.0.0.1:%1/").arg(host.session.hosting().serverPort())),
        link->certificateDigest());
    QVERIFY(QTest::qWaitFor([&] { return pinger.delaysMs().size() >= 5; }, kDeadlineMs));
    const int before = pinger.sent();

    QThread::msleep(2000); // the GUI thread does nothing else for 2 s

    const int during = pinger.sent() - before;
    QVERIFY(QTest::qWaitFor([&] { return pinger.delaysMs().size() >= pinger.sent() - 1; },
                            kDeadlineMs));
    QList<double> delays = pinger.delaysMs();
    QVERIFY2(during >= 50, qPrintable(QString::number(during))); // about 100 in 2 s
    std::sort(delays.begin(), delays.end());
    QVERIFY2(delays.last() <= 50.0,
             qPrintable(
                 QStringLiteral("slowest pong %1 ms of %2").arg(delays.last()).arg(delays.size())));
}

void TestEncryptedRoom::refusesAManInTheMiddle()
{
    // The host's link, then someone else answers on the same address with
    // a certificate of their own.
    Person host;
    const std::optional<InviteLink> link
        = hostRoom(host, m_dir.filePath(QStringLiteral("host-mitm")));
    QVERIFY(link);
    const quint16 port = room::RoomTestAccess::server(host.session)->port();
    host.session.stopHosting();
    QTRY_VERIFY_WITH_TIMEOUT(!host.session.hosting().isDraining(), kDeadlineMs);

    const std::optional<HostCertificate> impostorCertificate
        = HostCertificate::loadOrCreate(m_dir.filePath(QStringLiteral("impostor")));
    QVERIFY(impostorCertificate);
    QVERIFY(impostorCertificate->fingerprint() != link->fingerprint());
    // The same address and port the link names (the host listened on all
    // interfaces, so does the impostor).
    server::SessionServerConfig config;
    config.address = QHostAddress::Any;
    config.port = port;
    config.tlsCertificatePath = impostorCertificate->certificatePath();
    config.tlsKeyPath = impostorCertificate->keyPath();
    config.network = server::SessionServerConfig::Network::Qt;
    server::SessionServer impostor(config);
    QVERIFY(impostor.start());
    QCOMPARE(impostor.port(), port);
    QSignalSpy impostorConnections(&impostor.core(), &server::ServerCore::connectionCountChanged);

    Person guest;
    QSignalSpy joined(&guest.session, &RoomSession::joined);
    guest.session.join(*link, QStringLiteral("Guest"));
    QVERIFY(QTest::qWaitFor([&] { return !guest.endMessage.isEmpty(); }, kDeadlineMs));
    QCOMPARE(guest.endMessage, room::ServerErrorText::certificateMismatch());
    QVERIFY(guest.endMessage.startsWith(
        QStringLiteral("This is not the host's computer: its certificate does not match the "
                       "invite.")));
    QCOMPARE(joined.count(), 0);
    QVERIFY(!guest.session.connection().isActive());
    // Refused during the TLS handshake: not even the WebSocket upgrade (let
    // alone the invite) reached the impostor.
    QCOMPARE(impostorConnections.count(), 0);
    QCOMPARE(impostor.connectionCount(), 0);
}

void TestEncryptedRoom::refusesAWrongFingerprint()
{
    Person host;
    const std::optional<InviteLink> link
        = hostRoom(host, m_dir.filePath(QStringLiteral("host-wrong")));
    QVERIFY(link);
    const std::optional<HostCertificate> other
        = HostCertificate::loadOrCreate(m_dir.filePath(QStringLiteral("other")));
    QVERIFY(other);
    const InviteLink wrong(link->server(), link->room(), link->invite(), other->fingerprint());

    Person guest;
    QSignalSpy joined(&guest.session, &RoomSession::joined);
    guest.session.join(wrong, QStringLiteral("Guest"));
    QVERIFY(QTest::qWaitFor([&] { return !guest.endMessage.isEmpty(); }, kDeadlineMs));
    QCOMPARE(guest.endMessage, room::ServerErrorText::certificateMismatch());
    QCOMPARE(joined.count(), 0);
    QCOMPARE(host.session.connection().participantCount(), 1);
}

void TestEncryptedRoom::refusesAnImpostorOnReconnect()
{
    // In the room, the host's server goes away (1001: the guest reconnects)
    // and someone else takes its address: the guest's next attempt meets the
    // wrong certificate and the session ends, with no further attempts.
    Person host;
    const std::optional<InviteLink> link
        = hostRoom(host, m_dir.filePath(QStringLiteral("host-reconnect")));
    QVERIFY(link);
    Person guest;
    QSignalSpy joined(&guest.session, &RoomSession::joined);
    guest.session.join(*link, QStringLiteral("Guest"));
    QVERIFY(QTest::qWaitFor([&] { return joined.count() == 1; }, kDeadlineMs));

    const quint16 port = room::RoomTestAccess::server(host.session)->port();
    QSignalSpy notices(&guest.session, &RoomSession::notice);
    // The server runs on a thread of its own: stopped there.
    server::SessionServer *server = room::RoomTestAccess::server(host.session);
    QMetaObject::invokeMethod(
        server, [server] { server->stop(protocol::CloseCode::GoingAway); },
        Qt::BlockingQueuedConnection);
    QVERIFY(QTest::qWaitFor([&] { return notices.count() > 0; }, kDeadlineMs));

    const std::optional<HostCertificate> impostorCertificate
        = HostCertificate::loadOrCreate(m_dir.filePath(QStringLiteral("impostor-reconnect")));
    QVERIFY(impostorCertificate);
    server::SessionServerConfig config;
    config.address = QHostAddress::Any;
    config.port = port;
    config.tlsCertificatePath = impostorCertificate->certificatePath();
    config.tlsKeyPath = impostorCertificate->keyPath();
    config.network = server::SessionServerConfig::Network::Qt;
    server::SessionServer impostor(config);
    QVERIFY(impostor.start());
    QSignalSpy impostorConnections(&impostor.core(), &server::ServerCore::connectionCountChanged);

    QVERIFY(QTest::qWaitFor([&] { return !guest.endMessage.isEmpty(); }, kDeadlineMs));
    QCOMPARE(guest.endMessage, room::ServerErrorText::certificateMismatch());
    QVERIFY(!guest.session.connection().isActive());
    QCOMPARE(impostorConnections.count(), 0);
}

void TestEncryptedRoom::checksCertificatesAsUsualWithoutFingerprint()
{
    // Without fp nothing is pinned, and a self-signed certificate fails the
    // usual checks: refused, never a silent fallback.
    Person host;
    const std::optional<InviteLink> link
        = hostRoom(host, m_dir.filePath(QStringLiteral("host-nofp")));
    QVERIFY(link);
    const InviteLink bare(link->server(), link->room(), link->invite());

    Person guest;
    QSignalSpy joined(&guest.session, &RoomSession::joined);
    guest.session.join(bare, QStringLiteral("Guest"));
    QVERIFY(QTest::qWaitFor([&] { return !guest.endMessage.isEmpty(); }, kDeadlineMs));
    QCOMPARE(joined.count(), 0);
    QVERIFY2(guest.endMessage.startsWith(QStringLiteral("Could not connect to")),
             qPrintable(guest.endMessage));
    QCOMPARE(host.session.connection().participantCount(), 1);
}

QTEST_GUILESS_MAIN(TestEncryptedRoom)
#include "tst_encrypted_room.moc"
