// The host's file streamed to a guest that has none, with the real app: a
// Lockstep window (offscreen) hosting a clip generated at run time, and a
// second one started with `--join LINK` only. A headless fault_client in the
// room plays the remote control; every check reads the apps' --sync-log.
#include "FaultProcesses.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <memory>
#include <optional>

using namespace lockstep;
using namespace lockstep::test;

namespace {

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::Any, 0);
    return probe.serverPort();
}

// One `lockstep` process with folders of its own, read through its sync log.
class AppProcess
{
public:
    AppProcess(const QString &name, const QString &folder) : m_name(name), m_folder(folder)
    {
        QDir().mkpath(folder);
        m_log = QDir(folder).filePath(QStringLiteral("sync.jsonl"));
    }
    ~AppProcess()
    {
        if (m_process && m_process->state() != QProcess::NotRunning) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
    }

    bool start(const QStringList &arguments)
    {
        m_process = std::make_unique<QProcess>();
        m_process->setProcessChannelMode(QProcess::MergedChannels);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("HOME"), m_folder);
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_folder + QStringLiteral("/config"));
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_folder + QStringLiteral("/data"));
        env.remove(QStringLiteral("QT_LOGGING_RULES"));
        m_process->setProcessEnvironment(env);
        dieWithParent(*m_process);
        QObject::connect(m_process.get(), &QProcess::readyRead, m_process.get(),
                         [this] { m_output += m_process->readAll(); });
        m_process->start(QStringLiteral(LOCKSTEP_APP_BINARY),
                         arguments
                             + QStringList {QStringLiteral("--name"), m_name,
                                            QStringLiteral("--sync-log"), m_log});
        return m_process->waitForStarted(10000);
    }

    const QList<QJsonObject> &lines()
    {
        QFile file(m_log);
        if (file.open(QIODevice::ReadOnly)) {
            file.seek(m_read);
            m_pending += file.readAll();
            m_read = file.pos();
        }
        qsizetype end;
        while ((end = m_pending.indexOf('\n')) >= 0) {
            m_lines.append(QJsonDocument::fromJson(m_pending.left(end)).object());
            m_pending.remove(0, end + 1);
        }
        return m_lines;
    }

    std::optional<QJsonObject> waitFor(const std::function<bool(const QJsonObject &)> &match,
                                       int timeoutMs, qsizetype from = 0)
    {
        std::optional<QJsonObject> found;
        waitUntil(
            [&] {
                const QList<QJsonObject> &all = lines();
                for (qsizetype i = from; i < all.size(); ++i) {
                    if (match(all.at(i))) {
                        found = all.at(i);
                        return true;
                    }
                }
                return false;
            },
            timeoutMs);
        return found;
    }

    qsizetype mark() { return lines().size(); }

    QString describe()
    {
        QStringList text;
        const QList<QJsonObject> &all = lines();
        for (qsizetype i = std::max<qsizetype>(0, all.size() - 6); i < all.size(); ++i)
            text << QString::fromUtf8(QJsonDocument(all.at(i)).toJson(QJsonDocument::Compact));
        return m_name + QStringLiteral(" log:\n") + text.join(QLatin1Char('\n'))
            + QStringLiteral("\noutput:\n") + QString::fromUtf8(m_output.right(1500));
    }

private:
    QString m_name;
    QString m_folder;
    QString m_log;
    std::unique_ptr<QProcess> m_process;
    QByteArray m_output;
    QByteArray m_pending;
    qint64 m_read = 0;
    QList<QJsonObject> m_lines;
};

bool flagOf(const QJsonObject &line, const char *key)
{
    return line.value(QLatin1String(key)).toBool();
}

double numberOf(const QJsonObject &line, const char *key)
{
    return line.value(QLatin1String(key)).toDouble();
}

bool playingInStep(const QJsonObject &line)
{
    return flagOf(line, "in_room") && flagOf(line, "timeline_playing")
        && line.value(QLatin1String("activity")).toString() == QLatin1String("in_sync")
        && std::abs(numberOf(line, "error_ms")) < 50.0;
}

} // namespace

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
    QString link;
    waitUntil(
        [&] {
            QFile file(inviteFile);
            if (file.open(QIODevice::ReadOnly))
                link = QString::fromUtf8(file.readAll()).trimmed();
            return !link.isEmpty();
        },
        20000);
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
