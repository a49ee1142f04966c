#include "sync/Corrector.h"

#include <QTest>

using namespace lockstep::sync;
using Kind = CorrectorAction::Kind;

Q_DECLARE_METATYPE(lockstep::sync::CorrectorAction::Kind)

class TestCorrector : public QObject
{
    Q_OBJECT

private slots:
    void decisions_data();
    void decisions();
    void rateIsBoundedAndProportional();
};

void TestCorrector::decisions_data()
{
    QTest::addColumn<double>("error");
    QTest::addColumn<double>("rate");
    QTest::addColumn<int>("ticksOutside");
    QTest::addColumn<double>("sinceCorrection");
    QTest::addColumn<double>("rateStall");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<double>("newRate");

    const double cheap = 0.0;
    const double flushing = 0.040;
    // error, rate, ticks, since, stall -> action
    QTest::addRow("in deadband") << 0.004 << 1.0 << 0 << 10.0 << cheap << Kind::None << 1.0;
    QTest::addRow("outside but not yet persistent")
        << 0.050 << 1.0 << 2 << 10.0 << cheap << Kind::None << 1.0;
    QTest::addRow("ahead, cheap rate: slow down")
        << 0.030 << 1.0 << 3 << 10.0 << cheap << Kind::SetRate << 0.97;
    QTest::addRow("behind, cheap rate: speed up")
        << -0.030 << 1.0 << 3 << 10.0 << cheap << Kind::SetRate << 1.03;
    QTest::addRow("far behind, cheap rate: seek")
        << -0.800 << 1.0 << 3 << 10.0 << cheap << Kind::Seek << 1.0;
    QTest::addRow("ahead, flushing rate: seek")
        << 0.030 << 1.0 << 3 << 10.0 << flushing << Kind::Seek << 1.0;
    QTest::addRow("flushing, seeked just now: wait")
        << 0.030 << 1.0 << 3 << 0.5 << flushing << Kind::None << 1.0;
    QTest::addRow("nudging, settled: back to 1.0")
        << 0.0015 << 0.97 << 0 << 10.0 << cheap << Kind::SetRate << 1.0;
    QTest::addRow("nudging, overshot: back to 1.0")
        << -0.006 << 0.97 << 3 << 10.0 << cheap << Kind::SetRate << 1.0;
    QTest::addRow("nudging, still converging: keep")
        << 0.020 << 0.97 << 3 << 10.0 << cheap << Kind::None << 1.0;
    QTest::addRow("nudging inside deadband, not settled: keep (hysteresis)")
        << 0.004 << 0.97 << 0 << 10.0 << cheap << Kind::None << 1.0;
    QTest::addRow("nudging, jumped far: seek")
        << 1.5 << 0.97 << 3 << 10.0 << cheap << Kind::Seek << 1.0;
}

void TestCorrector::decisions()
{
    QFETCH(double, error);
    QFETCH(double, rate);
    QFETCH(int, ticksOutside);
    QFETCH(double, sinceCorrection);
    QFETCH(double, rateStall);
    QFETCH(Kind, kind);
    QFETCH(double, newRate);
    const CorrectorAction action
        = decideCorrection({error, rate, ticksOutside, sinceCorrection, rateStall}, {});
    QCOMPARE(action.kind, kind);
    if (kind == Kind::SetRate)
        QVERIFY2(std::abs(action.rate - newRate) < 1e-9, qPrintable(QString::number(action.rate)));
}

void TestCorrector::rateIsBoundedAndProportional()
{
    const CorrectorConfig config;
    const auto rateFor = [&](double error) {
        return decideCorrection({error, 1.0, 5, 10.0, 0.0}, config).rate;
    };
    QVERIFY(std::abs(rateFor(0.3) - (1.0 - config.maxRateDeviation)) < 1e-9);
    QVERIFY(std::abs(rateFor(-0.3) - (1.0 + config.maxRateDeviation)) < 1e-9);
    QVERIFY(rateFor(0.02) > rateFor(0.04)); // more error, stronger nudge
    QVERIFY(std::abs(rateFor(0.011) - (1.0 - 0.011)) < 1e-9);
    // A small error still gets a nudge large enough to matter.
    CorrectorConfig gentle;
    gentle.rateGain = 0.1;
    QVERIFY(std::abs(decideCorrection({0.006, 1.0, 5, 10.0, 0.0}, gentle).rate
                     - (1.0 - gentle.minRateDeviation))
            < 1e-9);
}

QTEST_GUILESS_MAIN(TestCorrector)
#include "tst_corrector.moc"
