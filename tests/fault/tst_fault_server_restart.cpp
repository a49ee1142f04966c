// The server process killed (SIGKILL) and a new one started on the same
// port: within 5 s every participant is back in the same room under the same
// host, on the timeline it had (advanced by the time that passed while
// playing), and an action taken while the server was away is applied once it
// is back.
#include "FaultProcesses.h"

#include <QTest>

#include <cmath>

using namespace lockstep::test;

namespace {

// How long everyone may take to be back, from the kill.
constexpr double kRestoreLimit = 5.0;
// How far a player may be from where the timeline puts it.
constexpr double kPositionTolerance = 0.1;

} // namespace

class TestFaultServerRestart : public QObject
{
    Q_OBJECT

private slots:
    void cleanup();

    void restartKeepsRoomHostAndTimeline();
    void actionWhileServerIsDownIsApplied();

private:
    // A server, alice creating a room, bob and carol joining it, alice
    // pressing play, and everyone following within a few milliseconds.
    void startPlaying();
    // Each participant has rejoined since `marks` and its latest sample says
    // it is in the room under alice, playing or not, at the position
    // `expectedAt(sample)`.
    bool restored(const QHash<ClientProcess *, qsizetype> &marks, bool playing,
                  const std::function<double(const QJsonObject &)> &expectedAt);
    QHash<ClientProcess *, qsizetype> marks();
    QList<ClientProcess *> everyone() { return {&m_alice, &m_bob, &m_carol}; }
    QString describeAll();

    ServerProcess m_server;
    ClientProcess m_alice;
    ClientProcess m_bob;
    ClientProcess m_carol;
    QString m_room;
};

void TestFaultServerRestart::cleanup()
{
    for (ClientProcess *client : everyone())
        client->kill();
    m_server.kill();
}

QString TestFaultServerRestart::describeAll()
{
    QString text;
    for (ClientProcess *client : everyone())
        text += client->describe() + QLatin1Char('\n');
    return text + QStringLiteral("server:\n") + QString::fromUtf8(m_server.fullLog().right(3000));
}

QHash<ClientProcess *, qsizetype> TestFaultServerRestart::marks()
{
    QHash<ClientProcess *, qsizetype> marks;
    for (ClientProcess *client : everyone())
        marks[client] = client->mark();
    return marks;
}

void TestFaultServerRestart::startPlaying()
{
    QVERIFY2(m_server.start(QStringLiteral("127.0.0.1"), 0), m_server.log().constData());
    m_room = uniqueRoomId(QStringLiteral("restart"));
    const QList<ClientProcess::Options> options = aliceBobAndCarol(m_server.url(m_room), m_room);
    const QString problem = startInOrder(everyone(), options);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    m_alice.send(QStringLiteral("play"));
    const auto following = [this] {
        for (ClientProcess *client : everyone()) {
            const QList<QJsonObject> samples = client->lastSamples(3);
            if (samples.size() < 3)
                return false;
            for (const QJsonObject &s : samples) {
                if (!flag(s, "in_room") || !flag(s, "timeline_playing")
                    || !flag(s, "player_playing") || std::abs(num(s, "error")) > 0.020)
                    return false;
            }
        }
        return true;
    };
    QVERIFY2(waitUntil(following, 5000), qPrintable(describeAll()));
}

bool TestFaultServerRestart::restored(const QHash<ClientProcess *, qsizetype> &marks, bool playing,
                                      const std::function<double(const QJsonObject &)> &expectedAt)
{
    for (ClientProcess *client : everyone()) {
        const auto joined = client->find(QStringLiteral("joined"), marks[client]);
        const QJsonObject sample = client->lastSample();
        if (!joined || num(sample, "mono") < num(*joined, "mono"))
            return false;
        if (!flag(sample, "in_room") || str(sample, "room") != m_room
            || str(sample, "host") != QLatin1String("alice")
            || flag(sample, "timeline_playing") != playing
            || flag(sample, "player_playing") != playing)
            return false;
        if (std::abs(num(sample, "position") - expectedAt(sample)) > kPositionTolerance)
            return false;
    }
    return true;
}

