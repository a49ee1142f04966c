// Streaming the host's file to a guest behind a shaped link: the host is
// this process (the app's own RoomSession hosting, a real QMediaPlayer); the
// guest is this program again, in a network namespace of its own whose link
// to the host has 80 ms of round trip, 20 Mbit/s and 0.5 % loss (tc netem),
// with a real QMediaPlayer streaming a 1080p H.264 clip (~5 Mbit/s)
// generated at run time. Times are taken on the one monotonic clock both
// processes share. Prints one JSON line.
//
//   stream                 run the benchmark (root: namespaces and netem)
//   stream --guest LINK    the guest (started by the benchmark)
#include "player/MediaPlayerBackend.h"
#include "protocol/Clock.h"
#include "room/HostOptions.h"
#include "room/InviteLink.h"
#include "room/NetworkTransport.h"
#include "room/RoomMedia.h"
#include "room/RoomSession.h"
#include "room/StreamProxy.h"
#include "sync/SyncController.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QFile>
#include <QGuiApplication>
#include <QLoggingCategory>
#include <QMediaPlayer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSocketNotifier>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTimer>
#include <QUrlQuery>
#include <QVideoFrame>
#include <QVideoSink>

#include <nlohmann/json.hpp>

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <limits>
#include <vector>

using namespace lockstep;
using Json = nlohmann::json;

namespace {

constexpr double kClipSeconds = 60.0;
constexpr double kSeekTarget = 45.0; // far past anything read ahead
// The seek storm: back to the film's start, then Right pressed 8 times 250 ms
// apart, each 5 s on from where the room is (as the app's Right arrow).
constexpr double kStormFrom = 2.0;
constexpr int kStormSeeks = 8;
constexpr int kStormGapMs = 250;
constexpr double kStormStep = 5.0;
constexpr double kWithin = 0.05; // s: "in step" after the storm
const QString kHostAddress = QStringLiteral("10.231.0.1");
const QString kGuestAddress = QStringLiteral("10.231.0.2");

double monotonicSeconds()
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

double cpuSeconds()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

void emitLine(const Json &line)
{
    std::printf("%s\n", line.dump().c_str());
    std::fflush(stdout);
}

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return std::nan("");
    std::sort(values.begin(), values.end());
    const std::size_t index
        = std::min(values.size() - 1, std::size_t(std::ceil(p / 100.0 * values.size())) - 1);
    return values[index];
}

