// Fault tests with the real app: two Lockstep windows (offscreen), one
// hosting in its own process and one joined by the invite link, each playing
// a clip generated at run time and writing its --sync-log. A headless
// fault_client in the room plays the remote control (play, seek). The host
// is frozen (SIGSTOP/SIGCONT) or killed, the clip runs to its end, and a seek
// storm is sent; every check reads the apps' own sync logs, with generous
// deadlines.
#include "AppProcess.h"
#include "FaultProcesses.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <csignal>
#include <memory>
#include <optional>

using namespace lockstep;
using namespace lockstep::test;

namespace {

constexpr double kClipSeconds = 40.0;

// The wall clock in seconds since the epoch: the apps' sync logs stamp their
// lines with it (local_time).
double wallNow()
{
    return double(QDateTime::currentMSecsSinceEpoch()) / 1000.0;
}

// A host app, a guest app joined by its invite link, and a remote control
// (fault_client) in the same room.
struct Evening {
    QTemporaryDir folder;
    std::unique_ptr<AppProcess> host;
    std::unique_ptr<AppProcess> guest;
    std::unique_ptr<ClientProcess> remote;
    quint16 port = 0;
    QString room;
    QString problem; // what went wrong while setting up

    bool start(const QString &clip)
    {
        port = freePort();
        const QString inviteFile = folder.filePath(QStringLiteral("invite.txt"));
        host = std::make_unique<AppProcess>(QStringLiteral("Hana"),
                                            folder.filePath(QStringLiteral("host")));
        if (!host->start({QStringLiteral("--open"), clip, QStringLiteral("--host"),
                          QStringLiteral("--port"), QString::number(port),
                          QStringLiteral("--invite-file"), inviteFile})) {
            problem = QStringLiteral("the host app did not start");
            return false;
        }
        const QString link = waitForInviteLink(inviteFile, 20000);
        if (link.isEmpty()) {
            problem = QStringLiteral("no invite link\n") + host->describe();
            return false;
        }
        const QUrlQuery query {QUrl(link)};
        room = query.queryItemValue(QStringLiteral("room"));
        const QString invite = query.queryItemValue(QStringLiteral("invite"));

        guest = std::make_unique<AppProcess>(QStringLiteral("Gil"),
                                             folder.filePath(QStringLiteral("guest")));
        if (!guest->start({QStringLiteral("--open"), clip, QStringLiteral("--join"), link})) {
            problem = QStringLiteral("the guest app did not start");
            return false;
        }
        if (!guest->waitFor([](const QJsonObject &l) { return flagOf(l, "in_room"); }, 20000)) {
            problem = QStringLiteral("the guest did not get in\n") + guest->describe();
            return false;
        }

        remote = std::make_unique<ClientProcess>();
        ClientProcess::Options options;
        // The room hosted in the app is encrypted: the remote pins the
        // certificate the invite names, as a guest app does.
        options.url = QUrl(QStringLiteral("wss://127.0.0.1:%1/?room=%2").arg(port).arg(room));
        options.fingerprint = query.queryItemValue(QStringLiteral("fp"));
        options.room = room;
        options.name = QStringLiteral("Remote");
        options.clientId = QStringLiteral("remote");
        options.inviteToken = invite;
        if (!remote->start(options) || !remote->waitFor(QStringLiteral("joined"), 10000)) {
            problem = QStringLiteral("the remote did not get in\n") + remote->describe();
            return false;
        }
        return true;
    }

    // The remote presses play; both apps are playing in step.
    bool playTogether(double from)
    {
        remote->send(QStringLiteral("seek %1").arg(from));
        QTest::qWait(300);
        remote->send(QStringLiteral("play"));
        for (AppProcess *app : {host.get(), guest.get()}) {
            if (!app->waitFor(playingInStep, 15000, app->mark())) {
                problem = QStringLiteral("not playing in step\n") + app->describe();
                return false;
            }
        }
        return true;
    }
};

} // namespace

class TestFaultApp : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void aFrozenHostIsHostAgainAndInStep();
    void aKilledHostIsSaidOnceAndGuestsPlayOn();
    void theEndPausesEveryone();
    void aSeekStormEndsOnTheLastPosition();

private:
    QTemporaryDir m_dir;
    QString m_clip;
};

