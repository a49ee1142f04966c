// Sync accuracy with real players: a real lockstep-server on loopback, a host
// and two followers, each its own process with a real QMediaPlayer (headless)
// playing a clip generated at run time. Positions are sampled against the one
// monotonic clock all processes share. Prints one JSON line.
//
//   sync_media                 run the benchmark (needs ffmpeg)
//   sync_media --speed 1.5     the same with the room at 1.5x from the start
//   sync_media --peer ...      one participant (started by the benchmark)
#include "client/SessionClient.h"
#include "client/WebSocketTransport.h"
#include "player/MediaPlayerBackend.h"
#include "protocol/Clock.h"
#include "sync/SyncController.h"

#include <QCommandLineParser>
#include <QGuiApplication>
#include <QLoggingCategory>
#include <QMediaPlayer>
#include <QProcess>
#include <QRegularExpression>
#include <QSocketNotifier>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <QVideoSink>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <map>
#include <vector>

using namespace lockstep;

namespace {

double monotonicSeconds()
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

// ---------------------------------------------------------------- peer

int runPeer(const QCommandLineParser &args)
{
    QMediaPlayer player;
    QVideoSink sink;
    player.setVideoSink(&sink);
    client::SessionClient client(protocol::SystemClock::instance(),
                                 std::make_unique<client::WebSocketTransport>());
    ui::MediaPlayerBackend backend(player);
    backend.watchFrames(&sink);
    sync::SyncController controller(protocol::SystemClock::instance(), client, backend);
    controller.setPreciseStart(true);
    player.setSource(QUrl::fromLocalFile(args.value(QStringLiteral("clip"))));

    client::SessionSpec spec;
    spec.server = QUrl(args.value(QStringLiteral("server")));
    spec.room = QStringLiteral("bench");
    spec.name = args.value(QStringLiteral("name"));
    spec.create = args.isSet(QStringLiteral("create"));

    QTimer tick;
    QObject::connect(&tick, &QTimer::timeout, &tick, [&] {
        client.tick();
        controller.tick();
    });
    tick.start(50);
    QTimer sample;
    QObject::connect(&sample, &QTimer::timeout, &sample, [&] {
        // Where the player is as the engine measures it: from the frames
        // it shows, not from the backend's (possibly coarse) position().
        std::printf("S %.6f %.3f %d %d %d\n", monotonicSeconds(), backend.position() * 1000.0,
                    player.playbackState() == QMediaPlayer::PlayingState ? 1 : 0,
                    client.inRoom() ? 1 : 0, controller.correctionCount());
        std::fflush(stdout);
    });
    sample.start(20);
    QObject::connect(&player, &QMediaPlayer::mediaStatusChanged, &player,
                     [&](QMediaPlayer::MediaStatus status) {
                         if (status == QMediaPlayer::LoadedMedia
                             && client.state() == client::SessionClient::State::Idle)
                             client.start(spec);
                     });

    // Commands from the benchmark on stdin: play, pause, seek SECONDS,
    // speed FACTOR, quit.
    QSocketNotifier input(0, QSocketNotifier::Read);
    QObject::connect(&input, &QSocketNotifier::activated, &input, [&] {
        char line[128] = {};
        if (!std::fgets(line, sizeof line, stdin)) {
            QCoreApplication::quit();
            return;
        }
        const QString command = QString::fromLatin1(line).trimmed();
        if (command == QLatin1String("play"))
            controller.play();
        else if (command == QLatin1String("pause"))
            controller.pause();
        else if (command.startsWith(QLatin1String("seek ")))
            controller.seek(command.mid(5).toDouble());
        else if (command.startsWith(QLatin1String("speed ")))
            controller.setSpeed(command.mid(6).toDouble());
        else if (command == QLatin1String("quit"))
            QCoreApplication::quit();
    });
    return QCoreApplication::exec();
}

// ---------------------------------------------------------------- benchmark

struct Sample {
    double t;
    double position; // s
    bool playing;
    int corrections; // the engine's corrective seeks, starts and rate changes so far
};

struct Peer {
    QString name;
    QProcess *process = nullptr;
    std::vector<Sample> samples;
    bool inRoom = false;
    QByteArray pending;
};

double positionAt(const std::vector<Sample> &samples, double t)
{
    const auto it = std::lower_bound(samples.begin(), samples.end(), t,
                                     [](const Sample &s, double time) { return s.t < time; });
    if (it == samples.begin())
        return it->position;
    if (it == samples.end())
        return samples.back().position;
    const Sample &b = *it;
    const Sample &a = *(it - 1);
    if (!a.playing || b.t - a.t < 1e-6)
        return a.position;
    return a.position + (t - a.t) * (b.position - a.position) / (b.t - a.t);
}

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0.0;
    std::sort(values.begin(), values.end());
    return values[std::size_t(p / 100.0 * double(values.size() - 1))];
}

