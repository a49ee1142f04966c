// Scaling out as docs/server.md describes it: nginx, configured with the
// directives that page gives (read from it), hashes `?room=` over three
// lockstep-server processes. 300 rooms of 5 participants connect through it;
// every room must live in exactly one process. Then one process is killed:
// only its rooms notice, and once it is started again they are back on it,
// with the same host and timeline.
#include "FaultProcesses.h"
#include "client/SessionClient.h"
#include "client/WebSocketTransport.h"
#include "protocol/Clock.h"
#include "protocol/Timeline.h"

#include <QElapsedTimer>
#include <QFile>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <cmath>
#include <set>

#include <sys/resource.h>

using namespace lockstep;
using namespace lockstep::test;

namespace {

constexpr int kServers = 3;
constexpr int kRooms = 300;
constexpr int kPerRoom = 5;
// Connection attempts in flight at once while the rooms fill up.
constexpr int kConnectingAtOnce = 100;
// How far a participant's view of its room's timeline may be from the one
// the room had before its process died. A host bringing its room back plays
// on from its own position plus its one-way latency estimate, which right
// after the reconnect is its first round trip; with 500 clients reconnecting
// at once in this one process, that round trip includes the event loop's
// backlog (up to about 80 ms here on a loaded machine).
constexpr double kTimelineTolerance = 0.250;

QString nginxCommand()
{
    return QStandardPaths::findExecutable(QStringLiteral("nginx"),
                                          {QStringLiteral("/usr/sbin"), QStringLiteral("/sbin"),
                                           QStringLiteral("/usr/bin"), QStringLiteral("/bin")});
}

// The directive lines between `opening` (a line ending in "{") and its
// closing brace, without comments and blank lines.
QStringList blockBody(const QString &text, const QString &opening)
{
    const qsizetype start = text.indexOf(opening);
    if (start < 0)
        return {};
    QStringList body;
    int depth = 0;
    const QStringList lines = text.mid(start).split(QLatin1Char('\n'));
    for (const QString &raw : lines) {
        const QString line = raw.section(QLatin1Char('#'), 0, 0).trimmed();
        if (line.endsWith(QLatin1Char('{'))) {
            if (++depth == 1)
                continue;
        }
        if (line == QLatin1String("}") && --depth == 0)
            break;
        if (!line.isEmpty())
            body.append(line);
    }
    return body;
}

QString directiveName(const QString &line)
{
    return line.section(QLatin1Char(' '), 0, 0);
}

// nginx's configuration for `ports`, built from the blocks docs/server.md
// gives: the Upgrade map and the proxy_* lines of "Behind nginx", the upstream
// and location of "Scaling out". Everything else (paths, the listening port,
// no TLS) is the test's own.
QString nginxConfig(const QString &docsPath, const QString &dir, quint16 listenPort,
                    const QList<quint16> &ports, QString *problem)
{
    QFile file(docsPath);
    if (!file.open(QIODevice::ReadOnly)) {
        *problem = QStringLiteral("cannot read ") + docsPath;
        return {};
    }
    const QString docs = QString::fromUtf8(file.readAll());
    const qsizetype scaling = docs.indexOf(QStringLiteral("## Scaling out"));
    const qsizetype proxy = docs.indexOf(QStringLiteral("### Behind nginx"));
    if (scaling < 0 || proxy < 0) {
        *problem = QStringLiteral("docs/server.md lost its nginx sections");
        return {};
    }
    const QString proxySection = docs.mid(proxy, scaling - proxy);
    const QString scalingSection = docs.mid(scaling);
    const QStringList map
        = blockBody(proxySection, QStringLiteral("map $http_upgrade $connection_upgrade {"));
    const QStringList proxyLocation = blockBody(proxySection, QStringLiteral("location / {"));
    const QStringList upstream = blockBody(scalingSection, QStringLiteral("upstream lockstep {"));
    const QStringList scalingLocation = blockBody(scalingSection, QStringLiteral("location / {"));
    if (map.isEmpty() || proxyLocation.isEmpty() || upstream.isEmpty()
        || scalingLocation.isEmpty()) {
        *problem = QStringLiteral("docs/server.md has no map, location or upstream block");
        return {};
    }

    // The upstream as documented, its servers replaced by this test's.
    QStringList upstreamLines;
    QString serverParameters;
    bool sawServer = false;
    for (const QString &line : upstream) {
        if (directiveName(line) == QLatin1String("server")) {
            if (!sawServer) {
                // "server 127.0.0.1:8701 max_fails=0;" -> " max_fails=0"
                QString rest = line.section(QLatin1Char(' '), 2);
                rest.chop(rest.endsWith(QLatin1Char(';')) ? 1 : 0);
                if (!rest.isEmpty())
                    serverParameters = QLatin1Char(' ') + rest;
                sawServer = true;
            }
            continue;
        }
        upstreamLines.append(line);
    }
    for (quint16 port : ports)
        upstreamLines.append(
            QStringLiteral("server 127.0.0.1:%1%2;").arg(port).arg(serverParameters));
    if (!upstreamLines.first().startsWith(QLatin1String("hash $arg_room consistent"))) {
        *problem = QStringLiteral("the documented upstream does not hash $arg_room");
        return {};
    }

    // The scaling location's own directives, then "the same proxy_* lines as above".
    QStringList location = scalingLocation;
    std::set<QString> named;
    for (const QString &line : scalingLocation)
        named.insert(directiveName(line));
    for (const QString &line : proxyLocation) {
        if (!named.count(directiveName(line))
            || directiveName(line) == QLatin1String("proxy_set_header"))
            location.append(line);
    }

    const auto indent = [](const QStringList &lines, int depth) -> QString {
        const QString pad(depth * 4, QLatin1Char(' '));
        return pad + lines.join(QLatin1Char('\n') + pad) + QLatin1Char('\n');
    };
    QString config;
    config += QStringLiteral("daemon off;\n"
                             // One process: it dies with the test, workers and all.
                             "master_process off;\n"
                             "pid %1/nginx.pid;\n"
                             "error_log %1/error.log warn;\n"
                             "events {\n    worker_connections 8192;\n}\n"
                             "http {\n"
                             "    access_log off;\n"
                             "    client_body_temp_path %1/client_body;\n"
                             "    proxy_temp_path %1/proxy;\n"
                             "    fastcgi_temp_path %1/fastcgi;\n"
                             "    uwsgi_temp_path %1/uwsgi;\n"
                             "    scgi_temp_path %1/scgi;\n")
                  .arg(dir);
    config += QStringLiteral("    map $http_upgrade $connection_upgrade {\n") + indent(map, 2)
        + QStringLiteral("    }\n");
    config += QStringLiteral("    upstream lockstep {\n") + indent(upstreamLines, 2)
        + QStringLiteral("    }\n");
    config += QStringLiteral("    server {\n        listen 127.0.0.1:%1;\n        location / {\n")
                  .arg(listenPort)
        + indent(location, 3) + QStringLiteral("        }\n    }\n}\n");
    return config;
}

quint16 freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

// One participant: the real protocol client, its view of its room's
// timeline, and a player that follows that view on the local clock (what the
// client reports when it brings a lost room back).
struct Member {
    int room = 0;
    bool host = false;
    std::unique_ptr<client::SessionClient> client;
    protocol::Timeline timeline;
    double playerPosition = 0.0;
    double playerSince = 0.0; // local time
    bool started = false;
    int joins = 0;
    int lost = 0;
    QString failure;

