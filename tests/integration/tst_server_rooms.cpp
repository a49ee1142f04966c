// Every event of the protocol between real WebSocket clients and a real
// SessionServer on loopback: rooms, joining, playback, host hand-over,
// invites, leaving and the empty-room grace period.
#include "Snapshot.h"
#include "TestClient.h"
#include "TestServer.h"
#include "Text.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

using namespace lockstep;
using lockstep::test::id;
using namespace lockstep::protocol;
using lockstep::server::ServerLimits;
using lockstep::test::fastLimits;
using lockstep::test::nowSeconds;
using lockstep::test::RoomSnapshot;
using lockstep::test::TestClient;

namespace {

const QString kRoom = QStringLiteral("den");

Json parsed(const QByteArray &json)
{
    return Json::parse(json.toStdString());
}

} // namespace

class TestServerRooms : public QObject
{
    Q_OBJECT

private slots:
    void cleanup();

    void pingBeforeJoining_data();
    void pingBeforeJoining();
    void createRoomSendsRoomState_data();
    void createRoomSendsRoomState();
    void createRoomWithoutIdPicksOne();
    void joinRoomIsAnnounced();
    void playerEventIsRelayed_data();
    void playerEventIsRelayed();
    void relayedFramesAreStampedWithBoundIds_data();
    void relayedFramesAreStampedWithBoundIds();
    void stateUpdateShowsInParticipants();
    void driftDrawsForceResync();
    void hostForceResyncReachesEveryone();
    void hostChangeHandOver_data();
    void hostChangeHandOver();
    void hostLeavingPassesToEarliestJoiner();
    void lastLeavingRemovesRoomAfterGrace();
    void invitesAdmitToInviteOnlyRoom();
    void createInviteIsHostOnly_data();
    void createInviteIsHostOnly();
    void maxParticipantsFillsRoom();
    void mediaChangeIsRelayed();
    void resumeRebindsLiveParticipant_data();
    void resumeRebindsLiveParticipant();
    void echoReturnsEventToSender();
    void chatReadinessAndPlaylistOverTheWire();
    void endOfMediaOverTheWire();
    void speedIsTheRooms();
    void speedOutsideItsRangeOrFromAFollowerIsRefused_data();
    void speedOutsideItsRangeOrFromAFollowerIsRefused();
    void theEndComesAtTheSpeedAwareTime();
    void theHostSharesItsSubtitleList();
    void aBadSubtitleListChangesNothing_data();
    void aBadSubtitleListChangesNothing();
    void roomsNeverSeeEachOther();
    void aTakenPortIsNamedAsSuch();
    void anyPathIsAccepted_data();
    void anyPathIsAccepted();

private:
    bool start(const ServerLimits &limits = fastLimits());
    QUrl url() const { return m_server->loopbackUrl(); }
    const server::ServerCore &core() const { return m_server->core(); }

    std::unique_ptr<server::SessionServer> m_server;
};

bool TestServerRooms::start(const ServerLimits &limits)
{
    m_server = test::startLoopbackServer(limits);
    return m_server != nullptr;
}

void TestServerRooms::cleanup()
{
    m_server.reset();
}

// ---------------------------------------------------------------- clock

void TestServerRooms::pingBeforeJoining_data()
{
    QTest::addColumn<double>("clientTs");
    QTest::addRow("epoch with milliseconds") << 1733820000.123;
    QTest::addRow("zero") << 0.0;
    QTest::addRow("small fraction") << 0.5;
}

void TestServerRooms::pingBeforeJoining()
{
    QFETCH(double, clientTs);
    QVERIFY(start());
    TestClient client;
    QVERIFY(client.open(url()));
    const double before = nowSeconds();
    client.send(Ping {clientTs});
    const Envelope pong = client.next("pong");
    const double after = nowSeconds();

    QCOMPARE(pong.as<Pong>()->clientTs, clientTs);
    QVERIFY(pong.serverTs.has_value());
    QVERIFY2(*pong.serverTs >= before - 1.0 && *pong.serverTs <= after + 1.0,
             qPrintable(QString::number(*pong.serverTs, 'f', 3)));
    QVERIFY(pong.room.isEmpty());
    QVERIFY(pong.client.isEmpty());
    QCOMPARE(client.count("error"), 0);
}

// ---------------------------------------------------------------- rooms

void TestServerRooms::createRoomSendsRoomState_data()
{
    QTest::addColumn<QByteArray>("options");
    QTest::addRow("no options") << QByteArray("{}");
    QTest::addRow("known options")
        << QByteArray(R"({"control":"host","invite_only":false,"max_participants":5,)"
                      R"("buffering":"wait","resync_threshold":1.5})");
    QTest::addRow("unknown options kept")
        << QByteArray(R"({"theme":"dark","nested":{"a":[1,2,{"b":null}]},"x-future":true})");
    QTest::addRow("known and unknown")
        << QByteArray(R"({"control":"everyone","subtitles":"en","volume":0.5})");
}

void TestServerRooms::createRoomSendsRoomState()
{
    QFETCH(QByteArray, options);
    QVERIFY(start());
    TestClient alice;
    QVERIFY(alice.open(url()));
    alice.sendJson(R"({"type":"create_room","room":"den","client":"alice","ts":1733820000.5,)"
                   R"("payload":{"media_url":"https://media.example/a.mkv","start_pos":12.5,)"
                   R"("host_id":"alice","name":"Alice","options":)"
                   + options + "}}");
    const double sentAt = nowSeconds();
    const Envelope created = alice.next("room_state");
    const RoomState &state = *created.as<RoomState>();

    QCOMPARE(created.room, kRoom);
    QCOMPARE(created.client, id("alice"));
    QVERIFY(created.serverTs && std::abs(*created.serverTs - sentAt) < 2.0);
    QCOMPARE(state.room, kRoom);
    QCOMPARE(state.hostId, id("alice"));
    QCOMPARE(state.mediaUrl, id("https://media.example/a.mkv"));
    QVERIFY2(state.options == parsed(options), state.options.dump().c_str());
    QCOMPARE(state.state.position, 12.5);
    QCOMPARE(state.state.playState, PlayState::Paused);
    QCOMPARE(state.participantCount, 1);
    QCOMPARE(state.participants.size(), 1);
    QCOMPARE(state.participants.first().clientId, id("alice"));
    QCOMPARE(state.participants.first().name, id("Alice"));
    QVERIFY(state.participants.first().isHost);

    // A joiner sees the same options, unknown ones included.
    TestClient bob;
    QVERIFY(bob.open(url()));
    QVERIFY(bob.joinRoom(kRoom, id("bob"), id("Bob")));
    const RoomState &joined = *bob.lastRoomState().as<RoomState>();
    QVERIFY2(joined.options == parsed(options), joined.options.dump().c_str());
    QCOMPARE(joined.state.position, 12.5);
    QCOMPARE(joined.mediaUrl, id("https://media.example/a.mkv"));
}

void TestServerRooms::createRoomWithoutIdPicksOne()
{
    QVERIFY(start());
    TestClient alice;
    TestClient bob;
    QVERIFY(alice.open(url()));
    QVERIFY(bob.open(url()));
    QVERIFY(alice.createRoom({}, id("alice")));
    QVERIFY(bob.createRoom({}, id("bob")));
    const QString first = alice.lastRoomState().as<RoomState>()->room;
    const QString second = bob.lastRoomState().as<RoomState>()->room;

    // At least 64 random bits in a URL-safe alphabet: 11 base64 characters.
    QVERIFY2(first.size() >= 11, qPrintable(first));
    QVERIFY(isValidRoomId(first));
    QVERIFY(isValidRoomId(second));
    QVERIFY(first != second);
    QCOMPARE(alice.lastRoomState().room, first);
    QCOMPARE(core().roomIds().size(), 2);

    TestClient carol;
    QVERIFY(carol.open(url()));
    QVERIFY(carol.joinRoom(first, id("carol"), id("Carol")));
    QCOMPARE(carol.lastRoomState().as<RoomState>()->hostId, id("alice"));
}

