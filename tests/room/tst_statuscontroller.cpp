// StatusController in virtual time: what the status bar says as a session
// connects, joins, loses its link and comes back.
#include "SimRoom.h"
#include "room/StatusController.h"

#include <QTest>

using namespace lockstep;
using test::SimRoom;

class TestStatusController : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { test::isolateSettings(); }
    void connectionTextFollowsTheSession();
    void figuresShowOnlyInARoom();
};

void TestStatusController::connectionTextFollowsTheSession()
{
    SimRoom room;
    room::StatusController status(*room.session, *room.playback);
    QCOMPARE(status.status().connection, QStringLiteral("Not in a room"));
    QStringList seen;
    connect(&status, &room::StatusController::changed, &status,
            [&](const room::StatusController::Status &s) {
                if (seen.isEmpty() || seen.last() != s.connection)
                    seen << s.connection;
            });
    QVERIFY(room.join());
    QCOMPARE(status.status().connection, QStringLiteral("In a room · 2 watching"));
    QVERIFY2(seen.contains(QStringLiteral("Connecting…")), qPrintable(seen.join(QLatin1Char('|'))));

    // The link drops: the client notices, says so and reconnects.
    room.world.network().cut(room.transport->connectionId(), 0.1, 10.0);
    room.run(0.5);
    QVERIFY2(seen.contains(QStringLiteral("Reconnecting…")),
             qPrintable(seen.join(QLatin1Char('|'))));
    room.run(5.0);
    QCOMPARE(status.status().connection, QStringLiteral("In a room · 2 watching"));

    room.room->leave();
    room.run(0.5);
    QCOMPARE(status.status().connection, QStringLiteral("Not in a room"));
}

void TestStatusController::figuresShowOnlyInARoom()
{
    SimRoom room;
    room::StatusController status(*room.session, *room.playback);
    QVERIFY(!status.status().inRoom);
    QVERIFY(status.status().rtt.isEmpty());
    QVERIFY(room.join());
    status.refresh();
    QVERIFY(status.status().inRoom);
    QVERIFY(status.status().rtt.startsWith(QStringLiteral("RTT ")));
    QVERIFY(status.status().offset.startsWith(QStringLiteral("Clock ")));
    // No media of our own yet: no drift to show.
    QVERIFY(!status.status().showDrift);
    room.playback->open(room.mediaFile());
    room.playback->onLoaded(60.0);
    room.run(1.0);
    status.refresh();
    QVERIFY(status.status().showDrift);
    QCOMPARE(status.status().activity, QStringLiteral("Paused with the room"));
}

QTEST_GUILESS_MAIN(TestStatusController)
#include "tst_statuscontroller.moc"
