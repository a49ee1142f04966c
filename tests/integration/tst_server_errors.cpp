// Every error code of the protocol reached by a real frame from a real
// WebSocket client, each followed by the proof that the rejected frame changed
// nothing on the server and reached nobody else.
//
// `internal` is the one code no frame can reach: the server sends it only
// when it fails itself (an invite it cannot sign). The auth codes that need
// JWT_SECRET (auth_invalid, and auth_required/invite_* with a secret) are in
// tst_server_auth.
#include "Snapshot.h"
#include "TestClient.h"
#include "TestServer.h"
#include "Text.h"

#include "auth/TokenService.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTest>

using namespace lockstep;
using lockstep::test::id;
using namespace lockstep::protocol;
using lockstep::server::ServerLimits;
using lockstep::test::fastLimits;
using lockstep::test::nowSeconds;
using lockstep::test::paddedPing;
using lockstep::test::ServerSnapshot;
using lockstep::test::TestClient;

namespace {

// Stand-ins in the table for tokens only the running server can make.
const QByteArray kExpiredVipInvite = "@EXPIRED_VIP_INVITE@";
const QByteArray kDenInvite = "@DEN_INVITE@";

} // namespace

class TestServerErrors : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void rejectedFrame_data();
    void rejectedFrame();
    void binaryFrameIsBadRequest();
    void invalidUtf8OnTheWire();
    void oversizedFrame_data();
    void oversizedFrame();
    void rateLimitedFrameIsDropped();
    void floodIsClosed();

private:
    TestClient *client(const QString &name);
    bool everyoneSynced();

    std::unique_ptr<server::SessionServer> m_server;
    // alice hosts "den" (control: host) with bob; dora fills "tiny"
    // (max_participants 1); erin hosts "vip" (invite_only); the stranger is
    // connected but in no room.
    std::map<QString, std::unique_ptr<TestClient>> m_clients;
};

TestClient *TestServerErrors::client(const QString &name)
{
    const auto it = m_clients.find(name);
    return it == m_clients.end() ? nullptr : it->second.get();
}

bool TestServerErrors::everyoneSynced()
{
    for (auto &[name, c] : m_clients) {
        if (c->isConnected() && !c->sync())
            return false;
    }
    return true;
}

void TestServerErrors::init()
{
    m_server = test::startLoopbackServer(fastLimits());
    QVERIFY(m_server);
    for (const char *name : {"alice", "bob", "dora", "erin", "stranger"}) {
        auto c = std::make_unique<TestClient>();
        QVERIFY(c->open(m_server->loopbackUrl()));
        m_clients[id(name)] = std::move(c);
    }
    QVERIFY(client(id("alice"))->createRoom(id("den"), id("alice"), Json {{"control", "host"}}));
    QVERIFY(client(id("bob"))->joinRoom(id("den"), id("bob"), id("Bob")));
    QVERIFY(client(id("dora"))->createRoom(id("tiny"), id("dora"), Json {{"max_participants", 1}}));
    QVERIFY(client(id("erin"))->createRoom(id("vip"), id("erin"), Json {{"invite_only", true}}));
    client(id("alice"))->send(PlayerEvent {PlayerAction::Play, 12.0});
    QVERIFY(client(id("bob"))->waitFor("player_event"));
    QVERIFY(everyoneSynced());
    for (auto &[name, c] : m_clients)
        c->clearReceived();
}

void TestServerErrors::cleanup()
{
    m_clients.clear();
    m_server.reset();
}

