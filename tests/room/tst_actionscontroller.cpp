// ActionsController: which of the window's commands are available, derived
// from the controllers' state outside a room, as a guest and as the host.
#include "SimRoom.h"
#include "room/ActionsController.h"
#include "room/FullScreenController.h"

#include <QAction>
#include <QIcon>
#include <QTest>

using namespace lockstep;
using test::SimRoom;
using Actions = room::ActionsController::Actions;

namespace {

struct Fixture {
    SimRoom room;
    room::FullScreenController fullScreen {room.world.scheduler().clock()};
    room::ActionsController controller {*room.playback, *room.room, *room.session, fullScreen,
                                        [](room::ActionsController::Icon) { return QIcon(); }};
    const Actions &a = controller.actions();
};

} // namespace

class TestActionsController : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { test::isolateSettings(); }
    void playbackNeedsLoadedMedia();
    void roomActionsFollowTheRole();
    void fullScreenActionsFollowTheController();
};

void TestActionsController::playbackNeedsLoadedMedia()
{
    Fixture f;
    QVERIFY(!f.a.playPause->isEnabled());
    QVERIFY(!f.a.forward->isEnabled());
    f.room.playback->open(f.room.mediaFile());
    QVERIFY(!f.a.playPause->isEnabled());
    f.room.playback->onLoaded(60.0);
    QVERIFY(f.a.playPause->isEnabled());
    QVERIFY(f.a.back->isEnabled());
    // Autoplay outside a room: the action offers to pause.
    QCOMPARE(f.a.playPause->text(), QStringLiteral("&Pause"));
    f.a.playPause->trigger();
    QCOMPARE(f.a.playPause->text(), QStringLiteral("&Play"));
    QCOMPARE(f.room.player.state(), sync::PlayerBackend::State::Paused);
    f.room.playback->onFailed();
    QVERIFY(!f.a.playPause->isEnabled());
}

void TestActionsController::roomActionsFollowTheRole()
{
    Fixture f;
    // Not in a room.
    QVERIFY(f.a.host->isEnabled());
    QVERIFY(f.a.join->isEnabled());
    QVERIFY(!f.a.leave->isEnabled());
    QVERIFY(!f.a.resync->isEnabled());
    QVERIFY(!f.a.stopHosting->isVisible());
    QVERIFY(!f.a.invite->isVisible());
    QVERIFY(!f.a.copyInvite->isEnabled());

    // A guest may leave, not resync; the link it came with can be passed on.
    QVERIFY(f.room.join());
    QVERIFY(f.a.leave->isEnabled());
    QVERIFY(f.a.leave->isVisible());
    QVERIFY(!f.a.resync->isEnabled());
    QVERIFY(f.a.copyInvite->isEnabled());

    // Made host (of someone else's server): resync, still leave rather than stop.
    QVERIFY(f.room.becomeHost());
    QVERIFY(f.a.resync->isEnabled());
    QVERIFY(f.a.leave->isEnabled());
    QVERIFY(!f.a.stopHosting->isVisible());

    f.room.room->leave();
    f.room.run(0.5);
    QVERIFY(!f.a.leave->isEnabled());
    QVERIFY(!f.a.resync->isEnabled());
    QVERIFY(!f.a.copyInvite->isEnabled());
}

void TestActionsController::fullScreenActionsFollowTheController()
{
    Fixture f;
    QVERIFY(!f.a.leaveFullScreen->isEnabled());
    f.a.fullScreen->setChecked(true);
    QVERIFY(f.fullScreen.isFullScreen());
    QVERIFY(f.a.leaveFullScreen->isEnabled());
    f.a.leaveFullScreen->trigger();
    QVERIFY(!f.fullScreen.isFullScreen());
    QVERIFY(!f.a.fullScreen->isChecked());
    QVERIFY(!f.a.leaveFullScreen->isEnabled());
}

// QAction and QKeySequence need a QGuiApplication (no Widgets).
QTEST_MAIN(TestActionsController)
#include "tst_actionscontroller.moc"
