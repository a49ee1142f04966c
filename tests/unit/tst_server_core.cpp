// ServerCore driven directly, with a ManualClock and a recording Transport:
// everything that depends on time (grace period, idle timeout, rate limit,
// participants_update coalescing, force_resync judging, the "wait" buffering
// policy) is tested here to the millisecond and without sleeping.
#include "RecordingTransport.h"
#include "Snapshot.h"
#include "Text.h"
#include "auth/TokenService.h"
#include "protocol/Clock.h"
#include "server/ServerCore.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace lockstep;
using lockstep::test::id;
using namespace lockstep::protocol;
using lockstep::server::ConnectionId;
using lockstep::server::ServerLimits;
using lockstep::test::RecordingTransport;
using lockstep::test::RoomSnapshot;

namespace {

const QString kRoom = QStringLiteral("den");

// One server core with everything it needs, all under the test's control.
struct Harness {
    explicit Harness(const ServerLimits &limits = {}) : core(limits, clock, tokens, transport) { }

    ConnectionId open()
    {
        const ConnectionId connection = nextConnection++;
        core.connectionOpened(connection, QStringLiteral("test"));
        return connection;
    }

    void send(ConnectionId connection, Message message, const QString &room = {},
              const QString &client = {})
    {
        core.textReceived(connection, encode(std::move(message), room, client));
    }

    ConnectionId create(const QString &client, const Json &options = Json::object(),
                        const QString &room = kRoom)
    {
        const ConnectionId connection = open();
        CreateRoom create;
        create.options = options;
        create.name = client;
        send(connection, create, room, client);
        return connection;
    }

    ConnectionId join(const QString &client, const QString &room = kRoom)
    {
        const ConnectionId connection = open();
        JoinRoom join;
        join.name = client;
        send(connection, join, room, client);
        return connection;
    }

    void playerEvent(ConnectionId connection, PlayerAction action, double position)
    {
        send(connection, PlayerEvent {action, position});
    }

    void report(ConnectionId connection, double position, PlayState state, double latencyMs = 0.0)
    {
        send(connection, StateUpdate {position, state, latencyMs});
    }

    // Advances the clock in steps of the SessionServer's tick interval.
    void advance(double seconds)
    {
        constexpr double kTick = 0.1;
        const double end = clock.now() + seconds;
        while (clock.now() + kTick < end) {
            clock.advance(kTick);
            core.tick();
        }
        clock.set(end);
        core.tick();
    }

    const server::Room *room() const { return core.room(kRoom); }
    double now() const { return clock.now(); }

    protocol::ManualClock clock;
    auth::TokenService tokens;
    RecordingTransport transport;
    server::ServerCore core;
    ConnectionId nextConnection = 1;
};

// A clock that moves on by `step` every time it is read, as a real one does
// while the server works (and logs): it tells apart "the time the timeline was
// computed for" from "the time the frame was encoded".
class SteppingClock final : public protocol::Clock
{
public:
    explicit SteppingClock(double step) : m_step(step) { }
    double now() const override
    {
        m_now += m_step;
        return m_now;
    }

private:
    double m_step;
    mutable double m_now = 1'700'000'000.0;
};

} // namespace

class TestServerCore : public QObject
{
    Q_OBJECT

private slots:
    void emptyRoomRemovedAfterGrace_data();
    void emptyRoomRemovedAfterGrace();
    void rejoinDuringGraceKeepsRoom();
    void idleTimeout_data();
    void idleTimeout();
    void rateLimitThenFloodClose();
    void maxConnectionsClosesWith4001();
    void invalidUtf8_data();
    void invalidUtf8();
    void invitesFollowTheInjectedClock_data();
    void invitesFollowTheInjectedClock();
    void participantsUpdateWaitsForInterval();
    void participantsUpdateBurstCostsLinear();
    void participantsUpdateAtMostOncePerSecond();
    void largeRoomFillCostsLinearFrames();
    void largeRoomListKeepsTheHost();
    void forceResyncJudging_data();
    void forceResyncJudging();
    void forceResyncAtMostEveryFiveSeconds();
    void notJudgedRightAfterTimelineChange_data();
    void notJudgedRightAfterTimelineChange();
    void endOfMediaPausesEveryoneAtTheDuration();
    void playOrSeekPastTheEndIsClamped();
    void chatIsRelayedToEveryoneAndKept();
    void chatRateLimitIsASlidingWindow();
    void chatNeedsARoom();
    void playlistUpdateIsVersionedAndGuarded();
    void playlistAdvancesAtTheEndOfAnItem();
    void playlistAdvanceWaitsForNobodyWhoActed();
    void aPlaylistAroundTheRoomsMediaKeepsItsTimeline();
    void readinessIsRelayedAndListed();
    void startWhenReadyHoldsAPlay();
    void startWhenReadyStartsWhenTheLastWaitedForLeaves();
    void reportsPiledUpInAStallAreNotJudged();
    void departedHostComesBackAsHost();
    void departedMemberNeedsItsOwnResumeToken();
    void waitPolicyPausesAndResumes();
    void waitPolicyWaitsForEveryone();
    void waitPolicyEndsOnManualAction();
    void waitPolicyResumesWhenBuffererLeaves();
    void catchUpPolicyNeverPauses();
    void bufferingWhilePausedDoesNotAutoPlay();
    void serverTsIsTheTimeOfThePosition();
};

// ---------------------------------------------------------------- rooms over time

void TestServerCore::emptyRoomRemovedAfterGrace_data()
{
    QTest::addColumn<double>("grace");
    QTest::addRow("default 30 s") << ServerLimits {}.emptyRoomGrace;
    QTest::addRow("configured 0.2 s") << 0.2;
    QTest::addRow("configured 0 s") << 0.0;
}

void TestServerCore::emptyRoomRemovedAfterGrace()
{
    QFETCH(double, grace);
    ServerLimits limits;
    limits.emptyRoomGrace = grace;
    Harness h(limits);
    QSignalSpy removed(&h.core, &server::ServerCore::roomRemoved);
    const ConnectionId alice = h.create(id("alice"));
    const ConnectionId bob = h.join(id("bob"));
    QVERIFY(h.room());
    h.advance(grace + 5.0); // an occupied room is never removed
    QVERIFY(h.room());

    h.core.connectionClosed(alice);
    h.core.connectionClosed(bob);
    QVERIFY2(h.room(), "the room must outlive its last participant for the grace period");
    if (grace > 0.0) {
        h.advance(grace - 0.05);
        QVERIFY(h.room());
        QCOMPARE(removed.count(), 0);
    }
    h.advance(0.05);
    QVERIFY(!h.room());
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.first().first().toString(), kRoom);

    // The id is free again.
    h.create(id("carol"));
    QVERIFY(h.room());
    QCOMPARE(h.room()->hostId, id("carol"));
}

void TestServerCore::rejoinDuringGraceKeepsRoom()
{
    Harness h;
    const ConnectionId alice = h.create(id("alice"), Json {{"theme", "dark"}});
    h.playerEvent(alice, PlayerAction::Seek, 42.0);
    h.core.connectionClosed(alice);
    h.advance(20.0);

    const ConnectionId bob = h.join(id("bob"));
    QCOMPARE(h.transport.count(bob, "room_state"), 1);
    const auto state = *h.transport.framesTo(bob, "room_state").first().as<RoomState>();
    QCOMPARE(state.hostId, id("bob"));
    QCOMPARE(state.state.position, 42.0);
    QVERIFY(state.options == Json({{"theme", "dark"}}));

    h.advance(40.0); // past the grace counted from the first departure
    QVERIFY2(h.room(), "an occupied room must not be removed");
    h.core.connectionClosed(bob);
    h.advance(29.9);
    QVERIFY(h.room());
    h.advance(0.1);
    QVERIFY(!h.room());
}