void TestServerErrors::rejectedFrame_data()
{
    QTest::addColumn<QString>("sender");
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<QString>("code");

    const QString stranger = id("stranger");
    const QString bob = id("bob");
    const QString alice = id("alice");
    const QString bad = id("bad_request");

    // bad_request: not an envelope
    QTest::addRow("invalid JSON") << stranger << QByteArray(R"({"type":"ping",)") << bad;
    QTest::addRow("empty text frame") << stranger << QByteArray() << bad;
    QTest::addRow("JSON array") << stranger << QByteArray(R"([{"type":"ping"}])") << bad;
    QTest::addRow("JSON string") << stranger << QByteArray(R"("ping")") << bad;
    QTest::addRow("JSON number") << bob << QByteArray("42") << bad;
    QTest::addRow("no type") << stranger << QByteArray(R"({"payload":{}})") << bad;
    QTest::addRow("type not a string") << bob << QByteArray(R"({"type":7})") << bad;
    QTest::addRow("payload not an object")
        << bob << QByteArray(R"({"type":"state_update","payload":[0,"paused"]})") << bad;
    QTest::addRow("nested too deeply")
        << bob
        << QByteArray(R"({"type":"ping","x":)" + QByteArray(40, '[') + QByteArray(40, ']') + "}")
        << bad;
    // bad_request: a server-to-client type
    QTest::addRow("room_state from a client")
        << bob
        << QByteArray(R"({"type":"room_state","payload":{"room":"den","host_id":"bob",)"
                      R"("state":{"position":0,"play_state":"paused"},"participants":[]}})")
        << bad;
    QTest::addRow("pong from a client")
        << stranger << QByteArray(R"({"type":"pong","payload":{"client_ts":1}})") << bad;
    QTest::addRow("error from a client")
        << bob << QByteArray(R"({"type":"error","payload":{"code":"internal"}})") << bad;
    QTest::addRow("invite_created from a client")
        << bob
        << QByteArray(R"({"type":"invite_created","payload":{"invite_token":"a.b.c",)"
                      R"("expires_at":1}})")
        << bad;
    // bad_request: invalid fields
    QTest::addRow("negative position")
        << alice
        << QByteArray(R"({"type":"player_event","payload":{"action":"seek","position":-1}})")
        << bad;
    QTest::addRow("position as a string")
        << alice
        << QByteArray(R"({"type":"player_event","payload":{"action":"seek","position":"10"}})")
        << bad;
    QTest::addRow("infinite position")
        << alice
        << QByteArray(R"({"type":"player_event","payload":{"action":"play","position":1e999}})")
        << bad;
    QTest::addRow("unknown action")
        << alice
        << QByteArray(R"({"type":"player_event","payload":{"action":"rewind","position":1}})")
        << bad;
    QTest::addRow("missing position")
        << alice << QByteArray(R"({"type":"player_event","payload":{"action":"pause"}})") << bad;
    QTest::addRow("unknown play_state")
        << bob << QByteArray(R"({"type":"state_update","payload":{"position":1,"play_state":"x"}})")
        << bad;
    QTest::addRow("create_room without client")
        << stranger << QByteArray(R"({"type":"create_room","room":"new"})") << bad;
    QTest::addRow("create_room with a bad client id")
        << stranger << QByteArray(R"({"type":"create_room","room":"new","client":"no spaces"})")
        << bad;
    QTest::addRow("create_room with a bad room id")
        << stranger << QByteArray(R"({"type":"create_room","room":"a/b","client":"s"})") << bad;
    QTest::addRow("create_room host_id of someone else")
        << stranger
        << QByteArray(
               R"({"type":"create_room","room":"new","client":"s","payload":{"host_id":"x"}})")
        << bad;
    QTest::addRow("create_room with a bad option")
        << stranger
        << QByteArray(R"({"type":"create_room","room":"new","client":"s",)"
                      R"("payload":{"options":{"control":"dictator"}}})")
        << bad;
    QTest::addRow("create_room with max_participants 0")
        << stranger
        << QByteArray(R"({"type":"create_room","room":"new","client":"s",)"
                      R"("payload":{"options":{"max_participants":0}}})")
        << bad;
    QTest::addRow("join_room without room")
        << stranger << QByteArray(R"({"type":"join_room","client":"s","payload":{"name":"S"}})")
        << bad;
    QTest::addRow("join_room without name")
        << stranger << QByteArray(R"({"type":"join_room","room":"den","client":"s"})") << bad;
    QTest::addRow("join_room with a blank name")
        << stranger
        << QByteArray(R"({"type":"join_room","room":"den","client":"s","payload":{"name":"   "}})")
        << bad;
    QTest::addRow("join_room with a 65-character name")
        << stranger
        << QByteArray(R"({"type":"join_room","room":"den","client":"s","payload":{"name":")"
                      + QByteArray(65, 'n') + "\"}}")
        << bad;
    QTest::addRow("host_change to nobody")
        << alice << QByteArray(R"({"type":"host_change","payload":{"host_id":"nobody"}})") << bad;
    QTest::addRow("create_invite too short")
        << alice << QByteArray(R"({"type":"create_invite","payload":{"expires_in":59}})") << bad;

    // unknown_type
    QTest::addRow("unknown type") << stranger << QByteArray(R"({"type":"dance"})")
                                  << id("unknown_type");
    QTest::addRow("unknown type in a room")
        << bob << QByteArray(R"({"type":"chat","payload":{"text":"hi"}})") << id("unknown_type");

    // not_in_room
    const QString notInRoom = id("not_in_room");
    QTest::addRow("player_event before joining")
        << stranger
        << QByteArray(R"({"type":"player_event","room":"den","client":"bob",)"
                      R"("payload":{"action":"play","position":1}})")
        << notInRoom;
    QTest::addRow("state_update before joining")
        << stranger
        << QByteArray(R"({"type":"state_update","payload":{"position":1,)"
                      R"("play_state":"playing"}})")
        << notInRoom;
    QTest::addRow("host_change before joining")
        << stranger
        << QByteArray(R"({"type":"host_change","room":"den","client":"alice",)"
                      R"("payload":{"host_id":"bob"}})")
        << notInRoom;
    QTest::addRow("create_invite before joining")
        << stranger << QByteArray(R"({"type":"create_invite","room":"den","client":"alice"})")
        << notInRoom;
    QTest::addRow("force_resync before joining")
        << stranger << QByteArray(R"({"type":"force_resync"})") << notInRoom;
    QTest::addRow("media_change before joining")
        << stranger << QByteArray(R"({"type":"media_change","payload":{"media_url":"x"}})")
        << notInRoom;

    // room_not_found, room_exists, room_full
    QTest::addRow("join a missing room")
        << stranger
        << QByteArray(
               R"({"type":"join_room","room":"nowhere","client":"s","payload":{"name":"S"}})")
        << id("room_not_found");
    QTest::addRow("create an existing room")
        << stranger << QByteArray(R"({"type":"create_room","room":"den","client":"s"})")
        << id("room_exists");
    QTest::addRow("create an existing room with its host's id")
        << stranger << QByteArray(R"({"type":"create_room","room":"den","client":"alice"})")
        << id("room_exists");
    QTest::addRow("join a full room")
        << stranger
        << QByteArray(R"({"type":"join_room","room":"tiny","client":"s","payload":{"name":"S"}})")
        << id("room_full");

    // already_in_room
    const QString already = id("already_in_room");
    QTest::addRow("create while in a room")
        << bob << QByteArray(R"({"type":"create_room","room":"other","client":"bob"})") << already;
    QTest::addRow("join the same room again")
        << bob
        << QByteArray(R"({"type":"join_room","room":"den","client":"bob","payload":{"name":"B"}})")
        << already;
    QTest::addRow("join another room")
        << bob
        << QByteArray(R"({"type":"join_room","room":"vip","client":"bob2","payload":{"name":"B"}})")
        << already;

    // client_id_taken
    QTest::addRow("join with a live client id")
        << stranger
        << QByteArray(R"({"type":"join_room","room":"den","client":"bob","payload":{"name":"B"}})")
        << id("client_id_taken");
    QTest::addRow("join with the host's client id")
        << stranger
        << QByteArray(
               R"({"type":"join_room","room":"den","client":"alice","payload":{"name":"A"}})")
        << id("client_id_taken");
    QTest::addRow("join with a live id and a wrong resume token")
        << stranger
        << QByteArray(R"({"type":"join_room","room":"den","client":"bob",)"
                      R"("payload":{"name":"B","resume_token":"guess"}})")
        << id("client_id_taken");

    // forbidden
    const QString forbidden = id("forbidden");
    QTest::addRow("player_event when only the host controls")
        << bob << QByteArray(R"({"type":"player_event","payload":{"action":"seek","position":99}})")
        << forbidden;
    QTest::addRow("host_change by a guest")
        << bob << QByteArray(R"({"type":"host_change","payload":{"host_id":"bob"}})") << forbidden;
    QTest::addRow("create_invite by a guest")
        << bob << QByteArray(R"({"type":"create_invite"})") << forbidden;
    QTest::addRow("force_resync by a guest")
        << bob << QByteArray(R"({"type":"force_resync"})") << forbidden;
    QTest::addRow("media_change by a guest")
        << bob << QByteArray(R"({"type":"media_change","payload":{"media_url":"x.mkv"}})")
        << forbidden;

    // auth_required, invite_invalid, invite_expired (no JWT_SECRET: invite-only room)
    QTest::addRow("join an invite-only room without an invite")
        << stranger
        << QByteArray(R"({"type":"join_room","room":"vip","client":"s","payload":{"name":"S"}})")
        << id("auth_required");
    QTest::addRow("join an invite-only room with garbage")
        << stranger
        << QByteArray(R"({"type":"join_room","room":"vip","client":"s",)"
                      R"("payload":{"name":"S","invite_token":"not.a.token"}})")
        << id("invite_invalid");
    QTest::addRow("join an invite-only room with another room's invite")
        << stranger
        << QByteArray(R"({"type":"join_room","room":"vip","client":"s",)"
                      R"("payload":{"name":"S","invite_token":")"
                      + kDenInvite + "\"}}")
        << id("invite_invalid");
    QTest::addRow("join an invite-only room with an expired invite")
        << stranger
        << QByteArray(R"({"type":"join_room","room":"vip","client":"s",)"
                      R"("payload":{"name":"S","invite_token":")"
                      + kExpiredVipInvite + "\"}}")
        << id("invite_expired");
}