void TestFaultApp::initTestCase()
{
    const QString ffmpeg = QStandardPaths::findExecutable(QStringLiteral("ffmpeg"));
    if (ffmpeg.isEmpty())
        QSKIP("ffmpeg is not installed; scripts/test.sh installs it");
    m_clip = m_dir.filePath(QStringLiteral("evening.mp4"));
    QByteArray output;
    QVERIFY2(
        runCommand(ffmpeg,
                   {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-f"),
                    QStringLiteral("lavfi"), QStringLiteral("-i"),
                    QStringLiteral("testsrc=duration=%1:size=160x120:rate=25").arg(kClipSeconds),
                    QStringLiteral("-c:v"), QStringLiteral("libx264"), QStringLiteral("-pix_fmt"),
                    QStringLiteral("yuv420p"), QStringLiteral("-g"), QStringLiteral("25"), m_clip},
                   &output, 60000),
        output.constData());
}

void TestFaultApp::aFrozenHostIsHostAgainAndInStep()
{
    Evening evening;
    QVERIFY2(evening.start(m_clip), qPrintable(evening.problem));
    QVERIFY2(evening.playTogether(2.0), qPrintable(evening.problem));

    // A laptop lid closed for 10 s.
    evening.host->signal(SIGSTOP);
    QTest::qWait(10000);
    const qsizetype mark = evening.host->mark();
    evening.host->signal(SIGCONT);
    const double woke = wallNow();

    // Host again, still hosting, in the room and in step within 10 s.
    const auto back = evening.host->waitFor(
        [](const QJsonObject &l) {
            return flagOf(l, "hosting") && flagOf(l, "is_host") && playingInStep(l);
        },
        12000, mark);
    QVERIFY2(back, qPrintable(evening.host->describe()));
    qInfo("host again and in step %.2f s after waking", numberOf(*back, "local_time") - woke);
    QVERIFY2(
        numberOf(*back, "local_time") - woke < 10.0,
        qPrintable(QStringLiteral("back after %1 s\n").arg(numberOf(*back, "local_time") - woke)
                   + evening.host->describe()));
    // The guest never left the host's room.
    const auto guest = evening.guest->waitFor(playingInStep, 5000, evening.guest->mark());
    QVERIFY2(guest, qPrintable(evening.guest->describe()));
}

void TestFaultApp::aKilledHostIsSaidOnceAndGuestsPlayOn()
{
    Evening evening;
    QVERIFY2(evening.start(m_clip), qPrintable(evening.problem));
    QVERIFY2(evening.playTogether(2.0), qPrintable(evening.problem));
    const qsizetype mark = evening.guest->mark();
    const int noticesBefore = int(numberOf(evening.guest->lines().last(), "notices"));
    const double killedAt = wallNow();
    evening.host->kill();

    // Said within 10 s, and the list drops the host.
    const auto told = evening.guest->waitFor(
        [](const QJsonObject &l) {
            return textOf(l, "last_notice").contains(QLatin1String("cannot be reached"))
                && !flagOf(l, "host_listed");
        },
        12000, mark);
    QVERIFY2(told, qPrintable(evening.guest->describe()));
    qInfo("guest told %.2f s after the host was killed: %s",
          numberOf(*told, "local_time") - killedAt, qPrintable(textOf(*told, "last_notice")));
    QVERIFY2(numberOf(*told, "local_time") - killedAt < 10.0,
             qPrintable(evening.guest->describe()));

    // Said once, and the video plays on meanwhile.
    QTest::qWait(8000);
    const QJsonObject later = evening.guest->lines().last();
    QCOMPARE(int(numberOf(later, "notices")), noticesBefore + 1);
    QVERIFY2(numberOf(later, "position") > numberOf(*told, "position") + 5.0,
             qPrintable(evening.guest->describe()));
}