void TestServerCore::idleTimeout_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<bool>("closed");
    QTest::addRow("silent") << QByteArray() << true;
    QTest::addRow("only rejected frames") << QByteArray("{not json") << true;
    QTest::addRow("only an unknown type") << QByteArray(R"({"type":"hello"})") << true;
    QTest::addRow("not in a room") << QByteArray(R"({"type":"create_invite"})") << true;
    QTest::addRow("ping") << QByteArray(R"({"type":"ping","payload":{"client_ts":1}})") << false;
    QTest::addRow("create_room") << QByteArray(
        R"({"type":"create_room","room":"lobby","client":"x"})")
                                 << false;
    QTest::addRow("join_room") << QByteArray(
        R"({"type":"join_room","room":"den","client":"y","payload":{"name":"Y"}})")
                               << false;
}

void TestServerCore::idleTimeout()
{
    QFETCH(QByteArray, frame);
    QFETCH(bool, closed);
    Harness h;
    h.create(id("alice"));
    const ConnectionId idle = h.open();
    if (!frame.isEmpty())
        h.core.textReceived(idle, frame);

    h.advance(ServerLimits {}.idleTimeout - 0.1);
    QVERIFY(!h.transport.closeCode(idle));
    h.advance(0.1);
    if (closed)
        QCOMPARE(h.transport.closeCode(idle), std::optional<quint16>(1008));
    else
        QVERIFY(!h.transport.closeCode(idle));
    // The room's creator was never idle.
    QCOMPARE(h.transport.closed().size(), std::size_t(closed ? 1 : 0));
}

void TestServerCore::rateLimitThenFloodClose()
{
    ServerLimits limits;
    Harness h(limits);
    const ConnectionId alice = h.create(id("alice"));
    h.transport.clear();
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("closed for flooding")));
    const int burst = int(limits.rateLimitBurst);

    // The creation took one token; the rest of the burst goes through.
    for (int i = 1; i < burst; ++i)
        h.send(alice, Ping {double(i)});
    QCOMPARE(h.transport.count(alice, "pong"), burst - 1);
    QCOMPARE(h.transport.count(alice, "error"), 0);

    // A rejected frame changes nothing.
    const RoomSnapshot before = RoomSnapshot::of(h.core, kRoom);
    h.playerEvent(alice, PlayerAction::Play, 99.0);
    QCOMPARE(h.transport.errorCodes(alice), QStringList {id("rate_limited")});
    QVERIFY2(RoomSnapshot::of(h.core, kRoom) == before,
             qPrintable(RoomSnapshot::of(h.core, kRoom).toString()));

    // The bucket refills at the sustained rate.
    h.clock.advance(1.0);
    h.transport.clear();
    for (int i = 0; i < int(limits.rateLimitPerSecond); ++i)
        h.send(alice, Ping {double(i)});
    QCOMPARE(h.transport.count(alice, "pong"), int(limits.rateLimitPerSecond));
    QCOMPARE(h.transport.count(alice, "error"), 0);

    // Keeping on flooding closes the connection with 1008.
    for (int i = 0; i < 200 && !h.transport.closeCode(alice); ++i)
        h.send(alice, Ping {double(i)});
    QCOMPARE(h.transport.closeCode(alice), std::optional<quint16>(1008));
    QVERIFY(h.transport.errorCodes(alice).size() >= int(limits.floodCloseScore));
    QCOMPARE(h.transport.count(alice, "pong"), int(limits.rateLimitPerSecond));
    // Nothing is answered once the close is under way.
    const std::size_t sent = h.transport.sent().size();
    h.send(alice, Ping {1.0});
    QCOMPARE(h.transport.sent().size(), sent);
}

void TestServerCore::maxConnectionsClosesWith4001()
{
    ServerLimits limits;
    limits.maxConnections = 2;
    Harness h(limits);
    const ConnectionId alice = h.create(id("alice"));
    const ConnectionId second = h.open();
    const ConnectionId third = h.open();
    QCOMPARE(h.transport.errorCodes(third), QStringList {id("rate_limited")});
    QCOMPARE(h.transport.closeCode(third), std::optional<quint16>(4001));
    QVERIFY(!h.transport.closeCode(second));
    QVERIFY(!h.transport.closeCode(alice));
    // Frames that arrive before the close completes are ignored.
    const std::size_t sent = h.transport.sent().size();
    h.send(third, Ping {1.0});
    QCOMPARE(h.transport.sent().size(), sent);
}

void TestServerCore::invalidUtf8_data()
{
    // A QWebSocket cannot put invalid UTF-8 into a text frame (it sends a
    // QString), so these reach the core directly, as raw bytes would.
    QTest::addColumn<QByteArray>("frame");
    QTest::addRow("lone continuation byte")
        << QByteArray("{\"type\":\"ping\",\"payload\":{\"client_ts\":1},\"x\":\"\x80\"}");
    QTest::addRow("overlong slash") << QByteArray("{\"type\":\"ping\",\"x\":\"\xC0\xAF\"}");
    QTest::addRow("utf-16 surrogate") << QByteArray("{\"type\":\"ping\",\"x\":\"\xED\xA0\x80\"}");
    QTest::addRow("truncated sequence") << QByteArray("{\"type\":\"ping\",\"x\":\"\xE2\x82\"}");
    QTest::addRow("beyond U+10FFFF")
        << QByteArray("{\"type\":\"ping\",\"x\":\"\xF4\x90\x80\x80\"}");
    QTest::addRow("invalid byte FF") << QByteArray("\xFF");
}

void TestServerCore::invalidUtf8()
{
    QFETCH(QByteArray, frame);
    Harness h;
    const ConnectionId alice = h.create(id("alice"));
    const RoomSnapshot before = RoomSnapshot::of(h.core, kRoom);
    h.transport.clear();

    h.core.textReceived(alice, frame);
    QCOMPARE(h.transport.errorCodes(alice), QStringList {id("bad_request")});
    QVERIFY(h.transport.closed().empty());
    QVERIFY(RoomSnapshot::of(h.core, kRoom) == before);
    // The connection stays usable.
    h.send(alice, Ping {5.0});
    QCOMPARE(h.transport.count(alice, "pong"), 1);
}

void TestServerCore::invitesFollowTheInjectedClock_data()
{
    // The simulator and these tests run the server on a virtual clock that
    // may be years away from the wall clock; an invite's lifetime is measured
    // on the server's clock only.
    QTest::addColumn<double>("start");
    QTest::addRow("clock in the past") << 1'500'000'000.0;
    QTest::addRow("clock in the future") << 4'000'000'000.0;
}

void TestServerCore::invitesFollowTheInjectedClock()
{
    QFETCH(double, start);
    Harness h;
    h.clock.set(start);
    const ConnectionId alice = h.create(id("alice"), Json {{"invite_only", true}});
    h.send(alice, CreateInvite {600});
    const QList<Envelope> created = h.transport.framesTo(alice, "invite_created");
    QCOMPARE(created.size(), 1);
    const InviteCreated invite = *created.first().as<InviteCreated>();
    QCOMPARE(invite.expiresAt, std::floor(start) + 600.0);

    const auto joinWithInvite = [&](const QString &client) {
        const ConnectionId connection = h.open();
        JoinRoom join;
        join.name = client;
        join.inviteToken = invite.inviteToken;
        h.send(connection, join, kRoom, client);
        return connection;
    };
    const ConnectionId bob = joinWithInvite(id("bob"));
    QCOMPARE(h.transport.errorCodes(bob), QStringList());
    QCOMPARE(h.transport.count(bob, "room_state"), 1);

    // Expired on the server's clock (past the leeway of at most 5 s).
    h.advance(600.0 + 6.0);
    const ConnectionId carol = joinWithInvite(id("carol"));
    QCOMPARE(h.transport.errorCodes(carol), QStringList {id("invite_expired")});
    QVERIFY(!h.room()->members().empty());
    QCOMPARE(int(h.room()->members().size()), 2);
}

