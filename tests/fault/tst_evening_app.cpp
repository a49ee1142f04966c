// An evening with the real apps (docs/protocol.md, "Decided extensions
// (3)"): a host with a film and its .srt, a guest who streams the film and
// has no subtitles, and a guest with a copy whose sound reaches them 200 ms
// late (--audio-delay 200). A headless fault_client sets the room's speed to
// 1.5x; every check reads the apps' --sync-log.
#include "AppProcess.h"
#include "FaultProcesses.h"

#include <QFile>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using namespace lockstep;
using namespace lockstep::test;

namespace {

// In step at the room's speed: playing, in sync within 50 ms of where the
// engine aims (the timeline, plus the audio delay), at `speed`.
bool inStepAt(const QJsonObject &line, double speed)
{
    return playingInStep(line) && std::abs(numberOf(line, "speed") - speed) < 1e-6;
}

// The host's position at `serverTime`, from its line nearest that time.
std::optional<double> hostPositionAt(const QList<QJsonObject> &host, double serverTime,
                                     double speed)
{
    const QJsonObject *nearest = nullptr;
    for (const QJsonObject &line : host) {
        if (!inStepAt(line, speed))
            continue;
        if (!nearest
            || std::abs(numberOf(line, "server_time") - serverTime)
                < std::abs(numberOf(*nearest, "server_time") - serverTime))
            nearest = &line;
    }
    if (!nearest || std::abs(numberOf(*nearest, "server_time") - serverTime) > 1.0)
        return std::nullopt;
    return numberOf(*nearest, "position")
        + (serverTime - numberOf(*nearest, "server_time")) * speed;
}

} // namespace

class TestEveningApp : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void speedSubtitlesAndASoundDelay();

private:
    QTemporaryDir m_dir;
    QString m_film;
    QString m_subtitles;
};

void TestEveningApp::initTestCase()
{
    const QString ffmpeg = QStandardPaths::findExecutable(QStringLiteral("ffmpeg"));
    if (ffmpeg.isEmpty())
        QSKIP("ffmpeg is not installed; scripts/test.sh installs it");
    m_film = m_dir.filePath(QStringLiteral("Film.mp4"));
    QByteArray output;
    QVERIFY2(
        runCommand(ffmpeg,
                   {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-f"),
                    QStringLiteral("lavfi"), QStringLiteral("-i"),
                    QStringLiteral("testsrc=duration=60:size=160x120:rate=25"),
                    QStringLiteral("-c:v"), QStringLiteral("libx264"), QStringLiteral("-pix_fmt"),
                    QStringLiteral("yuv420p"), QStringLiteral("-g"), QStringLiteral("25"), m_film},
                   &output, 60000),
        output.constData());
    m_subtitles = m_dir.filePath(QStringLiteral("Film.en.srt"));
    QFile srt(m_subtitles);
    QVERIFY(srt.open(QIODevice::WriteOnly));
    srt.write("1\n00:00:00,500 --> 00:00:59,000\nThe train leaves at midnight.\n");
}

