// FullScreenController on a manual clock: when the controls and the pointer
// hide in full screen, and when they come back.
#include "protocol/Clock.h"
#include "room/FullScreenController.h"

#include <QSignalSpy>
#include <QTest>

using lockstep::protocol::ManualClock;
using lockstep::room::FullScreenController;
using Sample = FullScreenController::Sample;

class TestFullScreenController : public QObject
{
    Q_OBJECT

private slots:
    void aRestingPointerHidesTheControlsWhilePlaying();
    void movingOrHoveringShowsThemAgain();
    void pausedKeepsThemVisible();
    void leavingFullScreenShowsThem();
};

void TestFullScreenController::aRestingPointerHidesTheControlsWhilePlaying()
{
    ManualClock clock;
    FullScreenController controller(clock);
    controller.setSampler([] { return Sample {QPoint(10, 10), false, true}; });
    QSignalSpy hidden(&controller, &FullScreenController::controlsHiddenChanged);
    // Outside full screen nothing hides.
    clock.advance(10.0);
    controller.observe({QPoint(10, 10), false, true});
    QVERIFY(!controller.controlsHidden());

    controller.setFullScreen(true);
    clock.advance(FullScreenController::kHideAfter - 0.1);
    controller.observe({QPoint(10, 10), false, true});
    QVERIFY(!controller.controlsHidden());
    clock.advance(0.2);
    controller.observe({QPoint(10, 10), false, true});
    QVERIFY(controller.controlsHidden());
    QCOMPARE(hidden.size(), 1);
}

void TestFullScreenController::movingOrHoveringShowsThemAgain()
{
    ManualClock clock;
    FullScreenController controller(clock);
    controller.setFullScreen(true);
    clock.advance(3.0);
    controller.observe({QPoint(0, 0), false, true});
    QVERIFY(controller.controlsHidden());
    controller.observe({QPoint(5, 0), false, true});
    QVERIFY(!controller.controlsHidden());
    // A pointer resting on the controls keeps them.
    clock.advance(10.0);
    controller.observe({QPoint(5, 0), true, true});
    QVERIFY(!controller.controlsHidden());
    // And the wait starts again from the last movement.
    clock.advance(1.0);
    controller.observe({QPoint(5, 0), false, true});
    QVERIFY(!controller.controlsHidden());
    clock.advance(2.0);
    controller.observe({QPoint(5, 0), false, true});
    QVERIFY(controller.controlsHidden());
}

void TestFullScreenController::pausedKeepsThemVisible()
{
    ManualClock clock;
    FullScreenController controller(clock);
    controller.setFullScreen(true);
    clock.advance(30.0);
    controller.observe({QPoint(0, 0), false, false});
    QVERIFY(!controller.controlsHidden());
}

void TestFullScreenController::leavingFullScreenShowsThem()
{
    ManualClock clock;
    FullScreenController controller(clock);
    QSignalSpy changed(&controller, &FullScreenController::fullScreenChanged);
    controller.setFullScreen(true);
    controller.setFullScreen(true);
    QCOMPARE(changed.size(), 1);
    clock.advance(3.0);
    controller.observe({QPoint(0, 0), false, true});
    QVERIFY(controller.controlsHidden());
    controller.setFullScreen(false);
    QVERIFY(!controller.controlsHidden());
    QCOMPARE(changed.size(), 2);
}

QTEST_GUILESS_MAIN(TestFullScreenController)
#include "tst_fullscreencontroller.moc"