// ---------------------------------------------------------------- participants_update

void TestServerCore::participantsUpdateWaitsForInterval()
{
    Harness h;
    const ConnectionId alice = h.create(id("alice"));
    h.advance(0.3);
    const ConnectionId bob = h.join(id("bob"));

    // client_joined goes out at once; the list waits for the interval.
    QCOMPARE(h.transport.count(alice, "client_joined"), 1);
    QCOMPARE(h.transport.framesTo(alice, "client_joined").first().client, id("bob"));
    QCOMPARE(h.transport.count(alice, "participants_update"), 0);
    h.advance(0.65); // 0.95 s after the room was created (with its list)
    QCOMPARE(h.transport.count(alice, "participants_update"), 0);
    h.advance(0.1);
    QCOMPARE(h.transport.count(alice, "participants_update"), 1);
    // The joiner's room_state already carried this list.
    QCOMPARE(h.transport.count(bob, "participants_update"), 0);
    const auto update
        = *h.transport.framesTo(alice, "participants_update").first().as<ParticipantsUpdate>();
    QCOMPARE(update.participantCount, 2);
    QCOMPARE(update.participants.at(0).clientId, id("alice"));
    QVERIFY(update.participants.at(0).isHost);
    QCOMPARE(update.participants.at(1).clientId, id("bob"));
    QVERIFY(!update.participants.at(1).isHost);

    // Nothing changed: nothing more is sent.
    h.advance(5.0);
    QCOMPARE(h.transport.count(alice, "participants_update"), 1);

    // Leaving is coalesced the same way; client_left is immediate.
    h.core.connectionClosed(bob);
    QCOMPARE(h.transport.count(alice, "client_left"), 1);
    QCOMPARE(h.transport.count(alice, "participants_update"), 2);
    const ConnectionId carol = h.join(id("carol"));
    QCOMPARE(h.transport.count(alice, "participants_update"), 2);
    h.advance(1.0);
    QCOMPARE(h.transport.count(alice, "participants_update"), 3);
    QCOMPARE(h.transport.count(carol, "participants_update"), 0);
    QCOMPARE(h.transport.count(bob, "participants_update"), 0); // gone before any list
}

void TestServerCore::participantsUpdateBurstCostsLinear()
{
    constexpr int kJoiners = 200;
    ServerLimits limits;
    limits.maxParticipants = kJoiners + 1;
    limits.largeRoom = kJoiners + 1; // announced to everyone, at the base interval
    Harness h(limits);
    QSignalSpy lists(&h.core, &server::ServerCore::participantsChanged);
    const ConnectionId alice = h.create(id("alice"));
    lists.clear();
    h.advance(0.5);
    for (int i = 0; i < kJoiners; ++i)
        h.join(QStringLiteral("guest-%1").arg(i));

    QCOMPARE(h.transport.count(alice, "client_joined"), kJoiners);
    h.advance(1.0);
    // One list for the whole burst, sent once to each member but the last
    // joiner, whose room_state already had it: N frames, not N^2 / 2.
    QCOMPARE(lists.count(), 1);
    QCOMPARE(h.transport.countAll("participants_update"), kJoiners);
    QCOMPARE(h.transport.count(alice, "participants_update"), 1);
    const auto last
        = *h.transport.framesTo(alice, "participants_update").last().as<ParticipantsUpdate>();
    QCOMPARE(last.participantCount, kJoiners + 1);
}

void TestServerCore::largeRoomFillCostsLinearFrames()
{
    // 2,000 people join one room over 20 s. Past `largeRoom` arrivals are
    // announced to the host alone and the lists stop growing, so the fill
    // costs O(N) frames of bounded size, not N^2 / 2 client_joined frames
    // and lists that grow with the room.
    constexpr int kJoiners = 2000;
    constexpr int kLarge = 50;
    ServerLimits limits;
    limits.maxParticipants = kJoiners + 1;
    limits.largeRoom = kLarge;
    Harness h(limits);
    const ConnectionId alice = h.create(id("alice"));
    std::vector<ConnectionId> guests;
    for (int i = 0; i < kJoiners; ++i) {
        h.advance(0.01);
        guests.push_back(h.join(QStringLiteral("guest-%1").arg(i)));
    }
    h.advance(kJoiners / kLarge * 1.0 + 1.0);

    const auto &sent = h.transport.sent();
    const qsizetype largest = std::max_element(sent.begin(), sent.end(), [](auto &a, auto &b) {
                                  return a.frame.size() < b.frame.size();
                              })->frame.size();
    QVERIFY2(sent.size() < std::size_t(6 * kJoiners),
             qPrintable(QStringLiteral("%1 frames").arg(sent.size())));
    QVERIFY2(largest < 8 * 1024, qPrintable(QStringLiteral("%1 bytes").arg(largest)));
    // The host hears of everyone; a late joiner of nobody after it.
    QCOMPARE(h.transport.count(alice, "client_joined"), kJoiners);
    QCOMPARE(h.transport.count(guests.back(), "client_joined"), 0);
    QCOMPARE(h.transport.count(guests[kLarge * 2], "client_joined"), 0);
    // An early member heard of arrivals while the room had at most kLarge
    // people (the arrival counted): guests 1 .. kLarge - 2.
    QCOMPARE(h.transport.count(guests.front(), "client_joined"), kLarge - 2);

    const auto state = *h.transport.framesTo(guests.back(), "room_state").first().as<RoomState>();
    QCOMPARE(state.participants.size(), kLarge);
    QCOMPARE(state.participantCount, kJoiners + 1);
    QVERIFY(state.participants.first().isHost);
    // Everyone is still told the room's size.
    const auto update = *h.transport.framesTo(guests.front(), "participants_update")
                             .last()
                             .as<ParticipantsUpdate>();
    QCOMPARE(update.participantCount, kJoiners + 1);
    QCOMPARE(update.participants.size(), kLarge);

    // Departures in a large room also go to the host alone.
    h.transport.clear();
    h.core.connectionClosed(guests[kJoiners / 2]);
    QCOMPARE(h.transport.countAll("client_left"), 1);
    QCOMPARE(h.transport.count(alice, "client_left"), 1);
}

void TestServerCore::largeRoomListKeepsTheHost()
{
    ServerLimits limits;
    limits.largeRoom = 3;
    Harness h(limits);
    const ConnectionId alice = h.create(id("alice"));
    std::vector<ConnectionId> guests;
    for (int i = 0; i < 5; ++i)
        guests.push_back(h.join(QStringLiteral("guest-%1").arg(i)));
    // Alice hands the host role to the latest arrival, far past the cut.
    h.send(alice, HostChange {QStringLiteral("guest-4")});
    const ConnectionId late = h.join(id("late"));
    const auto state = *h.transport.framesTo(late, "room_state").first().as<RoomState>();
    QCOMPARE(state.participantCount, 7);
    QStringList listed;
    for (const Participant &p : state.participants)
        listed << p.clientId;
    QCOMPARE(listed, QStringList({id("alice"), id("guest-0"), id("guest-4")}));
    QVERIFY(state.participants.last().isHost);
    // The new host hears of the arrival; the old one, now a guest, does not.
    QCOMPARE(h.transport.count(guests.back(), "client_joined"), 1);
    QCOMPARE(h.transport.framesTo(alice, "client_joined").size(), 5);
}

