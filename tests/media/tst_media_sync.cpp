// Two real QMediaPlayers, each driven by its own sync engine and protocol
// client, in one room of a real SessionServer over loopback.
#include "client/SessionClient.h"
#include "client/WebSocketTransport.h"
#include "player/MediaPlayerBackend.h"
#include "protocol/Clock.h"
#include "server/SessionServer.h"
#include "sync/SyncController.h"

#include <QElapsedTimer>
#include <QMediaPlayer>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QVideoFrame>
#include <QVideoSink>

#include <vector>

using namespace lockstep;

namespace {

struct Viewer {
    Viewer()
        : client(protocol::SystemClock::instance(), std::make_unique<client::WebSocketTransport>()),
          backend(player), controller(protocol::SystemClock::instance(), client, backend)
    {
        player.setVideoSink(&sink);
        backend.watchFrames(&sink);
        controller.setPreciseStart(true);
        QObject::connect(&timer, &QTimer::timeout, &timer, [this] {
            client.tick();
            controller.tick();
        });
        timer.start(50);
    }

    QMediaPlayer player;
    QVideoSink sink;
    client::SessionClient client;
    ui::MediaPlayerBackend backend;
    sync::SyncController controller;
    QTimer timer;
};

} // namespace

class TestMediaSync : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void followerLandsWithTheHostAfterASeek();
    void theFrameClockFollowsTheFramesShown();
    void aRateChangeIsFreeWhereTheBackendSaysSo();

private:
    QTemporaryDir m_dir;
    QString m_clip;
};

void TestMediaSync::initTestCase()
{
    const QString ffmpeg = QStandardPaths::findExecutable(QStringLiteral("ffmpeg"));
    if (ffmpeg.isEmpty())
        QSKIP("ffmpeg is not installed; scripts/test.sh installs it");
    m_clip = m_dir.filePath(QStringLiteral("clip.mp4"));
    QProcess process;
    process.start(ffmpeg,
                  {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-f"),
                   QStringLiteral("lavfi"), QStringLiteral("-i"),
                   QStringLiteral("testsrc=duration=40:size=320x240:rate=25"),
                   QStringLiteral("-c:v"), QStringLiteral("libx264"), QStringLiteral("-pix_fmt"),
                   QStringLiteral("yuv420p"), QStringLiteral("-g"), QStringLiteral("25"), m_clip});
    QVERIFY(process.waitForFinished(60000));
    QCOMPARE(process.exitCode(), 0);
}

