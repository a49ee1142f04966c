// What playing costs: CPU and memory of the whole `lockstep` process playing a
// 720p30 and a 1080p30 H.264 clip (made here with ffmpeg) in a window of a
// fixed size on a display of its own (Xvfb), next to mpv (--vo=x11
// --hwdec=no) playing the same clip in a window of the same size, when mpv is
// installed. Each player warms up, then is sampled; the players alternate
// (Lockstep, mpv, mpv, Lockstep, ...) so that a busy machine weighs on both.
// Prints one JSON line per run and one summary line per clip with the ratios.
//
//   playback_cost [--runs N] [--warmup S] [--seconds S] [--window WxH]
//                 [--clips 720,1080] [--app PATH]
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSize>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <optional>
#include <vector>

namespace {

struct Sample {
    double cpuPercent = 0; // of one core
    double rssMiB = 0; // VmRSS, mean of one sample a second
    double pssMiB = 0; // Pss from smaps_rollup, likewise
    double ussMiB = 0; // Private_Clean + Private_Dirty: the process's own pages
    double rssMaxMiB = 0;
};

struct Totals {
    double cpu = 0, rss = 0, pss = 0, uss = 0;
    int runs = 0;
    void add(const Sample &s)
    {
        cpu += s.cpuPercent;
        rss += s.rssMiB;
        pss += s.pssMiB;
        uss += s.ussMiB;
        ++runs;
    }
    Sample mean() const
    {
        if (runs == 0)
            return {};
        return {cpu / runs, rss / runs, pss / runs, uss / runs, 0};
    }
};

// The display server to stop when giving up.
QProcess *g_display = nullptr;

void stopProcess(QProcess &process)
{
    if (process.state() == QProcess::NotRunning)
        return;
    process.terminate();
    if (!process.waitForFinished(3000)) {
        process.kill();
        process.waitForFinished();
    }
}

[[noreturn]] void fail(const QString &message)
{
    std::fprintf(stderr, "playback_cost: %s\n", qPrintable(message));
    if (g_display)
        stopProcess(*g_display);
    std::exit(1);
}

// utime + stime in seconds, of every thread of the process.
std::optional<double> cpuSeconds(qint64 pid)
{
    QFile file(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QByteArray line = file.readAll();
    // Fields after the parenthesised command name; utime and stime are 14 and 15.
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return std::nullopt;
    const double ticks = fields.at(11).toDouble() + fields.at(12).toDouble();
    return ticks / double(sysconf(_SC_CLK_TCK));
}

// A "Key:   123 kB" line of a /proc file, in MiB.
std::optional<double> kibField(const QString &path, const QByteArray &key)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (line.startsWith(key))
            return line.mid(key.size()).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return std::nullopt;
}

bool makeClip(const QString &ffmpeg, const QString &path, const QSize &size, int seconds)
{
    QProcess process;
    const QString duration = QString::number(seconds);
    process.start(ffmpeg,
                  {QStringLiteral("-y"),
                   QStringLiteral("-loglevel"),
                   QStringLiteral("error"),
                   QStringLiteral("-f"),
                   QStringLiteral("lavfi"),
                   QStringLiteral("-i"),
                   QStringLiteral("testsrc2=size=%1x%2:rate=30:duration=%3")
                       .arg(size.width())
                       .arg(size.height())
                       .arg(duration),
                   QStringLiteral("-f"),
                   QStringLiteral("lavfi"),
                   QStringLiteral("-i"),
                   QStringLiteral("sine=frequency=440:duration=%1").arg(duration),
                   QStringLiteral("-c:v"),
                   QStringLiteral("libx264"),
                   QStringLiteral("-preset"),
                   QStringLiteral("veryfast"),
                   QStringLiteral("-pix_fmt"),
                   QStringLiteral("yuv420p"),
                   QStringLiteral("-c:a"),
                   QStringLiteral("aac"),
                   QStringLiteral("-shortest"),
                   path});
    if (!process.waitForFinished(600000) || process.exitCode() != 0) {
        std::fprintf(stderr, "%s", process.readAllStandardError().constData());
        return false;
    }
    return true;
}

// A display of our own: the first free :N from 90 up.
struct Display {
    QProcess server;
    QString name;