void TestServerCore::participantsUpdateAtMostOncePerSecond()
{
    constexpr int kJoiners = 40;
    Harness h;
    QSignalSpy lists(&h.core, &server::ServerCore::participantsChanged);
    const ConnectionId alice = h.create(id("alice"));
    lists.clear();
    // One joiner every 0.25 s for 10 s, the core ticked every 0.1 s.
    for (int i = 0; i < kJoiners; ++i) {
        h.advance(0.25);
        h.join(QStringLiteral("guest-%1").arg(i));
    }
    h.advance(1.0);

    const QList<Envelope> updates = h.transport.framesTo(alice, "participants_update");
    QVERIFY(updates.size() >= 9);
    QVERIFY2(updates.size() <= 11, qPrintable(QString::number(updates.size())));
    QCOMPARE(lists.count(), updates.size());
    for (qsizetype i = 1; i < updates.size(); ++i) {
        const double gap = *updates.at(i).serverTs - *updates.at(i - 1).serverTs;
        QVERIFY2(gap >= 1.0 - 1e-3, qPrintable(QStringLiteral("gap %1 s").arg(gap)));
    }
    // The last list is complete: no membership change is lost.
    QCOMPARE(updates.last().as<ParticipantsUpdate>()->participantCount, kJoiners + 1);
}

// ---------------------------------------------------------------- force_resync

void TestServerCore::forceResyncJudging_data()
{
    QTest::addColumn<double>("drift"); // s: the participant's actual position minus the timeline
    QTest::addColumn<double>("latencyMs"); // reported one-way latency
    QTest::addColumn<QString>("playState");
    QTest::addColumn<double>("threshold"); // room option; 0: default (2 s)
    QTest::addColumn<bool>("resync");

    const QString playing = id("playing");
    QTest::addRow("in sync") << 0.0 << 0.0 << playing << 0.0 << false;
    QTest::addRow("1.9 s ahead") << 1.9 << 0.0 << playing << 0.0 << false;
    QTest::addRow("1.9 s behind") << -1.9 << 0.0 << playing << 0.0 << false;
    QTest::addRow("2.1 s ahead") << 2.1 << 0.0 << playing << 0.0 << true;
    QTest::addRow("2.1 s behind") << -2.1 << 0.0 << playing << 0.0 << true;
    QTest::addRow("30 s behind") << -30.0 << 0.0 << playing << 0.0 << true;
    QTest::addRow("latency corrected, in sync") << 0.0 << 2500.0 << playing << 0.0 << false;
    QTest::addRow("latency corrected, 2.1 s behind") << -2.1 << 300.0 << playing << 0.0 << true;
    // Only the position is judged, not the reported play state.
    QTest::addRow("paused while the room plays, in sync")
        << 0.0 << 0.0 << id("paused") << 0.0 << false;
    QTest::addRow("paused while the room plays, 2.1 s behind")
        << -2.1 << 0.0 << id("paused") << 0.0 << true;
    QTest::addRow("buffering far behind") << -30.0 << 0.0 << id("buffering") << 0.0 << false;
    QTest::addRow("threshold 0.5 s, 1 s off") << 1.0 << 0.0 << playing << 0.5 << true;
    QTest::addRow("threshold 5 s, 4 s off") << 4.0 << 0.0 << playing << 5.0 << false;
    QTest::addRow("threshold 5 s, 6 s off") << -6.0 << 0.0 << playing << 5.0 << true;
}

void TestServerCore::forceResyncJudging()
{
    QFETCH(double, drift);
    QFETCH(double, latencyMs);
    QFETCH(QString, playState);
    QFETCH(double, threshold);
    QFETCH(bool, resync);

    Harness h;
    Json options = Json::object();
    if (threshold > 0.0)
        options["resync_threshold"] = threshold;
    const ConnectionId alice = h.create(id("alice"), options);
    const ConnectionId bob = h.join(id("bob"));
    h.advance(2.0);
    h.playerEvent(alice, PlayerAction::Play, 100.0);
    h.advance(5.0); // well past the settle time
    const double expected = 105.0;
    QCOMPARE(h.room()->timeline.positionAt(h.now()), expected);

    const PlayState state = *playStateFromName(playState.toStdString());
    // A playing client's player has moved on by its latency when the report arrives.
    const double reported
        = expected + drift - (state == PlayState::Playing ? latencyMs / 1000.0 : 0.0);
    const RoomSnapshot before = RoomSnapshot::of(h.core, kRoom);
    h.report(bob, reported, state, latencyMs);

    const QList<Envelope> resyncs = h.transport.framesTo(bob, "force_resync");
    QCOMPARE(resyncs.size(), resync ? 1 : 0);
    if (resync) {
        const auto *m = resyncs.first().as<ForceResync>();
        QVERIFY(m->targetPosition);
        QCOMPARE(*m->targetPosition, expected);
        QCOMPARE(m->playState, std::optional<PlayState>(PlayState::Playing));
        QCOMPARE(resyncs.first().client, id("bob"));
        QCOMPARE(resyncs.first().room, kRoom);
    }
    // Only the drifting participant is told; a report never moves the timeline.
    QCOMPARE(h.transport.count(alice, "force_resync"), 0);
    QVERIFY(RoomSnapshot::of(h.core, kRoom) == before);
}

void TestServerCore::forceResyncAtMostEveryFiveSeconds()
{
    Harness h;
    const ConnectionId alice = h.create(id("alice"));
    const ConnectionId bob = h.join(id("bob"));
    h.playerEvent(alice, PlayerAction::Play, 100.0);
    h.advance(3.0);

    // Stubbornly 10 s behind, reporting every second.
    const double start = h.room()->timeline.at;
    const auto behind = [&] { return 100.0 + (h.now() - start) - 10.0; };
    h.report(bob, behind(), PlayState::Playing);
    QCOMPARE(h.transport.count(bob, "force_resync"), 1);
    for (int i = 0; i < 4; ++i) {
        h.advance(1.0);
        h.report(bob, behind(), PlayState::Playing);
    }
    h.advance(0.9);
    h.report(bob, behind(), PlayState::Playing);
    QCOMPARE(h.transport.count(bob, "force_resync"), 1);
    h.advance(0.1);
    h.report(bob, behind(), PlayState::Playing);
    QCOMPARE(h.transport.count(bob, "force_resync"), 2);
    QCOMPARE(h.transport.count(alice, "force_resync"), 0);
}

void TestServerCore::notJudgedRightAfterTimelineChange_data()
{
    QTest::addColumn<double>("latencyMs"); // one way: the server waits 1 s + 2 x this
    QTest::addColumn<double>("delay"); // s after the seek when the stale report arrives
    QTest::addColumn<bool>("resync");

    QTest::addRow("no latency, at once") << 0.0 << 0.0 << false;
    QTest::addRow("no latency, 0.99 s") << 0.0 << 0.99 << false;
    QTest::addRow("no latency, 1.0 s") << 0.0 << 1.0 << true;
    QTest::addRow("100 ms latency, 1.1 s") << 100.0 << 1.1 << false;
    QTest::addRow("100 ms latency, 1.19 s") << 100.0 << 1.19 << false;
    QTest::addRow("100 ms latency, 1.21 s") << 100.0 << 1.21 << true;
    QTest::addRow("1 s latency, 2.5 s") << 1000.0 << 2.5 << false;
    QTest::addRow("1 s latency, 3.1 s") << 1000.0 << 3.1 << true;
}