void TestServerRooms::joinRoomIsAnnounced()
{
    QVERIFY(start());
    TestClient alice;
    TestClient bob;
    QVERIFY(alice.open(url()));
    QVERIFY(bob.open(url()));
    QVERIFY(alice.createRoom(kRoom, id("alice")));
    alice.clearReceived();

    bob.sendJson(
        R"({"type":"join_room","room":"den","client":"bob","payload":{"name":"  Bob  "}})");
    const Envelope state = bob.next("room_state");
    QCOMPARE(state.client, id("bob"));
    QCOMPARE(state.room, kRoom);
    const RoomState &room = *state.as<RoomState>();
    QCOMPARE(room.hostId, id("alice"));
    QCOMPARE(room.participantCount, 2);
    QCOMPARE(room.participants.size(), 2);
    QCOMPARE(room.participants.at(0).clientId, id("alice"));
    QVERIFY(room.participants.at(0).isHost);
    QCOMPARE(room.participants.at(1).clientId, id("bob"));
    QCOMPARE(room.participants.at(1).name, id("Bob"));
    QVERIFY(!room.participants.at(1).isHost);
    QVERIFY(room.resumeToken.has_value());

    const Envelope joined = alice.next("client_joined");
    QCOMPARE(joined.client, id("bob"));
    QCOMPARE(joined.room, kRoom);
    QVERIFY(joined.serverTs.has_value());
    QCOMPARE(joined.as<ClientJoined>()->name, id("Bob"));

    const Envelope update = alice.next("participants_update");
    QCOMPARE(update.room, kRoom);
    const auto &list = *update.as<ParticipantsUpdate>();
    QCOMPARE(list.participantCount, 2);
    QCOMPARE(list.participants.size(), 2);
    QCOMPARE(list.participants.at(1).name, id("Bob"));

    // The joiner is not told about itself: its room_state already has the list.
    QVERIFY(bob.sync());
    QCOMPARE(bob.count("client_joined"), 0);
    QCOMPARE(bob.count("participants_update"), 0);
}

// ---------------------------------------------------------------- playback

void TestServerRooms::playerEventIsRelayed_data()
{
    QTest::addColumn<QString>("action");
    QTest::addColumn<double>("position");
    QTest::addColumn<QString>("playState");
    QTest::addColumn<bool>("playingBefore");
    QTest::addRow("play") << id("play") << 10.0 << id("playing") << false;
    QTest::addRow("pause") << id("pause") << 20.0 << id("paused") << true;
    QTest::addRow("seek while paused") << id("seek") << 30.25 << id("paused") << false;
    QTest::addRow("seek while playing") << id("seek") << 30.25 << id("playing") << true;
    QTest::addRow("play from zero") << id("play") << 0.0 << id("playing") << false;
    QTest::addRow("play while playing") << id("play") << 7.5 << id("playing") << true;
}

void TestServerRooms::playerEventIsRelayed()
{
    QFETCH(QString, action);
    QFETCH(double, position);
    QFETCH(QString, playState);
    QFETCH(bool, playingBefore);
    QVERIFY(start());
    TestClient alice;
    TestClient bob;
    TestClient carol;
    for (TestClient *client : {&alice, &bob, &carol})
        QVERIFY(client->open(url()));
    QVERIFY(alice.createRoom(kRoom, id("alice")));
    QVERIFY(bob.joinRoom(kRoom, id("bob"), id("Bob")));
    QVERIFY(carol.joinRoom(kRoom, id("carol"), id("Carol")));
    if (playingBefore) {
        alice.send(PlayerEvent {PlayerAction::Play, 100.0});
        QVERIFY(bob.waitFor("player_event"));
        QVERIFY(carol.waitFor("player_event"));
        bob.clearReceived();
        carol.clearReceived();
    }

    const PlayerAction parsedAction = *playerActionFromName(action.toStdString());
    const double sentAt = nowSeconds();
    bob.send(PlayerEvent {parsedAction, position}, kRoom, id("bob"));
    for (TestClient *client : {&alice, &carol}) {
        QVERIFY(client->waitFor("player_event"));
        const Envelope event = client->next("player_event");
        QCOMPARE(event.client, id("bob"));
        QCOMPARE(event.room, kRoom);
        QVERIFY(event.serverTs && std::abs(*event.serverTs - sentAt) < 2.0);
        QCOMPARE(event.as<PlayerEvent>()->action, parsedAction);
        QCOMPARE(event.as<PlayerEvent>()->position, position);
    }
    QVERIFY(bob.sync());
    QCOMPARE(bob.count("player_event"), 0); // never echoed to its sender
    QCOMPARE(bob.count("error"), 0);

    // The timeline is the truth a newcomer starts from.
    const RoomSnapshot snapshot = RoomSnapshot::of(core(), kRoom);
    QCOMPARE(snapshot.position, position);
    QCOMPARE(QString::fromUtf8(playStateName(snapshot.playState).data()), playState);
    TestClient dave;
    QVERIFY(dave.open(url()));
    QVERIFY(dave.joinRoom(kRoom, id("dave"), id("Dave")));
    const Envelope state = dave.lastRoomState();
    const TimelineState timeline = state.as<RoomState>()->state;
    QCOMPARE(QString::fromUtf8(playStateName(timeline.playState).data()), playState);
    if (timeline.playState == PlayState::Playing) {
        // room_state's position is the timeline's at the frame's server_ts.
        const double expected = position + (*state.serverTs - snapshot.timelineAt);
        QVERIFY2(std::abs(timeline.position - expected) < 0.01,
                 qPrintable(QStringLiteral("%1 vs %2").arg(timeline.position).arg(expected)));
        QVERIFY(timeline.position >= position);
    } else {
        QCOMPARE(timeline.position, position);
    }
}

void TestServerRooms::relayedFramesAreStampedWithBoundIds_data()
{
    QTest::addColumn<QByteArray>("envelopeIds"); // what bob claims to be in his frames
    QTest::addRow("claims nothing") << QByteArray();
    QTest::addRow("claims to be mallory") << QByteArray(R"("client":"mallory",)");
    QTest::addRow("claims to be the host") << QByteArray(R"("client":"alice",)");
    QTest::addRow("claims another room") << QByteArray(R"("room":"elsewhere",)");
    QTest::addRow("claims both") << QByteArray(R"("room":"elsewhere","client":"alice",)");
}

