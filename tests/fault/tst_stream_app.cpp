// The host's file streamed to a guest that has none, with the real app: a
// Lockstep window (offscreen) hosting a clip generated at run time, and a
// second one started with `--join LINK` only. A headless fault_client in the
// room plays the remote control; every check reads the apps' --sync-log.
#include "AppProcess.h"
#include "FaultProcesses.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <memory>
#include <optional>

using namespace lockstep;
using namespace lockstep::test;

class TestStreamApp : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void aGuestJoiningWithoutAFileStreamsInStep();

private:
    QTemporaryDir m_dir;
    QString m_clip;
};

void TestStreamApp::initTestCase()
{
    const QString ffmpeg = QStandardPaths::findExecutable(QStringLiteral("ffmpeg"));
    if (ffmpeg.isEmpty())
        QSKIP("ffmpeg is not installed; scripts/test.sh installs it");
    m_clip = m_dir.filePath(QStringLiteral("shared evening.mp4"));
    QByteArray output;
    QVERIFY2(
        runCommand(ffmpeg,
                   {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-f"),
                    QStringLiteral("lavfi"), QStringLiteral("-i"),
                    QStringLiteral("testsrc=duration=40:size=160x120:rate=25"),
                    QStringLiteral("-c:v"), QStringLiteral("libx264"), QStringLiteral("-pix_fmt"),
                    QStringLiteral("yuv420p"), QStringLiteral("-g"), QStringLiteral("25"), m_clip},
                   &output, 60000),
        output.constData());
}

void TestStreamApp::aGuestJoiningWithoutAFileStreamsInStep()
{
    QTemporaryDir folder;
    const quint16 port = freePort();
    const QString inviteFile = folder.filePath(QStringLiteral("invite.txt"));
    AppProcess host(QStringLiteral("Hana"), folder.filePath(QStringLiteral("host")));
    QVERIFY(host.start({QStringLiteral("--open"), m_clip, QStringLiteral("--host"),
                        QStringLiteral("--port"), QString::number(port),
                        QStringLiteral("--invite-file"), inviteFile}));
    const QString link = waitForInviteLink(inviteFile, 20000);
    QVERIFY2(!link.isEmpty(), qPrintable(host.describe()));
    const QUrlQuery query {QUrl(link)};
    const QString room = query.queryItemValue(QStringLiteral("room"));

    // The guest has no file: --join only.
    AppProcess guest(QStringLiteral("Gil"), folder.filePath(QStringLiteral("guest")));
    QVERIFY(guest.start({QStringLiteral("--join"), link}));
    const auto streaming = guest.waitFor(
        [](const QJsonObject &l) { return flagOf(l, "in_room") && flagOf(l, "host_stream"); },
        30000);
    QVERIFY2(streaming, qPrintable(guest.describe()));

    ClientProcess remote;
    ClientProcess::Options options;
    options.url = QUrl(QStringLiteral("wss://127.0.0.1:%1/?room=%2").arg(port).arg(room));
    options.fingerprint = query.queryItemValue(QStringLiteral("fp"));
    options.room = room;
    options.name = QStringLiteral("Remote");
    options.clientId = QStringLiteral("remote");
    options.inviteToken = query.queryItemValue(QStringLiteral("invite"));
    QVERIFY2(remote.start(options) && remote.waitFor(QStringLiteral("joined"), 10000),
             qPrintable(remote.describe()));

    // Play: the streaming guest plays in step with the host.
    remote.send(QStringLiteral("seek 2"));
    QTest::qWait(300);
    remote.send(QStringLiteral("play"));
    for (AppProcess *app : {&host, &guest}) {
        const auto inStep = app->waitFor(playingInStep, 20000, app->mark());
        QVERIFY2(inStep, qPrintable(app->describe()));
    }
    QVERIFY(flagOf(guest.lines().last(), "host_stream"));
    QVERIFY(!flagOf(host.lines().last(), "host_stream"));

    // A seek far ahead, to a part of the file the guest has not fetched.
    const qsizetype mark = guest.mark();
    remote.send(QStringLiteral("seek 30"));
    const auto landed = guest.waitFor(
        [](const QJsonObject &l) {
            return playingInStep(l) && numberOf(l, "position") > 30.0 && flagOf(l, "host_stream");
        },
        20000, mark);
    QVERIFY2(landed, qPrintable(guest.describe()));
}

QTEST_MAIN(TestStreamApp)
#include "tst_stream_app.moc"
