// A real QMediaPlayer drawing into the video view: the grabbed view shows the
// clip's own pixels (a clip made here, red for two seconds, then blue), and
// follows a seek.
#include "player/VideoView.h"

#include <QMediaPlayer>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QVideoSink>

using lockstep::ui::VideoView;

namespace {

bool near(QRgb pixel, QColor expected, int tolerance = 40)
{
    return std::abs(qRed(pixel) - expected.red()) <= tolerance
        && std::abs(qGreen(pixel) - expected.green()) <= tolerance
        && std::abs(qBlue(pixel) - expected.blue()) <= tolerance;
}

QString describe(QRgb pixel)
{
    return QStringLiteral("rgb(%1, %2, %3)").arg(qRed(pixel)).arg(qGreen(pixel)).arg(qBlue(pixel));
}

} // namespace

class TestVideoPicture : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void theViewShowsTheClipAndFollowsASeek();

private:
    QTemporaryDir m_dir;
    QString m_clip;
};

void TestVideoPicture::initTestCase()
{
    const QString ffmpeg = QStandardPaths::findExecutable(QStringLiteral("ffmpeg"));
    if (ffmpeg.isEmpty())
        QSKIP("ffmpeg is not installed; scripts/test.sh installs it");
    m_clip = m_dir.filePath(QStringLiteral("red-then-blue.mp4"));
    QProcess process;
    process.start(ffmpeg,
                  {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-filter_complex"),
                   QStringLiteral("color=c=red:s=320x240:r=25:d=2[r];"
                                  "color=c=blue:s=320x240:r=25:d=2[b];"
                                  "[r][b]concat=n=2:v=1:a=0[v]"),
                   QStringLiteral("-map"), QStringLiteral("[v]"), QStringLiteral("-c:v"),
                   QStringLiteral("libx264"), QStringLiteral("-pix_fmt"), QStringLiteral("yuv420p"),
                   QStringLiteral("-g"), QStringLiteral("25"), m_clip});
    QVERIFY(process.waitForFinished(60000));
    QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
}

void TestVideoPicture::theViewShowsTheClipAndFollowsASeek()
{
    VideoView view;
    view.resize(640, 360);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QMediaPlayer player;
    player.setVideoOutput(view.videoSink());
    QSignalSpy presented(&view, &VideoView::framePresented);
    player.setSource(QUrl::fromLocalFile(m_clip));
    player.pause(); // shows the first frame and stays there
    QTRY_VERIFY_WITH_TIMEOUT(!presented.isEmpty(), 15000);

    // 4:3 in 16:9: bars left and right.
    QCOMPARE(view.frameSize(), QSize(320, 240));
    QCOMPARE(view.videoRect(), QRect(80, 0, 480, 360));
    QImage shot = view.grab().toImage();
    QVERIFY2(near(shot.pixel(320, 180), QColor(255, 0, 0)),
             qPrintable(describe(shot.pixel(320, 180))));
    QVERIFY2(near(shot.pixel(90, 10), QColor(255, 0, 0)), qPrintable(describe(shot.pixel(90, 10))));
    QVERIFY2(near(shot.pixel(40, 180), Qt::black, 0), qPrintable(describe(shot.pixel(40, 180))));
    QVERIFY2(near(shot.pixel(600, 180), Qt::black, 0), qPrintable(describe(shot.pixel(600, 180))));

    // Into the blue half, paused: the picture follows the seek.
    player.setPosition(3000);
    QTRY_VERIFY_WITH_TIMEOUT(near(view.grab().toImage().pixel(320, 180), QColor(0, 0, 255)), 15000);
    // And back.
    player.setPosition(500);
    QTRY_VERIFY_WITH_TIMEOUT(near(view.grab().toImage().pixel(320, 180), QColor(255, 0, 0)), 15000);
}

QTEST_MAIN(TestVideoPicture)
#include "tst_video_picture.moc"