void TestServerCore::notJudgedRightAfterTimelineChange()
{
    QFETCH(double, latencyMs);
    QFETCH(double, delay);
    QFETCH(bool, resync);

    Harness h;
    const ConnectionId alice = h.create(id("alice"));
    const ConnectionId bob = h.join(id("bob"));
    h.advance(2.0);
    // Bob's first report tells the server his latency; he is in sync.
    h.report(bob, 0.0, PlayState::Paused, latencyMs);
    QCOMPARE(h.transport.count(bob, "force_resync"), 0);

    // Alice seeks far away; Bob still reports the old position until he hears of it.
    h.playerEvent(alice, PlayerAction::Seek, 600.0);
    h.advance(delay);
    h.report(bob, 0.0, PlayState::Paused, latencyMs);
    QCOMPARE(h.transport.count(bob, "force_resync"), resync ? 1 : 0);
}

// ---------------------------------------------------------------- buffering policy

namespace {

MediaInfo mediaOf(const char *name, double duration)
{
    return MediaInfo {QString::fromLatin1(name), std::nullopt, duration};
}

ConnectionId createWithMedia(Harness &h, const QString &client, double duration,
                             const Json &options = Json::object())
{
    const ConnectionId connection = h.open();
    CreateRoom create;
    create.name = client;
    create.options = options;
    create.mediaUrl = QStringLiteral("film.mkv");
    create.media = mediaOf("film.mkv", duration);
    h.send(connection, create, kRoom, client);
    return connection;
}

PlaylistItem item(const char *id, double duration)
{
    return PlaylistItem {QString::fromLatin1(id), QString::fromLatin1(id),
                         QString::fromLatin1(id) + QStringLiteral(".mkv"), mediaOf(id, duration)};
}

} // namespace

void TestServerCore::endOfMediaPausesEveryoneAtTheDuration()
{
    Harness h;
    const ConnectionId alice = createWithMedia(h, id("alice"), 10.0);
    const ConnectionId bob = h.join(id("bob"));
    const double start = h.now();
    h.playerEvent(alice, PlayerAction::Play, 4.0);
    h.transport.clear();
    h.advance(5.9);
    QCOMPARE(h.room()->timeline.state, PlayState::Playing);
    h.advance(0.2);
    QCOMPARE(h.room()->timeline.state, PlayState::Paused);
    QCOMPARE(h.room()->timeline.position, 10.0);
    for (const ConnectionId c : {alice, bob}) {
        const QList<Envelope> events = h.transport.framesTo(c, "player_event");
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.first().as<PlayerEvent>()->action, PlayerAction::Pause);
        QCOMPARE(events.first().as<PlayerEvent>()->position, 10.0);
        QVERIFY(events.first().client.isEmpty()); // from the server
        // Stamped with the moment the end was reached, not the tick that saw it.
        QCOMPARE(*events.first().serverTs, roundToMillis(start + 6.0));
    }
    h.advance(5.0);
    QCOMPARE(h.transport.count(bob, "player_event"), 1);
    QCOMPARE(h.room()->stateAt(h.now()).position, 10.0);
}

void TestServerCore::playOrSeekPastTheEndIsClamped()
{
    Harness h;
    const ConnectionId alice = createWithMedia(h, id("alice"), 10.0);
    const ConnectionId bob = h.join(id("bob"));
    h.transport.clear();
    h.playerEvent(alice, PlayerAction::Seek, 25.0);
    QCOMPARE(h.room()->timeline.position, 10.0);
    QCOMPARE(h.transport.framesTo(bob, "player_event").last().as<PlayerEvent>()->position, 10.0);

    h.transport.clear();
    h.playerEvent(alice, PlayerAction::Play, 50.0);
    const QList<Envelope> events = h.transport.framesTo(bob, "player_event");
    QCOMPARE(events.size(), 2);
    QCOMPARE(events[0].as<PlayerEvent>()->action, PlayerAction::Play);
    QCOMPARE(events[0].as<PlayerEvent>()->position, 10.0);
    QCOMPARE(events[1].as<PlayerEvent>()->action, PlayerAction::Pause);
    QCOMPARE(events[1].as<PlayerEvent>()->position, 10.0);
    QCOMPARE(h.room()->timeline.state, PlayState::Paused);
    // The sender hears of the end too (its own play is not echoed).
    QCOMPARE(h.transport.count(alice, "player_event"), 1);

    // Without a known duration nothing is clamped.
    Harness open;
    const ConnectionId carol = open.create(id("carol"));
    open.playerEvent(carol, PlayerAction::Seek, 5000.0);
    QCOMPARE(open.room()->timeline.position, 5000.0);
}

void TestServerCore::chatIsRelayedToEveryoneAndKept()
{
    Harness h;
    const ConnectionId alice = h.create(id("alice"));
    const ConnectionId bob = h.join(id("bob"));
    h.transport.clear();
    h.send(alice, ChatMessage {QStringLiteral("  Popcorn?\n  "), {}, {}});
    for (const ConnectionId c : {alice, bob}) {
        const QList<Envelope> chat = h.transport.framesTo(c, "chat_message");
        QCOMPARE(chat.size(), 1);
        QCOMPARE(chat.first().client, id("alice"));
        QCOMPARE(chat.first().as<ChatMessage>()->text, QStringLiteral("Popcorn?"));
        QCOMPARE(chat.first().as<ChatMessage>()->id, std::optional<qint64>(1));
        QCOMPARE(chat.first().as<ChatMessage>()->name, std::optional<QString>(id("alice")));
        QVERIFY(chat.first().serverTs.has_value());
    }

    // Sixty messages from three people over a minute: the last fifty are kept.
    const ConnectionId carol = h.join(id("carol"));
    const ConnectionId senders[] {alice, bob, carol};
    for (int i = 2; i <= 61; ++i) {
        h.send(senders[i % 3], ChatMessage {QStringLiteral("m%1").arg(i), {}, {}});
        h.advance(1.0);
    }
    QVERIFY(h.transport.errorCodes(alice).isEmpty());
    const ConnectionId dave = h.join(id("dave"));
    const RoomState state = *h.transport.framesTo(dave, "room_state").first().as<RoomState>();
    QCOMPARE(state.chat.size(), 50);
    QCOMPARE(state.chat.first().id, 12);
    QCOMPARE(state.chat.first().text, QStringLiteral("m12"));
    QCOMPARE(state.chat.last().id, 61);
    QCOMPARE(state.chat.last().client, id("bob"));
    QCOMPARE(state.chat.last().name, id("bob"));
}

void TestServerCore::chatRateLimitIsASlidingWindow()
{
    Harness h;
    const ConnectionId alice = h.create(id("alice"));
    const ConnectionId bob = h.join(id("bob"));
    for (int i = 0; i < 5; ++i) {
        h.send(alice, ChatMessage {QStringLiteral("hi"), {}, {}});
        h.advance(1.0);
    }
    h.transport.clear();
    h.send(alice, ChatMessage {QStringLiteral("one too many"), {}, {}});
    QCOMPARE(h.transport.errorCodes(alice), QStringList {QStringLiteral("rate_limited")});
    QCOMPARE(h.transport.count(bob, "chat_message"), 0);
    // Refused messages do not count: once the first leaves the window, one more fits.
    h.advance(5.0);
    h.send(alice, ChatMessage {QStringLiteral("now"), {}, {}});
    QCOMPARE(h.transport.count(bob, "chat_message"), 1);
    h.send(alice, ChatMessage {QStringLiteral("not yet"), {}, {}});
    QCOMPARE(h.transport.count(bob, "chat_message"), 1);
    // Someone else's budget is their own.
    h.send(bob, ChatMessage {QStringLiteral("me"), {}, {}});
    QCOMPARE(h.transport.count(alice, "chat_message"), 2); // her own "now" and bob's
}