    bool start(const QString &xvfb, const QSize &screen)
    {
        for (int n = 90; n < 140; ++n) {
            if (QFileInfo::exists(QStringLiteral("/tmp/.X11-unix/X%1").arg(n))
                || QFileInfo::exists(QStringLiteral("/tmp/.X%1-lock").arg(n)))
                continue;
            server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
            server.start(xvfb,
                         {QStringLiteral(":%1").arg(n), QStringLiteral("-screen"),
                          QStringLiteral("0"),
                          QStringLiteral("%1x%2x24").arg(screen.width()).arg(screen.height()),
                          QStringLiteral("-nolisten"), QStringLiteral("tcp")});
            if (!server.waitForStarted(5000))
                return false;
            QElapsedTimer waited;
            waited.start();
            while (waited.elapsed() < 10000 && server.state() == QProcess::Running) {
                if (QFileInfo::exists(QStringLiteral("/tmp/.X11-unix/X%1").arg(n))) {
                    name = QStringLiteral(":%1").arg(n);
                    return true;
                }
                QThread::msleep(50);
            }
            server.kill();
            server.waitForFinished();
        }
        return false;
    }

    ~Display() { stopProcess(server); }
};

struct Player {
    QString name;
    QString program;
    QStringList arguments; // the clip is appended
};

std::optional<Sample> measure(const Player &player, const QString &clip,
                              const QProcessEnvironment &environment, int warmup, int seconds)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.setStandardOutputFile(QProcess::nullDevice());
    process.setStandardErrorFile(QProcess::nullDevice());
    process.start(player.program, player.arguments + QStringList {clip});
    if (!process.waitForStarted(10000))
        return std::nullopt;
    const qint64 pid = process.processId();
    QThread::sleep(unsigned(warmup));

    const std::optional<double> cpuBefore = cpuSeconds(pid);
    QElapsedTimer elapsed;
    elapsed.start();
    double rss = 0, pss = 0, uss = 0, rssMax = 0;
    int memorySamples = 0;
    for (int second = 0; second < seconds; ++second) {
        QThread::sleep(1);
        const std::optional<double> r
            = kibField(QStringLiteral("/proc/%1/status").arg(pid), "VmRSS:");
        const std::optional<double> p
            = kibField(QStringLiteral("/proc/%1/smaps_rollup").arg(pid), "Pss:");
        const QString rollup = QStringLiteral("/proc/%1/smaps_rollup").arg(pid);
        const std::optional<double> clean = kibField(rollup, "Private_Clean:");
        const std::optional<double> dirty = kibField(rollup, "Private_Dirty:");
        if (!r || !p || !clean || !dirty)
            break;
        rss += *r;
        pss += *p;
        uss += *clean + *dirty;
        rssMax = std::max(rssMax, *r);
        ++memorySamples;
    }
    const std::optional<double> cpuAfter = cpuSeconds(pid);
    const double wall = double(elapsed.nsecsElapsed()) / 1e9;
    const bool ranThrough = process.state() == QProcess::Running;