void TestFaultServerRestart::restartKeepsRoomHostAndTimeline()
{
    startPlaying();
    if (QTest::currentTestFailed())
        return;
    // The timeline as the host follows it, just before the kill.
    const QJsonObject reference = m_alice.lastSample();
    const auto before = marks();
    const quint16 port = m_server.port();
    const double killedAt = monotonicNow();
    m_server.kill();
    QVERIFY2(m_server.start(QStringLiteral("127.0.0.1"), port), m_server.log().constData());
    const double restartedAt = monotonicNow();

    const auto onOldTimeline = [&](const QJsonObject &sample) {
        return num(reference, "expected") + (num(sample, "mono") - num(reference, "mono"));
    };
    const bool back = waitUntil([&] { return restored(before, true, onOldTimeline); },
                                int((killedAt + kRestoreLimit - monotonicNow()) * 1000));
    const double took = monotonicNow() - killedAt;
    QVERIFY2(back, qPrintable(describeAll()));
    qInfo("server down for %.0f ms; everyone back on the timeline %.0f ms after the kill",
          (restartedAt - killedAt) * 1000.0, took * 1000.0);

    for (ClientProcess *client : everyone()) {
        const QJsonObject joined = *client->find(QStringLiteral("joined"), before[client]);
        QVERIFY(flag(joined, "rejoined"));
        QCOMPARE(str(joined, "room"), m_room);
    }
    // The host brought the room back on the new server, with the same id.
    QVERIFY2(
        m_server.log().contains(QStringLiteral("room %1 created by alice").arg(m_room).toUtf8()),
        m_server.log().constData());
    // And they agree with each other, not only with the old timeline.
    double lo = 1e18;
    double hi = -1e18;
    const double now = monotonicNow();
    for (ClientProcess *client : everyone()) {
        const QJsonObject s = client->lastSample();
        const double at = num(s, "position") + (now - num(s, "mono"));
        lo = std::min(lo, at);
        hi = std::max(hi, at);
    }
    QVERIFY2(hi - lo < 0.050, qPrintable(QString::number(hi - lo)));
}

void TestFaultServerRestart::actionWhileServerIsDownIsApplied()
{
    startPlaying();
    if (QTest::currentTestFailed())
        return;
    const auto before = marks();
    const quint16 port = m_server.port();
    m_server.kill();

    // Carol pauses while there is no server: the app keeps her action.
    QVERIFY2(m_carol.waitFor(QStringLiteral("connection_lost"), 3000, before[&m_carol]),
             qPrintable(describeAll()));
    m_carol.send(QStringLiteral("pause"));
    QVERIFY2(m_carol.waitFor(QStringLiteral("action"), 3000, before[&m_carol]),
             qPrintable(describeAll()));
    const QJsonObject action = *m_carol.find(QStringLiteral("action"), before[&m_carol]);
    QVERIFY(flag(action, "accepted"));
    QVERIFY(!flag(action, "in_room"));
    QVERIFY(flag(action, "pending"));
    const double pausedAt = num(action, "position");

    QVERIFY2(m_server.start(QStringLiteral("127.0.0.1"), port), m_server.log().constData());
    const double restartedAt = monotonicNow();
    const bool applied = waitUntil(
        [&] { return restored(before, false, [&](const QJsonObject &) { return pausedAt; }); },
        int(kRestoreLimit * 1000));
    QVERIFY2(applied, qPrintable(describeAll()));
    qInfo("everyone back and paused where carol paused %.0f ms after the restart",
          (monotonicNow() - restartedAt) * 1000.0);
    for (ClientProcess *client : everyone())
        QVERIFY(std::abs(num(client->lastSample(), "position") - pausedAt) < 0.010);
}

QTEST_GUILESS_MAIN(TestFaultServerRestart)
#include "tst_fault_server_restart.moc"