void TestServerCore::chatNeedsARoom()
{
    Harness h;
    const ConnectionId stranger = h.open();
    h.send(stranger, ChatMessage {QStringLiteral("hello?"), {}, {}});
    h.send(stranger, ReadyState {true});
    h.send(stranger, PlaylistUpdate {{}, -1, std::nullopt});
    QCOMPARE(h.transport.errorCodes(stranger),
             QStringList({QStringLiteral("not_in_room"), QStringLiteral("not_in_room"),
                          QStringLiteral("not_in_room")}));
}

void TestServerCore::playlistUpdateIsVersionedAndGuarded()
{
    Harness h;
    const ConnectionId alice = h.create(id("alice"), Json {{"control", "host"}});
    const ConnectionId bob = h.join(id("bob"));
    h.transport.clear();
    h.send(bob, PlaylistUpdate {{item("e1", 100.0)}, 0, std::nullopt});
    QCOMPARE(h.transport.errorCodes(bob), QStringList {QStringLiteral("forbidden")});
    QCOMPARE(h.room()->playlist.version, 0);

    h.playerEvent(alice, PlayerAction::Play, 30.0);
    h.transport.clear();
    h.send(alice, PlaylistUpdate {{item("e1", 100.0), item("e2", 200.0)}, 0, 99});
    for (const ConnectionId c : {alice, bob}) {
        const QList<Envelope> updates = h.transport.framesTo(c, "playlist_update");
        QCOMPARE(updates.size(), 1);
        QCOMPARE(updates.first().as<PlaylistUpdate>()->version, std::optional<qint64>(1));
        QCOMPARE(updates.first().as<PlaylistUpdate>()->items.size(), 2);
        QCOMPARE(updates.first().client, id("alice"));
    }
    // The current item became the room's media: paused at 0.
    QCOMPARE(h.room()->mediaUrl, QStringLiteral("e1.mkv"));
    QCOMPARE(h.room()->timeline.state, PlayState::Paused);
    QCOMPARE(h.room()->timeline.position, 0.0);
    QCOMPARE(h.transport.framesTo(bob, "media_change").size(), 1);

    // Reordering without changing the current item leaves playback alone.
    h.playerEvent(alice, PlayerAction::Play, 5.0);
    h.transport.clear();
    h.send(alice, PlaylistUpdate {{item("e2", 200.0), item("e1", 100.0)}, 1, std::nullopt});
    QCOMPARE(h.room()->playlist.version, 2);
    QCOMPARE(h.room()->timeline.state, PlayState::Playing);
    QCOMPARE(h.transport.count(bob, "media_change"), 0);

    const ConnectionId carol = h.join(id("carol"));
    const RoomState state = *h.transport.framesTo(carol, "room_state").first().as<RoomState>();
    QCOMPARE(state.playlist.version, 2);
    QCOMPARE(state.playlist.current, 1);
    QCOMPARE(state.playlist.items.first().id, QStringLiteral("e2"));
}

void TestServerCore::playlistAdvancesAtTheEndOfAnItem()
{
    Harness h;
    const ConnectionId alice = h.create(id("alice"));
    const ConnectionId bob = h.join(id("bob"));
    h.send(alice, PlaylistUpdate {{item("e1", 10.0), item("e2", 20.0)}, 0, std::nullopt});
    h.playerEvent(alice, PlayerAction::Play, 0.0);
    h.transport.clear();
    h.advance(10.05);
    QCOMPARE(h.room()->playlist.current, 1);
    QCOMPARE(h.room()->playlist.version, 2);
    QCOMPARE(h.room()->mediaUrl, QStringLiteral("e2.mkv"));
    QCOMPARE(h.room()->timeline.state, PlayState::Paused);
    QStringList order;
    for (const Envelope &e : h.transport.framesTo(bob))
        order << QString::fromLatin1(e.typeName().data());
    order.removeAll(QStringLiteral("participants_update"));
    QCOMPARE(order,
             QStringList({QStringLiteral("player_event"), QStringLiteral("playlist_update"),
                          QStringLiteral("media_change")}));

    h.advance(2.9);
    QCOMPARE(h.room()->timeline.state, PlayState::Paused);
    h.advance(0.2);
    QCOMPARE(h.room()->timeline.state, PlayState::Playing);
    const Envelope start = h.transport.framesTo(bob, "player_event").last();
    QCOMPARE(start.as<PlayerEvent>()->action, PlayerAction::Play);
    QCOMPARE(start.as<PlayerEvent>()->position, 0.0);
    QVERIFY(start.client.isEmpty());

    // The last item ends: the room stays paused at its end.
    h.advance(20.1);
    QCOMPARE(h.room()->playlist.current, 1);
    QCOMPARE(h.room()->timeline.state, PlayState::Paused);
    QCOMPARE(h.room()->timeline.position, 20.0);
}

void TestServerCore::aPlaylistAroundTheRoomsMediaKeepsItsTimeline()
{
    Harness h;
    const ConnectionId alice = createWithMedia(h, id("alice"), 100.0);
    const ConnectionId bob = h.join(id("bob"));
    h.playerEvent(alice, PlayerAction::Play, 30.0);
    h.transport.clear();
    // The film playing now becomes the first item, with one more after it.
    const PlaylistItem film {QStringLiteral("f"), QStringLiteral("film"),
                             QStringLiteral("film.mkv"), mediaOf("film.mkv", 100.0)};
    h.send(alice, PlaylistUpdate {{film, item("e2", 20.0)}, 0, std::nullopt});
    QCOMPARE(h.transport.count(bob, "playlist_update"), 1);
    QCOMPARE(h.transport.count(bob, "media_change"), 0);
    QCOMPARE(h.room()->timeline.state, PlayState::Playing);
    QVERIFY(h.room()->timeline.position >= 30.0);

    // Another file under the same name is a change of media.
    PlaylistItem other = film;
    other.id = QStringLiteral("g");
    other.media = mediaOf("film.mkv", 90.0);
    h.send(alice, PlaylistUpdate {{other}, 0, std::nullopt});
    QCOMPARE(h.transport.count(bob, "media_change"), 1);
    QCOMPARE(h.room()->timeline.state, PlayState::Paused);
    QCOMPARE(h.room()->timeline.position, 0.0);
}

void TestServerCore::playlistAdvanceWaitsForNobodyWhoActed()
{
    Harness h;
    const ConnectionId alice = h.create(id("alice"));
    h.send(alice, PlaylistUpdate {{item("e1", 10.0), item("e2", 20.0)}, 0, std::nullopt});
    h.playerEvent(alice, PlayerAction::Play, 9.0);
    h.advance(1.1);
    QCOMPARE(h.room()->playlist.current, 1);
    // Someone seeks in the countdown: the automatic start is off.
    h.playerEvent(alice, PlayerAction::Seek, 4.0);
    h.advance(5.0);
    QCOMPARE(h.room()->timeline.state, PlayState::Paused);
    QCOMPARE(h.room()->timeline.position, 4.0);
}

void TestServerCore::readinessIsRelayedAndListed()
{
    Harness h;
    const ConnectionId alice = h.create(id("alice"));
    const ConnectionId bob = h.join(id("bob"));
    h.advance(2.0);
    h.transport.clear();
    h.send(bob, ReadyState {true});
    for (const ConnectionId c : {alice, bob}) {
        const QList<Envelope> ready = h.transport.framesTo(c, "ready_state");
        QCOMPARE(ready.size(), 1);
        QCOMPARE(ready.first().client, id("bob"));
        QVERIFY(ready.first().as<ReadyState>()->ready);
    }
    // The same state again is no change: nothing is relayed.
    h.send(bob, ReadyState {true});
    QCOMPARE(h.transport.count(alice, "ready_state"), 1);
    h.advance(1.1);
    const QList<Participant> list = h.transport.framesTo(alice, "participants_update")
                                        .last()
                                        .as<ParticipantsUpdate>()
                                        ->participants;
    QCOMPARE(list.size(), 2);
    QVERIFY(!list[0].ready);
    QVERIFY(list[1].ready);
}