void TestEveningApp::speedSubtitlesAndASoundDelay()
{
    QTemporaryDir folder;
    const quint16 port = freePort();
    const QString inviteFile = folder.filePath(QStringLiteral("invite.txt"));
    AppProcess host(QStringLiteral("Hana"), folder.filePath(QStringLiteral("host")));
    QVERIFY(host.start({QStringLiteral("--open"), m_film, QStringLiteral("--subtitles"),
                        m_subtitles, QStringLiteral("--host"), QStringLiteral("--port"),
                        QString::number(port), QStringLiteral("--invite-file"), inviteFile}));
    const QString link = waitForInviteLink(inviteFile, 20000);
    QVERIFY2(!link.isEmpty(), qPrintable(host.describe()));
    const QUrlQuery query {QUrl(link)};
    const QString room = query.queryItemValue(QStringLiteral("room"));

    // No file, so no subtitles of its own: it streams, and shows the host's
    // English track (the app speaks English here).
    AppProcess streaming(QStringLiteral("Sam"), folder.filePath(QStringLiteral("streaming")));
    QVERIFY(streaming.start({QStringLiteral("--join"), link}));
    // A copy of the film and sound 200 ms late.
    AppProcess delayed(QStringLiteral("Dee"), folder.filePath(QStringLiteral("delayed")));
    QVERIFY(delayed.start({QStringLiteral("--open"), m_film, QStringLiteral("--audio-delay"),
                           QStringLiteral("200"), QStringLiteral("--join"), link}));
    const auto shown = streaming.waitFor(
        [](const QJsonObject &l) {
            return flagOf(l, "host_stream")
                && textOf(l, "subtitles") == QStringLiteral("From Hana: English");
        },
        30000);
    QVERIFY2(shown, qPrintable(streaming.describe()));
    const auto joined = delayed.waitFor(
        [](const QJsonObject &l) {
            return flagOf(l, "in_room") && numberOf(l, "audio_delay_ms") == 200;
        },
        30000);
    QVERIFY2(joined, qPrintable(delayed.describe()));

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
    remote.send(QStringLiteral("seek 2"));
    QTest::qWait(300);
    remote.send(QStringLiteral("play"));
    const QList<AppProcess *> apps {&host, &streaming, &delayed};
    for (AppProcess *app : apps) {
        const auto inStep = app->waitFor(playingInStep, 20000, app->mark());
        QVERIFY2(inStep, qPrintable(app->describe()));
    }

    // 1.5x: every app in step at that speed within 4 s.
    QList<qsizetype> marks;
    for (AppProcess *app : apps)
        marks << app->mark();
    remote.send(QStringLiteral("speed 1.5"));
    for (int i = 0; i < apps.size(); ++i) {
        const auto fast = apps[i]->waitFor([](const QJsonObject &l) { return inStepAt(l, 1.5); },
                                           4000, marks[i]);
        QVERIFY2(fast, qPrintable(apps[i]->describe()));
    }
    // Each moves 1.5 s a second, over three seconds of lines.
    QTest::qWait(3500);
    for (AppProcess *app : apps) {
        QList<QJsonObject> steady;
        for (const QJsonObject &line : app->lines()) {
            if (inStepAt(line, 1.5))
                steady << line;
        }
        QVERIFY2(steady.size() >= 3, qPrintable(app->describe()));
        const QJsonObject &first = steady.at(steady.size() - 3);
        const QJsonObject &last = steady.last();
        const double pace = (numberOf(last, "position") - numberOf(first, "position"))
            / (numberOf(last, "local_time") - numberOf(first, "local_time"));
        QVERIFY2(std::abs(pace - 1.5) < 0.05,
                 qPrintable(QStringLiteral("%1 s a second\n%2").arg(pace).arg(app->describe())));
        QCOMPARE(numberOf(last, "rate") > 1.4, true);
    }
    // The delayed one runs 200 ms ahead of the host; the streaming one with it.
    const QList<QJsonObject> hostLines = host.lines();
    for (AppProcess *app : {&streaming, &delayed}) {
        const QJsonObject last = app->lines().last();
        const auto hostThen = hostPositionAt(hostLines, numberOf(last, "server_time"), 1.5);
        QVERIFY2(hostThen, qPrintable(host.describe()));
        const double ahead = numberOf(last, "position") - *hostThen;
        const double wanted = app == &delayed ? 0.200 : 0.0;
        QVERIFY2(std::abs(ahead - wanted) < 0.050,
                 qPrintable(QStringLiteral("%1 ms ahead of the host\n%2")
                                .arg(ahead * 1000.0)
                                .arg(app->describe())));
    }
    // Still showing the host's subtitles.
    QCOMPARE(textOf(streaming.lines().last(), "subtitles"), QStringLiteral("From Hana: English"));
}

QTEST_MAIN(TestEveningApp)
#include "tst_evening_app.moc"