void TestServerErrors::rejectedFrame()
{
    QFETCH(QString, sender);
    QFETCH(QByteArray, frame);
    QFETCH(QString, code);

    // Tokens signed by this server's (random, per-process) invite key.
    const double now = nowSeconds();
    frame.replace(kExpiredVipInvite,
                  m_server->tokens().issueInvite(id("vip"), 600, now - 7200.0).token.toUtf8());
    frame.replace(kDenInvite, m_server->tokens().issueInvite(id("den"), 600, now).token.toUtf8());

    TestClient *from = client(sender);
    QVERIFY(from);
    const ServerSnapshot before = ServerSnapshot::of(m_server->core());
    const server::Room *boundRoom = nullptr;
    for (const QString &room : m_server->core().roomIds()) {
        for (const server::Member &m : m_server->core().room(room)->members())
            if (m.clientId == sender)
                boundRoom = m_server->core().room(room);
    }

    from->sendJson(frame);
    QVERIFY2(from->waitFor("error"), qPrintable(from->describeReceived()));
    const Envelope error = from->next("error");
    QCOMPARE(error.as<Error>()->code, code);
    QVERIFY(!error.as<Error>()->message.isEmpty());
    QVERIFY(error.serverTs.has_value());
    // An error is stamped with the sender's own binding, never with what it claimed.
    QCOMPARE(error.room, boundRoom ? boundRoom->id() : QString());
    QCOMPARE(error.client, boundRoom ? sender : QString());

    // Nothing changed, nobody else heard of it, and the connection stays.
    QVERIFY(everyoneSynced());
    const ServerSnapshot after = ServerSnapshot::of(m_server->core());
    QVERIFY2(
        after == before,
        qPrintable(
            QStringLiteral("before:\n%1\nafter:\n%2").arg(before.toString(), after.toString())));
    for (auto &[name, c] : m_clients) {
        QVERIFY2(c->isConnected(), qPrintable(name));
        QCOMPARE(c->countExceptPongs(), name == sender ? 1 : 0);
        QVERIFY(c->undecodable().isEmpty());
    }
    QCOMPARE(m_server->core().connectionCount(), int(m_clients.size()));
}