void TestServerRooms::relayedFramesAreStampedWithBoundIds()
{
    QFETCH(QByteArray, envelopeIds);
    QVERIFY(start());
    TestClient alice;
    TestClient bob;
    TestClient other;
    for (TestClient *client : {&alice, &bob, &other})
        QVERIFY(client->open(url()));
    QVERIFY(alice.createRoom(kRoom, id("alice"), Json {{"control", "host"}}));
    QVERIFY(other.createRoom(id("elsewhere"), id("alice")));
    QVERIFY(bob.joinRoom(kRoom, id("bob"), id("Bob")));
    QVERIFY(alice.sync());
    alice.clearReceived();

    // Pretending to be the host does not make bob the host.
    bob.sendJson("{\"type\":\"player_event\"," + envelopeIds
                 + R"("payload":{"action":"seek","position":5}})");
    const Envelope refused = bob.next("error");
    QCOMPARE(refused.as<Error>()->code, id("forbidden"));
    QCOMPARE(refused.room, kRoom);
    QCOMPARE(refused.client, id("bob"));
    bob.sendJson("{\"type\":\"host_change\"," + envelopeIds + R"("payload":{"host_id":"bob"}})");
    QCOMPARE(bob.nextErrorCode(), id("forbidden"));
    QCOMPARE(RoomSnapshot::of(core(), kRoom).hostId, id("alice"));

    // What bob may do is relayed as bob, in bob's room only.
    bob.sendJson("{\"type\":\"state_update\"," + envelopeIds
                 + R"("payload":{"position":0,"play_state":"buffering"}})");
    const Envelope update = alice.next("participants_update");
    QCOMPARE(update.room, kRoom);
    const auto &list = update.as<ParticipantsUpdate>()->participants;
    QCOMPARE(list.at(1).clientId, id("bob"));
    QCOMPARE(list.at(1).playState, std::optional<PlayState>(PlayState::Buffering));
    QVERIFY(!list.at(0).playState.has_value());

    alice.send(HostChange {id("bob")});
    QVERIFY(bob.waitFor("host_change"));
    bob.sendJson("{\"type\":\"player_event\"," + envelopeIds
                 + R"("payload":{"action":"seek","position":7}})");
    const Envelope event = alice.next("player_event");
    QCOMPARE(event.client, id("bob"));
    QCOMPARE(event.room, kRoom);
    QCOMPARE(event.as<PlayerEvent>()->position, 7.0);
    QVERIFY(other.sync());
    QCOMPARE(other.count("player_event"), 0);
    QCOMPARE(RoomSnapshot::of(core(), id("elsewhere")).position, 0.0);
}

void TestServerRooms::stateUpdateShowsInParticipants()
{
    QVERIFY(start());
    TestClient alice;
    TestClient bob;
    QVERIFY(alice.open(url()));
    QVERIFY(bob.open(url()));
    QVERIFY(alice.createRoom(kRoom, id("alice")));
    QVERIFY(bob.joinRoom(kRoom, id("bob"), id("Bob")));
    QVERIFY(alice.waitFor("participants_update"));
    alice.clearReceived();

    bob.send(StateUpdate {0.0, PlayState::Paused, 40.0});
    const Envelope update = alice.next("participants_update");
    const Participant &entry = update.as<ParticipantsUpdate>()->participants.at(1);
    QCOMPARE(entry.clientId, id("bob"));
    QCOMPARE(entry.playState, std::optional<PlayState>(PlayState::Paused));
    QCOMPARE(entry.rttMs, std::optional<double>(80.0));
    QCOMPARE(entry.driftMs, std::optional<double>(0.0));
    // A state report is not relayed as such, and does not move the timeline.
    QVERIFY(alice.sync());
    QCOMPARE(alice.count("state_update"), 0);
    QCOMPARE(RoomSnapshot::of(core(), kRoom).position, 0.0);
}

void TestServerRooms::driftDrawsForceResync()
{
    ServerLimits limits = fastLimits();
    limits.resyncSettle = 0.0; // judge a joiner's first report at once
    QVERIFY(start(limits));
    TestClient alice;
    TestClient bob;
    QVERIFY(alice.open(url()));
    QVERIFY(bob.open(url()));
    QVERIFY(alice.createRoom(kRoom, id("alice")));
    alice.send(PlayerEvent {PlayerAction::Seek, 30.0});
    QVERIFY(alice.sync());
    QVERIFY(bob.joinRoom(kRoom, id("bob"), id("Bob")));

    bob.send(StateUpdate {1.5 + 30.0, PlayState::Paused, 10.0}); // within 2 s
    QVERIFY(bob.sync());
    QCOMPARE(bob.count("force_resync"), 0);

    bob.send(StateUpdate {80.0, PlayState::Paused, 10.0});
    const Envelope resync = bob.next("force_resync");
    QCOMPARE(resync.client, id("bob"));
    QCOMPARE(resync.room, kRoom);
    QVERIFY(resync.serverTs.has_value());
    QCOMPARE(resync.as<ForceResync>()->targetPosition, std::optional<double>(30.0));
    QCOMPARE(resync.as<ForceResync>()->playState, std::optional<PlayState>(PlayState::Paused));
    QVERIFY(alice.sync());
    QCOMPARE(alice.count("force_resync"), 0);
}

void TestServerRooms::hostForceResyncReachesEveryone()
{
    QVERIFY(start());
    TestClient alice;
    TestClient bob;
    TestClient carol;
    for (TestClient *client : {&alice, &bob, &carol})
        QVERIFY(client->open(url()));
    QVERIFY(alice.createRoom(kRoom, id("alice")));
    QVERIFY(bob.joinRoom(kRoom, id("bob"), id("Bob")));
    QVERIFY(carol.joinRoom(kRoom, id("carol"), id("Carol")));

    // Anyone else asking: forbidden, and nobody is resynced.
    bob.send(ForceResync {});
    QCOMPARE(bob.nextErrorCode(), id("forbidden"));
    for (TestClient *client : {&alice, &bob, &carol}) {
        QVERIFY(client->sync());
        QCOMPARE(client->count("force_resync"), 0);
    }

    alice.send(PlayerEvent {PlayerAction::Play, 100.0});
    QVERIFY(bob.waitFor("player_event"));
    const RoomSnapshot snapshot = RoomSnapshot::of(core(), kRoom);
    alice.send(ForceResync {});
    for (const auto &[client, name] :
         {std::pair {&alice, "alice"}, std::pair {&bob, "bob"}, std::pair {&carol, "carol"}}) {
        const Envelope resync = client->next("force_resync");
        QCOMPARE(resync.client, id(name));
        const auto &m = *resync.as<ForceResync>();
        QCOMPARE(m.playState, std::optional<PlayState>(PlayState::Playing));
        // The timeline's position at the frame's server_ts.
        const double expected = 100.0 + (*resync.serverTs - snapshot.timelineAt);
        QVERIFY(m.targetPosition && std::abs(*m.targetPosition - expected) < 0.01);
    }
    QVERIFY(RoomSnapshot::of(core(), kRoom) == snapshot);
}

void TestServerRooms::hostChangeHandOver_data()
{
    QTest::addColumn<QString>("sender");
    QTest::addColumn<QString>("newHost");
    QTest::addColumn<QString>("error");
    QTest::addRow("host hands over") << id("alice") << id("carol") << QString();
    QTest::addRow("host hands to itself") << id("alice") << id("alice") << QString();
    QTest::addRow("not the host") << id("bob") << id("bob") << id("forbidden");
    QTest::addRow("not the host, for another") << id("bob") << id("carol") << id("forbidden");
    QTest::addRow("unknown participant") << id("alice") << id("nobody") << id("bad_request");
}

