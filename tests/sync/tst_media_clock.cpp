#include "sync/MediaClock.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

using lockstep::sync::MediaClock;

// The player clock the engine reads on every tick, fed the way the real
// backends feed it: frames that reach the sink a little late now and then,
// or position updates that lag in coarse steps (Qt's FFmpeg backend).
class TestMediaClock : public QObject
{
    Q_OBJECT

private slots:
    void readsTheAnchorUntilTheFirstSample();
    void latelyDeliveredFramesDoNotShowAsLag();
    void coarsePositionStepsAreSmoothedOut();
    void stopsWithThePlayer();
    void aJumpStartsTheLineAgain();
    void followsTheRate();
    void aRateChangeKeepsThePosition();
};

void TestMediaClock::readsTheAnchorUntilTheFirstSample()
{
    MediaClock clock;
    clock.restart(12.5, 1.0);
    QCOMPARE(clock.position(100.0), 12.5);
    QCOMPARE(clock.position(105.0), 12.5);
    QVERIFY(clock.stalled(100.0));
    clock.addSample(12.5, 100.0);
    QCOMPARE(clock.position(100.1), 12.6);
}

void TestMediaClock::latelyDeliveredFramesDoNotShowAsLag()
{
    // 30 fps; each frame is handed over 0-3 ms late, and one in five up to
    // 20 ms late (the receiving thread was busy).
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> small(0.0, 0.003);
    std::uniform_real_distribution<double> large(0.0, 0.020);
    MediaClock clock;
    const double t0 = 1000.0;
    const double m0 = 30.0;
    clock.restart(m0, 1.0);
    std::vector<double> errors;
    for (int i = 0; i < 300; ++i) {
        const double media = m0 + i / 30.0;
        const double late = (i % 5 == 4) ? large(rng) : small(rng);
        clock.addSample(media, t0 + i / 30.0 + late);
        if (i < 5)
            continue;
        // Read between frames, as the engine's ticks do.
        const double now = t0 + i / 30.0 + 0.025;
        errors.push_back(std::abs(clock.position(now) - (m0 + (now - t0))));
    }
    std::sort(errors.begin(), errors.end());
    const double worst = errors.back();
    QVERIFY2(worst < 0.004, qPrintable(QString::number(worst * 1000.0) + QStringLiteral(" ms")));
}

void TestMediaClock::coarsePositionStepsAreSmoothedOut()
{
    // Position updates every 50 ms, each stale by 0-80 ms (audio written in
    // chunks): read raw, 25 ms off at the median and up to 80 ms.
    std::mt19937 rng(11);
    std::uniform_real_distribution<double> stale(0.0, 0.080);
    MediaClock clock;
    const double t0 = 50.0;
    clock.restart(0.0, 1.0);
    std::vector<double> errors;
    for (int i = 0; i < 200; ++i) {
        const double at = t0 + i * 0.050;
        clock.addSample(std::max(0.0, (at - t0) - stale(rng)), at);
        if (i < 10)
            continue;
        const double now = at + 0.020;
        errors.push_back(std::abs(clock.position(now) - (now - t0)));
    }
    std::sort(errors.begin(), errors.end());
    const double p95 = errors[errors.size() * 95 / 100];
    QVERIFY2(p95 < 0.015, qPrintable(QString::number(p95 * 1000.0) + QStringLiteral(" ms")));
}

void TestMediaClock::stopsWithThePlayer()
{
    MediaClock clock;
    clock.restart(0.0, 1.0);
    for (int i = 0; i <= 30; ++i)
        clock.addSample(i / 30.0, 10.0 + i / 30.0);
    QVERIFY(!clock.stalled(11.1));
    // Nothing new for a second: the clock went no further than its limit.
    const double limit = MediaClock::Config().maxExtrapolation;
    QVERIFY(clock.stalled(12.0));
    QVERIFY(std::abs(clock.position(12.0) - (1.0 + limit)) < 1e-9);
    QCOMPARE(clock.position(20.0), clock.position(12.0));
}

void TestMediaClock::aJumpStartsTheLineAgain()
{
    MediaClock clock;
    clock.restart(0.0, 1.0);
    for (int i = 0; i < 10; ++i)
        clock.addSample(i / 30.0, 10.0 + i / 30.0);
    // Sent 60 s on: the first frame from there is the clock at once.
    clock.addSample(60.0, 10.4);
    QVERIFY(std::abs(clock.position(10.45) - 60.05) < 1e-9);
    // And back to the start: again.
    clock.addSample(1.0, 10.5);
    QVERIFY(std::abs(clock.position(10.5) - 1.0) < 1e-9);
}

void TestMediaClock::followsTheRate()
{
    MediaClock clock;
    clock.restart(5.0, 1.5);
    for (int i = 0; i < 30; ++i)
        clock.addSample(5.0 + 1.5 * i / 30.0, 20.0 + i / 30.0 + (i % 3) * 0.004);
    const double now = 20.0 + 29.0 / 30.0 + 0.02;
    QVERIFY(std::abs(clock.position(now) - (5.0 + 1.5 * (now - 20.0))) < 0.002);
}

void TestMediaClock::aRateChangeKeepsThePosition()
{
    MediaClock clock;
    clock.restart(0.0, 1.0);
    for (int i = 0; i < 30; ++i)
        clock.addSample(i / 30.0, 10.0 + i / 30.0);
    const double before = clock.position(11.0);
    clock.setRate(1.02, 11.0);
    QVERIFY(std::abs(clock.position(11.0) - before) < 1e-9);
    // Without new frames it moves on at the new rate, as far as its limit.
    QVERIFY(std::abs(clock.position(11.1) - (before + 0.102)) < 1e-9);
}

QTEST_GUILESS_MAIN(TestMediaClock)
#include "tst_media_clock.moc"
