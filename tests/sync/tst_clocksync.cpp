#include "client/ClockSync.h"
#include "protocol/Timeline.h"

#include <QRandomGenerator>
#include <QTest>

using namespace lockstep::client;
using lockstep::protocol::Timeline;

namespace {

// A sample for a server whose clock is `offset` ahead, with the given one-way delays.
ClockSync::Sample sample(double sentAt, double offset, double up, double down)
{
    return {sentAt, sentAt + up + down, sentAt + up + offset};
}

} // namespace

class TestClockSync : public QObject
{
    Q_OBJECT

private slots:
    void symmetricPathGivesExactOffset();
    void asymmetryBiasesByHalfTheDifference();
    void lowestRttSampleWins();
    void outliersAreIgnored_data();
    void outliersAreIgnored();
    void jitterStaysWithinBound();
    void onlyTheLastEightSamplesCount();
    void greedyThenSteadyPings();
    void pongsAreMatchedByClientTs();
    void hiccupTriggersGreedyBurst();
    void intervalsNarrowFasterThanTheBestSample();
    void clockStepRestartsTheEstimate();
    void timelineExtrapolates();
};

void TestClockSync::intervalsNarrowFasterThanTheBestSample()
{
    // The way up is quick in one round trip, the way down in another: no
    // single sample is good, but together they pin the offset down.
    ClockSync sync;
    sync.addSample(sample(100.0, 4.0, 0.001, 0.050));
    sync.addSample(sample(101.0, 4.0, 0.050, 0.001));
    QVERIFY(std::abs(sync.windowOffset() - 4.0) > 0.020);
    QVERIFY2(std::abs(sync.offset() - 4.0) < 0.001, qPrintable(QString::number(sync.offset())));
    QVERIFY(sync.offsetUncertainty() < 0.002);
}

void TestClockSync::clockStepRestartsTheEstimate()
{
    ClockSync sync;
    for (int i = 0; i < 4; ++i)
        sync.addSample(sample(100.0 + i, 4.0, 0.010, 0.010));
    // The server's clock jumped by a second: the old intervals no longer
    // intersect the new one, and the new one wins.
    sync.addSample(sample(110.0, 5.0, 0.010, 0.010));
    QVERIFY(std::abs(sync.offset() - 5.0) < 0.001);
}

void TestClockSync::symmetricPathGivesExactOffset()
{
    ClockSync sync;
    sync.addSample(sample(100.0, 5.25, 0.03, 0.03));
    QVERIFY(sync.hasEstimate());
    QCOMPARE(sync.offset(), 5.25);
    QCOMPARE(sync.bestRtt(), 0.06);
    QCOMPARE(sync.toServerTime(10.0), 15.25);
    QCOMPARE(sync.toLocalTime(15.25), 10.0);
}

void TestClockSync::asymmetryBiasesByHalfTheDifference()
{
    ClockSync sync;
    sync.addSample(sample(100.0, 2.0, 0.020, 0.100));
    QVERIFY(std::abs(sync.offset() - (2.0 + (0.020 - 0.100) / 2.0)) < 1e-9);
}

void TestClockSync::lowestRttSampleWins()
{
    ClockSync sync;
    sync.addSample(sample(100.0, 1.0, 0.080, 0.010)); // queued on the way up
    sync.addSample(sample(101.0, 1.0, 0.010, 0.010));
    sync.addSample(sample(102.0, 1.0, 0.010, 0.090)); // queued on the way down
    QVERIFY(std::abs(sync.windowOffset() - 1.0) < 1e-9);
    QVERIFY(std::abs(sync.offset() - 1.0) < 0.001);
    QCOMPARE(sync.sampleCount(), 3);
}

void TestClockSync::outliersAreIgnored_data()
{
    QTest::addColumn<double>("spike");
    QTest::addRow("100 ms") << 0.1;
    QTest::addRow("1 s") << 1.0;
    QTest::addRow("10 s") << 10.0;
}

void TestClockSync::outliersAreIgnored()
{
    QFETCH(double, spike);
    ClockSync sync;
    for (int i = 0; i < 6; ++i)
        sync.addSample(sample(100.0 + i, -3.0, 0.015, 0.015));
    sync.addSample(sample(107.0, -3.0, spike, 0.015));
    sync.addSample(sample(108.0, -3.0, 0.015, spike));
    QVERIFY(std::abs(sync.windowOffset() + 3.0) < 1e-9);
    QVERIFY(std::abs(sync.offset() + 3.0) < 0.001);
}