bool wait(const std::function<bool()> &done, int timeoutMs)
{
    // Sleeps in the event loop between checks: a busy wait would be counted
    // as the host's CPU and starve the players.
    const double end = monotonicSeconds() + timeoutMs / 1000.0;
    while (!done()) {
        if (monotonicSeconds() > end)
            return false;
        QEventLoop loop;
        QTimer::singleShot(20, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

// One person with the app: a real player under a room session.
struct Person {
    Person()
        : backend(player),
          session(backend, protocol::SystemClock::instance(),
                  std::make_unique<room::NetworkTransport>(protocol::SystemClock::instance()))
    {
        player.setVideoSink(&sink);
        backend.watchFrames(&sink);
    }
    QMediaPlayer player;
    QVideoSink sink;
    ui::MediaPlayerBackend backend;
    room::RoomSession session;
};

// ---------------------------------------------------------------- guest

// `copy` set: the guest plays that local file instead of the stream (the
// --local-copy baseline).
int runGuest(const QString &linkText, const QString &copy)
{
    const auto link = room::InviteLink::parse(linkText);
    if (!link) {
        std::fprintf(stderr, "stream --guest: not an invite link\n");
        return 2;
    }
    Person guest;
    double joinedAt = monotonicSeconds();
    bool firstFrame = false;
    double seekAt = -1.0;
    double seekTarget = 0.0;
    QObject::connect(&guest.sink, &QVideoSink::videoFrameChanged, &guest.sink,
                     [&](const QVideoFrame &frame) {
                         if (!frame.isValid())
                             return;
                         const double now = monotonicSeconds();
                         if (!firstFrame) {
                             firstFrame = true;
                             emitLine({{"event", "first_frame"}, {"s", now - joinedAt}});
                         }
                         if (seekAt > 0 && frame.startTime() >= 0
                             && double(frame.startTime()) / 1e6 >= seekTarget - 0.5) {
                             emitLine({{"event", "seek_shown"}, {"s", now - seekAt}});
                             seekAt = -1.0;
                         }
                     });
    QObject::connect(&guest.session, &room::RoomSession::remotePlayerEvent, &guest.session,
                     [&](const QString &, const protocol::PlayerEvent &event) {
                         if (event.action == protocol::PlayerAction::Seek
                             && event.position >= kSeekTarget) {
                             seekAt = monotonicSeconds();
                             seekTarget = event.position;
                         }
                     });
    bool streaming = false;
    QObject::connect(&guest.session, &room::RoomSession::ended, &guest.session,
                     [](const QString &message, bool) {
                         emitLine({{"event", "ended"}, {"message", message.toStdString()}});
                     });
    QObject::connect(&guest.player, &QMediaPlayer::errorOccurred, &guest.player,
                     [](QMediaPlayer::Error, const QString &text) {
                         emitLine({{"event", "player_error"}, {"message", text.toStdString()}});
                     });
    QObject::connect(&guest.session, &room::RoomSession::joined, &guest.session, [&] {
        emitLine({{"event", "joined"}, {"offers", guest.session.sharing().hostOffersStream()}});
        if (streaming || !guest.session.sharing().hostOffersStream())
            return;
        streaming = true;
        guest.player.setSource(copy.isEmpty() ? guest.session.hostStreamUrl()
                                              : QUrl::fromLocalFile(copy));
        // As the app does: the sync engine knows that this player streams.
        guest.session.setPlaysHostStream(copy.isEmpty());
        emitLine({{"event", "streaming"}});
    });
    QTimer sampler;
    QObject::connect(&sampler, &QTimer::timeout, &sampler, [&] {
        const sync::SyncSnapshot s = guest.session.connection().syncSnapshot();
        if (guest.session.connection().timelinePlaying())
            emitLine(
                {{"event", "sample"},
                 {"t", monotonicSeconds()},
                 {"error", s.error},
                 {"rate", s.rate},
                 {"expected", s.expected},
                 {"activity", int(s.activity)},
                 {"corrections", guest.session.connection().correctionCount()},
                 {"upstream_requests", guest.session.sharing().streamProxy().upstreamRequests()},
                 {"cached_bytes", double(guest.session.sharing().streamProxy().cachedBytes())},
                 {"playing", guest.player.playbackState() == QMediaPlayer::PlayingState},
                 {"media_status", int(guest.player.mediaStatus())}});
    });
    sampler.start(100);

    QNetworkAccessManager network;
    QSocketNotifier input(0, QSocketNotifier::Read);
    QObject::connect(&input, &QSocketNotifier::activated, &input, [&] {
        char line[64] = {};
        if (!std::fgets(line, sizeof line, stdin)) {
            QCoreApplication::quit();
            return;
        }
        const QString command = QString::fromLatin1(line).trimmed();
        if (command == QLatin1String("fetch")) {
            // The whole file as fast as the link allows, through the proxy,
            // all of it from the host: the proxy starts again without what
            // its cache held.
            guest.player.stop();
            guest.session.stopHostStream();
            auto *reply = network.get(QNetworkRequest(guest.session.hostStreamUrl()));
            const double start = monotonicSeconds();
            auto bytes = std::make_shared<qint64>(0);
            QObject::connect(reply, &QNetworkReply::readyRead, reply,
                             [reply, bytes] { *bytes += reply->readAll().size(); });
            QObject::connect(reply, &QNetworkReply::finished, reply, [reply, bytes, start] {
                emitLine({{"event", "fetched"},
                          {"bytes", double(*bytes)},
                          {"s", monotonicSeconds() - start},
                          {"status",
                           reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt()}});
                reply->deleteLater();
            });
        } else if (command == QLatin1String("quit")) {
            QCoreApplication::quit();
        }
    });

    joinedAt = monotonicSeconds();
    guest.session.join(*link, QStringLiteral("Guest"));
    return QCoreApplication::exec();
}

// ---------------------------------------------------------------- benchmark

bool run(const QString &program, const QStringList &arguments, QString *error = nullptr)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    if (!process.waitForFinished(600000) || process.exitCode() != 0) {
        if (error)
            *error = program + QLatin1Char(' ') + arguments.join(QLatin1Char(' '))
                + QStringLiteral(": ") + QString::fromUtf8(process.readAll()).trimmed();
        return false;
    }
    return true;
}

// The guest's namespace and the shaped link; removed with the object. With
// sch_netem in the kernel: netem on both ends of a veth pair (40 ms each way,
// 20 Mbit/s each way, 0.5 % of the host's packets lost). Without it (some
// container kernels): tbf for the rate, an nftables rule in the guest's
// namespace dropping 0.5 % of what the host sends, and the 40 ms each way
// added by a relay process (`stream --relay`) the guest connects through.
struct ShapedLink {
    QString ns = QStringLiteral("lsbs%1").arg(getpid());
    QString hostSide = QStringLiteral("lsbh%1").arg(getpid() % 100000);
    QString guestSide = QStringLiteral("lsbg%1").arg(getpid() % 100000);
    bool made = false;
    bool relayed = false; // the delay is the relay's, not netem's

    static bool sh(const QString &script, QString *error)
    {
        return run(QStringLiteral("sh"), {QStringLiteral("-ec"), script}, error);
    }

    bool make(QString *error)
    {
        made = sh(QStringLiteral("ip netns add %1").arg(ns), error);
        if (!made)
            return false;
        const QString veth = QStringLiteral("ip link add %1 type veth peer name %2\n"
                                            "ip link set %2 netns %3\n"
                                            "ip addr add %4/24 dev %1\n"
                                            "ip link set %1 up\n"
                                            "ip netns exec %3 ip addr add %5/24 dev %2\n"
                                            "ip netns exec %3 ip link set %2 up\n"
                                            "ip netns exec %3 ip link set lo up\n")
                                 .arg(hostSide, guestSide, ns, kHostAddress, kGuestAddress);
        if (!sh(veth, error))
            return false;
        QString netemError;
        if (sh(QStringLiteral("tc qdisc add dev %1 root netem delay 40ms rate 20mbit loss 0.5% "
                              "limit 1000\n"
                              "ip netns exec %3 tc qdisc add dev %2 root netem delay 40ms rate "
                              "20mbit limit 1000\n")
                   .arg(hostSide, guestSide, ns),
               &netemError))
            return true;
        std::fprintf(stderr, "stream: no netem here (%s); tbf, nftables and a relay instead\n",
                     qPrintable(netemError));
        relayed = true;
        return sh(
            QStringLiteral("tc qdisc add dev %1 root tbf rate 20mbit burst 32kbit latency 400ms\n"
                           "ip netns exec %3 tc qdisc add dev %2 root tbf rate 20mbit burst 32kbit "
                           "latency 400ms\n"
                           "ip netns exec %3 nft add table inet lsb\n"
                           "ip netns exec %3 nft add chain inet lsb in "
                           "'{ type filter hook input priority 0; }'\n"
                           "ip netns exec %3 nft add rule inet lsb in ip saddr %4 "
                           "numgen random mod 1000 '<' 5 drop\n")
                .arg(hostSide, guestSide, ns, kHostAddress),
            error);
    }
    ~ShapedLink()
    {
        if (made)
            sh(QStringLiteral("ip netns del %1").arg(ns), nullptr);
        sh(QStringLiteral("ip link del %1 2>/dev/null || true").arg(hostSide), nullptr);
    }
};

// ---------------------------------------------------------------- relay

// Forwards TCP connections from `listen` to `target`, holding each chunk
// `delayMs` in each direction.
int runRelay(const QString &listen, quint16 port, quint16 target, int delayMs)
{
    QTcpServer server;
    if (!server.listen(QHostAddress(listen), port)) {
        std::fprintf(stderr, "stream --relay: %s\n", qPrintable(server.errorString()));
        return 1;
    }
    QObject::connect(&server, &QTcpServer::newConnection, &server, [&] {
        while (QTcpSocket *guest = server.nextPendingConnection()) {
            auto *host = new QTcpSocket(guest);
            host->connectToHost(QHostAddress::LocalHost, target);
            const auto forward = [delayMs](QTcpSocket *from, QTcpSocket *to) {
                QObject::connect(from, &QTcpSocket::readyRead, to, [from, to, delayMs] {
                    const QByteArray data = from->readAll();
                    QTimer::singleShot(delayMs, Qt::PreciseTimer, to, [to, data] {
                        if (to->state() == QAbstractSocket::ConnectedState)
                            to->write(data);
                    });
                });
                QObject::connect(from, &QTcpSocket::disconnected, to, [to, delayMs] {
                    QTimer::singleShot(delayMs + 1, Qt::PreciseTimer, to,
                                       [to] { to->disconnectFromHost(); });
                });
            };
            forward(guest, host);
            forward(host, guest);
            QObject::connect(guest, &QTcpSocket::disconnected, guest, &QObject::deleteLater);
        }
    });
    return QCoreApplication::exec();
}

int skip(const QString &why)
{
    std::fprintf(stderr, "stream: %s\n", qPrintable(why));
    emitLine({{"bench", "stream"}, {"skipped", why.toStdString()}});
    return 0;
}

int runBenchmark(const QString &self, bool localCopy, const QString &eventsFile)
{
    if (geteuid() != 0)
        return skip(QStringLiteral("needs root to make the shaped link (network namespaces, tc "
                                   "netem); run it with sudo"));
    for (const char *tool : {"ffmpeg", "ip", "tc", "sh"}) {
        if (QStandardPaths::findExecutable(QString::fromLatin1(tool)).isEmpty())
            return skip(QStringLiteral("%1 is not installed").arg(QString::fromLatin1(tool)));
    }
    QTemporaryDir dir;
    const QString clip = dir.filePath(QStringLiteral("film 1080p.mp4"));
    QString error;
    if (!run(QStringLiteral("ffmpeg"),
             {QStringLiteral("-v"),
              QStringLiteral("error"),
              QStringLiteral("-f"),
              QStringLiteral("lavfi"),
              QStringLiteral("-i"),
              QStringLiteral("testsrc2=size=1920x1080:rate=25:duration=%1").arg(kClipSeconds),
              QStringLiteral("-c:v"),
              QStringLiteral("libx264"),
              QStringLiteral("-preset"),
              QStringLiteral("ultrafast"),
              QStringLiteral("-b:v"),
              QStringLiteral("5M"),
              QStringLiteral("-maxrate"),
              QStringLiteral("5M"),
              QStringLiteral("-bufsize"),
              QStringLiteral("10M"),
              QStringLiteral("-g"),
              QStringLiteral("50"),
              QStringLiteral("-pix_fmt"),
              QStringLiteral("yuv420p"),
              QStringLiteral("-movflags"),
              QStringLiteral("+faststart"),
              clip},
             &error))
        return skip(QStringLiteral("could not make the clip: ") + error);
    const double clipMbit = QFileInfo(clip).size() * 8.0 / kClipSeconds / 1e6;

    ShapedLink link;
    if (!link.make(&error))
        return skip(QStringLiteral("could not make the shaped link: ") + error);

    Person host;
    host.player.setSource(QUrl::fromLocalFile(clip));
    if (!wait([&] { return host.player.mediaStatus() == QMediaPlayer::LoadedMedia; }, 30000))
        return skip(QStringLiteral("the host's player cannot open the clip"));
    host.session.offerLocalFile(clip);
    room::HostOptions options;
    options.port = 0;
    options.name = QStringLiteral("Host");
    options.inviteOnly = false;
    options.certificateDirectory = dir.filePath(QStringLiteral("tls"));
    if (!host.session.startServer(options, &error))
        return skip(QStringLiteral("cannot host: ") + error);
    host.session.createRoom(
        room::RoomMedia::forLocalFile(clip, double(host.player.duration()) / 1000.0));
    if (!wait([&] { return !host.session.inviteLink().isEmpty(); }, 20000))
        return skip(QStringLiteral("the room did not open"));
    // The guest reaches the host across the shaped link.
    QUrl invite(host.session.inviteLink());
    QUrlQuery query(invite);
    QUrl server(query.queryItemValue(QStringLiteral("server"), QUrl::FullyDecoded));
    server.setHost(kHostAddress);
    QProcess relay;
    if (link.relayed) {
        QTcpServer probe;
        probe.listen(QHostAddress(kHostAddress), 0);
        const quint16 relayPort = probe.serverPort();
        probe.close();
        relay.setProcessChannelMode(QProcess::ForwardedChannels);
        relay.start(self,
                    {QStringLiteral("--relay"), kHostAddress, QString::number(relayPort),
                     QString::number(server.port()), QStringLiteral("40")});
        if (!relay.waitForStarted(5000))
            return skip(QStringLiteral("the relay did not start"));
        wait([] { return false; }, 500);
        server.setPort(relayPort);
    }
    query.removeQueryItem(QStringLiteral("server"));
    query.addQueryItem(QStringLiteral("server"), server.toString());
    invite.setQuery(query);

    QProcess guest;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("HOME"), dir.filePath(QStringLiteral("guest")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("guest/config")));
    guest.setProcessEnvironment(env);
    guest.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    std::vector<Json> events;
    QByteArray pending;
    QObject::connect(&guest, &QProcess::readyReadStandardOutput, &guest, [&] {
        pending += guest.readAllStandardOutput();
        qsizetype end;
        while ((end = pending.indexOf('\n')) >= 0) {
            const QByteArray text = pending.left(end);
            pending.remove(0, end + 1);
            Json line
                = Json::parse(text.constData(), text.constData() + text.size(), nullptr, false);
            if (line.is_object() && line.contains("event"))
                events.push_back(std::move(line));
        }
    });
    const auto find = [&](const char *event) -> std::optional<Json> {
        for (const Json &line : events) {
            if (line.value("event", std::string()) == event)
                return line;
        }
        return std::nullopt;
    };
    // The guest joins a room that plays (from 2 s on), as one joins a film
    // under way.
    // The host's error at each sample while it follows the timeline (not
    // while it parks itself: its error then is the lead it parked with).
    std::vector<std::pair<double, double>> hostSamples;
    std::vector<Json> hostEvents;
    QTimer sampler;
    QObject::connect(&sampler, &QTimer::timeout, &sampler, [&] {
        if (!host.session.connection().timelinePlaying())
            return;
        const sync::SyncSnapshot s = host.session.connection().syncSnapshot();
        const double t = monotonicSeconds();
        if (s.activity == sync::SyncActivity::InSync || s.activity == sync::SyncActivity::Nudging)
            hostSamples.emplace_back(t, s.error);
        hostEvents.push_back({{"event", "host_sample"},
                              {"t", t},
                              {"error", s.error},
                              {"rate", s.rate},
                              {"activity", int(s.activity)},
                              {"media_status", int(host.player.mediaStatus())}});
    });
    sampler.start(100);
    host.session.seek(2.0);
    host.session.togglePlayPause();
    wait([] { return false; }, 1000);
    const double joinedAt = monotonicSeconds();
    guest.start(QStringLiteral("ip"),
                QStringList {QStringLiteral("netns"), QStringLiteral("exec"), link.ns, self,
                             QStringLiteral("--guest"), invite.toString()}
                    + (localCopy ? QStringList {QStringLiteral("--copy"), clip} : QStringList()));
    if (!wait([&] { return find("first_frame").has_value(); }, 60000)) {
        for (const Json &line : events)
            std::fprintf(stderr, "guest: %s\n", line.dump().c_str());
        guest.kill();
        guest.waitForFinished();
        relay.kill();
        relay.waitForFinished();
        return skip(QStringLiteral("the guest never showed a frame"));
    }

    // Play together, then a seek far ahead, then play on.
    wait([] { return false; }, 15000);
    const double seekSentAt = monotonicSeconds();
    host.session.seek(kSeekTarget);
    wait([&] { return find("seek_shown").has_value(); }, 15000);
    const double seekWindowEnd = seekSentAt + 5.0;
    wait([] { return false; }, 8000);

    // The seek storm: a rewind to the start (the guest fetched that part
    // while it played after joining), a pause for everyone to settle, then
    // the presses, each from where the room's timeline is by then (about 12 s,
    // 17 s, ... 50 s). The last lands in what the guest fetched after the far
    // seek.
    const double rewindAt = monotonicSeconds();
    host.session.seek(kStormFrom);
    wait([] { return false; }, 4000);
    const double stormFirstAt = monotonicSeconds();
    double stormLastTarget = 0.0;
    for (int i = 0; i < kStormSeeks; ++i) {
        stormLastTarget = host.session.connection().syncSnapshot().expected + kStormStep;
        host.session.seek(stormLastTarget);
        if (i + 1 < kStormSeeks)
            wait([] { return false; }, kStormGapMs);
    }
    const double stormLastAt = monotonicSeconds();
    wait([] { return false; }, 7000); // ends before the film does (60 s)
    sampler.stop();
    host.session.togglePlayPause();

    if (!eventsFile.isEmpty()) {
        QFile file(eventsFile);
        if (file.open(QIODevice::WriteOnly)) {
            for (const Json &line : events)
                file.write(QByteArray::fromStdString(line.dump() + '\n'));
            for (const Json &line : hostEvents)
                file.write(QByteArray::fromStdString(line.dump() + '\n'));
        }
    }

    // Inter-client error: guest minus host at the same moments while both
    // play on one timeline, that is, outside the join's and the seek's own
    // catching up (from the guest's first "in sync" after each until the
    // next) and outside either's corrections (each follows the timeline:
    // in sync or nudging). How long each catching up took is reported on
    // its own.
    constexpr int kInSync = int(sync::SyncActivity::InSync);
    // The first "in sync" once the guest has reacted (left "in sync") after `after`.
    const auto firstInSync = [&](double after) {
        bool reacted = false;
        for (const Json &line : events) {
            if (line.value("event", std::string()) != "sample" || line.value("t", 0.0) < after)
                continue;
            const bool inSync = line.value("activity", -1) == kInSync;
            if (!inSync)
                reacted = true;
            else if (reacted)
                return line.value("t", 0.0);
        }
        return std::numeric_limits<double>::infinity();
    };
    // A guest that never gets there is judged from 5 s on, not spared.
    const double joinInSync = firstInSync(joinedAt);
    const double seekInSync = firstInSync(seekSentAt);
    const double joinSettled = std::isfinite(joinInSync) ? joinInSync : joinedAt + 5.0;
    const double seekSettled = std::isfinite(seekInSync) ? seekInSync : seekWindowEnd;
    std::vector<double> between;
    std::vector<double> guestErrors;
    for (const Json &line : events) {
        if (line.value("event", std::string()) != "sample")
            continue;
        const double t = line.value("t", 0.0);
        if (t < joinSettled || (t >= seekSentAt && t < seekSettled) || t >= rewindAt)
            continue;
        const int activity = line.value("activity", -1);
        if (activity != kInSync && activity != int(sync::SyncActivity::Nudging))
            continue;
        const double e = line.value("error", 0.0);
        guestErrors.push_back(std::abs(e) * 1000.0);
        const auto nearest
            = std::min_element(hostSamples.begin(), hostSamples.end(), [t](auto a, auto b) {
                  return std::abs(a.first - t) < std::abs(b.first - t);
              });
        if (nearest != hostSamples.end() && std::abs(nearest->first - t) < 0.1)
            between.push_back(std::abs(e - nearest->second) * 1000.0);
    }

    // After the storm: the first sample that has the guest playing within
    // kWithin of the timeline the last press made (its expected position
    // says which timeline it follows: one sampled before the last press
    // reached it does not count), and the engine's corrections from the
    // first press until then (or until the window's end).
    double stormSettledAt = std::numeric_limits<double>::infinity();
    int correctionsBefore = -1;
    int correctionsAtSettle = -1;
    int requestsBefore = -1;
    int requestsAtSettle = -1;
    for (const Json &line : events) {
        if (line.value("event", std::string()) != "sample")
            continue;
        const double t = line.value("t", 0.0);
        const int corrections = line.value("corrections", -1);
        const int requests = line.value("upstream_requests", -1);
        if (t < stormFirstAt) {
            correctionsBefore = corrections;
            requestsBefore = requests;
            continue;
        }
        correctionsAtSettle = corrections;
        requestsAtSettle = requests;
        const int activity = line.value("activity", -1);
        const bool following = activity == kInSync || activity == int(sync::SyncActivity::Nudging);
        const double timeline = stormLastTarget + (t - stormLastAt);
        if (t >= stormLastAt && following && line.value("playing", false)
            && std::abs(line.value("expected", -1.0) - timeline) < 0.5
            && std::abs(line.value("error", 1.0)) <= kWithin) {
            stormSettledAt = t;
            break;
        }
    }
    const int stormCorrections = correctionsBefore < 0 || correctionsAtSettle < 0
        ? -1
        : correctionsAtSettle - correctionsBefore;

    // Host CPU per stream: the guest fetches the whole file as fast as the
    // link allows while the host's own player is paused.
    const double cpuBefore = cpuSeconds();
    const double wallBefore = monotonicSeconds();
    guest.write("fetch\n");
    wait([&] { return find("fetched").has_value(); }, 120000);
    const double cpuUsed = cpuSeconds() - cpuBefore;
    const double wallUsed = monotonicSeconds() - wallBefore;
    const auto fetched = find("fetched");
    guest.write("quit\n");
    guest.waitForFinished(10000);
    if (guest.state() != QProcess::NotRunning) {
        guest.kill();
        guest.waitForFinished();
    }

    const auto firstFrame = find("first_frame");
    const auto seekShown = find("seek_shown");
    const double firstFrameS = firstFrame ? firstFrame->value("s", -1.0) : -1.0;
    const double seekS = seekShown ? seekShown->value("s", -1.0) : -1.0;
    const double fetchMbit = fetched
        ? fetched->value("bytes", 0.0) * 8.0 / std::max(1e-3, fetched->value("s", 0.0)) / 1e6
        : 0.0;
    const double p95 = percentile(between, 95);
    const qint64 memory = host.session.hosting().peakStreamBufferBytes();
    if (relay.state() != QProcess::NotRunning) {
        relay.kill();
        relay.waitForFinished();
    }
    emitLine({
        {"bench", "stream"},
        {"guest_plays", localCopy ? "its own copy (baseline)" : "the host's stream"},
        {"shaping", link.relayed ? "tbf, nftables and a 40 ms relay (no netem)" : "netem"},
        {"link", {{"rtt_ms", 80}, {"rate_mbit", 20}, {"loss_percent", 0.5}}},
        {"clip", {{"width", 1920}, {"height", 1080}, {"mbit", clipMbit}}},
        {"join_to_first_frame_s", firstFrameS},
        {"join_to_in_sync_s", std::isfinite(joinInSync) ? joinInSync - joinedAt : -1.0},
        {"seek_to_in_sync_s", std::isfinite(seekInSync) ? seekInSync - seekSentAt : -1.0},
        {"seek_unbuffered_shown_s", seekS},
        {"seek_storm",
         {{"seeks", kStormSeeks},
          {"gap_ms", kStormGapMs},
          {"step_s", kStormStep},
          {"from_s", kStormFrom},
          {"last_target_s", stormLastTarget},
          {"last_seek_to_within_50ms_s",
           std::isfinite(stormSettledAt) ? stormSettledAt - stormLastAt : -1.0},
          {"corrections", stormCorrections},
          // What the guest's proxy asked the host for meanwhile (the rest
          // came from its cache).
          {"upstream_requests",
           requestsBefore < 0 || requestsAtSettle < 0 ? -1 : requestsAtSettle - requestsBefore}}},
        {"inter_client_error_ms",
         {{"p50", percentile(between, 50)}, {"p95", p95}, {"samples", int(between.size())}}},
        {"guest_error_ms_p95", percentile(guestErrors, 95)},
        // The host's own player chased in the meantime (two 1080p decoders
        // share this computer's cores).
        {"host_corrections", host.session.connection().correctionCount()},
        {"host_cpu_percent_per_stream", wallUsed > 0 ? cpuUsed / wallUsed * 100.0 : -1},
        {"stream_mbit", fetchMbit},
        {"memory_per_stream_bytes", double(memory)},
        {"pass",
         {{"first_frame", firstFrameS >= 0 && firstFrameS <= 2.5},
          {"seek", seekS >= 0 && seekS <= 1.5},
          {"error_p95", !std::isnan(p95) && p95 <= 25.0},
          {"memory", memory > 0 && memory <= 2 * 1024 * 1024}}},
    });
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("*.info=false\nqt.*=false"));
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("guest"), QStringLiteral("Be the guest, joining LINK."),
                      QStringLiteral("LINK")});
    parser.addOption({QStringLiteral("relay"),
                      QStringLiteral("Be the delaying relay: ADDRESS PORT TARGET_PORT DELAY_MS."),
                      QStringLiteral("ADDRESS")});
    parser.addOption({QStringLiteral("local-copy"),
                      QStringLiteral("Baseline: the guest plays its own copy, not the stream.")});
    parser.addOption(
        {QStringLiteral("events"),
         QStringLiteral(
             "Also write the guest's events and the host's samples (JSON lines) to FILE."),
         QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("copy"), QStringLiteral("(guest) Play this file."),
                      QStringLiteral("FILE")});
    parser.process(app);
    if (parser.isSet(QStringLiteral("relay"))) {
        const QStringList rest = parser.positionalArguments();
        if (rest.size() != 3)
            return 2;
        return runRelay(parser.value(QStringLiteral("relay")), quint16(rest[0].toUInt()),
                        quint16(rest[1].toUInt()), rest[2].toInt());
    }
    if (parser.isSet(QStringLiteral("guest")))
        return runGuest(parser.value(QStringLiteral("guest")),
                        parser.value(QStringLiteral("copy")));
    return runBenchmark(QCoreApplication::applicationFilePath(),
                        parser.isSet(QStringLiteral("local-copy")),
                        parser.value(QStringLiteral("events")));
}