void TestServerRooms::hostChangeHandOver()
{
    QFETCH(QString, sender);
    QFETCH(QString, newHost);
    QFETCH(QString, error);
    QVERIFY(start());
    TestClient alice;
    TestClient bob;
    TestClient carol;
    for (TestClient *client : {&alice, &bob, &carol})
        QVERIFY(client->open(url()));
    QVERIFY(alice.createRoom(kRoom, id("alice")));
    QVERIFY(bob.joinRoom(kRoom, id("bob"), id("Bob")));
    QVERIFY(carol.joinRoom(kRoom, id("carol"), id("Carol")));
    for (TestClient *client : {&alice, &bob, &carol}) {
        QVERIFY(client->sync());
        client->clearReceived();
    }
    const RoomSnapshot before = RoomSnapshot::of(core(), kRoom);

    TestClient &from = sender == id("alice") ? alice : bob;
    from.send(HostChange {newHost});
    if (!error.isEmpty()) {
        QCOMPARE(from.nextErrorCode(), error);
        for (TestClient *client : {&alice, &bob, &carol}) {
            QVERIFY(client->sync());
            QCOMPARE(client->count("host_change"), 0);
        }
        QVERIFY2(RoomSnapshot::of(core(), kRoom) == before,
                 qPrintable(RoomSnapshot::of(core(), kRoom).toString()));
        return;
    }
    for (TestClient *client : {&alice, &bob, &carol}) {
        const Envelope change = client->next("host_change");
        QCOMPARE(change.as<HostChange>()->hostId, newHost);
        QCOMPARE(change.client, sender);
        const Envelope update = client->next("participants_update");
        for (const Participant &p : update.as<ParticipantsUpdate>()->participants)
            QCOMPARE(p.isHost, p.clientId == newHost);
    }
    QCOMPARE(RoomSnapshot::of(core(), kRoom).hostId, newHost);

    // The new host has the host's powers, the old one lost them.
    TestClient &host = newHost == id("carol") ? carol : alice;
    host.send(CreateInvite {});
    QVERIFY(host.waitFor("invite_created"));
    if (newHost != sender) {
        from.send(CreateInvite {});
        QCOMPARE(from.nextErrorCode(), id("forbidden"));
    }
}

void TestServerRooms::hostLeavingPassesToEarliestJoiner()
{
    QVERIFY(start());
    TestClient alice;
    TestClient bob;
    TestClient carol;
    TestClient dave;
    for (TestClient *client : {&alice, &bob, &carol, &dave})
        QVERIFY(client->open(url()));
    QVERIFY(alice.createRoom(kRoom, id("alice")));
    QVERIFY(bob.joinRoom(kRoom, id("bob"), id("Bob")));
    QVERIFY(carol.joinRoom(kRoom, id("carol"), id("Carol")));
    QVERIFY(dave.joinRoom(kRoom, id("dave"), id("Dave")));

    // Alice hands the room to Dave; when Dave leaves, the earliest joiner
    // left (Alice, the creator) gets it back, not the latest or Dave's pick.
    alice.send(HostChange {id("dave")});
    QVERIFY(bob.waitFor("host_change"));
    for (TestClient *client : {&alice, &bob, &carol, &dave}) {
        QVERIFY(client->sync());
        client->clearReceived();
    }
    dave.close();
    for (TestClient *client : {&alice, &bob, &carol}) {
        const Envelope left = client->next("client_left");
        QCOMPARE(left.client, id("dave"));
        QCOMPARE(left.as<ClientLeft>()->name, id("Dave"));
        const Envelope change = client->next("host_change");
        QCOMPARE(change.as<HostChange>()->hostId, id("alice"));
        const Envelope update = client->next("participants_update");
        const auto &list = update.as<ParticipantsUpdate>()->participants;
        QCOMPARE(list.size(), 3);
        QVERIFY(list.at(0).isHost);
        QCOMPARE(list.at(0).clientId, id("alice"));
    }

    // Alice leaves: Bob joined earliest among the rest.
    alice.close();
    for (TestClient *client : {&bob, &carol}) {
        QCOMPARE(client->next("client_left").client, id("alice"));
        QCOMPARE(client->next("host_change").as<HostChange>()->hostId, id("bob"));
    }
    QCOMPARE(RoomSnapshot::of(core(), kRoom).hostId, id("bob"));
    QCOMPARE(RoomSnapshot::of(core(), kRoom).members,
             QStringList({id("bob:Bob"), id("carol:Carol")}));

    // A non-host leaving changes no host.
    const int changes = bob.count("host_change");
    carol.close();
    QCOMPARE(bob.next("client_left").client, id("carol"));
    QVERIFY(bob.sync());
    QCOMPARE(bob.count("host_change"), changes);
}

void TestServerRooms::lastLeavingRemovesRoomAfterGrace()
{
    ServerLimits limits = fastLimits();
    limits.emptyRoomGrace = 0.3;
    QVERIFY(start(limits));
    QSignalSpy removed(&m_server->core(), &server::ServerCore::roomRemoved);
    TestClient alice;
    TestClient bob;
    QVERIFY(alice.open(url()));
    QVERIFY(bob.open(url()));
    QVERIFY(alice.createRoom(kRoom, id("alice")));
    QVERIFY(bob.joinRoom(kRoom, id("bob"), id("Bob")));
    alice.send(PlayerEvent {PlayerAction::Seek, 50.0});
    QVERIFY(alice.sync());

    alice.close();
    QVERIFY(bob.waitFor("client_left"));
    bob.close();
    QTRY_COMPARE(m_server->connectionCount(), 0);
    QElapsedTimer emptyFor;
    emptyFor.start();
    QVERIFY2(core().room(kRoom), "the room must be kept for the grace period");
    QCOMPARE(removed.count(), 0);

    QTRY_COMPARE(removed.count(), 1);
    QVERIFY2(emptyFor.elapsed() >= 200, qPrintable(QString::number(emptyFor.elapsed())));
    QCOMPARE(removed.first().first().toString(), kRoom);
    QVERIFY(!core().room(kRoom));

    TestClient carol;
    QVERIFY(carol.open(url()));
    QVERIFY(!carol.joinRoom(kRoom, id("carol"), id("Carol")));
    QCOMPARE(carol.nextErrorCode(), id("room_not_found"));
}

// ---------------------------------------------------------------- invites

void TestServerRooms::invitesAdmitToInviteOnlyRoom()
{
    QVERIFY(start());
    TestClient alice;
    TestClient other;
    QVERIFY(alice.open(url()));
    QVERIFY(other.open(url()));
    QVERIFY(alice.createRoom(kRoom, id("alice"), Json {{"invite_only", true}}));
    QVERIFY(other.createRoom(id("elsewhere"), id("olga")));

    const double requestedAt = nowSeconds();
    alice.send(CreateInvite {600});
    const Envelope created = alice.next("invite_created");
    QCOMPARE(created.client, id("alice"));
    QCOMPARE(created.room, kRoom);
    const InviteCreated invite = *created.as<InviteCreated>();
    QVERIFY(!invite.inviteToken.isEmpty());
    QVERIFY2(std::abs(invite.expiresAt - (requestedAt + 600.0)) < 2.0,
             qPrintable(QString::number(invite.expiresAt - requestedAt)));
    other.send(CreateInvite {});
    const InviteCreated otherInvite = *other.next("invite_created").as<InviteCreated>();
    QVERIFY(std::abs(otherInvite.expiresAt - (requestedAt + 3600.0)) < 2.0);

    const RoomSnapshot before = RoomSnapshot::of(core(), kRoom);
    TestClient bob;
    QVERIFY(bob.open(url()));
    QVERIFY(!bob.joinRoom(kRoom, id("bob"), id("Bob")));
    QCOMPARE(bob.nextErrorCode(), id("auth_required"));
    QVERIFY(!bob.joinRoom(kRoom, id("bob"), id("Bob"), {}, id("not.a.token")));
    QCOMPARE(bob.nextErrorCode(), id("invite_invalid"));
    QVERIFY(!bob.joinRoom(kRoom, id("bob"), id("Bob"), {}, otherInvite.inviteToken));
    QCOMPARE(bob.nextErrorCode(), id("invite_invalid"));
    QVERIFY(RoomSnapshot::of(core(), kRoom) == before);

    QVERIFY(bob.joinRoom(kRoom, id("bob"), id("Bob"), {}, invite.inviteToken));
    QCOMPARE(alice.next("client_joined").client, id("bob"));
    // The same invite admits more than one person until it expires.
    TestClient carol;
    QVERIFY(carol.open(url()));
    QVERIFY(carol.joinRoom(kRoom, id("carol"), id("Carol"), {}, invite.inviteToken));

    // Without JWT_SECRET an open room needs no invite, so a stale one in a
    // link (for another room, or garbage) does not keep anyone out.
    TestClient dave;
    QVERIFY(dave.open(url()));
    QVERIFY(dave.joinRoom(id("elsewhere"), id("dave"), id("Dave"), {}, invite.inviteToken));
    TestClient erin;
    QVERIFY(erin.open(url()));
    QVERIFY(erin.joinRoom(id("elsewhere"), id("erin"), id("Erin"), {}, id("x.y.z")));
}