void TestMediaSync::followerLandsWithTheHostAfterASeek()
{
    server::SessionServerConfig config;
    config.address = QHostAddress::LocalHost;
    config.port = 0;
    server::SessionServer server(config);
    QVERIFY(server.start());

    Viewer host;
    Viewer follower;
    host.player.setSource(QUrl::fromLocalFile(m_clip));
    follower.player.setSource(QUrl::fromLocalFile(m_clip));
    QTRY_COMPARE_WITH_TIMEOUT(host.player.mediaStatus(), QMediaPlayer::LoadedMedia, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(follower.player.mediaStatus(), QMediaPlayer::LoadedMedia, 10000);

    client::SessionSpec spec;
    spec.server = server.loopbackUrl();
    spec.room = QStringLiteral("media-test");
    spec.name = QStringLiteral("Host");
    spec.create = true;
    host.client.start(spec);
    QTRY_VERIFY_WITH_TIMEOUT(host.client.inRoom(), 5000);
    spec.create = false;
    spec.name = QStringLiteral("Follower");
    follower.client.start(spec);
    QTRY_VERIFY_WITH_TIMEOUT(follower.client.inRoom(), 5000);

    QVERIFY(host.controller.play());
    QTRY_COMPARE_WITH_TIMEOUT(follower.player.playbackState(), QMediaPlayer::PlayingState, 5000);
    QTest::qWait(1500); // let both play for a while
    QVERIFY(host.controller.seek(20.0));

    // Within two seconds the follower has landed where the host is.
    QTRY_VERIFY_WITH_TIMEOUT(follower.backend.position() > 20.0, 3000);
    QTest::qWait(2000);
    // Where each is, as the engine measures it: from the frames it shows
    // (a backend's coarse position() could hide or flatter a gap).
    QVERIFY(host.backend.framesTimed() > 0 && follower.backend.framesTimed() > 0);
    const double hostPosition = host.backend.position();
    const double followerPosition = follower.backend.position();
    QVERIFY2(std::abs(hostPosition - followerPosition) < 0.1,
             qPrintable(QStringLiteral("host %1 s, follower %2 s")
                            .arg(hostPosition, 0, 'f', 3)
                            .arg(followerPosition, 0, 'f', 3)));
    QCOMPARE(follower.player.playbackState(), QMediaPlayer::PlayingState);
}

// The player clock against the frames the sink receives, on whichever
// backend this Qt plays through: between frames it reads within a frame of
// the last one, a seek moves it there, and a pause stops it.
void TestMediaSync::theFrameClockFollowsTheFramesShown()
{
    Viewer viewer; // not in a room: its engine leaves the player alone
    QMediaPlayer &player = viewer.player;
    QVideoSink &sink = viewer.sink;
    ui::MediaPlayerBackend &backend = viewer.backend;
    double lastFrame = -1.0;
    QObject::connect(&sink, &QVideoSink::videoFrameChanged, &sink, [&](const QVideoFrame &f) {
        if (f.isValid() && f.startTime() >= 0)
            lastFrame = double(f.startTime()) / 1.0e6;
    });
    player.setSource(QUrl::fromLocalFile(m_clip));
    QTRY_COMPARE_WITH_TIMEOUT(player.mediaStatus(), QMediaPlayer::LoadedMedia, 10000);
    backend.play();
    QTRY_VERIFY_WITH_TIMEOUT(backend.position() > 1.0, 10000);
    QVERIFY(backend.framesTimed() > 10);
    QCOMPARE(backend.state(), sync::PlayerBackend::State::Playing);
    QVERIFY(!backend.isWaitingForData());
    // Read at any moment, the clock is at most a frame and a little (25 fps:
    // 40 ms) past the newest frame's stamp less its offset, and never far
    // behind it (on GStreamer stamps run two frames ahead of the media).
    for (int i = 0; i < 20; ++i) {
        QTest::qWait(37);
        const double gap = backend.position() - lastFrame;
        QVERIFY2(gap > -0.1 && gap < 0.06, qPrintable(QString::number(gap)));
    }
    backend.seek(20.0);
    QTRY_VERIFY_WITH_TIMEOUT(std::abs(backend.position() - 20.0) < 0.5, 5000);
    QTest::qWait(500);
    QVERIFY2(backend.position() > 20.2 && backend.position() < 20.8,
             qPrintable(QString::number(backend.position())));
    backend.pause();
    const double paused = backend.position();
    QTest::qWait(300);
    QCOMPARE(backend.position(), paused);
    QCOMPARE(backend.state(), sync::PlayerBackend::State::Paused);
}

// Where the backend changes its rate for free (FFmpeg; GStreamer from Qt
// 6.6), a nudge of the rate leaves the frames coming at the new pace, with
// no gap (a flush would stop them for a while) and no jump of the clock.
void TestMediaSync::aRateChangeIsFreeWhereTheBackendSaysSo()
{
    Viewer viewer; // not in a room: its engine leaves the player alone
    QMediaPlayer &player = viewer.player;
    QVideoSink &sink = viewer.sink;
    ui::MediaPlayerBackend &backend = viewer.backend;
    if (!backend.smoothRateChanges())
        QSKIP("This backend flushes on a rate change (GStreamer before Qt 6.6): the engine "
              "corrects it by seeking instead.");
    std::vector<double> arrivals;
    QElapsedTimer clock;
    clock.start();
    QObject::connect(&sink, &QVideoSink::videoFrameChanged, &sink,
                     [&] { arrivals.push_back(double(clock.nsecsElapsed()) / 1.0e9); });
    player.setSource(QUrl::fromLocalFile(m_clip));
    QTRY_COMPARE_WITH_TIMEOUT(player.mediaStatus(), QMediaPlayer::LoadedMedia, 10000);
    backend.play();
    QTRY_VERIFY_WITH_TIMEOUT(backend.position() > 1.0, 10000);
    const double before = backend.position();
    const double changedAt = double(clock.nsecsElapsed()) / 1.0e9;
    backend.setPlaybackRate(1.05);
    QVERIFY(std::abs(backend.position() - before) < 0.01);
    QTest::qWait(1000);
    // 1 s at 1.05x: the clock moved 1.05 s, give or take a frame.
    const double moved = backend.position() - before;
    QVERIFY2(std::abs(moved - 1.05) < 0.05, qPrintable(QString::number(moved)));
    double longestGap = 0.0;
    for (std::size_t i = 1; i < arrivals.size(); ++i) {
        if (arrivals[i] > changedAt - 0.2)
            longestGap = std::max(longestGap, arrivals[i] - arrivals[i - 1]);
    }
    QVERIFY2(longestGap < 0.1, qPrintable(QString::number(longestGap)));
    backend.setPlaybackRate(1.0);
}

QTEST_MAIN(TestMediaSync)
#include "tst_media_sync.moc"