void TestServerErrors::binaryFrameIsBadRequest()
{
    TestClient *bob = client(id("bob"));
    const ServerSnapshot before = ServerSnapshot::of(m_server->core());
    bob->sendBinary(R"({"type":"player_event","payload":{"action":"seek","position":99}})");
    const Envelope error = bob->next("error");
    QCOMPARE(error.as<Error>()->code, id("bad_request"));
    QCOMPARE(error.client, id("bob"));
    bob->sendBinary(QByteArray(1000, '\0'));
    QCOMPARE(bob->nextErrorCode(), id("bad_request"));

    QVERIFY(everyoneSynced());
    QVERIFY(bob->isConnected());
    QVERIFY(ServerSnapshot::of(m_server->core()) == before);
    QCOMPARE(client(id("alice"))->countExceptPongs(), 0);
}

void TestServerErrors::invalidUtf8OnTheWire()
{
    // protocol.md: invalid UTF-8 gets `bad_request` and the connection stays.
    // The native network layer hands such a frame to the core, which does
    // that. QWebSocketServer checks the UTF-8 of text frames itself and
    // closes with 1007 before the core sees them (a documented deviation of
    // the Qt layer). Only a raw socket can send such a frame.
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_server->port());
    QVERIFY(socket.waitForConnected(TestClient::kTimeoutMs));
    socket.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                 "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                 "Sec-WebSocket-Version: 13\r\n\r\n");
    QByteArray received;
    QTRY_VERIFY((received += socket.readAll()).contains("\r\n\r\n"));
    QVERIFY2(received.startsWith("HTTP/1.1 101"), received.constData());
    received.clear();
    const ServerSnapshot before = ServerSnapshot::of(m_server->core());

    const QByteArray payload
        = "{\"type\":\"ping\",\"payload\":{\"client_ts\":1},\"x\":\"\xC0\xAF\"}";
    const QByteArray mask = "\x01\x02\x03\x04";
    QByteArray frame;
    frame.append(char(0x81)); // FIN, text
    frame.append(char(0x80 | payload.size()));
    frame.append(mask);
    for (qsizetype i = 0; i < payload.size(); ++i)
        frame.append(char(payload.at(i) ^ mask.at(i % 4)));
    socket.write(frame);

    QTRY_VERIFY(!(received += socket.readAll()).isEmpty() && received.size() >= 4);
    if (m_server->isNative()) {
        QCOMPARE(quint8(received.at(0)), quint8(0x81)); // a text frame: the error
        const qsizetype length = quint8(received.at(1)) & 0x7f;
        QVERIFY(length < 126);
        QTRY_VERIFY((received += socket.readAll()).size() >= 2 + length);
        const DecodeResult error = decode(received.mid(2, length));
        QVERIFY(error);
        QVERIFY(error.envelope().as<Error>());
        QCOMPARE(error.envelope().as<Error>()->code, id("bad_request"));
        QCOMPARE(socket.state(), QAbstractSocket::ConnectedState);
    } else {
        QCOMPARE(quint8(received.at(0)), quint8(0x88)); // a close frame, no error frame first
        QCOMPARE((quint8(received.at(2)) << 8) | quint8(received.at(3)), 1007);
    }
    QVERIFY(everyoneSynced());
    QVERIFY(ServerSnapshot::of(m_server->core()) == before);
}