void TestClockSync::jitterStaysWithinBound()
{
    QRandomGenerator random(42);
    ClockSync sync;
    for (int i = 0; i < 200; ++i) {
        const double up = 0.030 + 0.010 * (2.0 * random.generateDouble() - 1.0);
        const double down = 0.030 + 0.010 * (2.0 * random.generateDouble() - 1.0);
        sync.addSample(sample(100.0 + i, 7.0, up, down));
        if (i >= 7)
            QVERIFY2(std::abs(sync.offset() - 7.0) <= 0.010, qPrintable(QString::number(i)));
    }
    QVERIFY(sync.rttJitter() > 0.0);
    QVERIFY(std::abs(sync.smoothedRtt() - 0.060) < 0.010);
}

void TestClockSync::onlyTheLastEightSamplesCount()
{
    ClockSync sync;
    sync.addSample(sample(100.0, 1.0, 0.001, 0.001)); // best, but will age out
    for (int i = 1; i <= ClockSync::kWindow; ++i)
        sync.addSample(sample(100.0 + i, 2.0, 0.010, 0.010));
    QVERIFY(std::abs(sync.offset() - 2.0) < 1e-9);
    QCOMPARE(sync.sampleCount(), ClockSync::kWindow);
}

void TestClockSync::greedyThenSteadyPings()
{
    ClockSync sync;
    double now = 1000.0;
    sync.reset(now);
    int sent = 0;
    // Over the first half second: the greedy burst.
    for (; now < 1000.5; now += 0.01) {
        if (sync.pingDue(now)) {
            sync.pingSent(now);
            ++sent;
        }
    }
    QCOMPARE(sent, ClockSync::kGreedyPings);
    sent = 0;
    for (; now < 1010.5; now += 0.01) {
        if (sync.pingDue(now)) {
            sync.pingSent(now);
            ++sent;
        }
    }
    QCOMPARE(sent, 5); // one every 2 s
}

void TestClockSync::pongsAreMatchedByClientTs()
{
    ClockSync sync;
    sync.reset(50.0);
    const double clientTs = sync.pingSent(50.0004);
    QCOMPARE(clientTs, 50.0);
    QVERIFY(!sync.pongReceived(49.0, 60.0, 50.1)); // unknown ping
    QVERIFY(sync.pongReceived(clientTs, 60.05, 50.1004));
    QVERIFY(std::abs(sync.bestRtt() - 0.1) < 1e-9);
    QVERIFY(std::abs(sync.offset() - (60.05 - (50.0004 + 0.05))) < 1e-9);
    QVERIFY(!sync.pongReceived(clientTs, 60.05, 50.2)); // answered once only
}

void TestClockSync::hiccupTriggersGreedyBurst()
{
    ClockSync sync;
    double now = 0.0;
    sync.reset(now);
    for (int i = 0; i < 8; ++i)
        sync.addSample(sample(now + i, 0.0, 0.010, 0.010));
    now = 20.0;
    sync.pingSent(now);
    sync.pingSent(now + 2);
    sync.pingSent(now + 4);
    sync.pingSent(now + 6);
    sync.pingSent(now + 8);
    QVERIFY(!sync.pingDue(now + 8.5)); // steady: next at +2 s
    sync.addSample(sample(now + 8.5, 0.0, 0.400, 0.400));
    QVERIFY(sync.pingDue(sync.bestRtt() + now + 9.4));
}

void TestClockSync::timelineExtrapolates()
{
    Timeline playing {10.0, lockstep::protocol::PlayState::Playing, 1000.0};
    QCOMPARE(playing.positionAt(1002.5), 12.5);
    Timeline paused {10.0, lockstep::protocol::PlayState::Paused, 1000.0};
    QCOMPARE(paused.positionAt(1002.5), 10.0);
    QVERIFY(playing.isPlaying());
    QVERIFY(!paused.isPlaying());
}

QTEST_GUILESS_MAIN(TestClockSync)
#include "tst_clocksync.moc"
