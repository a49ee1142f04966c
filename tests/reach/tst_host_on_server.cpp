// Hosting a room on a lockstep-server instead of in the app: the room is
// made there, the invite names that server, and every refusal reads as a
// sentence. Real sockets on loopback, an in-process SessionServer.
#include "RoomTestAccess.h"
#include "auth/TokenService.h"
#include "protocol/Clock.h"
#include "room/InviteLink.h"
#include "room/NetworkTransport.h"
#include "room/RoomSession.h"
#include "room/ServerErrorText.h"
#include "server/SessionServer.h"
#include "sim/SimPlayer.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTest>

using namespace lockstep;
using room::InviteLink;
using room::RoomSession;

namespace {

constexpr int kDeadlineMs = 20000;
const QByteArray kSecret = QByteArrayLiteral("a secret only the server and its admin know");

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

} // namespace

class TestHostOnServer : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void hostsOnTheServerAndInvitesThere();
    void refusesABadAddressAndChangesNothing_data();
    void refusesABadAddressAndChangesNothing();
    void saysWhyTheServerRefused_data();
    void saysWhyTheServerRefused();
    void saysWhenTheServerIsUnreachable();
    void leavingLeavesTheRoomToTheOthers();

private:
    room::HostOptions optionsFor(const QString &token) const;
    QUrl serverUrl() const;

    std::unique_ptr<server::SessionServer> m_server;
};

void TestHostOnServer::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestHostOnServer::init()
{
    server::SessionServerConfig config;
    config.address = QHostAddress::LocalHost;
    config.port = 0;
    config.jwtSecret = kSecret;
    m_server = std::make_unique<server::SessionServer>(config);
    QVERIFY(m_server->start());
}

void TestHostOnServer::cleanup()
{
    m_server.reset();
}

QUrl TestHostOnServer::serverUrl() const
{
    return QUrl(QStringLiteral("ws://127.0.0.1:%1/").arg(m_server->port()));
}

room::HostOptions TestHostOnServer::optionsFor(const QString &token) const
{
    room::HostOptions options;
    options.name = QStringLiteral("Host");
    options.server = serverUrl();
    options.authToken = token;
    return options;
}

void TestHostOnServer::hostsOnTheServerAndInvitesThere()
{
    const double now = protocol::SystemClock::instance().now();
    const QString token
        = m_server->tokens().issueUserToken(QStringLiteral("host"), {}, {}, 3600, now);
    Person host;
    QString error;
    QVERIFY2(host.session.startServer(optionsFor(token), &error), qPrintable(error));
    QVERIFY(host.session.isHosting());
    QVERIFY(host.session.hosting().hostsOnServer());
    QVERIFY(!room::RoomTestAccess::server(host.session)); // no server of its own
    host.session.createRoom(room::RoomMedia());
    QVERIFY2(QTest::qWaitFor([&] { return !host.session.inviteLink().isEmpty(); }, kDeadlineMs),
             qPrintable(host.endMessage));

    const std::optional<InviteLink> link = InviteLink::parse(host.session.inviteLink());
    QVERIFY(link);
    QCOMPARE(link->server(), serverUrl());
    QVERIFY(link->fingerprint().isEmpty()); // the server's certificate is its own business
    QVERIFY(m_server->core().room(link->room()));

    Person guest;
    QSignalSpy joined(&guest.session, &RoomSession::joined);
    guest.session.join(*link, QStringLiteral("Guest"));
    QVERIFY2(QTest::qWaitFor([&] { return joined.count() > 0 || !guest.endMessage.isEmpty(); },
                             kDeadlineMs),
             "the guest neither joined nor was refused");
    QVERIFY2(joined.count() == 1, qPrintable(guest.endMessage));
    QTRY_COMPARE_WITH_TIMEOUT(host.session.connection().participantCount(), 2, kDeadlineMs);
}

void TestHostOnServer::refusesABadAddressAndChangesNothing_data()
{
    QTest::addColumn<QUrl>("server");
    QTest::addRow("http") << QUrl(QStringLiteral("http://example.org/"));
    QTest::addRow("no host") << QUrl(QStringLiteral("wss:///"));
    QTest::addRow("not a URL") << QUrl(QStringLiteral("watch dot example"));
}