int runBenchmark(double speed)
{
    const QString ffmpeg = QStandardPaths::findExecutable(QStringLiteral("ffmpeg"));
    if (ffmpeg.isEmpty()) {
        std::fprintf(stderr, "sync_media: ffmpeg is needed to make the clip\n");
        return 2;
    }
    QTemporaryDir dir;
    const QString clip = dir.filePath(QStringLiteral("clip.mp4"));
    if (QProcess::execute(ffmpeg,
                          {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-f"),
                           QStringLiteral("lavfi"), QStringLiteral("-i"),
                           QStringLiteral("testsrc=duration=120:size=320x240:rate=25"),
                           QStringLiteral("-c:v"), QStringLiteral("libx264"),
                           QStringLiteral("-pix_fmt"), QStringLiteral("yuv420p"),
                           QStringLiteral("-g"), QStringLiteral("25"), clip})
        != 0) {
        std::fprintf(stderr, "sync_media: ffmpeg failed\n");
        return 2;
    }

    QProcess server;
    server.setProcessChannelMode(QProcess::MergedChannels);
    server.start(QStringLiteral(LOCKSTEP_SERVER_BINARY),
                 {QStringLiteral("--host"), QStringLiteral("127.0.0.1"), QStringLiteral("--port"),
                  QStringLiteral("0")});
    int port = 0;
    static const QRegularExpression portLine(QStringLiteral("port (\\d+)"));
    while (port == 0 && server.waitForReadyRead(5000)) {
        const auto match = portLine.match(QString::fromUtf8(server.readAll()));
        if (match.hasMatch())
            port = match.captured(1).toInt();
    }
    if (port == 0) {
        std::fprintf(stderr, "sync_media: the server did not start\n");
        return 2;
    }

    std::vector<Peer> peers(3);
    const char *names[] = {"host", "follower1", "follower2"};
    for (std::size_t i = 0; i < peers.size(); ++i) {
        Peer &peer = peers[i];
        peer.name = QString::fromLatin1(names[i]);
        peer.process = new QProcess(qApp);
        QStringList arguments {QStringLiteral("--peer"),
                               QStringLiteral("--server"),
                               QStringLiteral("ws://127.0.0.1:%1/?room=bench").arg(port),
                               QStringLiteral("--name"),
                               peer.name,
                               QStringLiteral("--clip"),
                               clip};
        if (i == 0)
            arguments << QStringLiteral("--create");
        QObject::connect(peer.process, &QProcess::readyReadStandardOutput, peer.process, [&peer] {
            peer.pending += peer.process->readAllStandardOutput();
            qsizetype newline;
            while ((newline = peer.pending.indexOf('\n')) >= 0) {
                const QList<QByteArray> f = peer.pending.left(newline).split(' ');
                peer.pending.remove(0, newline + 1);
                if (f.size() == 6 && f[0] == "S") {
                    peer.samples.push_back(
                        {f[1].toDouble(), f[2].toDouble() / 1000.0, f[3] == "1", f[5].toInt()});
                    peer.inRoom = f[4] == "1";
                }
            }
        });
        peer.process->start(QCoreApplication::applicationFilePath(), arguments);
        if (i == 0) {
            const double until = monotonicSeconds() + 10;
            while (!peer.inRoom && monotonicSeconds() < until)
                QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        }
    }
    const auto wait = [](double seconds) {
        const double until = monotonicSeconds() + seconds;
        while (monotonicSeconds() < until)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    };
    const double joinUntil = monotonicSeconds() + 15;
    while (monotonicSeconds() < joinUntil
           && !std::all_of(peers.begin(), peers.end(), [](const Peer &p) { return p.inRoom; }))
        wait(0.1);
    if (speed != 1.0) {
        // The room's speed, set while paused: every action below runs at it.
        peers[0].process->write(QByteArray("speed ") + QByteArray::number(speed) + '\n');
        wait(1.0);
    }
    wait(2.0);

    struct Action {
        const char *command;
        double hold; // seconds to let it run
    };
    const Action script[] = {{"play", 12},    {"pause", 3}, {"play", 10},   {"seek 60", 10},
                             {"seek 20", 10}, {"pause", 3}, {"seek 90", 3}, {"play", 10}};
    std::vector<std::pair<double, std::string>> marks;
    for (const Action &action : script) {
        marks.emplace_back(monotonicSeconds(), action.command);
        peers[0].process->write(QByteArray(action.command) + '\n');
        wait(action.hold);
    }
    const double end = monotonicSeconds();
    for (Peer &peer : peers)
        peer.process->write("quit\n");
    for (Peer &peer : peers)
        peer.process->waitForFinished(5000);
    server.terminate();
    server.waitForFinished(5000);

    // Inter-client error: the spread of the three interpolated positions,
    // every 20 ms; convergence: from each action until the spread stays under 30 ms.
    std::vector<double> errors;
    std::vector<std::pair<std::string, double>> convergence;
    std::vector<double> worstAfter(marks.size(), 0.0); // the largest counted spread per action
    for (std::size_t m = 0; m < marks.size(); ++m) {
        const double from = marks[m].first;
        const double to = m + 1 < marks.size() ? marks[m + 1].first : end;
        double converged = -1.0;
        for (double t = from; t < to - 0.05; t += 0.02) {
            double lo = 1e18;
            double hi = -1e18;
            for (const Peer &peer : peers) {
                const double p = positionAt(peer.samples, t);
                lo = std::min(lo, p);
                hi = std::max(hi, p);
            }
            const double spread = (hi - lo) * 1000.0;
            if (converged < 0.0 && spread < 30.0)
                converged = t - from;
            else if (converged >= 0.0 && t - from > converged + 0.5) {
                errors.push_back(spread);
                worstAfter[m] = std::max(worstAfter[m], spread);
            }
            if (converged >= 0.0 && spread >= 30.0 && t - from < converged + 0.5)
                converged = -1.0; // not settled yet
        }
        convergence.emplace_back(marks[m].second, converged < 0.0 ? to - from : converged);
    }
    // Corrections per action: what each follower's engine did to follow one
    // action of the host (applying it counts as one), averaged over actions
    // and followers. More than one is a visible jump after the action.
    const auto correctionsAt = [](const Peer &peer, double t) {
        int count = 0;
        for (const Sample &sample : peer.samples) {
            if (sample.t > t)
                break;
            count = sample.corrections;
        }
        return count;
    };
    std::vector<double> perAction;
    int followerCorrections = 0;
    for (std::size_t m = 0; m < marks.size(); ++m) {
        const double from = marks[m].first;
        const double to = m + 1 < marks.size() ? marks[m + 1].first : end;
        int count = 0;
        for (std::size_t i = 1; i < peers.size(); ++i)
            count += correctionsAt(peers[i], to) - correctionsAt(peers[i], from);
        followerCorrections += count;
        perAction.push_back(double(count) / double(peers.size() - 1));
    }
    const double correctionsPerAction
        = double(followerCorrections) / double(marks.size() * (peers.size() - 1));

    double worst = 0.0;
    std::printf(
        "{\"scenario\":\"real-players-loopback\",\"clients\":3,\"speed\":%.2f,"
        "\"error_ms\":{\"p50\":%.2f,\"p95\":%.2f,\"p99\":%.2f,\"max\":%.2f,\"samples\":%zu},"
        "\"convergence_s\":{",
        speed, percentile(errors, 50), percentile(errors, 95), percentile(errors, 99),
        errors.empty() ? 0.0 : *std::max_element(errors.begin(), errors.end()), errors.size());
    for (std::size_t i = 0; i < convergence.size(); ++i) {
        std::printf("%s\"%zu:%s\":%.3f", i ? "," : "", i, convergence[i].first.c_str(),
                    convergence[i].second);
        worst = std::max(worst, convergence[i].second);
    }
    std::printf("},\"convergence_max_s\":%.3f,\"corrections_per_action\":%.2f,"
                "\"corrections_by_action\":{",
                worst, correctionsPerAction);
    for (std::size_t i = 0; i < perAction.size(); ++i)
        std::printf("%s\"%zu:%s\":%.1f", i ? "," : "", i, marks[i].second.c_str(), perAction[i]);
    std::printf("},\"error_max_ms_by_action\":{");
    for (std::size_t i = 0; i < worstAfter.size(); ++i)
        std::printf("%s\"%zu:%s\":%.1f", i ? "," : "", i, marks[i].second.c_str(), worstAfter[i]);
    std::printf("}}\n");
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM",
            qgetenv("QT_QPA_PLATFORM").isEmpty() ? QByteArray("offscreen")
                                                 : qgetenv("QT_QPA_PLATFORM"));
    QGuiApplication app(argc, argv);
    QLoggingCategory::setFilterRules(
        QStringLiteral("lockstep.*.info=false\nqt.multimedia.*=false"));
    QCommandLineParser parser;
    parser.addOptions(
        {{QStringLiteral("peer"), QStringLiteral("Run as one participant.")},
         {QStringLiteral("create"), QStringLiteral("Create the room.")},
         {QStringLiteral("server"), QStringLiteral("Server URL."), QStringLiteral("url")},
         {QStringLiteral("name"), QStringLiteral("Name."), QStringLiteral("name")},
         {QStringLiteral("clip"), QStringLiteral("Media file."), QStringLiteral("file")},
         {QStringLiteral("speed"), QStringLiteral("The room's speed (0.5-2.0; default 1)."),
          QStringLiteral("factor"), QStringLiteral("1")}});
    parser.process(app);
    if (parser.isSet(QStringLiteral("peer")))
        return runPeer(parser);
    bool ok = false;
    const double speed = parser.value(QStringLiteral("speed")).toDouble(&ok);
    if (!ok || speed < 0.5 || speed > 2.0) {
        std::fprintf(stderr, "sync_media: --speed takes a factor from 0.5 to 2.0\n");
        return 2;
    }
    return runBenchmark(speed);
}