    static double localNow() { return protocol::SystemClock::instance().now(); }
    double serverNow() const { return client->clockSync().toServerTime(localNow()); }
    void follow(const protocol::Timeline &next)
    {
        timeline = next;
        playerPosition = timeline.positionAt(serverNow());
        playerSince = localNow();
    }
    protocol::TimelineState player() const
    {
        const double position
            = playerPosition + (timeline.isPlaying() ? localNow() - playerSince : 0.0);
        return {position,
                timeline.isPlaying() ? protocol::PlayState::Playing : protocol::PlayState::Paused};
    }
};

} // namespace

class TestFaultNginx : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void roomsStayOnTheirProcess();

private:
    bool startNginx(const QList<quint16> &ports, QString *problem);
    void stopNginx();
    // Starts members from the queue, at most kConnectingAtOnce unsettled at a time.
    void pump();
    QString roomId(int room) const { return QStringLiteral("scale-%1-%2").arg(m_tag).arg(room); }
    QUrl url(int room) const;
    // The servers whose logs say they hold each room (created or joined it).
    QHash<QString, std::set<int>> roomServers() const;
    // Back in its room, under its host, on the room's timeline from `before`.
    bool isRestored(const Member &member, const std::vector<protocol::Timeline> &before) const;
    QString describeMember(const Member &member) const;

    QTemporaryDir m_dir;
    QProcess m_nginx;
    QByteArray m_nginxOutput;
    quint16 m_nginxPort = 0;
    std::vector<std::unique_ptr<ServerProcess>> m_servers;
    std::vector<std::unique_ptr<Member>> m_members;
    QList<Member *> m_queue;
    int m_unsettled = 0;
    QTimer m_tick;
    QString m_tag;
};

