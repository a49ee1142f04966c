// Two real apps following a room, as people use them: a host app (offscreen)
// hosting a clip generated at run time, a guest app that joined by the
// invite with a copy of its own (--open FILE --join LINK) and one that
// streams the host's file (--join LINK only), and a remote participant
// (fault_client) that plays, then seeks in storms: 8 seeks 250 ms apart,
// then 12 seeks 100 ms apart (someone scrubbing). Everything is read from
// the apps' own --sync-log. Meanwhile a participant pings the host's room
// every 50 ms: how long the room takes to answer while the host's player
// seeks (the room's server runs in the host app). And how long each app's
// --sync-log went without a line during the storms (it writes one a second
// and on every event): a GUI thread held for S seconds leaves a gap of about
// 1 + S. Prints one JSON line.
//
//   app_sync        (needs ffmpeg; takes about a minute)
#include "AppProcess.h"
#include "FaultProcesses.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSslError>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUrlQuery>
#include <QWebSocket>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

using namespace lockstep::test;

namespace {

struct Storm {
    const char *name;
    int seeks;
    int gapMs;
};

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return -1.0;
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, std::size_t(p * double(values.size())))];
}

// Seconds from `from` (a local_time) until the app's error stays within
// 50 ms of the timeline, playing and in sync, up to `to`; -1 if never.
double settleTime(const QList<QJsonObject> &lines, double from, double to)
{
    double settled = -1.0;
    for (const QJsonObject &line : lines) {
        const double t = numberOf(line, "local_time");
        if (t < from || t > to)
            continue;
        if (playingInStep(line)) {
            if (settled < 0.0)
                settled = t - from;
        } else {
            settled = -1.0;
        }
    }
    return settled;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QString ffmpeg = QStandardPaths::findExecutable(QStringLiteral("ffmpeg"));
    if (ffmpeg.isEmpty()) {
        std::fprintf(stderr, "app_sync: ffmpeg is needed to make the clip\n");
        return 1;
    }
    QTemporaryDir dir;
    const QString clip = dir.filePath(QStringLiteral("evening.mp4"));
    QByteArray output;
    if (!runCommand(ffmpeg,
                    {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-f"),
                     QStringLiteral("lavfi"), QStringLiteral("-i"),
                     QStringLiteral("testsrc=duration=120:size=640x360:rate=30"),
                     QStringLiteral("-c:v"), QStringLiteral("libx264"), QStringLiteral("-pix_fmt"),
                     QStringLiteral("yuv420p"), QStringLiteral("-g"), QStringLiteral("30"), clip},
                    &output, 120000)) {
        std::fprintf(stderr, "app_sync: ffmpeg failed: %s\n", output.constData());
        return 1;
    }

    const quint16 port = freePort();
    const QString inviteFile = dir.filePath(QStringLiteral("invite.txt"));
    AppProcess host(QStringLiteral("Hana"), dir.filePath(QStringLiteral("host")));
    host.start({QStringLiteral("--open"), clip, QStringLiteral("--host"), QStringLiteral("--port"),
                QString::number(port), QStringLiteral("--invite-file"), inviteFile});
    const QString link = waitForInviteLink(inviteFile, 20000);
    if (link.isEmpty()) {
        std::fprintf(stderr, "app_sync: no invite\n%s\n", qPrintable(host.describe()));
        return 1;
    }
    const QUrlQuery query {QUrl(link)};
    const QString room = query.queryItemValue(QStringLiteral("room"));

    AppProcess copy(QStringLiteral("Cora"), dir.filePath(QStringLiteral("copy")));
    copy.start({QStringLiteral("--open"), clip, QStringLiteral("--join"), link});
    AppProcess stream(QStringLiteral("Sid"), dir.filePath(QStringLiteral("stream")));
    stream.start({QStringLiteral("--join"), link});
    AppProcess *apps[] = {&host, &copy, &stream};
    const char *names[] = {"host", "guest_copy", "guest_stream"};
    for (AppProcess *a : {&copy, &stream}) {
        if (!a->waitFor([](const QJsonObject &l) { return flagOf(l, "in_room"); }, 30000)) {
            std::fprintf(stderr, "app_sync: a guest did not join\n%s\n", qPrintable(a->describe()));
            return 1;
        }
    }

    ClientProcess remote;
    ClientProcess::Options options;
    options.url = QUrl(QStringLiteral("wss://127.0.0.1:%1/?room=%2").arg(port).arg(room));
    options.fingerprint = query.queryItemValue(QStringLiteral("fp"));
    options.room = room;
    options.name = QStringLiteral("Remote");
    options.clientId = QStringLiteral("remote");
    options.inviteToken = query.queryItemValue(QStringLiteral("invite"));
    if (!remote.start(options) || !remote.waitFor(QStringLiteral("joined"), 10000)) {
        std::fprintf(stderr, "app_sync: the remote did not join\n");
        return 1;
    }
    const auto localNow = [&] {
        // The apps' local_time is epoch seconds from the same system clock.
        return double(QDateTime::currentMSecsSinceEpoch()) / 1000.0;
    };

    // The pinger: protocol pings to the host's room, its round trips.
    QWebSocket pinger;
    QObject::connect(&pinger, &QWebSocket::sslErrors, &pinger,
                     [&pinger](const QList<QSslError> &) { pinger.ignoreSslErrors(); });
    QElapsedTimer clock;
    clock.start();
    QHash<qint64, qint64> sentAt; // client_ts -> ms on `clock`
    std::vector<double> pingRtts;
    bool measuring = false;
    QObject::connect(&pinger, &QWebSocket::textMessageReceived, &pinger, [&](const QString &text) {
        const QJsonObject frame = QJsonDocument::fromJson(text.toUtf8()).object();
        if (frame.value(QStringLiteral("type")).toString() != QLatin1String("pong"))
            return;
        const qint64 ts = qint64(frame.value(QStringLiteral("payload"))
                                     .toObject()
                                     .value(QStringLiteral("client_ts"))
                                     .toDouble());
        const auto it = sentAt.find(ts);
        if (it == sentAt.end())
            return;
        if (measuring)
            pingRtts.push_back(double(clock.elapsed() - it.value()));
        sentAt.erase(it);
    });
    QTimer pings;
    pings.setInterval(50);
    qint64 nextTs = 1;
    QObject::connect(&pings, &QTimer::timeout, &pinger, [&] {
        if (pinger.state() != QAbstractSocket::ConnectedState)
            return;
        const qint64 ts = nextTs++;
        sentAt.insert(ts, clock.elapsed());
        pinger.sendTextMessage(
            QStringLiteral(R"({"type":"ping","payload":{"client_ts":%1}})").arg(ts));
    });
    pinger.open(QUrl(QStringLiteral("wss://127.0.0.1:%1/").arg(port)));
    pings.start();

    remote.send(QStringLiteral("seek 2"));
    QTest::qWait(300);
    remote.send(QStringLiteral("play"));
    const double playedAt = localNow();
    QTest::qWait(12000);
    const double steadyFrom = playedAt + 4.0;
    const double steadyTo = localNow();

    const Storm storms[] = {{"8x250ms", 8, 250}, {"12x100ms", 12, 100}};
    struct StormResult {
        double lastSeekAt = 0.0;
        double end = 0.0;
    };
    std::vector<StormResult> results;
    double target = 20.0;
    measuring = true;
    const double stormsFrom = localNow();
    for (const Storm &storm : storms) {
        StormResult result;
        for (int i = 0; i < storm.seeks; ++i) {
            remote.send(QStringLiteral("seek %1").arg(target));
            target += 1.5;
            if (i + 1 < storm.seeks)
                QTest::qWait(storm.gapMs);
        }
        result.lastSeekAt = localNow();
        QTest::qWait(8000);
        result.end = localNow();
        results.push_back(result);
        target += 10.0;
    }

    measuring = false;
    // Pings never answered count as the whole time they waited.
    for (auto it = sentAt.cbegin(); it != sentAt.cend(); ++it)
        pingRtts.push_back(double(clock.elapsed() - it.value()));
    const double stormsTo = localNow();

    std::printf("{\"scenario\":\"apps-following-a-room\",\"backend_qt\":\"%s\"", qVersion());
    std::printf(",\"room_pings_during_storms_ms\":{\"p50\":%.1f,\"p99\":%.1f,\"max\":%.1f,"
                "\"count\":%zu}",
                percentile(pingRtts, 0.5), percentile(pingRtts, 0.99), percentile(pingRtts, 1.0),
                pingRtts.size());
    for (int a = 0; a < 3; ++a) {
        const QList<QJsonObject> &lines = apps[a]->lines();
        std::vector<double> steady;
        int correctionsBefore = -1;
        for (const QJsonObject &line : lines) {
            const double t = numberOf(line, "local_time");
            if (t >= steadyFrom && t <= steadyTo && flagOf(line, "timeline_playing"))
                steady.push_back(std::abs(numberOf(line, "error_ms")));
        }
        double lastLine = -1.0;
        double longestGap = 0.0;
        for (const QJsonObject &line : lines) {
            const double t = numberOf(line, "local_time");
            if (t < stormsFrom || t > stormsTo)
                continue;
            if (lastLine > 0.0)
                longestGap = std::max(longestGap, t - lastLine);
            lastLine = t;
        }
        std::printf(",\"%s\":{\"steady_error_ms\":{\"p50\":%.1f,\"p95\":%.1f,\"lines\":%zu},"
                    "\"longest_log_gap_s\":%.2f",
                    names[a], percentile(steady, 0.5), percentile(steady, 0.95), steady.size(),
                    longestGap);
        for (std::size_t s = 0; s < results.size(); ++s) {
            // Corrections from the storm's first seek until it settled.
            const double from = results[s].lastSeekAt;
            int before = -1;
            int after = 0;
            for (const QJsonObject &line : lines) {
                const double t = numberOf(line, "local_time");
                const int c = int(numberOf(line, "corrections"));
                if (t < from - storms[s].seeks * storms[s].gapMs / 1000.0)
                    before = c;
                if (t <= results[s].end)
                    after = c;
            }
            correctionsBefore = before;
            std::printf(",\"%s\":{\"in_sync_after_s\":%.2f,\"corrections\":%d}", storms[s].name,
                        settleTime(lines, from, results[s].end),
                        correctionsBefore < 0 ? -1 : after - correctionsBefore);
        }
        std::printf("}");
    }
    std::printf("}\n");
    return 0;
}