void TestServerRooms::createInviteIsHostOnly_data()
{
    QTest::addColumn<QByteArray>("options");
    QTest::addColumn<bool>("guestMayInvite");
    QTest::addRow("default") << QByteArray("{}") << false;
    QTest::addRow("invite-only room") << QByteArray(R"({"invite_only":true})") << false;
    QTest::addRow("invites by everyone") << QByteArray(R"({"invites":"everyone"})") << true;
}

void TestServerRooms::createInviteIsHostOnly()
{
    QFETCH(QByteArray, options);
    QFETCH(bool, guestMayInvite);
    QVERIFY(start());
    TestClient alice;
    TestClient bob;
    QVERIFY(alice.open(url()));
    QVERIFY(bob.open(url()));
    QVERIFY(alice.createRoom(kRoom, id("alice"), parsed(options)));
    alice.send(CreateInvite {});
    const InviteCreated invite = *alice.next("invite_created").as<InviteCreated>();
    QVERIFY(bob.joinRoom(kRoom, id("bob"), id("Bob"), {}, invite.inviteToken));

    bob.send(CreateInvite {});
    if (guestMayInvite) {
        QVERIFY(bob.waitFor("invite_created"));
    } else {
        const Envelope refused = bob.next("error");
        QCOMPARE(refused.as<Error>()->code, id("forbidden"));
        QVERIFY(!refused.as<Error>()->message.isEmpty());
        QCOMPARE(bob.count("invite_created"), 0);
    }
    QVERIFY(alice.sync());
    QCOMPARE(alice.count("invite_created"), 1); // the answer goes to the requester only
}

void TestServerRooms::maxParticipantsFillsRoom()
{
    QVERIFY(start());
    TestClient alice;
    TestClient bob;
    TestClient carol;
    for (TestClient *client : {&alice, &bob, &carol})
        QVERIFY(client->open(url()));
    QVERIFY(alice.createRoom(kRoom, id("alice"), Json {{"max_participants", 2}}));
    QVERIFY(bob.joinRoom(kRoom, id("bob"), id("Bob")));
    const RoomSnapshot full = RoomSnapshot::of(core(), kRoom);

    QVERIFY(!carol.joinRoom(kRoom, id("carol"), id("Carol")));
    QCOMPARE(carol.nextErrorCode(), id("room_full"));
    QVERIFY(RoomSnapshot::of(core(), kRoom) == full);
    QVERIFY(alice.sync());
    QCOMPARE(alice.count("client_joined"), 1);

    bob.close();
    QVERIFY(alice.waitFor("client_left"));
    QVERIFY(carol.joinRoom(kRoom, id("carol"), id("Carol")));
}

void TestServerRooms::mediaChangeIsRelayed()
{
    QVERIFY(start());
    TestClient alice;
    TestClient bob;
    QVERIFY(alice.open(url()));
    QVERIFY(bob.open(url()));
    QVERIFY(alice.createRoom(kRoom, id("alice")));
    QVERIFY(bob.joinRoom(kRoom, id("bob"), id("Bob")));
    alice.send(PlayerEvent {PlayerAction::Play, 40.0});
    QVERIFY(bob.waitFor("player_event"));

    alice.send(
        MediaChange {id("https://media.example/b.webm"), MediaInfo {id("b.webm"), 1234, 61.5}});
    const Envelope change = bob.next("media_change");
    QCOMPARE(change.client, id("alice"));
    QCOMPARE(change.as<MediaChange>()->mediaUrl, id("https://media.example/b.webm"));
    QCOMPARE(change.as<MediaChange>()->media->duration, std::optional<double>(61.5));
    const RoomSnapshot after = RoomSnapshot::of(core(), kRoom);
    QCOMPARE(after.mediaUrl, id("https://media.example/b.webm"));
    QCOMPARE(after.position, 0.0);
    QCOMPARE(after.playState, PlayState::Paused);
}

void TestServerRooms::resumeRebindsLiveParticipant_data()
{
    QTest::addColumn<QString>("who");
    QTest::addRow("guest") << id("bob");
    QTest::addRow("host") << id("alice");
}

void TestServerRooms::resumeRebindsLiveParticipant()
{
    QFETCH(QString, who);
    QVERIFY(start());
    TestClient alice;
    TestClient bob;
    TestClient carol;
    for (TestClient *client : {&alice, &bob, &carol})
        QVERIFY(client->open(url()));
    QVERIFY(alice.createRoom(kRoom, id("alice")));
    QVERIFY(bob.joinRoom(kRoom, id("bob"), id("Bob")));
    QVERIFY(carol.joinRoom(kRoom, id("carol"), id("Carol")));
    TestClient &old = who == id("bob") ? bob : alice;
    TestClient &other = who == id("bob") ? alice : bob;
    const QString token = *old.lastRoomState().as<RoomState>()->resumeToken;
    old.send(StateUpdate {0.0, PlayState::Buffering, 20.0});
    QVERIFY(old.sync());
    for (TestClient *client : {&alice, &bob, &carol}) {
        QVERIFY(client->sync());
        client->clearReceived();
    }
    const QString host = RoomSnapshot::of(core(), kRoom).hostId;

    // The link dropped unnoticed; the client comes back on a new connection.
    TestClient back;
    QVERIFY(back.open(url()));
    JoinRoom join;
    join.name = id("Renamed");
    join.resumeToken = token;
    back.send(join, kRoom, who);
    const Envelope state = back.next("room_state");
    QCOMPARE(state.client, who);
    QCOMPARE(state.as<RoomState>()->resumeToken, std::optional<QString>(token));
    QCOMPARE(state.as<RoomState>()->hostId, host);

    QVERIFY(old.waitForDisconnected());
    QCOMPARE(old.closeCode(), std::optional<quint16>(4000));
    QCOMPARE(old.countExceptPongs(), 0);
    // Same place in the join order, same host role, same reported state.
    const RoomSnapshot after = RoomSnapshot::of(core(), kRoom);
    QCOMPARE(after.hostId, host);
    QStringList members {id("alice:alice"), id("bob:Bob"), id("carol:Carol")};
    members.replaceInStrings(who + QLatin1Char(':') + (who == id("bob") ? id("Bob") : id("alice")),
                             who + id(":Renamed"));
    QCOMPARE(after.members, members);
    const auto &live = m_server->core().room(kRoom)->members();
    QVERIFY(std::any_of(live.cbegin(), live.cend(), [&](const server::Member &m) {
        return m.clientId == who && m.playState == PlayState::Buffering;
    }));

    // Nobody saw anyone leave or join; the resumed connection acts as the participant.
    QVERIFY(other.sync());
    QCOMPARE(other.count("client_left"), 0);
    QCOMPARE(other.count("client_joined"), 0);
    QCOMPARE(other.count("host_change"), 0);
    back.send(PlayerEvent {PlayerAction::Seek, 8.0});
    const Envelope seek = carol.next("player_event");
    QCOMPARE(seek.client, who);

    // The name it came back with is published: the others' lists show it.
    bool renamed = false;
    for (int i = 0; i < 5 && !renamed; ++i) {
        const Envelope update = carol.next("participants_update");
        QVERIFY2(update.as<ParticipantsUpdate>(), qPrintable(carol.describeReceived()));
        for (const Participant &p : update.as<ParticipantsUpdate>()->participants)
            renamed = renamed || (p.clientId == who && p.name == id("Renamed"));
    }
    QVERIFY(renamed);
}