void TestHostOnServer::refusesABadAddressAndChangesNothing()
{
    QFETCH(QUrl, server);
    Person host;
    room::HostOptions options = optionsFor({});
    options.server = server;
    QSignalSpy hosting(&host.session, &RoomSession::hostingChanged);
    QString error;
    QVERIFY(!host.session.startServer(options, &error));
    QCOMPARE(error,
             RoomSession::tr("The server address must start with ws:// or wss:// and name "
                             "a host, like wss://watch.example.org/."));
    QVERIFY(!host.session.isHosting());
    QCOMPARE(hosting.count(), 0);
}

void TestHostOnServer::saysWhyTheServerRefused_data()
{
    QTest::addColumn<int>("tokenAge"); // -1: no token; else seconds since it expired
    QTest::addColumn<QString>("message");
    QTest::addRow("no token") << -1
                              << QStringLiteral("This server lets only people with an access "
                                                "token create rooms. Enter the token its admin "
                                                "gave you in Room > Host….");
    QTest::addRow("expired token") << 600
                                   << QStringLiteral("Your access token for this server has "
                                                     "expired. Ask the server's admin for a "
                                                     "new one.");
}

void TestHostOnServer::saysWhyTheServerRefused()
{
    QFETCH(int, tokenAge);
    QFETCH(QString, message);
    const double now = protocol::SystemClock::instance().now();
    const QString token = tokenAge < 0 ? QString()
                                       : m_server->tokens().issueUserToken(
                                           QStringLiteral("host"), {}, {}, 60, now - 60 - tokenAge);
    Person host;
    QString error;
    QVERIFY2(host.session.startServer(optionsFor(token), &error), qPrintable(error));
    QSignalSpy hosting(&host.session, &RoomSession::hostingChanged);
    host.session.createRoom(room::RoomMedia());
    QVERIFY(QTest::qWaitFor([&] { return !host.endMessage.isEmpty(); }, kDeadlineMs));
    QCOMPARE(host.endMessage, message);
    QVERIFY(!host.session.isHosting());
    QCOMPARE(hosting.count(), 1);
    QCOMPARE(m_server->core().roomCount(), 0);
}

void TestHostOnServer::saysWhenTheServerIsUnreachable()
{
    // A port nobody listens on.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 port = probe.serverPort();
    probe.close();

    Person host;
    room::HostOptions options = optionsFor({});
    options.server = QUrl(QStringLiteral("ws://127.0.0.1:%1/").arg(port));
    QString error;
    QVERIFY2(host.session.startServer(options, &error), qPrintable(error));
    host.session.createRoom(room::RoomMedia());
    QVERIFY(QTest::qWaitFor([&] { return !host.endMessage.isEmpty(); }, kDeadlineMs));
    QVERIFY2(host.endMessage.startsWith(
                 QStringLiteral("Could not connect to 127.0.0.1:%1. Nothing answers").arg(port)),
             qPrintable(host.endMessage));
    QVERIFY(!host.session.isHosting());
}

void TestHostOnServer::leavingLeavesTheRoomToTheOthers()
{
    const double now = protocol::SystemClock::instance().now();
    const QString token
        = m_server->tokens().issueUserToken(QStringLiteral("host"), {}, {}, 3600, now);
    Person host;
    QString error;
    QVERIFY2(host.session.startServer(optionsFor(token), &error), qPrintable(error));
    host.session.createRoom(room::RoomMedia());
    QVERIFY(QTest::qWaitFor([&] { return !host.session.inviteLink().isEmpty(); }, kDeadlineMs));
    const std::optional<InviteLink> link = InviteLink::parse(host.session.inviteLink());
    QVERIFY(link);
    Person guest;
    QSignalSpy joined(&guest.session, &RoomSession::joined);
    guest.session.join(*link, QStringLiteral("Guest"));
    QVERIFY(QTest::qWaitFor([&] { return joined.count() > 0; }, kDeadlineMs));

    host.session.stopHosting();
    QVERIFY(!host.session.isHosting());
    QTRY_COMPARE_WITH_TIMEOUT(guest.session.connection().participantCount(), 1, kDeadlineMs);
    QTRY_VERIFY_WITH_TIMEOUT(guest.session.connection().isHost(), kDeadlineMs);
    QVERIFY(guest.session.connection().inRoom());
    QVERIFY(m_server->core().room(link->room()));
}

QTEST_GUILESS_MAIN(TestHostOnServer)
#include "tst_host_on_server.moc"