void TestServerCore::startWhenReadyHoldsAPlay()
{
    Harness h;
    const ConnectionId alice = h.create(id("alice"), Json {{"start_when_ready", true}});
    const ConnectionId bob = h.join(id("bob"));
    h.send(alice, ReadyState {true});
    h.transport.clear();
    h.playerEvent(alice, PlayerAction::Play, 12.0);
    QCOMPARE(h.transport.errorCodes(alice), QStringList {QStringLiteral("waiting_for_ready")});
    QCOMPARE(h.room()->timeline.state, PlayState::Paused);
    QCOMPARE(h.transport.count(bob, "player_event"), 0);

    h.advance(4.0);
    h.send(bob, ReadyState {true});
    QCOMPARE(h.room()->timeline.state, PlayState::Playing);
    QCOMPARE(h.room()->timeline.position, 12.0);
    QCOMPARE(h.room()->timeline.at, h.now());
    for (const ConnectionId c : {alice, bob}) {
        const Envelope start = h.transport.framesTo(c, "player_event").last();
        QCOMPARE(start.as<PlayerEvent>()->action, PlayerAction::Play);
        QCOMPARE(start.as<PlayerEvent>()->position, 12.0);
        QVERIFY(start.client.isEmpty());
    }

    // A pause withdraws a held play.
    h.send(bob, ReadyState {false});
    h.playerEvent(alice, PlayerAction::Pause, 20.0);
    h.playerEvent(alice, PlayerAction::Play, 20.0);
    h.playerEvent(alice, PlayerAction::Pause, 20.0);
    h.send(bob, ReadyState {true});
    QCOMPARE(h.room()->timeline.state, PlayState::Paused);
}

void TestServerCore::startWhenReadyStartsWhenTheLastWaitedForLeaves()
{
    Harness h;
    const ConnectionId alice = h.create(id("alice"), Json {{"start_when_ready", true}});
    const ConnectionId bob = h.join(id("bob"));
    h.send(alice, ReadyState {true});
    h.playerEvent(alice, PlayerAction::Play, 3.0);
    QCOMPARE(h.room()->timeline.state, PlayState::Paused);
    h.core.connectionClosed(bob);
    QCOMPARE(h.room()->timeline.state, PlayState::Playing);
    QCOMPARE(h.room()->timeline.position, 3.0);
}

void TestServerCore::reportsPiledUpInAStallAreNotJudged()
{
    Harness h;
    const ConnectionId alice = h.create(id("alice"));
    const ConnectionId bob = h.join(id("bob"));
    h.playerEvent(alice, PlayerAction::Play, 0.0);
    h.advance(5.0);
    h.report(bob, 5.0, PlayState::Playing, 10.0);
    // The server's process stops for 4 s; bob's reports from meanwhile
    // arrive all at once, the oldest first.
    h.clock.advance(4.0);
    h.report(bob, 5.5, PlayState::Playing, 10.0);
    h.report(bob, 6.5, PlayState::Playing, 10.0);
    QCOMPARE(h.transport.count(bob, "force_resync"), 0);
    // Fresh reports are judged again once the settle time has passed.
    h.advance(1.1);
    h.report(bob, 2.0, PlayState::Playing, 10.0);
    QCOMPARE(h.transport.count(bob, "force_resync"), 1);
}

void TestServerCore::departedHostComesBackAsHost()
{
    Harness h;
    const ConnectionId alice = h.create(id("alice"), Json {{"invite_only", true}});
    const QString token
        = *h.transport.framesTo(alice, "room_state").first().as<RoomState>()->resumeToken;
    // Bob holds an invite; alice's own link then drops.
    const auto invite = h.tokens.issueInvite(kRoom, 600, h.now());
    const ConnectionId bob = h.open();
    JoinRoom join;
    join.name = id("bob");
    join.inviteToken = invite.token;
    h.send(bob, join, kRoom, id("bob"));
    h.send(alice, ReadyState {true});
    h.core.connectionClosed(alice);
    QCOMPARE(h.room()->hostId, id("bob"));

    // Back within the grace, with no invite but its resume token.
    h.advance(20.0);
    h.transport.clear();
    const ConnectionId back = h.open();
    JoinRoom again;
    again.name = id("alice");
    again.resumeToken = token;
    h.send(back, again, kRoom, id("alice"));
    QVERIFY2(h.transport.errorCodes(back).isEmpty(),
             qPrintable(h.transport.errorCodes(back).join(u' ')));
    const RoomState state = *h.transport.framesTo(back, "room_state").first().as<RoomState>();
    QCOMPARE(state.hostId, id("alice"));
    QCOMPARE(*state.resumeToken, token);
    QCOMPARE(h.room()->hostId, id("alice"));
    QVERIFY(h.room()->member(id("alice"))->ready);
    const QList<Envelope> changes = h.transport.framesTo(bob, "host_change");
    QCOMPARE(changes.size(), 1);
    QCOMPARE(changes.first().as<HostChange>()->hostId, id("alice"));
}

void TestServerCore::departedMemberNeedsItsOwnResumeToken()
{
    Harness h;
    const ConnectionId alice = h.create(id("alice"), Json {{"invite_only", true}});
    const ConnectionId bob = h.open();
    JoinRoom join;
    join.name = id("bob");
    join.inviteToken = h.tokens.issueInvite(kRoom, 600, h.now()).token;
    h.send(bob, join, kRoom, id("bob"));
    const QString bobToken
        = *h.transport.framesTo(bob, "room_state").first().as<RoomState>()->resumeToken;
    h.core.connectionClosed(bob);

    // Someone else's id, or a wrong token: the invite-only rule applies.
    const ConnectionId eve = h.open();
    JoinRoom guess;
    guess.name = id("eve");
    guess.resumeToken = bobToken;
    h.send(eve, guess, kRoom, id("eve"));
    QCOMPARE(h.transport.errorCodes(eve), QStringList {QStringLiteral("auth_required")});
    guess.resumeToken = QStringLiteral("not-the-token");
    h.send(eve, guess, kRoom, id("bob"));
    QCOMPARE(h.transport.errorCodes(eve).size(), 2);
    QCOMPARE(h.transport.errorCodes(eve).last(), QStringLiteral("auth_required"));

    // Past the grace the token no longer opens the room.
    h.advance(61.0);
    const ConnectionId late = h.open();
    JoinRoom back;
    back.name = id("bob");
    back.resumeToken = bobToken;
    h.send(late, back, kRoom, id("bob"));
    QCOMPARE(h.transport.errorCodes(late), QStringList {QStringLiteral("auth_required")});
    QCOMPARE(h.room()->hostId, id("alice"));
    Q_UNUSED(alice);
}