void TestServerRooms::chatReadinessAndPlaylistOverTheWire()
{
    QVERIFY(start());
    TestClient alice;
    TestClient bob;
    QVERIFY(alice.open(url()));
    QVERIFY(bob.open(url()));
    QVERIFY(alice.createRoom(kRoom, id("alice"), Json {{"start_when_ready", true}}));
    QVERIFY(bob.joinRoom(kRoom, id("bob"), id("Bob")));
    QCOMPARE(bob.lastRoomState().as<RoomState>()->playlist.current, -1);
    QVERIFY(bob.lastRoomState().as<RoomState>()->chat.isEmpty());

    bob.send(ChatMessage {QStringLiteral("Ready when you are"), {}, {}});
    for (TestClient *c : {&alice, &bob}) {
        const Envelope chat = c->next("chat_message");
        QCOMPARE(chat.client, id("bob"));
        QCOMPARE(chat.as<ChatMessage>()->text, QStringLiteral("Ready when you are"));
        QCOMPARE(chat.as<ChatMessage>()->name, std::optional<QString>(id("Bob")));
    }

    const PlaylistItem first {QStringLiteral("e1"), QStringLiteral("Episode 1"),
                              QStringLiteral("https://media.example/e1.mkv"), std::nullopt};
    alice.send(PlaylistUpdate {{first}, 0, std::nullopt});
    const Envelope update = bob.next("playlist_update");
    QCOMPARE(update.as<PlaylistUpdate>()->version, std::optional<qint64>(1));
    QCOMPARE(bob.next("media_change").as<MediaChange>()->mediaUrl, first.mediaUrl);

    alice.send(ReadyState {true});
    QVERIFY(bob.next("ready_state").as<ReadyState>()->ready);
    alice.send(PlayerEvent {PlayerAction::Play, 0.0});
    QCOMPARE(alice.nextErrorCode(), QStringLiteral("waiting_for_ready"));
    bob.send(ReadyState {true});
    const Envelope start = bob.next("player_event");
    QCOMPARE(start.as<PlayerEvent>()->action, PlayerAction::Play);
    QVERIFY(start.client.isEmpty());

    TestClient carol;
    QVERIFY(carol.open(url()));
    QVERIFY(carol.joinRoom(kRoom, id("carol"), id("Carol")));
    const RoomState state = *carol.lastRoomState().as<RoomState>();
    QCOMPARE(state.chat.size(), 1);
    QCOMPARE(state.playlist.items, QList<PlaylistItem> {first});
    QCOMPARE(state.state.playState, PlayState::Playing);
    int ready = 0;
    for (const Participant &p : state.participants)
        ready += p.ready ? 1 : 0;
    QCOMPARE(ready, 2);
}

void TestServerRooms::endOfMediaOverTheWire()
{
    QVERIFY(start());
    TestClient alice;
    TestClient bob;
    QVERIFY(alice.open(url()));
    QVERIFY(bob.open(url()));
    QVERIFY(alice.createRoom(kRoom, id("alice")));
    QVERIFY(bob.joinRoom(kRoom, id("bob"), id("Bob")));
    alice.send(MediaChange {QStringLiteral("https://media.example/short.mkv"),
                            MediaInfo {QStringLiteral("short.mkv"), std::nullopt, 600.0}});
    QVERIFY(bob.waitFor("media_change"));
    // Played from 0.3 s before the end: the server pauses everyone at the end.
    alice.send(PlayerEvent {PlayerAction::Play, 599.7});
    QCOMPARE(bob.next("player_event").as<PlayerEvent>()->action, PlayerAction::Play);
    for (TestClient *c : {&alice, &bob}) {
        const Envelope end = c->next("player_event");
        QCOMPARE(end.as<PlayerEvent>()->action, PlayerAction::Pause);
        QCOMPARE(end.as<PlayerEvent>()->position, 600.0);
    }
    alice.send(PlayerEvent {PlayerAction::Seek, 700.0});
    QCOMPARE(bob.next("player_event").as<PlayerEvent>()->position, 600.0);
}

// ---------------------------------------------------------------- speed, subtitles

void TestServerRooms::speedIsTheRooms()
{
    QVERIFY(start());
    TestClient alice;
    TestClient bob;
    QVERIFY(alice.open(url()));
    QVERIFY(bob.open(url()));
    QVERIFY(alice.createRoom(kRoom, id("alice")));
    QCOMPARE(alice.lastRoomState().as<RoomState>()->state.speed, 1.0);
    QCOMPARE(parsed(encode(alice.lastRoomState()))["payload"]["state"]["speed"].get<double>(), 1.0);
    QVERIFY(bob.joinRoom(kRoom, id("bob"), id("Bob")));

    // Bob may control (the default): applied, relayed with the speed.
    alice.send(PlayerEvent {PlayerAction::Play, 10.0});
    QVERIFY(bob.waitFor("player_event"));
    bob.clearReceived();
    bob.sendJson(
        R"({"type":"player_event","payload":{"action":"speed","position":12,"speed":1.5}})");
    const Envelope relayed = alice.next("player_event");
    QCOMPARE(relayed.as<PlayerEvent>()->action, PlayerAction::Speed);
    QCOMPARE(relayed.as<PlayerEvent>()->speed, std::optional<double>(1.5));
    QCOMPARE(relayed.as<PlayerEvent>()->position, 12.0);
    QCOMPARE(relayed.client, id("bob"));
    QVERIFY(relayed.serverTs.has_value());
    const double appliedAt = *relayed.serverTs;

    // The timeline runs at 1.5x: a state_update on it is not drift.
    const auto state = [&] {
        TestClient carol;
        carol.open(url());
        carol.joinRoom(kRoom, id("carol"), id("Carol"));
        const RoomState room = *carol.lastRoomState().as<RoomState>();
        const double at = *carol.lastRoomState().serverTs;
        carol.close();
        return std::pair {room.state, at};
    };
    QTest::qWait(300);
    auto [now, at] = state();
    QCOMPARE(now.speed, 1.5);
    QCOMPARE(now.playState, PlayState::Playing);
    QVERIFY2(std::abs(now.position - (12.0 + (at - appliedAt) * 1.5)) < 0.02,
             qPrintable(QString::number(now.position, 'f', 3)));

    // Kept across seek, pause, play and another media.
    alice.send(PlayerEvent {PlayerAction::Seek, 40.0});
    alice.send(PlayerEvent {PlayerAction::Pause, 41.0});
    alice.send(PlayerEvent {PlayerAction::Play, 41.0});
    QVERIFY(alice.sync());
    QCOMPARE(state().first.speed, 1.5);
    alice.send(MediaChange {QStringLiteral("https://media.example/next.mkv"), std::nullopt});
    QVERIFY(bob.waitFor("media_change"));
    const TimelineState afterChange = state().first;
    QCOMPARE(afterChange.speed, 1.5);
    QCOMPARE(afterChange.position, 0.0);

    // Back to 1x.
    alice.send(PlayerEvent {PlayerAction::Speed, 0.0, false, 1.0});
    QVERIFY(alice.sync());
    QCOMPARE(state().first.speed, 1.0);
}