void TestFaultNginx::initTestCase()
{
    if (nginxCommand().isEmpty())
        QSKIP("Needs nginx (scripts/setup.sh installs it).");
    // 1500 sockets here, twice that in nginx, which inherits the limit.
    rlimit files {};
    getrlimit(RLIMIT_NOFILE, &files);
    files.rlim_cur = std::min<rlim_t>(files.rlim_max, 65536);
    setrlimit(RLIMIT_NOFILE, &files);
    getrlimit(RLIMIT_NOFILE, &files);
    if (files.rlim_cur < 2 * kRooms * kPerRoom + 1024)
        QSKIP("Needs more open files than this system's hard limit allows.");
    QVERIFY(m_dir.isValid());
    QLoggingCategory::setFilterRules(QStringLiteral("lockstep.client.info=false"));
    m_tag = QString::number(QCoreApplication::applicationPid());
    connect(&m_tick, &QTimer::timeout, this, [this] {
        for (const auto &member : m_members) {
            if (member->started)
                member->client->tick();
        }
        pump();
    });
    m_tick.start(50);
}

void TestFaultNginx::cleanupTestCase()
{
    m_tick.stop();
    m_members.clear();
    stopNginx();
    m_servers.clear();
}

bool TestFaultNginx::startNginx(const QList<quint16> &ports, QString *problem)
{
    m_nginxPort = freePort();
    const QString config = nginxConfig(QStringLiteral(LOCKSTEP_SOURCE_DIR "/docs/server.md"),
                                       m_dir.path(), m_nginxPort, ports, problem);
    if (config.isEmpty())
        return false;
    QFile file(m_dir.filePath(QStringLiteral("nginx.conf")));
    if (!file.open(QIODevice::WriteOnly) || file.write(config.toUtf8()) < 0) {
        *problem = QStringLiteral("cannot write nginx.conf");
        return false;
    }
    file.close();
    const QStringList arguments {QStringLiteral("-p"), m_dir.path(),
                                 QStringLiteral("-e"), m_dir.filePath(QStringLiteral("error.log")),
                                 QStringLiteral("-c"), file.fileName()};
    QByteArray output;
    if (!runCommand(nginxCommand(), arguments + QStringList {QStringLiteral("-t")}, &output)) {
        *problem = QStringLiteral("nginx -t refused the configuration:\n%1\n%2")
                       .arg(QString::fromUtf8(output), config);
        return false;
    }
    m_nginx.setProcessChannelMode(QProcess::MergedChannels);
    connect(&m_nginx, &QProcess::readyRead, this, [this] { m_nginxOutput += m_nginx.readAll(); });
    dieWithParent(m_nginx);
    m_nginx.start(nginxCommand(), arguments);
    // Ready once it accepts connections.
    const bool accepting = waitUntil(
        [this] {
            if (m_nginx.state() == QProcess::NotRunning)
                return true;
            QTcpSocket probe;
            probe.connectToHost(QHostAddress::LocalHost, m_nginxPort);
            return probe.waitForConnected(100);
        },
        10000);
    if (!accepting || m_nginx.state() == QProcess::NotRunning) {
        *problem = QStringLiteral("nginx did not start: ") + QString::fromUtf8(m_nginxOutput);
        return false;
    }
    return true;
}