void TestServerCore::waitPolicyPausesAndResumes()
{
    Harness h;
    const ConnectionId alice = h.create(id("alice"), Json {{"buffering", "wait"}});
    const ConnectionId bob = h.join(id("bob"));
    const ConnectionId carol = h.join(id("carol"));
    h.playerEvent(alice, PlayerAction::Play, 10.0);
    h.advance(5.0);
    h.transport.clear();

    h.report(bob, 15.0, PlayState::Buffering);
    QCOMPARE(h.room()->timeline.state, PlayState::Paused);
    QCOMPARE(h.room()->timeline.position, 15.0);
    QVERIFY(h.room()->autoPaused);
    for (const ConnectionId c : {alice, bob, carol}) {
        const QList<Envelope> events = h.transport.framesTo(c, "player_event");
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.first().as<PlayerEvent>()->action, PlayerAction::Pause);
        QCOMPARE(events.first().as<PlayerEvent>()->position, 15.0);
        QCOMPARE(events.first().client, id("bob"));
    }

    // Still buffering: nothing new.
    h.advance(2.0);
    h.report(bob, 15.0, PlayState::Buffering);
    QCOMPARE(h.transport.count(carol, "player_event"), 1);

    h.advance(1.0);
    h.report(bob, 15.0, PlayState::Paused);
    QCOMPARE(h.room()->timeline.state, PlayState::Playing);
    QCOMPARE(h.room()->timeline.position, 15.0);
    QCOMPARE(h.room()->timeline.at, h.now());
    QVERIFY(!h.room()->autoPaused);
    for (const ConnectionId c : {alice, bob, carol}) {
        const QList<Envelope> events = h.transport.framesTo(c, "player_event");
        QCOMPARE(events.size(), 2);
        QCOMPARE(events.last().as<PlayerEvent>()->action, PlayerAction::Play);
        QCOMPARE(events.last().as<PlayerEvent>()->position, 15.0);
    }
    // Resuming is a timeline change: bob's next report is not judged at once.
    h.report(bob, 15.0, PlayState::Paused);
    QCOMPARE(h.transport.count(bob, "force_resync"), 0);
}

void TestServerCore::waitPolicyWaitsForEveryone()
{
    Harness h;
    const ConnectionId alice = h.create(id("alice"), Json {{"buffering", "wait"}});
    const ConnectionId bob = h.join(id("bob"));
    const ConnectionId carol = h.join(id("carol"));
    h.playerEvent(alice, PlayerAction::Play, 0.0);
    h.advance(3.0);
    h.transport.clear();

    h.report(bob, 3.0, PlayState::Buffering);
    h.advance(0.5);
    h.report(carol, 3.0, PlayState::Buffering);
    QCOMPARE(h.transport.count(alice, "player_event"), 1); // one pause only
    QCOMPARE(h.room()->waitingFor.size(), 2);

    h.advance(0.5);
    h.report(bob, 3.0, PlayState::Paused);
    QCOMPARE(h.room()->timeline.state, PlayState::Paused);
    QCOMPARE(h.transport.count(alice, "player_event"), 1);

    h.advance(0.5);
    h.report(carol, 3.0, PlayState::Paused);
    QCOMPARE(h.room()->timeline.state, PlayState::Playing);
    QCOMPARE(h.room()->timeline.position, 3.0);
    QCOMPARE(h.transport.count(alice, "player_event"), 2);
    QCOMPARE(h.transport.framesTo(alice, "player_event").last().client, id("carol"));
}

void TestServerCore::waitPolicyEndsOnManualAction()
{
    Harness h;
    const ConnectionId alice = h.create(id("alice"), Json {{"buffering", "wait"}});
    const ConnectionId bob = h.join(id("bob"));
    h.playerEvent(alice, PlayerAction::Play, 0.0);
    h.advance(3.0);
    h.report(bob, 3.0, PlayState::Buffering);
    QVERIFY(h.room()->autoPaused);

    // Someone pauses on purpose: the room stays paused after the buffering ends.
    h.playerEvent(alice, PlayerAction::Pause, 3.0);
    h.transport.clear();
    h.advance(1.0);
    h.report(bob, 3.0, PlayState::Paused);
    QCOMPARE(h.room()->timeline.state, PlayState::Paused);
    QCOMPARE(h.transport.count(alice, "player_event"), 0);
    QVERIFY(!h.room()->autoPaused);
    QVERIFY(h.room()->waitingFor.isEmpty());
}

void TestServerCore::waitPolicyResumesWhenBuffererLeaves()
{
    Harness h;
    const ConnectionId alice = h.create(id("alice"), Json {{"buffering", "wait"}});
    const ConnectionId bob = h.join(id("bob"));
    h.playerEvent(alice, PlayerAction::Play, 0.0);
    h.advance(3.0);
    h.report(bob, 3.0, PlayState::Buffering);
    QCOMPARE(h.room()->timeline.state, PlayState::Paused);
    h.transport.clear();

    h.advance(1.0);
    h.core.connectionClosed(bob);
    QCOMPARE(h.room()->timeline.state, PlayState::Playing);
    QCOMPARE(h.room()->timeline.position, 3.0);
    const QList<Envelope> events = h.transport.framesTo(alice, "player_event");
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.first().as<PlayerEvent>()->action, PlayerAction::Play);
}

void TestServerCore::catchUpPolicyNeverPauses()
{
    Harness h;
    const ConnectionId alice = h.create(id("alice"));
    const ConnectionId bob = h.join(id("bob"));
    h.playerEvent(alice, PlayerAction::Play, 0.0);
    h.advance(3.0);
    h.transport.clear();
    const RoomSnapshot before = RoomSnapshot::of(h.core, kRoom);

    h.report(bob, 3.0, PlayState::Buffering);
    h.advance(2.0);
    QCOMPARE(h.transport.count(alice, "player_event"), 0);
    QVERIFY(RoomSnapshot::of(h.core, kRoom) == before);
    QCOMPARE(h.room()->timeline.state, PlayState::Playing);
}

void TestServerCore::bufferingWhilePausedDoesNotAutoPlay()
{
    Harness h;
    h.create(id("alice"), Json {{"buffering", "wait"}});
    const ConnectionId bob = h.join(id("bob"));
    h.advance(2.0);
    h.transport.clear();
    h.report(bob, 0.0, PlayState::Buffering);
    h.advance(1.0);
    h.report(bob, 0.0, PlayState::Paused);
    QCOMPARE(h.room()->timeline.state, PlayState::Paused);
    QCOMPARE(h.transport.countAll("player_event"), 0);
}

void TestServerCore::serverTsIsTheTimeOfThePosition()
{
    // Each position the server sends is the timeline's position at the frame's
    // own server_ts: a relayed player_event carries the time it was applied at,
    // room_state and force_resync the time their position was computed for.
    SteppingClock clock(0.010);
    auth::TokenService tokens;
    RecordingTransport transport;
    server::ServerCore core(ServerLimits {}, clock, tokens, transport);
    const auto send = [&](ConnectionId connection, Message message, const QString &client = {}) {
        core.textReceived(connection, encode(std::move(message), kRoom, client));
    };
    const auto joinAs = [](const char *name) {
        JoinRoom join;
        join.name = id(name);
        return join;
    };
    core.connectionOpened(1);
    core.connectionOpened(2);
    core.connectionOpened(3);
    send(1, CreateRoom {}, id("alice"));
    send(2, joinAs("Bob"), id("bob"));
    send(1, PlayerEvent {PlayerAction::Play, 100.0});
    const server::Timeline timeline = core.room(kRoom)->timeline;

    const Envelope play = transport.framesTo(2, "player_event").last();
    QCOMPARE(*play.serverTs, roundToMillis(timeline.at));

    const auto expectedAt = [&](const Envelope &e) { return timeline.positionAt(*e.serverTs); };
    send(3, joinAs("Carol"), id("carol"));
    const Envelope state = transport.framesTo(3, "room_state").last();
    QVERIFY2(
        std::abs(state.as<RoomState>()->state.position - expectedAt(state)) < 0.001,
        qPrintable(QString::number(state.as<RoomState>()->state.position - expectedAt(state))));

    send(1, ForceResync {});
    for (const ConnectionId connection : {1, 2, 3}) {
        const Envelope resync = transport.framesTo(connection, "force_resync").last();
        QVERIFY(std::abs(*resync.as<ForceResync>()->targetPosition - expectedAt(resync)) < 0.001);
    }
}

QTEST_GUILESS_MAIN(TestServerCore)
#include "tst_server_core.moc"