void TestServerErrors::oversizedFrame_data()
{
    QTest::addColumn<QString>("sender");
    QTest::addColumn<qsizetype>("size");
    QTest::addColumn<bool>("binary");
    // Past 1 MiB QWebSocketServer closes on its own: only the close. The
    // native layer judges the frame header and answers every size alike.
    QTest::addColumn<bool>("errorFrame");

    const qsizetype limit = qsizetype(ServerLimits {}.maxFrameBytes);
    QTest::addRow("one byte over, stranger") << id("stranger") << limit + 1 << false << true;
    QTest::addRow("one byte over, guest in a room") << id("bob") << limit + 1 << false << true;
    QTest::addRow("twice the limit") << id("stranger") << 2 * limit << false << true;
    QTest::addRow("binary over the limit") << id("stranger") << limit + 1 << true << true;
    QTest::addRow("8 times the limit") << id("stranger") << 8 * limit << false << true;
    QTest::addRow("past 1 MiB") << id("stranger") << qsizetype(1100 * 1024) << false
                                << qEnvironmentVariable("LOCKSTEP_TEST_NETWORK").isEmpty();
}

void TestServerErrors::oversizedFrame()
{
    QFETCH(QString, sender);
    QFETCH(qsizetype, size);
    QFETCH(bool, binary);
    QFETCH(bool, errorFrame);
    TestClient *from = client(sender);

    // Exactly at the limit is fine.
    const qsizetype limit = qsizetype(ServerLimits {}.maxFrameBytes);
    from->sendJson(paddedPing(limit));
    QVERIFY(from->waitFor("pong"));
    QCOMPARE(from->count("error"), 0);

    const ServerSnapshot before = ServerSnapshot::of(m_server->core());
    if (binary)
        from->sendBinary(QByteArray(size, 'b'));
    else
        from->sendJson(paddedPing(size));
    QVERIFY(from->waitForDisconnected());
    QCOMPARE(from->closeCode(), std::optional<quint16>(1009));
    if (errorFrame) {
        QCOMPARE(from->count("error"), 1);
        QCOMPARE(from->next("error").as<Error>()->code, id("too_large"));
    }
    QCOMPARE(from->count("pong"), 1);

    // Closing makes a guest leave its room; nothing else changes.
    m_clients.erase(sender);
    QTRY_COMPARE(m_server->core().connectionCount(), int(m_clients.size()));
    QVERIFY(everyoneSynced());
    if (sender == id("bob")) {
        QCOMPARE(client(id("alice"))->next("client_left").client, id("bob"));
        QCOMPARE(m_server->core().room(id("den"))->members().size(), std::size_t(1));
    } else {
        QVERIFY(ServerSnapshot::of(m_server->core()) == before);
        QCOMPARE(client(id("alice"))->countExceptPongs(), 0);
    }
}