void TestFaultNginx::stopNginx()
{
    if (m_nginx.state() == QProcess::NotRunning)
        return;
    m_nginx.terminate();
    if (!m_nginx.waitForFinished(5000)) {
        m_nginx.kill();
        m_nginx.waitForFinished();
    }
}

QUrl TestFaultNginx::url(int room) const
{
    QUrl url;
    url.setScheme(QStringLiteral("ws"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_nginxPort);
    url.setPath(QStringLiteral("/"));
    url.setQuery(QStringLiteral("room=") + roomId(room));
    return url;
}

void TestFaultNginx::pump()
{
    while (m_unsettled < kConnectingAtOnce && !m_queue.isEmpty()) {
        Member *member = m_queue.takeFirst();
        client::SessionSpec spec;
        spec.server = url(member->room);
        spec.room = roomId(member->room);
        spec.name = member->client->clientId();
        spec.create = member->host;
        member->started = true;
        ++m_unsettled;
        member->client->start(spec);
    }
}

QHash<QString, std::set<int>> TestFaultNginx::roomServers() const
{
    static const QRegularExpression created(QStringLiteral("room (\\S+) created by"));
    static const QRegularExpression joined(QStringLiteral("\\S+ joined room (\\S+) on connection"));
    QHash<QString, std::set<int>> servers;
    for (int i = 0; i < kServers; ++i) {
        const QString log = QString::fromUtf8(m_servers[std::size_t(i)]->log());
        for (const QRegularExpression &pattern : {created, joined}) {
            auto it = pattern.globalMatch(log);
            while (it.hasNext())
                servers[it.next().captured(1)].insert(i);
        }
    }
    return servers;
}

bool TestFaultNginx::isRestored(const Member &member,
                                const std::vector<protocol::Timeline> &before) const
{
    const Member &host = *m_members[std::size_t(member.room * kPerRoom)];
    const protocol::Timeline &timeline = before[std::size_t(member.room)];
    const double now = member.serverNow();
    return member.client->inRoom() && member.client->roomId() == roomId(member.room)
        && member.client->hostId() == host.client->clientId()
        && member.timeline.isPlaying() == timeline.isPlaying()
        && std::abs(member.timeline.positionAt(now) - timeline.positionAt(now))
        < kTimelineTolerance;
}

QString TestFaultNginx::describeMember(const Member &member) const
{
    const double now = member.serverNow();
    return QStringLiteral("room %1 %2: state %3, joins %4, lost %5, host %6, failure '%7', "
                          "timeline %8 (%9) now")
        .arg(roomId(member.room), member.host ? QStringLiteral("host") : QStringLiteral("guest"))
        .arg(int(member.client->state()))
        .arg(member.joins)
        .arg(member.lost)
        .arg(member.client->hostId(), member.failure)
        .arg(member.timeline.positionAt(now), 0, 'f', 3)
        .arg(member.timeline.isPlaying() ? QStringLiteral("playing") : QStringLiteral("paused"));
}

void TestFaultNginx::roomsStayOnTheirProcess()
{
    QElapsedTimer phase;
    phase.start();
    QList<quint16> ports;
    for (int i = 0; i < kServers; ++i) {
        auto server = std::make_unique<ServerProcess>();
        QVERIFY2(server->start(QStringLiteral("127.0.0.1"), 0), server->log().constData());
        ports.append(server->port());
        m_servers.push_back(std::move(server));
    }
    QString problem;
    QVERIFY2(startNginx(ports, &problem), qPrintable(problem));
    qInfo("three servers and nginx up in %lld ms", phase.restart());

    // 300 rooms: each host creates its room with its own id, then its four
    // guests join, all through nginx.
    for (int room = 0; room < kRooms; ++room) {
        for (int i = 0; i < kPerRoom; ++i) {
            auto member = std::make_unique<Member>();
            member->room = room;
            member->host = i == 0;
            member->client = std::make_unique<client::SessionClient>(
                protocol::SystemClock::instance(), std::make_unique<client::WebSocketTransport>());
            Member *m = member.get();
            client::SessionClient *c = m->client.get();
            c->setClientId(QStringLiteral("r%1-m%2").arg(room).arg(i));
            c->setTimelineProvider([m] { return m->player(); });
            connect(c, &client::SessionClient::joined, this,
                    [this, m](const protocol::RoomState &state, double serverTs, bool rejoined) {
                        if (++m->joins == 1) {
                            --m_unsettled;
                            if (m->host) {
                                for (int k = 1; k < kPerRoom; ++k)
                                    m_queue.append(
                                        m_members[std::size_t(m->room * kPerRoom + k)].get());
                            }
                        }
                        // As the sync engine does: an action of ours about to
                        // be sent (the host playing on in a room it brought
                        // back) wins over the room_state.
                        if (rejoined && m->client->hasPendingAction())
                            return;
                        const bool playing = state.state.playState == protocol::PlayState::Playing;
                        m->follow(protocol::Timeline {state.state.position,
                                                      playing ? protocol::PlayState::Playing
                                                              : protocol::PlayState::Paused,
                                                      serverTs});
                    });
            connect(c, &client::SessionClient::playerEventReceived, this,
                    [m](const QString &, const protocol::PlayerEvent &event, double serverTs) {
                        protocol::Timeline next {event.position, m->timeline.state, serverTs};
                        if (event.action == protocol::PlayerAction::Play)
                            next.state = protocol::PlayState::Playing;
                        else if (event.action == protocol::PlayerAction::Pause)
                            next.state = protocol::PlayState::Paused;
                        m->follow(next);
                    });
            connect(c, &client::SessionClient::connectionLost, this, [m] { ++m->lost; });
            connect(c, &client::SessionClient::joinFailed, this,
                    [this, m](const protocol::Error &error) {
                        m->failure = error.code;
                        if (m->joins == 0)
                            --m_unsettled;
                    });
            connect(c, &client::SessionClient::ended, this, [m](const client::SessionEnd &end) {
                if (m->failure.isEmpty())
                    m->failure = end.detail.isEmpty() ? QStringLiteral("ended") : end.detail;
            });
            m_members.push_back(std::move(member));
        }
    }
    for (int room = 0; room < kRooms; ++room)
        m_queue.append(m_members[std::size_t(room * kPerRoom)].get());
    const auto settled = [this] {
        return std::all_of(m_members.begin(), m_members.end(),
                           [](const auto &m) { return m->joins > 0 || !m->failure.isEmpty(); });
    };
    QVERIFY2(waitUntil(settled, 30000), "the rooms did not fill up in time");
    qInfo("%d participants in %d rooms in %lld ms", kRooms * kPerRoom, kRooms, phase.restart());
    // Every join succeeded: a guest sent to another process than its host's
    // would have got room_not_found.
    for (const auto &member : m_members)
        QVERIFY2(member->failure.isEmpty() && member->client->inRoom(),
                 qPrintable(describeMember(*member)));

    // Each room in exactly one process, the three together holding all 300.
    QVERIFY2(waitUntil([this] { return roomServers().size() == kRooms; }, 5000),
             "the servers did not log every room");
    QHash<QString, int> homes;
    QList<int> perServer(kServers, 0);
    const QHash<QString, std::set<int>> servers = roomServers();
    for (auto it = servers.cbegin(); it != servers.cend(); ++it) {
        QVERIFY2(it.value().size() == 1,
                 qPrintable(it.key() + QStringLiteral(" is on several servers")));
        homes[it.key()] = *it.value().begin();
        ++perServer[*it.value().begin()];
    }
    qInfo("rooms per server: %d %d %d", perServer[0], perServer[1], perServer[2]);
    QCOMPARE(perServer[0] + perServer[1] + perServer[2], kRooms);
    for (int count : perServer)
        QVERIFY(count > 0);

    // Give every room a timeline of its own: even rooms play from 10 + i s,
    // odd ones are paused at i s.
    for (int room = 0; room < kRooms; ++room) {
        protocol::PlayerEvent event;
        event.action = room % 2 == 0 ? protocol::PlayerAction::Play : protocol::PlayerAction::Seek;
        event.position = room % 2 == 0 ? 10.0 + room : double(room);
        event.echo = true;
        m_members[std::size_t(room * kPerRoom)]->client->sendPlayerEvent(event);
    }
    const auto timelinesSet = [this] {
        return std::all_of(m_members.begin(), m_members.end(), [](const auto &m) {
            const bool playing = m->room % 2 == 0;
            return m->timeline.isPlaying() == playing
                && std::abs(m->timeline.position - (playing ? 10.0 + m->room : double(m->room)))
                < 1e-6;
        });
    };
    QVERIFY2(waitUntil(timelinesSet, 10000), "the rooms' timelines did not settle");
    // The timeline each room has now, as its host sees it.
    std::vector<protocol::Timeline> before;
    for (int room = 0; room < kRooms; ++room)
        before.push_back(m_members[std::size_t(room * kPerRoom)]->timeline);
    qInfo("timelines set in %lld ms", phase.restart());

    // Kill the first server: its rooms, and only those, lose their connections.
    const int victim = 0;
    std::set<int> affected;
    for (int room = 0; room < kRooms; ++room) {
        if (homes.value(roomId(room)) == victim)
            affected.insert(room);
    }
    const quint16 victimPort = m_servers[victim]->port();
    m_servers[victim]->kill();
    const auto allNoticed = [&] {
        return std::all_of(m_members.begin(), m_members.end(),
                           [&](const auto &m) { return !affected.count(m->room) || m->lost > 0; });
    };
    QVERIFY2(waitUntil(allNoticed, 5000), "the killed server's clients did not notice");
    qInfo("%d rooms lost their server; noticed in %lld ms", int(affected.size()), phase.restart());

    // Stay down until every one of them has tried to come back through nginx
    // at least once (a failed attempt schedules the next one), so that nginx
    // has seen the process fail.
    const auto allTried = [&] {
        return std::all_of(m_members.begin(), m_members.end(), [&](const auto &m) {
            return !affected.count(m->room) || m->client->reconnectAttempts() >= 2 || m->joins >= 2;
        });
    };
    QVERIFY2(waitUntil(allTried, 5000), "the killed server's clients did not try to reconnect");
    qInfo("all of them tried to reconnect within %lld ms", phase.restart());

    QVERIFY2(m_servers[victim]->start(QStringLiteral("127.0.0.1"), victimPort),
             m_servers[victim]->log().constData());
    const auto restored = [&] {
        return std::all_of(m_members.begin(), m_members.end(), [&](const auto &m) {
            return !affected.count(m->room) || isRestored(*m, before);
        });
    };
    const bool back = waitUntil(restored, 15000);
    if (!back) {
        int shown = 0;
        for (const auto &member : m_members) {
            if (affected.count(member->room) && !isRestored(*member, before) && ++shown <= 20) {
                qWarning("%s; before %.3f", qPrintable(describeMember(*member)),
                         before[std::size_t(member->room)].positionAt(member->serverNow()));
            }
        }
    }
    QVERIFY2(back, "the restarted server's rooms did not come back");
    qInfo("its rooms back on it, same hosts and timelines, %lld ms after the restart",
          phase.restart());
    double worst = 0.0;
    for (const auto &member : m_members) {
        if (!affected.count(member->room))
            continue;
        const double now = member->serverNow();
        worst = std::max(worst,
                         std::abs(member->timeline.positionAt(now)
                                  - before[std::size_t(member->room)].positionAt(now)));
    }
    qInfo("worst timeline difference after the restore: %.1f ms", worst * 1000.0);

    // They came back to the process they had: it holds those rooms, no others.
    std::set<int> recreated;
    static const QRegularExpression created(QStringLiteral("room scale-\\S+-(\\d+) created by"));
    auto it = created.globalMatch(QString::fromUtf8(m_servers[victim]->log()));
    while (it.hasNext())
        recreated.insert(it.next().captured(1).toInt());
    QVERIFY2(recreated == affected, m_servers[victim]->log().right(3000).constData());

    // Nobody in the other rooms saw anything happen.
    for (const auto &member : m_members) {
        if (affected.count(member->room))
            continue;
        QVERIFY2(member->lost == 0 && member->joins == 1 && member->client->inRoom(),
                 qPrintable(describeMember(*member)));
        const double now = member->serverNow();
        QVERIFY(std::abs(member->timeline.positionAt(now)
                         - before[std::size_t(member->room)].positionAt(now))
                < kTimelineTolerance);
    }
}

QTEST_GUILESS_MAIN(TestFaultNginx)
#include "tst_fault_nginx.moc"
