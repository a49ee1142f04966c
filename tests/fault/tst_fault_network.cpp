// A participant's network cut for 10 s. It runs in a network namespace of
// its own, joined to the test's by a veth pair; the server and the other
// participants stay outside. The link goes down for 10 s while the room
// moves on without it; once the link is back the participant must be back in
// the room, on the room's timeline, within 5 s.
#include "FaultProcesses.h"

#include <QDir>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTest>

#include <cmath>

#include <unistd.h>

using namespace lockstep::test;

namespace {

constexpr double kOutage = 10.0; // s the link stays down
constexpr double kRecoveryLimit = 5.0; // s after the link is back
constexpr double kSyncTolerance = 0.100; // s off the room's timeline at most
const QString kNamespacePrefix = QStringLiteral("lsfault-");

QString ipCommand()
{
    return QStandardPaths::findExecutable(QStringLiteral("ip"),
                                          {QStringLiteral("/usr/sbin"), QStringLiteral("/sbin"),
                                           QStringLiteral("/usr/bin"), QStringLiteral("/bin")});
}

bool ip(const QStringList &arguments, QString *problem = nullptr)
{
    QByteArray output;
    const bool ok = runCommand(ipCommand(), arguments, &output);
    if (!ok && problem) {
        *problem = QStringLiteral("ip %1: %2")
                       .arg(arguments.join(QLatin1Char(' ')), QString::fromUtf8(output.trimmed()));
    }
    return ok;
}

// A network namespace with a veth pair into it, named uniquely for one run
// (lsfault-PID-TAG), and removed again whatever happens.
class NamespaceLink
{
public:
    ~NamespaceLink() { remove(); }

    // Removes what runs of this test that died left behind.
    static void removeStale()
    {
        QByteArray list;
        if (!runCommand(ipCommand(), {QStringLiteral("netns"), QStringLiteral("list")}, &list))
            return;
        for (const QByteArray &line : list.split('\n')) {
            const QString name = QString::fromUtf8(line.split(' ').first());
            if (!name.startsWith(kNamespacePrefix))
                continue;
            const QString pid = name.mid(kNamespacePrefix.size()).section(QLatin1Char('-'), 0, 0);
            if (!QDir(QStringLiteral("/proc/") + pid).exists())
                ip({QStringLiteral("netns"), QStringLiteral("delete"), name});
        }
    }

    bool create(QString *problem)
    {
        const QString pid = QString::number(::getpid());
        const QString tag = QString::number(QRandomGenerator::global()->bounded(0x100000), 16);
        name = kNamespacePrefix + pid + QLatin1Char('-') + tag;
        // Interface names have 15 characters at most.
        hostInterface = QStringLiteral("lsf%1h").arg(tag);
        innerInterface = QStringLiteral("lsf%1n").arg(tag);
        // A /30 of the link-local range that no interface here uses yet.
        QByteArray addresses;
        runCommand(ipCommand(),
                   {QStringLiteral("-4"), QStringLiteral("-o"), QStringLiteral("addr")},
                   &addresses);
        int subnet = 0;
        for (int tries = 0; tries < 50 && subnet == 0; ++tries) {
            const int candidate = 100 + QRandomGenerator::global()->bounded(100);
            if (candidate != 169
                && !addresses.contains(QStringLiteral(" 169.254.%1.").arg(candidate).toLatin1()))
                subnet = candidate;
        }
        if (subnet == 0) {
            *problem = QStringLiteral("no free 169.254.x.0/30 subnet");
            return false;
        }
        hostAddress = QStringLiteral("169.254.%1.1").arg(subnet);
        innerAddress = QStringLiteral("169.254.%1.2").arg(subnet);

        if (!ip({QStringLiteral("netns"), QStringLiteral("add"), name}, problem))
            return false;
        m_created = true;
        const QStringList inner {QStringLiteral("-n"), name};
        return ip({QStringLiteral("link"), QStringLiteral("add"), hostInterface,
                   QStringLiteral("type"), QStringLiteral("veth"), QStringLiteral("peer"),
                   QStringLiteral("name"), innerInterface, QStringLiteral("netns"), name},
                  problem)
            && ip({QStringLiteral("addr"), QStringLiteral("add"),
                   hostAddress + QStringLiteral("/30"), QStringLiteral("dev"), hostInterface},
                  problem)
            && ip(inner
                      + QStringList {QStringLiteral("addr"), QStringLiteral("add"),
                                     innerAddress + QStringLiteral("/30"), QStringLiteral("dev"),
                                     innerInterface},
                  problem)
            && ip(inner
                      + QStringList {QStringLiteral("link"), QStringLiteral("set"),
                                     QStringLiteral("lo"), QStringLiteral("up")},
                  problem)
            && ip(inner
                      + QStringList {QStringLiteral("link"), QStringLiteral("set"), innerInterface,
                                     QStringLiteral("up")},
                  problem)
            && setLink(true, problem);
    }

