// Two real QMediaPlayers, each driven by its own sync engine and protocol
// client, in one room of a real SessionServer over loopback.
#include "client/SessionClient.h"
#include "client/WebSocketTransport.h"
#include "player/MediaPlayerBackend.h"
#include "protocol/Clock.h"
#include "server/SessionServer.h"
#include "sync/SyncController.h"

#include <QMediaPlayer>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QVideoSink>

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

QTEST_MAIN(TestMediaSync)
#include "tst_media_sync.moc"
