// The limits of ServerLimits, each configured small so that hitting it takes
// a few frames and a fraction of a second instead of the production defaults.
#include "Snapshot.h"
#include "TestClient.h"
#include "TestServer.h"
#include "Text.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace lockstep;
using lockstep::test::id;
using namespace lockstep::protocol;
using lockstep::server::ServerLimits;
using lockstep::test::fastLimits;
using lockstep::test::paddedPing;
using lockstep::test::ServerSnapshot;
using lockstep::test::TestClient;

class TestServerLimits : public QObject
{
    Q_OBJECT

private slots:
    void cleanup();

    void idleConnectionIsClosed();
    void maxConnections();
    void maxRooms();
    void serverMaxParticipantsCapsRoomOption();
    void maxFrameBytes_data();
    void maxFrameBytes();
    void maxNameLength_data();
    void maxNameLength();
    void configuredRateLimit();
    void zeroGraceRemovesRoomAtOnce();
    void allowedOrigins_data();
    void allowedOrigins();

private:
    bool start(const ServerLimits &limits);
    QUrl url() const { return m_server->loopbackUrl(); }

    std::unique_ptr<server::SessionServer> m_server;
};

bool TestServerLimits::start(const ServerLimits &limits)
{
    m_server = test::startLoopbackServer(limits);
    return m_server != nullptr;
}

void TestServerLimits::cleanup()
{
    m_server.reset();
}

void TestServerLimits::idleConnectionIsClosed()
{
    ServerLimits limits = fastLimits();
    limits.idleTimeout = 0.3;
    QVERIFY(start(limits));
    TestClient silent;
    TestClient rejected; // only sends frames the server refuses
    TestClient pinger;
    TestClient creator;
    for (TestClient *client : {&silent, &rejected, &pinger, &creator})
        QVERIFY(client->open(url()));
    rejected.sendJson("{}");
    pinger.send(Ping {1.0});
    QVERIFY(creator.createRoom(id("den"), id("alice")));
    QVERIFY(pinger.waitFor("pong"));
    QVERIFY(rejected.waitFor("error"));

    QVERIFY(silent.waitForDisconnected());
    QCOMPARE(silent.closeCode(), std::optional<quint16>(1008));
    QVERIFY(!silent.closeReason().isEmpty());
    QVERIFY(rejected.waitForDisconnected());
    QCOMPARE(rejected.closeCode(), std::optional<quint16>(1008));
    // Opened at the same time, but engaged: still here.
    QVERIFY(pinger.sync());
    QVERIFY(creator.sync());
    QVERIFY(pinger.isConnected());
    QVERIFY(creator.isConnected());
    QCOMPARE(m_server->core().connectionCount(), 2);
}

void TestServerLimits::maxConnections()
{
    ServerLimits limits = fastLimits();
    limits.maxConnections = 2;
    QVERIFY(start(limits));
    TestClient alice;
    TestClient bob;
    QVERIFY(alice.open(url()));
    QVERIFY(alice.createRoom(id("den"), id("alice")));
    QVERIFY(bob.open(url()));
    QVERIFY(bob.sync());
    alice.clearReceived();

    TestClient carol;
    carol.open(url());
    QVERIFY(carol.waitForDisconnected());
    // 4001: a close code every WebSocket client can read (Qt's reject 1013).
    QVERIFY2(carol.closeCode() == std::optional<quint16>(4001),
             qPrintable(carol.describeReceived()));
    QCOMPARE(carol.count("error"), 1);
    QCOMPARE(carol.next("error").as<Error>()->code, id("rate_limited"));
    QTRY_COMPARE(m_server->core().connectionCount(), 2);
    QVERIFY(alice.sync());
    QCOMPARE(alice.countExceptPongs(), 0);

    bob.close();
    QTRY_COMPARE(m_server->core().connectionCount(), 1);
    TestClient dave;
    QVERIFY(dave.open(url()));
    QVERIFY(dave.joinRoom(id("den"), id("dave"), id("Dave")));
}

void TestServerLimits::maxRooms()
{
    ServerLimits limits = fastLimits();
    limits.maxRooms = 2;
    QVERIFY(start(limits));
    TestClient alice;
    TestClient bob;
    TestClient carol;
    for (TestClient *client : {&alice, &bob, &carol})
        QVERIFY(client->open(url()));
    QVERIFY(alice.createRoom(id("one"), id("alice")));
    QVERIFY(bob.createRoom(id("two"), id("bob")));
    const ServerSnapshot before = ServerSnapshot::of(m_server->core());
    QVERIFY(!carol.createRoom(id("three"), id("carol")));
    QCOMPARE(carol.nextErrorCode(), id("forbidden"));
    QVERIFY(ServerSnapshot::of(m_server->core()) == before);
    // Joining an existing room is still possible.
    QVERIFY(carol.joinRoom(id("one"), id("carol"), id("Carol")));
}

void TestServerLimits::serverMaxParticipantsCapsRoomOption()
{
    ServerLimits limits = fastLimits();
    limits.maxParticipants = 2;
    QVERIFY(start(limits));
    TestClient alice;
    TestClient bob;
    TestClient carol;
    for (TestClient *client : {&alice, &bob, &carol})
        QVERIFY(client->open(url()));
    // A room's own option may only lower the server's cap.
    QVERIFY(alice.createRoom(id("den"), id("alice"), Json {{"max_participants", 5}}));
    QVERIFY(bob.joinRoom(id("den"), id("bob"), id("Bob")));
    const ServerSnapshot before = ServerSnapshot::of(m_server->core());
    QVERIFY(!carol.joinRoom(id("den"), id("carol"), id("Carol")));
    QCOMPARE(carol.nextErrorCode(), id("room_full"));
    QVERIFY(ServerSnapshot::of(m_server->core()) == before);
}