void TestServerRooms::speedOutsideItsRangeOrFromAFollowerIsRefused_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<QString>("error");
    QTest::addColumn<bool>("hostOnly");
    QTest::addRow("too slow") << QByteArray(R"({"action":"speed","position":1,"speed":0.49})")
                              << id("bad_request") << false;
    QTest::addRow("too fast") << QByteArray(R"({"action":"speed","position":1,"speed":2.01})")
                              << id("bad_request") << false;
    QTest::addRow("no speed") << QByteArray(R"({"action":"speed","position":1})")
                              << id("bad_request") << false;
    QTest::addRow("a string") << QByteArray(R"({"action":"speed","position":1,"speed":"2"})")
                              << id("bad_request") << false;
    QTest::addRow("zero") << QByteArray(R"({"action":"speed","position":1,"speed":0})")
                          << id("bad_request") << false;
    QTest::addRow("host only") << QByteArray(R"({"action":"speed","position":1,"speed":1.5})")
                               << id("forbidden") << true;
}

void TestServerRooms::speedOutsideItsRangeOrFromAFollowerIsRefused()
{
    QFETCH(QByteArray, payload);
    QFETCH(QString, error);
    QFETCH(bool, hostOnly);
    QVERIFY(start());
    TestClient alice;
    TestClient bob;
    QVERIFY(alice.open(url()));
    QVERIFY(bob.open(url()));
    QVERIFY(alice.createRoom(kRoom, id("alice"),
                             hostOnly ? Json {{"control", "host"}} : Json::object()));
    QVERIFY(bob.joinRoom(kRoom, id("bob"), id("Bob")));
    alice.send(PlayerEvent {PlayerAction::Seek, 30.0});
    QVERIFY(bob.waitFor("player_event"));
    QVERIFY(alice.sync());
    const RoomSnapshot before = RoomSnapshot::of(core(), kRoom);
    bob.clearReceived();
    alice.clearReceived();

    bob.sendJson(R"({"type":"player_event","payload":)" + payload + "}");
    QCOMPARE(bob.nextErrorCode(), error);
    QVERIFY(alice.sync());
    QCOMPARE(alice.count("player_event"), 0);
    QCOMPARE(RoomSnapshot::of(core(), kRoom), before);
    QCOMPARE(core().room(kRoom)->timeline.speed, 1.0);
    QCOMPARE(core().room(kRoom)->timeline.position, 30.0);
}

void TestServerRooms::theEndComesAtTheSpeedAwareTime()
{
    QVERIFY(start());
    TestClient alice;
    QVERIFY(alice.open(url()));
    QVERIFY(alice.createRoom(kRoom, id("alice")));
    alice.send(MediaChange {QStringLiteral("https://media.example/short.mkv"),
                            MediaInfo {QStringLiteral("short.mkv"), std::nullopt, 600.0}});
    QVERIFY(alice.sync());
    alice.send(PlayerEvent {PlayerAction::Speed, 599.0, true, 2.0});
    QCOMPARE(alice.next("player_event").as<PlayerEvent>()->action, PlayerAction::Speed);
    PlayerEvent play {PlayerAction::Play, 599.0};
    play.echo = true;
    alice.send(play);
    const Envelope started = alice.next("player_event");
    QCOMPARE(started.as<PlayerEvent>()->action, PlayerAction::Play);
    // One second of media at 2x: the end half a second later.
    const Envelope end = alice.next("player_event");
    QCOMPARE(end.as<PlayerEvent>()->action, PlayerAction::Pause);
    QCOMPARE(end.as<PlayerEvent>()->position, 600.0);
    const double took = *end.serverTs - *started.serverTs;
    QVERIFY2(std::abs(took - 0.5) < 0.01, qPrintable(QString::number(took, 'f', 4)));
    QCOMPARE(core().room(kRoom)->timeline.speed, 2.0);
}

void TestServerRooms::theHostSharesItsSubtitleList()
{
    QVERIFY(start());
    TestClient alice;
    TestClient bob;
    QVERIFY(alice.open(url()));
    QVERIFY(bob.open(url()));
    QVERIFY(alice.createRoom(kRoom, id("alice")));
    alice.send(MediaChange {QStringLiteral("film.mkv"),
                            MediaInfo {QStringLiteral("film.mkv"), 1000, 60.0}});
    QVERIFY(bob.joinRoom(kRoom, id("bob"), id("Bob")));
    QCOMPARE(parsed(encode(bob.lastRoomState()))["payload"]["media"]["subtitles"].dump(),
             std::string("[]"));

    const QList<SharedSubtitle> list {
        {id("en"), id("en"), id("English"), SubtitleFormat::Srt},
        {id("track-2"), id("pt-BR"), id("Português (forced)"), SubtitleFormat::Ass},
        {id("x_3"), QString(), QString(), SubtitleFormat::Vtt}};
    // From a guest: refused, even where everyone controls playback.
    bob.send(SubtitlesUpdate {list});
    QCOMPARE(bob.nextErrorCode(), id("forbidden"));

    alice.send(SubtitlesUpdate {list});
    const Envelope relayed = bob.next("subtitles_update");
    QCOMPARE(relayed.as<SubtitlesUpdate>()->subtitles, list);
    QCOMPARE(relayed.client, id("alice"));
    QVERIFY(alice.sync());
    QCOMPARE(alice.count("subtitles_update"), 0);

    TestClient carol;
    QVERIFY(carol.open(url()));
    QVERIFY(carol.joinRoom(kRoom, id("carol"), id("Carol")));
    QCOMPARE(carol.lastRoomState().as<RoomState>()->media->subtitles, list);

    // A later file starts with none.
    alice.send(MediaChange {QStringLiteral("next.mkv"),
                            MediaInfo {QStringLiteral("next.mkv"), 2000, 60.0}});
    QVERIFY(carol.waitFor("media_change"));
    TestClient dan;
    QVERIFY(dan.open(url()));
    QVERIFY(dan.joinRoom(kRoom, id("dan"), id("Dan")));
    QVERIFY(dan.lastRoomState().as<RoomState>()->media->subtitles.isEmpty());
}

void TestServerRooms::aBadSubtitleListChangesNothing_data()
{
    QTest::addColumn<QByteArray>("payload");
    const auto track
        = [](const QString &id, const char *language = "en", const char *format = "srt") {
              return QStringLiteral(R"({"id":"%1","language":"%2","title":"T","format":"%3"})")
                  .arg(id, QLatin1String(language), QLatin1String(format))
                  .toUtf8();
          };
    QByteArray many = "[";
    for (int i = 0; i < 33; ++i)
        many += (i ? "," : "") + track(QStringLiteral("t%1").arg(i));
    many += "]";
    QTest::addRow("33 tracks") << QByteArray(R"({"subtitles":)" + many + "}");
    QTest::addRow("same id twice")
        << QByteArray(R"({"subtitles":[)" + track(id("a")) + "," + track(id("a")) + "]}");
    QTest::addRow("id with a slash") << QByteArray(R"({"subtitles":[)" + track(id("a/b")) + "]}");
    QTest::addRow("empty id") << QByteArray(R"({"subtitles":[)" + track(QString()) + "]}");
    QTest::addRow("long id") << QByteArray(R"({"subtitles":[)" + track(QString(65, u'a')) + "]}");
    QTest::addRow("unknown format")
        << QByteArray(R"({"subtitles":[)" + track(id("a"), "en", "sub") + "]}");
    QTest::addRow("not a language")
        << QByteArray(R"({"subtitles":[)" + track(id("a"), "english!", "srt") + "]}");
    QTest::addRow("long title") << QByteArray(R"({"subtitles":[{"id":"a","language":"","title":")"
                                              + QByteArray(129, 'x') + R"(","format":"srt"}]})");
    QTest::addRow("not a list") << QByteArray(R"({"subtitles":{}})");
    QTest::addRow("no list") << QByteArray(R"({})");
}