    stopProcess(process);
    if (!cpuBefore || !cpuAfter || !ranThrough || memorySamples == 0) {
        std::fprintf(stderr, "playback_cost: %s stopped before the measurement ended\n",
                     qPrintable(player.name));
        return std::nullopt;
    }
    return Sample {100.0 * (*cpuAfter - *cpuBefore) / wall, rss / memorySamples,
                   pss / memorySamples, uss / memorySamples, rssMax};
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("Runs per player."),
                                        QStringLiteral("N"), QStringLiteral("2"));
    const QCommandLineOption warmupOption(QStringLiteral("warmup"),
                                          QStringLiteral("Seconds before sampling."),
                                          QStringLiteral("S"), QStringLiteral("5"));
    const QCommandLineOption secondsOption(QStringLiteral("seconds"),
                                           QStringLiteral("Seconds sampled."), QStringLiteral("S"),
                                           QStringLiteral("20"));
    const QCommandLineOption windowOption(QStringLiteral("window"),
                                          QStringLiteral("Window size of both players."),
                                          QStringLiteral("WxH"), QStringLiteral("1280x720"));
    const QCommandLineOption clipsOption(QStringLiteral("clips"),
                                         QStringLiteral("Clip heights (16:9, 30 fps)."),
                                         QStringLiteral("LIST"), QStringLiteral("720,1080"));
    const QCommandLineOption appOption(QStringLiteral("app"),
                                       QStringLiteral("The lockstep binary."),
                                       QStringLiteral("PATH"), QStringLiteral(LOCKSTEP_APP_BINARY));
    parser.addOptions(
        {runsOption, warmupOption, secondsOption, windowOption, clipsOption, appOption});
    parser.process(app);

    const int runs = parser.value(runsOption).toInt();
    const int warmup = parser.value(warmupOption).toInt();
    const int seconds = parser.value(secondsOption).toInt();
    const QStringList windowParts = parser.value(windowOption).split(QLatin1Char('x'));
    const QSize window(windowParts.value(0).toInt(), windowParts.value(1).toInt());
    if (runs < 1 || warmup < 0 || seconds < 1)
        fail(QStringLiteral("--runs and --seconds need a positive number, --warmup zero or more."));
    if (window.width() < 320 || window.height() < 180)
        fail(QStringLiteral("--window needs a size like 1280x720 (at least 320x180)."));
    std::vector<int> heights;
    for (const QString &part : parser.value(clipsOption).split(QLatin1Char(','))) {
        const int height = part.trimmed().toInt();
        if (height < 144 || height > 2160)
            fail(QStringLiteral("--clips needs heights from 144 to 2160, like 720,1080."));
        heights.push_back(height);
    }

    const QString ffmpeg = QStandardPaths::findExecutable(QStringLiteral("ffmpeg"));
    const QString xvfb = QStandardPaths::findExecutable(QStringLiteral("Xvfb"));
    const QString mpv = QStandardPaths::findExecutable(QStringLiteral("mpv"));
    const QString appBinary = parser.value(appOption);
    if (ffmpeg.isEmpty())
        fail(QStringLiteral("ffmpeg is needed to make the clips (apt-get install ffmpeg)."));
    if (xvfb.isEmpty())
        fail(QStringLiteral("Xvfb is needed for a display of its own (apt-get install xvfb)."));
    if (!QFileInfo(appBinary).isExecutable())
        fail(QStringLiteral("%1 is not an executable; build the lockstep target.").arg(appBinary));

    QTemporaryDir dir;
    if (!dir.isValid())
        fail(QStringLiteral("cannot make a temporary folder"));
    // A home of its own: no settings, no window geometry, no recent files.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char *sub : {"home", "config", "data", "cache", "runtime"})
        QDir(dir.path()).mkpath(QString::fromLatin1(sub));
    QFile::setPermissions(dir.filePath(QStringLiteral("runtime")),
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    environment.insert(QStringLiteral("HOME"), dir.filePath(QStringLiteral("home")));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
    environment.insert(QStringLiteral("XDG_DATA_HOME"), dir.filePath(QStringLiteral("data")));
    environment.insert(QStringLiteral("XDG_CACHE_HOME"), dir.filePath(QStringLiteral("cache")));
    environment.insert(QStringLiteral("XDG_RUNTIME_DIR"), dir.filePath(QStringLiteral("runtime")));
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb"));
    environment.remove(QStringLiteral("WAYLAND_DISPLAY"));

    // The app opens at two thirds of the screen: a screen of 1.5 times the
    // window gives both players the same window.
    Display display;
    if (!display.start(xvfb, window * 3 / 2))
        fail(QStringLiteral("Xvfb did not start"));
    g_display = &display.server;
    environment.insert(QStringLiteral("DISPLAY"), display.name);

    std::vector<Player> players {
        {QStringLiteral("lockstep"), appBinary, {QStringLiteral("--open")}}};
    if (!mpv.isEmpty()) {
        players.push_back(
            {QStringLiteral("mpv"),
             mpv,
             {QStringLiteral("--no-config"), QStringLiteral("--vo=x11"),
              QStringLiteral("--hwdec=no"),
              QStringLiteral("--geometry=%1x%2").arg(window.width()).arg(window.height()),
              QStringLiteral("--no-terminal")}});
    }

    for (const int height : heights) {
        const QSize size(height * 16 / 9 / 2 * 2, height);
        const QString label = QStringLiteral("%1p30").arg(height);
        const QString clip = dir.filePath(label + QStringLiteral(".mp4"));
        if (!makeClip(ffmpeg, clip, size, warmup + seconds + 15))
            fail(QStringLiteral("ffmpeg could not make the %1 clip").arg(label));

        std::map<QString, Totals> totals;
        for (int run = 0; run < runs; ++run) {
            // Alternate who goes first, so that neither always follows the other.
            std::vector<Player> order = players;
            if (run % 2 == 1)
                std::reverse(order.begin(), order.end());
            for (const Player &player : order) {
                const std::optional<Sample> s = measure(player, clip, environment, warmup, seconds);
                if (!s)
                    fail(QStringLiteral("%1 did not play the %2 clip").arg(player.name, label));
                totals[player.name].add(*s);
                std::printf("{\"clip\":\"%s\",\"player\":\"%s\",\"run\":%d,\"window\":\"%dx%d\","
                            "\"cpu_percent\":%.1f,\"rss_mib\":%.1f,\"rss_max_mib\":%.1f,"
                            "\"pss_mib\":%.1f,\"uss_mib\":%.1f}\n",
                            qPrintable(label), qPrintable(player.name), run + 1, window.width(),
                            window.height(), s->cpuPercent, s->rssMiB, s->rssMaxMiB, s->pssMiB,
                            s->ussMiB);
                std::fflush(stdout);
            }
        }

        const Sample lockstep = totals[QStringLiteral("lockstep")].mean();
        std::printf("{\"clip\":\"%s\",\"summary\":true,\"runs\":%d,\"seconds\":%d,"
                    "\"lockstep\":{\"cpu_percent\":%.1f,\"rss_mib\":%.1f,\"pss_mib\":%.1f,"
                    "\"uss_mib\":%.1f}",
                    qPrintable(label), runs, seconds, lockstep.cpuPercent, lockstep.rssMiB,
                    lockstep.pssMiB, lockstep.ussMiB);
        if (mpv.isEmpty()) {
            std::printf(",\"mpv\":\"absent\"}\n");
        } else {
            const Sample other = totals[QStringLiteral("mpv")].mean();
            const auto ratio = [](double a, double b) { return b > 0 ? a / b : 0.0; };
            std::printf(",\"mpv\":{\"cpu_percent\":%.1f,\"rss_mib\":%.1f,\"pss_mib\":%.1f,"
                        "\"uss_mib\":%.1f},"
                        "\"ratio\":{\"cpu\":%.2f,\"rss\":%.2f,\"pss\":%.2f,\"uss\":%.2f}}\n",
                        other.cpuPercent, other.rssMiB, other.pssMiB, other.ussMiB,
                        ratio(lockstep.cpuPercent, other.cpuPercent),
                        ratio(lockstep.rssMiB, other.rssMiB), ratio(lockstep.pssMiB, other.pssMiB),
                        ratio(lockstep.ussMiB, other.ussMiB));
        }
        std::fflush(stdout);
    }
    return 0;
}