void TestServerLimits::maxFrameBytes_data()
{
    QTest::addColumn<qsizetype>("size");
    QTest::addColumn<bool>("accepted");
    QTest::addRow("at the limit") << qsizetype(2048) << true;
    QTest::addRow("one byte over") << qsizetype(2049) << false;
    QTest::addRow("three times over") << qsizetype(3 * 2048) << false;
}

void TestServerLimits::maxFrameBytes()
{
    QFETCH(qsizetype, size);
    QFETCH(bool, accepted);
    ServerLimits limits = fastLimits();
    limits.maxFrameBytes = 2048;
    QVERIFY(start(limits));
    TestClient client;
    QVERIFY(client.open(url()));
    client.sendJson(paddedPing(size));
    if (accepted) {
        QVERIFY(client.waitFor("pong"));
        QVERIFY(client.isConnected());
        return;
    }
    QCOMPARE(client.nextErrorCode(), id("too_large"));
    QVERIFY(client.waitForDisconnected());
    QCOMPARE(client.closeCode(), std::optional<quint16>(1009));
    QCOMPARE(client.count("pong"), 0);
}

void TestServerLimits::maxNameLength_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("accepted");
    QTest::addRow("8 characters") << id("Bartholo") << true;
    QTest::addRow("8 characters, not ASCII") << id("Zoë 🎬🎬🎬🎬") << true;
    QTest::addRow("9 characters") << id("Bartholom") << false;
    QTest::addRow("8 after trimming") << id("  Bartholo  ") << true;
}

void TestServerLimits::maxNameLength()
{
    QFETCH(QString, name);
    QFETCH(bool, accepted);
    ServerLimits limits = fastLimits();
    limits.maxNameLength = 8;
    QVERIFY(start(limits));
    TestClient alice;
    TestClient bob;
    QVERIFY(alice.open(url()));
    QVERIFY(bob.open(url()));
    QVERIFY(alice.createRoom(id("den"), id("alice")));
    const ServerSnapshot before = ServerSnapshot::of(m_server->core());
    const bool joined = bob.joinRoom(id("den"), id("bob"), name);
    QCOMPARE(joined, accepted);
    if (accepted) {
        QCOMPARE(alice.next("client_joined").as<ClientJoined>()->name, name.trimmed());
        return;
    }
    QCOMPARE(bob.nextErrorCode(), id("bad_request"));
    QVERIFY(ServerSnapshot::of(m_server->core()) == before);
}

void TestServerLimits::configuredRateLimit()
{
    ServerLimits limits = fastLimits();
    limits.rateLimitPerSecond = 0.5;
    limits.rateLimitBurst = 4.0;
    limits.floodCloseScore = 6.0;
    QVERIFY(start(limits));
    TestClient client;
    QVERIFY(client.open(url()));
    for (int i = 0; i < 4; ++i)
        client.send(Ping {double(i)});
    QTRY_COMPARE(client.count("pong"), 4);
    client.send(Ping {5.0});
    QCOMPARE(client.nextErrorCode(), id("rate_limited"));
    QVERIFY(client.isConnected());
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("closed for flooding")));
    for (int i = 0; i < 10; ++i)
        client.send(Ping {double(i)});
    QVERIFY(client.waitForDisconnected());
    QCOMPARE(client.closeCode(), std::optional<quint16>(1008));
    QCOMPARE(client.count("pong"), 4);
}

void TestServerLimits::zeroGraceRemovesRoomAtOnce()
{
    ServerLimits limits = fastLimits();
    limits.emptyRoomGrace = 0.0;
    QVERIFY(start(limits));
    QSignalSpy removed(&m_server->core(), &server::ServerCore::roomRemoved);
    TestClient alice;
    QVERIFY(alice.open(url()));
    QVERIFY(alice.createRoom(id("den"), id("alice")));
    alice.close();
    QTRY_COMPARE(removed.count(), 1);
    QCOMPARE(m_server->core().roomCount(), 0);
}

void TestServerLimits::allowedOrigins_data()
{
    QTest::addColumn<QString>("origin");
    QTest::addColumn<bool>("accepted");
    QTest::addRow("allowed origin") << id("https://lockstep.app") << true;
    QTest::addRow("second allowed origin") << id("https://watch.example") << true;
    QTest::addRow("other origin") << id("https://evil.example") << false;
    QTest::addRow("allowed host, other scheme") << id("http://lockstep.app") << false;
    // Browsers always send Origin; the desktop app and other native clients
    // send none, and are not what an Origin allow-list is about.
    QTest::addRow("no Origin (native client)") << QString() << true;
}

void TestServerLimits::allowedOrigins()
{
    QFETCH(QString, origin);
    QFETCH(bool, accepted);
    ServerLimits limits = fastLimits();
    limits.allowedOrigins = {id("https://lockstep.app"), id("https://watch.example")};
    QVERIFY(start(limits));
    TestClient client(origin);
    QCOMPARE(client.open(url()), accepted);
    if (accepted) {
        QVERIFY(client.sync());
    } else {
        QVERIFY(client.waitForDisconnected());
        QCOMPARE(m_server->core().connectionCount(), 0);
    }
}

QTEST_GUILESS_MAIN(TestServerLimits)
#include "tst_server_limits.moc"