    // Brings the host's end of the pair up or down: the cable, as the
    // namespace sees it.
    bool setLink(bool up, QString *problem = nullptr)
    {
        return ip({QStringLiteral("link"), QStringLiteral("set"), hostInterface,
                   up ? QStringLiteral("up") : QStringLiteral("down")},
                  problem);
    }

    // Runs a program inside the namespace.
    QStringList prefix() const
    {
        return {ipCommand(), QStringLiteral("netns"), QStringLiteral("exec"), name};
    }

    void remove()
    {
        if (!m_created)
            return;
        m_created = false;
        // Deleting the namespace takes the veth pair with it.
        ip({QStringLiteral("netns"), QStringLiteral("delete"), name});
        ip({QStringLiteral("link"), QStringLiteral("delete"), hostInterface});
    }

    QString name;
    QString hostInterface;
    QString innerInterface;
    QString hostAddress;
    QString innerAddress;

private:
    bool m_created = false;
};

} // namespace

class TestFaultNetwork : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();

    void cutLinkReconnectsInSync();

private:
    QString describeAll();

    NamespaceLink m_link;
    ServerProcess m_server;
    ClientProcess m_alice;
    ClientProcess m_bob; // the one inside the namespace
    ClientProcess m_carol;
};

void TestFaultNetwork::initTestCase()
{
    if (::geteuid() != 0)
        QSKIP("Needs root: it creates a network namespace and a veth pair.");
    if (ipCommand().isEmpty())
        QSKIP("Needs ip from iproute2 (scripts/setup.sh installs it).");
    NamespaceLink::removeStale();
}

void TestFaultNetwork::cleanup()
{
    for (ClientProcess *client : {&m_alice, &m_bob, &m_carol})
        client->kill();
    m_server.kill();
    m_link.remove();
}

QString TestFaultNetwork::describeAll()
{
    QString text;
    for (ClientProcess *client : {&m_alice, &m_bob, &m_carol})
        text += client->describe() + QLatin1Char('\n');
    return text + QStringLiteral("server:\n") + QString::fromUtf8(m_server.fullLog().right(3000));
}

