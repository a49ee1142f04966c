// A guest without a copy watches the host's file streamed from the host's
// app: a real in-app server (wss://, its own certificate) sharing a clip
// generated here, a guest RoomSession whose loopback proxy forwards a real
// QMediaPlayer's ranged requests over the pinned TLS, and the sync engine
// keeping both players on the room's timeline through a seek.
#include "client/WebSocketTransport.h"
#include "player/MediaPlayerBackend.h"
#include "protocol/Clock.h"
#include "room/HostOptions.h"
#include "room/InviteLink.h"
#include "room/RoomMedia.h"
#include "room/RoomSession.h"
#include "room/StreamProxy.h"

#include <QMediaPlayer>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QVideoSink>

using namespace lockstep;
using ui::RoomSession;

namespace {

constexpr int kDeadlineMs = 20000;

// One person with the app: a real player under a room session over a real
// WebSocket.
struct Person {
    Person()
        : backend(player), session(backend, protocol::SystemClock::instance(),
                                   std::make_unique<client::WebSocketTransport>())
    {
        player.setVideoSink(&sink);
    }

    QMediaPlayer player;
    QVideoSink sink;
    ui::MediaPlayerBackend backend;
    RoomSession session;
};

} // namespace

class TestMediaStreamGuest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void guestWithoutACopyStreamsInStep();

private:
    QTemporaryDir m_dir;
    QString m_clip;
};

void TestMediaStreamGuest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope,
                       m_dir.filePath(QStringLiteral("settings")));
    const QString ffmpeg = QStandardPaths::findExecutable(QStringLiteral("ffmpeg"));
    if (ffmpeg.isEmpty())
        QSKIP("ffmpeg is not installed; scripts/test.sh installs it");
    m_clip = m_dir.filePath(QStringLiteral("shared clip.mp4"));
    QProcess process;
    process.start(ffmpeg,
                  {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-f"),
                   QStringLiteral("lavfi"), QStringLiteral("-i"),
                   QStringLiteral("testsrc=duration=40:size=320x240:rate=25"),
                   QStringLiteral("-c:v"), QStringLiteral("libx264"), QStringLiteral("-pix_fmt"),
                   QStringLiteral("yuv420p"), QStringLiteral("-g"), QStringLiteral("25"),
                   QStringLiteral("-movflags"), QStringLiteral("+faststart"), m_clip});
    QVERIFY(process.waitForFinished(60000));
    QCOMPARE(process.exitCode(), 0);
}

void TestMediaStreamGuest::guestWithoutACopyStreamsInStep()
{
    Person host;
    host.player.setSource(QUrl::fromLocalFile(m_clip));
    QTRY_COMPARE_WITH_TIMEOUT(host.player.mediaStatus(), QMediaPlayer::LoadedMedia, kDeadlineMs);
    host.session.offerLocalFile(m_clip);

    ui::HostOptions options;
    options.port = 0;
    options.name = QStringLiteral("Alice");
    options.inviteOnly = false;
    options.certificateDirectory = m_dir.filePath(QStringLiteral("tls"));
    QString error;
    QVERIFY2(host.session.startServer(options, &error), qPrintable(error));
    QVERIFY(host.session.sharesFiles());
    host.session.createRoom(
        ui::RoomMedia::forLocalFile(m_clip, double(host.player.duration()) / 1000.0));
    QTRY_VERIFY_WITH_TIMEOUT(!host.session.inviteLink().isEmpty(), kDeadlineMs);
    const auto link = ui::InviteLink::parse(host.session.inviteLink());
    QVERIFY(link);
    QVERIFY(!link->fingerprint().isEmpty());

    // The guest has no copy: the room says the host offers its file.
    Person guest;
    guest.session.join(*link, QStringLiteral("Bob"));
    QTRY_VERIFY_WITH_TIMEOUT(guest.session.inRoom(), kDeadlineMs);
    QVERIFY(guest.session.hostOffersStream());
    const QUrl url = guest.session.hostStreamUrl();
    QCOMPARE(url.host(), QStringLiteral("127.0.0.1"));
    QVERIFY(url.path().endsWith(QStringLiteral("/shared clip.mp4")));
    guest.player.setSource(url);
    QTRY_COMPARE_WITH_TIMEOUT(guest.player.mediaStatus(), QMediaPlayer::LoadedMedia, kDeadlineMs);
    QCOMPARE(guest.player.duration(), host.player.duration());

    // Another path on the proxy's port reads nothing: the secret is the path.
    QTcpSocket stranger;
    QByteArray answer;
    QObject::connect(&stranger, &QTcpSocket::readyRead, &stranger,
                     [&] { answer += stranger.readAll(); });
    stranger.connectToHost(QStringLiteral("127.0.0.1"), quint16(url.port()));
    QTRY_COMPARE_WITH_TIMEOUT(stranger.state(), QAbstractSocket::ConnectedState, kDeadlineMs);
    stranger.write("GET /shared%20clip.mp4 HTTP/1.1\r\nRange: bytes=0-\r\n\r\n");
    QTRY_VERIFY_WITH_TIMEOUT(answer.startsWith("HTTP/1.1 404"), kDeadlineMs);

    QVERIFY(host.session.togglePlayPause());
    QTRY_COMPARE_WITH_TIMEOUT(guest.player.playbackState(), QMediaPlayer::PlayingState,
                              kDeadlineMs);
    // The host sees what it sends the guest.
    QTRY_VERIFY_WITH_TIMEOUT(host.session.uploadRates().value(guest.session.clientId()) > 0.0,
                             kDeadlineMs);

    QTest::qWait(1500);
    // A seek far ahead: the guest asks the host for that part of the file.
    QVERIFY(host.session.seek(25.0));
    QTRY_VERIFY_WITH_TIMEOUT(guest.player.position() > 25000, kDeadlineMs);
    QTest::qWait(2000);
    const qint64 hostPosition = host.player.position();
    const qint64 guestPosition = guest.player.position();
    QVERIFY2(
        std::abs(hostPosition - guestPosition) < 150,
        qPrintable(QStringLiteral("host %1 ms, guest %2 ms").arg(hostPosition).arg(guestPosition)));
    QCOMPARE(guest.player.playbackState(), QMediaPlayer::PlayingState);
}

QTEST_MAIN(TestMediaStreamGuest)
#include "tst_media_stream_guest.moc"
