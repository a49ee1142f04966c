// libass drawing subtitles: a cue shows as opaque pixels in the band where
// it belongs, only during its time, and the size and position settings move
// and scale it.
#include "subtitles/SubtitleDocument.h"
#include "subtitles/SubtitleRenderer.h"

#include <QTest>

using namespace lockstep::subtitles;

namespace {

// The rows that hold visible subtitle pixels, as [top, bottom]; (-1, -1)
// when there are none.
QPair<int, int> inkRows(const QImage &image)
{
    int top = -1;
    int bottom = -1;
    for (int y = 0; y < image.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        for (int x = 0; x < image.width(); ++x) {
            if (qAlpha(line[x]) > 128) {
                if (top < 0)
                    top = y;
                bottom = y;
                break;
            }
        }
    }
    return {top, bottom};
}

int lightPixels(const QImage &image)
{
    int count = 0;
    for (int y = 0; y < image.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        for (int x = 0; x < image.width(); ++x) {
            if (qAlpha(line[x]) > 200 && qGray(line[x]) > 200)
                ++count;
        }
    }
    return count;
}

} // namespace

class TestSubtitleRender : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void aCueShowsInTheBottomBandDuringItsTime();
    void sizeAndPositionSettingsApply();
    void literalBracesAreDrawnNotInterpreted();

private:
    QByteArray m_script;
};

void TestSubtitleRender::initTestCase()
{
    m_script = assScriptFromCues({{1000, 2000, QStringLiteral("Hello there")},
                                  {5000, 6000, QStringLiteral("<i>Later</i>")}});
}

void TestSubtitleRender::aCueShowsInTheBottomBandDuringItsTime()
{
    SubtitleRenderer renderer;
    QVERIFY(renderer.setScript(m_script));
    const QSize size(640, 360);
    QVERIFY(renderer.render(500, size).isNull());
    bool changed = false;
    const QImage shown = renderer.render(1500, size, &changed);
    QVERIFY(changed);
    QVERIFY(!shown.isNull());
    QCOMPARE(shown.size(), size);
    const auto [top, bottom] = inkRows(shown);
    // The lowest quarter of the picture, above the bottom margin.
    QVERIFY2(top > size.height() * 3 / 4 && bottom < size.height() - 5,
             qPrintable(QStringLiteral("text rows %1..%2").arg(top).arg(bottom)));
    QVERIFY(lightPixels(shown) > 100);
    // The same moment again is not a change.
    renderer.render(1600, size, &changed);
    QVERIFY(!changed);
    // After its end, nothing.
    QVERIFY(renderer.render(2000, size, &changed).isNull());
    QVERIFY(changed);
    QVERIFY(renderer.render(3000, size).isNull());
    QVERIFY(!renderer.render(5500, size).isNull());
    renderer.clear();
    QVERIFY(renderer.render(1500, size).isNull());
}

void TestSubtitleRender::sizeAndPositionSettingsApply()
{
    SubtitleRenderer renderer;
    QVERIFY(renderer.setScript(m_script));
    const QSize size(640, 360);
    const auto normal = inkRows(renderer.render(1500, size));
    renderer.setFontScale(2.0);
    const auto big = inkRows(renderer.render(1500, size));
    QVERIFY2(big.second - big.first > (normal.second - normal.first) * 3 / 2,
             qPrintable(QStringLiteral("normal %1..%2, big %3..%4")
                            .arg(normal.first)
                            .arg(normal.second)
                            .arg(big.first)
                            .arg(big.second)));
    renderer.setFontScale(1.0);
    renderer.setLinePosition(50);
    const auto raised = inkRows(renderer.render(1500, size));
    QVERIFY(raised.second < size.height() * 3 / 4);
}

void TestSubtitleRender::literalBracesAreDrawnNotInterpreted()
{
    SubtitleRenderer renderer;
    // Were "{\an8}" read as ASS, the text would move to the top.
    QVERIFY(renderer.setScript(
        assScriptFromCues({{0, 1000, QStringLiteral("{\\an8}still at the bottom")}})));
    const auto rows = inkRows(renderer.render(500, QSize(640, 360)));
    QVERIFY2(rows.first > 360 * 3 / 4, qPrintable(QString::number(rows.first)));
}

QTEST_GUILESS_MAIN(TestSubtitleRender)
#include "tst_subtitle_render.moc"