void TestFaultApp::theEndPausesEveryone()
{
    Evening evening;
    QVERIFY2(evening.start(m_clip), qPrintable(evening.problem));
    const double from = kClipSeconds - 8.0;
    QVERIFY2(evening.playTogether(from), qPrintable(evening.problem));
    const qsizetype hostMark = evening.host->mark();
    const qsizetype guestMark = evening.guest->mark();

    // The server pauses the room at the end and says so to everyone.
    const qsizetype remoteMark = evening.remote->mark();
    const auto theEnd = [](const QJsonObject &l) {
        const QString from = str(l, "from");
        return str(l, "action") == QLatin1String("pause")
            && (from.isEmpty() || from == QLatin1String("server"));
    };
    QVERIFY2(evening.remote->waitFor(QStringLiteral("player_event"), 15000, remoteMark, theEnd),
             qPrintable(evening.remote->describe()));
    const auto endEvent = evening.remote->find(QStringLiteral("player_event"), remoteMark, theEnd);
    const double endServerTime = num(*endEvent, "server_ts");

    for (auto [app, mark] :
         {std::pair {evening.host.get(), hostMark}, std::pair {evening.guest.get(), guestMark}}) {
        const auto paused = app->waitFor(
            [](const QJsonObject &l) {
                return !flagOf(l, "timeline_playing")
                    && textOf(l, "activity") == QLatin1String("paused");
            },
            5000, mark);
        QVERIFY2(paused, qPrintable(app->describe()));
        qInfo("paused %.3f s after the end", numberOf(*paused, "server_time") - endServerTime);
        QVERIFY2(numberOf(*paused, "server_time") - endServerTime < 0.5,
                 qPrintable(QStringLiteral("paused %1 s after the end\n")
                                .arg(numberOf(*paused, "server_time") - endServerTime)
                            + app->describe()));
    }
    // Both rest on the same spot, where they should, with no drift shown.
    QTest::qWait(1500);
    const QJsonObject hostLine = evening.host->lines().last();
    const QJsonObject guestLine = evening.guest->lines().last();
    QVERIFY2(std::abs(numberOf(hostLine, "position") - numberOf(guestLine, "position")) < 0.002,
             qPrintable(evening.host->describe() + evening.guest->describe()));
    QVERIFY(std::abs(numberOf(hostLine, "error_ms")) < 5.0);
    QVERIFY(std::abs(numberOf(guestLine, "error_ms")) < 5.0);
}

void TestFaultApp::aSeekStormEndsOnTheLastPosition()
{
    Evening evening;
    QVERIFY2(evening.start(m_clip), qPrintable(evening.problem));
    QVERIFY2(evening.playTogether(30.0), qPrintable(evening.problem));
    const qsizetype hostMark = evening.host->mark();
    const qsizetype guestMark = evening.guest->mark();
    // Twelve presses of the left arrow, 100 ms apart.
    double target = 30.0;
    for (int i = 0; i < 12; ++i) {
        target -= 2.0;
        evening.remote->send(QStringLiteral("seek %1").arg(target));
        QTest::qWait(100);
    }
    const double lastAt = wallNow() - 0.1;

    // The room's final timeline: the last seek the server applied (the
    // remote sees its echo). When the host's app stalls, its in-app server
    // applies a seek when it reads it, so this is the truth, not the press.
    std::optional<QJsonObject> finalSeek;
    waitUntil(
        [&] {
            for (const QJsonObject &line : evening.remote->events()) {
                if (str(line, "event") == QLatin1String("player_event")
                    && str(line, "action") == QLatin1String("seek"))
                    finalSeek = line;
            }
            return finalSeek && std::abs(num(*finalSeek, "position") - target) < 0.5;
        },
        3000);
    QVERIFY2(finalSeek, qPrintable(evening.remote->describe()));
    const double finalPosition = num(*finalSeek, "position");
    const double appliedAt = num(*finalSeek, "server_ts");
    // The last seek sent is the last one pressed.
    QVERIFY2(std::abs(finalPosition - target) < 0.5,
             qPrintable(QStringLiteral("the room's last seek was to %1, the last press to %2")
                            .arg(finalPosition)
                            .arg(target)));

    for (auto [app, mark] :
         {std::pair {evening.host.get(), hostMark}, std::pair {evening.guest.get(), guestMark}}) {
        const auto landed = app->waitFor(
            [finalPosition, appliedAt, lastAt](const QJsonObject &l) {
                const double truth = finalPosition + (numberOf(l, "server_time") - appliedAt);
                // On the final timeline, give or take a frame, and playing.
                return numberOf(l, "local_time") > lastAt && flagOf(l, "timeline_playing")
                    && textOf(l, "activity") != QLatin1String("paused")
                    && std::abs(numberOf(l, "position") - truth) < 0.05
                    && std::abs(numberOf(l, "error_ms")) < 50.0;
            },
            5000, mark);
        QVERIFY2(landed, qPrintable(app->describe()));
        qInfo("on the final position %.2f s after the last seek",
              numberOf(*landed, "local_time") - lastAt);
        QVERIFY2(numberOf(*landed, "local_time") - lastAt < 3.0,
                 qPrintable(QStringLiteral("landed %1 s after the last seek\n")
                                .arg(numberOf(*landed, "local_time") - lastAt)
                            + app->describe()));
    }
}

QTEST_GUILESS_MAIN(TestFaultApp)
#include "tst_fault_app.moc"