void TestFaultNetwork::cutLinkReconnectsInSync()
{
    QString problem;
    if (!m_link.create(&problem)) {
        m_link.remove();
        QSKIP(qPrintable(QStringLiteral("Cannot make a network namespace here: ") + problem));
    }
    QVERIFY2(m_server.start(m_link.hostAddress, 0), m_server.log().constData());
    const QString room = uniqueRoomId(QStringLiteral("netns"));
    QList<ClientProcess::Options> options = aliceBobAndCarol(m_server.url(room), room);
    options[1].prefix = m_link.prefix(); // bob runs in the namespace
    problem = startInOrder({&m_alice, &m_bob, &m_carol}, options);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));

    // A sample's error against the room's timeline, which alice (never cut
    // off) follows: where her latest sample puts it at the sample's time.
    const auto offTimeline = [this](const QJsonObject &sample) {
        const QJsonObject reference = m_alice.lastSample();
        const double room = num(reference, "expected")
            + (flag(reference, "timeline_playing") ? num(sample, "mono") - num(reference, "mono")
                                                   : 0.0);
        return num(sample, "position") - room;
    };
    // The last three samples in the room, playing, at most `own` off the
    // client's view of the timeline and `roomLimit` off alice's.
    const auto inSync = [&](ClientProcess &client, double own, double roomLimit) {
        const QList<QJsonObject> samples = client.lastSamples(3);
        if (samples.size() < 3)
            return false;
        for (const QJsonObject &s : samples) {
            if (!flag(s, "in_room") || str(s, "room") != room
                || str(s, "host") != QLatin1String("alice") || !flag(s, "timeline_playing")
                || std::abs(num(s, "error")) > own || std::abs(offTimeline(s)) > roomLimit)
                return false;
        }
        return true;
    };
    m_alice.send(QStringLiteral("play"));
    QVERIFY2(waitUntil(
                 [&] {
                     return inSync(m_alice, 0.020, 0.020) && inSync(m_bob, 0.020, 0.020)
                         && inSync(m_carol, 0.020, 0.020);
                 },
                 5000),
             qPrintable(describeAll()));

    const qsizetype aliceMark = m_alice.mark();
    const qsizetype bobMark = m_bob.mark();
    const qsizetype carolMark = m_carol.mark();
    const double cutAt = monotonicNow();
    QVERIFY2(m_link.setLink(false, &problem), qPrintable(problem));
    // The room moves on without bob.
    m_alice.send(QStringLiteral("seek 300"));
    QVERIFY2(waitUntil(
                 [&] {
                     const QJsonObject s = m_carol.lastSample();
                     return num(s, "expected") > 299.0 && inSync(m_carol, 0.020, 0.020);
                 },
                 5000),
             qPrintable(describeAll()));
    // Nothing tells bob that the link is gone: he notices the silence himself.
    m_bob.waitFor(QStringLiteral("connection_lost"), int((cutAt + kOutage - monotonicNow()) * 1000),
                  bobMark);
    const auto lost = m_bob.find(QStringLiteral("connection_lost"), bobMark);
    QVERIFY2(lost, qPrintable(describeAll()));
    qInfo("bob gave the silent connection up %.1f s into the outage", num(*lost, "mono") - cutAt);
    // The outage lasts its full length whatever happened meanwhile.
    waitUntil([&] { return monotonicNow() >= cutAt + kOutage; }, int(kOutage * 1000) + 1000);

    QVERIFY2(m_link.setLink(true, &problem), qPrintable(problem));
    const double upAt = monotonicNow();
    const auto back = [&] {
        const auto joined = m_bob.find(QStringLiteral("joined"), bobMark);
        return joined && num(*joined, "mono") >= upAt
            && inSync(m_bob, kSyncTolerance, kSyncTolerance)
            && num(m_bob.lastSamples(3).first(), "mono") > num(*joined, "mono");
    };
    const bool recovered = waitUntil(back, int(kRecoveryLimit * 1000));
    QVERIFY2(recovered, qPrintable(describeAll()));
    const auto joined = m_bob.find(QStringLiteral("joined"), bobMark);
    qInfo("link back: bob rejoined after %.0f ms, in sync (%.1f ms off the room) after %.0f ms",
          (num(*joined, "mono") - upAt) * 1000.0, offTimeline(m_bob.lastSample()) * 1000.0,
          (monotonicNow() - upAt) * 1000.0);
    QVERIFY(flag(*joined, "rejoined"));
    QCOMPARE(str(*joined, "host"), QStringLiteral("alice"));
    // Those who were never cut off never noticed anything.
    QVERIFY2(!m_alice.find(QStringLiteral("connection_lost"), aliceMark),
             qPrintable(describeAll()));
    QVERIFY2(!m_carol.find(QStringLiteral("connection_lost"), carolMark),
             qPrintable(describeAll()));
}

QTEST_GUILESS_MAIN(TestFaultNetwork)
#include "tst_fault_network.moc"
