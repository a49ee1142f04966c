// RoomController in virtual time: the host's tools and how a room's end is
// told apart (left on purpose or ended under the user).
#include "SimRoom.h"
#include "protocol/CloseCode.h"
#include "room/InviteLink.h"

#include <QFile>

#include <QSignalSpy>
#include <QTest>

using namespace lockstep;
using test::SimRoom;

class TestRoomController : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { test::isolateSettings(); }
    void onlyTheHostResyncsEveryone();
    void handingOverMovesTheHostRole();
    void leavingOnPurposeIsNotAnAccident();
    void leavingThroughTheSessionIsNotAnAccidentEither();
    void aClosedRoomIsUnexpected();
    void theInviteFileFollowsTheLink();
};

void TestRoomController::onlyTheHostResyncsEveryone()
{
    SimRoom room;
    QVERIFY(room.join());
    QSignalSpy notices(room.room.get(), &ui::RoomController::notice);
    QSignalSpy resyncs(&room.alice->client(), &client::SessionClient::forceResyncReceived);

    QVERIFY(!room.room->resyncEveryone());
    room.run(0.5);
    QCOMPARE(notices.size(), 0);
    QCOMPARE(resyncs.size(), 0);

    QVERIFY(room.becomeHost());
    notices.clear();
    QVERIFY(room.room->resyncEveryone());
    room.run(0.5);
    QCOMPARE(notices.size(), 1);
    QCOMPARE(notices.at(0).at(0).toString(), QStringLiteral("You asked everyone to resync."));
    QCOMPARE(resyncs.size(), 1);
}

void TestRoomController::handingOverMovesTheHostRole()
{
    SimRoom room;
    QVERIFY(room.join());
    QSignalSpy notices(room.room.get(), &ui::RoomController::notice);
    QVERIFY(room.becomeHost());
    QCOMPARE(notices.last().at(0).toString(), QStringLiteral("You are now the host."));
    // Not to ourselves.
    QVERIFY(!room.room->handOverHost(room.session->clientId()));
    QVERIFY(room.room->handOverHost(room.alice->client().clientId()));
    room.run(0.5);
    QVERIFY(!room.session->isHost());
    QCOMPARE(notices.last().at(0).toString(), QStringLiteral("alice is now the host."));
}

void TestRoomController::leavingOnPurposeIsNotAnAccident()
{
    SimRoom room;
    QSignalSpy panel(room.room.get(), &ui::RoomController::panelWanted);
    QVERIFY(room.join());
    QVERIFY(panel.size() >= 1);
    QVERIFY(room.room->othersWouldNotice());
    QSignalSpy ended(room.room.get(), &ui::RoomController::ended);
    room.room->leave();
    room.run(0.5);
    QCOMPARE(ended.size(), 1);
    QCOMPARE(ended.at(0).at(0).toString(), QStringLiteral("You left the room."));
    QCOMPARE(ended.at(0).at(1).toBool(), false);
    QVERIFY(!room.session->isActive());
}

void TestRoomController::leavingThroughTheSessionIsNotAnAccidentEither()
{
    // A dialog that talks to the session directly (the Host dialog's Stop)
    // leaves on purpose too: the controller learns it from the session.
    SimRoom room;
    QVERIFY(room.join());
    QSignalSpy ended(room.room.get(), &ui::RoomController::ended);
    room.session->leave();
    room.run(0.5);
    QCOMPARE(ended.size(), 1);
    QCOMPARE(ended.at(0).at(1).toBool(), false);
    // The next ending, not asked for, is unexpected again.
    QVERIFY(room.join());
    room.world.server().closeAll(protocol::closeCodeValue(protocol::CloseCode::RoomClosed),
                                 QStringLiteral("The host closed the room"));
    room.run(0.5);
    QCOMPARE(ended.size(), 2);
    QCOMPARE(ended.at(1).at(1).toBool(), true);
}

void TestRoomController::aClosedRoomIsUnexpected()
{
    SimRoom room;
    QVERIFY(room.join());
    QSignalSpy ended(room.room.get(), &ui::RoomController::ended);
    room.world.server().closeAll(protocol::closeCodeValue(protocol::CloseCode::RoomClosed),
                                 QStringLiteral("The host closed the room"));
    room.run(0.5);
    QCOMPARE(ended.size(), 1);
    QCOMPARE(ended.at(0).at(0).toString(), QStringLiteral("The host closed the room."));
    QCOMPARE(ended.at(0).at(1).toBool(), true);
}

void TestRoomController::theInviteFileFollowsTheLink()
{
    SimRoom room;
    const QString path = room.files.filePath(QStringLiteral("invite.txt"));
    room.room->setInviteFile(path);
    QVERIFY(room.join());
    QVERIFY(room.becomeHost());
    QVERIFY(!QFile::exists(path));
    room.session->requestInvite(3600);
    room.run(0.5);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString link = QString::fromUtf8(file.readAll()).trimmed();
    QCOMPARE(link, room.session->inviteLink());
    const std::optional<ui::InviteLink> parsed = ui::InviteLink::parse(link);
    QVERIFY2(parsed, qPrintable(link));
    QVERIFY(!parsed->invite().isEmpty());
}

QTEST_GUILESS_MAIN(TestRoomController)
#include "tst_roomcontroller.moc"