void TestServerErrors::rateLimitedFrameIsDropped()
{
    // A slow bucket, so that the test does not depend on how fast frames arrive.
    ServerLimits limits = fastLimits();
    limits.rateLimitPerSecond = 1.0;
    limits.rateLimitBurst = 10.0;
    limits.floodCloseScore = 1000.0;
    m_clients.clear();
    m_server = test::startLoopbackServer(limits);
    QVERIFY(m_server);
    TestClient alice;
    TestClient bob;
    QVERIFY(alice.open(m_server->loopbackUrl()));
    QVERIFY(bob.open(m_server->loopbackUrl()));
    QVERIFY(alice.createRoom(id("den"), id("alice")));
    QVERIFY(bob.joinRoom(id("den"), id("bob"), id("Bob")));
    QVERIFY(alice.waitFor("participants_update"));
    alice.clearReceived();
    const ServerSnapshot before = ServerSnapshot::of(m_server->core());

    for (int i = 0; i < 20; ++i)
        bob.send(Ping {double(i)});
    bob.send(PlayerEvent {PlayerAction::Seek, 99.0});
    QTRY_VERIFY(bob.count("pong") + bob.count("error") >= 21);
    QVERIFY(bob.count("pong") >= 8 && bob.count("pong") <= 12);
    const Envelope error = bob.next("error");
    QCOMPARE(error.as<Error>()->code, id("rate_limited"));
    QCOMPARE(error.client, id("bob"));
    for (const Envelope &e : bob.received()) {
        if (const auto *m = e.as<Error>())
            QCOMPARE(m->code, id("rate_limited"));
    }
    QVERIFY(bob.isConnected());

    // The dropped seek changed nothing and reached nobody; a newcomer agrees.
    QVERIFY(ServerSnapshot::of(m_server->core()) == before);
    QCOMPARE(alice.count("player_event"), 0);
    TestClient carol;
    QVERIFY(carol.open(m_server->loopbackUrl()));
    QVERIFY(carol.joinRoom(id("den"), id("carol"), id("Carol")));
    QCOMPARE(carol.lastRoomState().as<RoomState>()->state.position, 0.0);
}

void TestServerErrors::floodIsClosed()
{
    // Default limits: 30 frames/s, bursts of 60.
    TestClient *bob = client(id("bob"));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("closed for flooding")));
    const ServerSnapshot before = ServerSnapshot::of(m_server->core());
    for (int i = 0; i < 400; ++i)
        bob->send(Ping {double(i)});
    QVERIFY(bob->waitForDisconnected());
    QCOMPARE(bob->closeCode(), std::optional<quint16>(1008));
    // The burst goes through (less the join's frame and a little refill).
    const int burst = int(ServerLimits {}.rateLimitBurst);
    QVERIFY2(bob->count("pong") >= burst - 2 && bob->count("pong") < 2 * burst,
             qPrintable(bob->describeReceived()));
    QVERIFY(bob->count("error") > 0);
    for (const Envelope &e : bob->received()) {
        if (const auto *m = e.as<Error>())
            QCOMPARE(m->code, id("rate_limited"));
    }

    // Its leaving is the only change.
    QCOMPARE(client(id("alice"))->next("client_left").client, id("bob"));
    m_clients.erase(id("bob"));
    QVERIFY(everyoneSynced());
    ServerSnapshot after = ServerSnapshot::of(m_server->core());
    for (test::RoomSnapshot &room : after.rooms) {
        if (room.id == QLatin1String("den")) {
            QCOMPARE(room.members, QStringList {id("alice:alice")});
            room.members.append(id("bob:Bob"));
        }
    }
    QVERIFY2(after == before, qPrintable(after.toString()));
    QCOMPARE(client(id("dora"))->countExceptPongs(), 0);
}

QTEST_GUILESS_MAIN(TestServerErrors)
#include "tst_server_errors.moc"