void TestServerRooms::aBadSubtitleListChangesNothing()
{
    QFETCH(QByteArray, payload);
    QVERIFY(start());
    TestClient alice;
    TestClient bob;
    QVERIFY(alice.open(url()));
    QVERIFY(bob.open(url()));
    QVERIFY(alice.createRoom(kRoom, id("alice")));
    QVERIFY(bob.joinRoom(kRoom, id("bob"), id("Bob")));
    const QList<SharedSubtitle> list {{id("en"), id("en"), id("English"), SubtitleFormat::Srt}};
    alice.send(SubtitlesUpdate {list});
    QVERIFY(bob.waitFor("subtitles_update"));
    bob.clearReceived();

    alice.sendJson(R"({"type":"subtitles_update","payload":)" + payload + "}");
    QCOMPARE(alice.nextErrorCode(), id("bad_request"));
    QVERIFY(bob.sync());
    QCOMPARE(bob.count("subtitles_update"), 0);
    QCOMPARE(core().room(kRoom)->subtitles, list);
}

void TestServerRooms::aTakenPortIsNamedAsSuch()
{
    QVERIFY(start());
    server::SessionServerConfig config;
    config.address = QHostAddress::LocalHost;
    config.port = m_server->port();
    if (qEnvironmentVariable("LOCKSTEP_TEST_NETWORK") == QLatin1String("qt"))
        config.network = server::SessionServerConfig::Network::Qt;
    server::SessionServer second(config);
    server::StartFailure failure;
    QVERIFY(!second.start(&failure));
    QCOMPARE(failure.reason, server::StartFailure::Reason::AddressInUse);
    QVERIFY(!second.isListening());
    // The first one is untouched.
    TestClient alice;
    QVERIFY(alice.open(url()));
    QVERIFY(alice.createRoom(kRoom, id("alice")));
}

void TestServerRooms::echoReturnsEventToSender()
{
    QVERIFY(start());
    TestClient alice;
    TestClient bob;
    QVERIFY(alice.open(url()));
    QVERIFY(bob.open(url()));
    QVERIFY(alice.createRoom(kRoom, id("alice")));
    QVERIFY(bob.joinRoom(kRoom, id("bob"), id("Bob")));

    PlayerEvent play {PlayerAction::Play, 3.0};
    play.echo = true;
    alice.send(play);
    const Envelope echoed = alice.next("player_event");
    const Envelope relayed = bob.next("player_event");
    QCOMPARE(echoed.client, id("alice"));
    QCOMPARE(echoed.as<PlayerEvent>()->position, 3.0);
    // The same frame: the sender learns the server_ts its event was applied at.
    QCOMPARE(echoed.serverTs, relayed.serverTs);
    QCOMPARE(echoed.serverTs,
             std::optional<double>(roundToMillis(RoomSnapshot::of(core(), kRoom).timelineAt)));
}

// ---------------------------------------------------------------- isolation

void TestServerRooms::roomsNeverSeeEachOther()
{
    QVERIFY(start());
    TestClient alice;
    TestClient bob;
    TestClient xena;
    TestClient yuri;
    for (TestClient *client : {&alice, &bob, &xena, &yuri})
        QVERIFY(client->open(url()));
    // The same client ids in both rooms, on purpose.
    QVERIFY(alice.createRoom(id("room-a"), id("host")));
    QVERIFY(xena.createRoom(id("room-b"), id("host")));
    QVERIFY(bob.joinRoom(id("room-a"), id("guest"), id("Bob")));
    QVERIFY(yuri.joinRoom(id("room-b"), id("guest"), id("Yuri")));

    alice.send(PlayerEvent {PlayerAction::Play, 1.0});
    xena.send(PlayerEvent {PlayerAction::Seek, 2.0});
    bob.send(PlayerEvent {PlayerAction::Pause, 3.0});
    yuri.send(PlayerEvent {PlayerAction::Play, 4.0});
    bob.send(StateUpdate {3.0, PlayState::Paused, 5.0});
    yuri.send(StateUpdate {40.0, PlayState::Buffering, 5.0});
    alice.send(HostChange {id("guest")});
    xena.send(ForceResync {});
    xena.send(CreateInvite {});
    QVERIFY(yuri.waitFor("force_resync"));
    QVERIFY(bob.waitFor("host_change"));
    bob.close();
    QVERIFY(alice.waitFor("client_left"));

    for (TestClient *client : {&alice, &xena, &yuri})
        QVERIFY(client->sync());
    const auto check = [](const TestClient &client, const QString &room) {
        for (const Envelope &e : client.received()) {
            if (e.typeName() == "pong")
                continue;
            if (e.room != room)
                return false;
            if (const auto *list = e.as<ParticipantsUpdate>()) {
                for (const Participant &p : list->participants) {
                    if (p.name == QLatin1String("Bob") && room != QLatin1String("room-a"))
                        return false;
                    if (p.name == QLatin1String("Yuri") && room != QLatin1String("room-b"))
                        return false;
                }
            }
        }
        return client.undecodable().isEmpty();
    };
    QVERIFY(check(alice, id("room-a")));
    QVERIFY(check(bob, id("room-a")));
    QVERIFY(check(xena, id("room-b")));
    QVERIFY(check(yuri, id("room-b")));
    QCOMPARE(xena.count("client_left"), 0);
    QCOMPARE(xena.count("host_change"), 0);
    QCOMPARE(alice.count("force_resync"), 0);
    // Each timeline only moved by its own room's events.
    QCOMPARE(RoomSnapshot::of(core(), id("room-a")).position, 3.0);
    QCOMPARE(RoomSnapshot::of(core(), id("room-a")).playState, PlayState::Paused);
    QCOMPARE(RoomSnapshot::of(core(), id("room-b")).playState, PlayState::Playing);
    QCOMPARE(RoomSnapshot::of(core(), id("room-b")).hostId, id("host"));
}

void TestServerRooms::anyPathIsAccepted_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("query");
    QTest::addRow("root") << id("/") << QString();
    QTest::addRow("room query for an L7 proxy") << id("/") << id("room=den");
    QTest::addRow("other path") << id("/lockstep/ws") << id("room=den&v=1");
}

void TestServerRooms::anyPathIsAccepted()
{
    QFETCH(QString, path);
    QFETCH(QString, query);
    QVERIFY(start());
    TestClient alice;
    QVERIFY(alice.open(url()));
    QVERIFY(alice.createRoom(kRoom, id("alice")));

    QUrl target = url();
    target.setPath(path);
    if (!query.isEmpty())
        target.setQuery(query);
    TestClient bob;
    QVERIFY(bob.open(target));
    QVERIFY(bob.joinRoom(kRoom, id("bob"), id("Bob")));
}

QTEST_GUILESS_MAIN(TestServerRooms)
#include "tst_server_rooms.moc"
