// Port mapping against a real router: a home network in network
// namespaces. The router namespace does NAT with nftables (masquerade) and
// runs Debian's miniupnpd; the host sits behind it, the friend on the
// "internet" side. The app's own hosting and port-mapping code (nat_peer)
// opens the port, the invite carries the router's external address, and the
// friend joins through the router. Needs root (ip netns), nft and miniupnpd;
// skips, saying which, without them.
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <QUrlQuery>

#include <memory>
#include <unistd.h>

namespace {

constexpr int kDeadlineMs = 30000;
const QString kExternal = QStringLiteral("11.77.0.1"); // not a reserved range: see setUpNetwork
const QString kHostLan = QStringLiteral("192.168.77.2");
// IPv6 needs no NAT: the host's own global address, routed by the router.
const QString kHostIpv6 = QStringLiteral("2001:db8:77::2");
constexpr quint16 kPort = 8765;
constexpr int kLeaseSeconds = 4;

// One clock for every peer: when the test received each event.
QElapsedTimer &testClock()
{
    static QElapsedTimer clock;
    if (!clock.isValid())
        clock.start();
    return clock;
}

// A nat_peer process and the JSON lines it printed, each stamped with
// "received" (ms on testClock()).
class Peer
{
public:
    Peer(const QString &netns, const QStringList &args)
    {
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        QObject::connect(&m_process, &QProcess::readyReadStandardOutput, &m_process, [this] {
            while (m_process.canReadLine()) {
                const QByteArray line = m_process.readLine().trimmed();
                QJsonObject event = QJsonDocument::fromJson(line).object();
                if (event.isEmpty())
                    continue;
                event.insert(QStringLiteral("received"), double(testClock().elapsed()));
                m_events.append(event);
            }
        });
        m_process.start(QStringLiteral("ip"),
                        QStringList {QStringLiteral("netns"), QStringLiteral("exec"), netns,
                                     QStringLiteral(NAT_PEER)}
                            + args);
    }
    ~Peer()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    // The first event named `name` for which `match` holds, waiting for it.
    std::optional<QJsonObject> waitFor(
        const QString &name,
        const std::function<bool(const QJsonObject &)> &match
        = [](const QJsonObject &) { return true; },
        int deadlineMs = kDeadlineMs)
    {
        std::optional<QJsonObject> found;
        const bool settled = QTest::qWaitFor(
            [&] {
                for (const QJsonObject &event : std::as_const(m_events)) {
                    if (event.value(QStringLiteral("event")).toString() == name && match(event)) {
                        found = event;
                        return true;
                    }
                }
                return m_process.state() == QProcess::NotRunning && !m_process.canReadLine();
            },
            deadlineMs);
        return settled ? found : std::nullopt;
    }
    void send(const QByteArray &command) { m_process.write(command + '\n'); }
    bool waitForExit()
    {
        return m_process.state() == QProcess::NotRunning || m_process.waitForFinished(kDeadlineMs);
    }
    QString log() const
    {
        QStringList lines;
        for (const QJsonObject &event : m_events)
            lines << QString::fromUtf8(QJsonDocument(event).toJson(QJsonDocument::Compact));
        return lines.join(QLatin1Char('\n'));
    }

private:
    QProcess m_process;
    QList<QJsonObject> m_events;
};

bool run(const QString &program, const QStringList &args, QString *output = nullptr,
         const QByteArray &input = {})
{
    QProcess process;
    process.start(program, args);
    if (!input.isEmpty()) {
        process.write(input);
        process.closeWriteChannel();
    }
    if (!process.waitForFinished(kDeadlineMs))
        return false;
    if (output)
        *output
            = QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError());
    if (process.exitCode() != 0)
        qWarning().noquote() << program << args.join(QLatin1Char(' '))
                             << "failed:" << process.readAllStandardError();
    return process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
}

} // namespace

class TestNatRouter : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();
    void friendJoinsThroughTheRouter_data();
    void friendJoinsThroughTheRouter();
    void withoutMappingTheDialogOffersAServer();
    void friendJoinsOverIpv6();

private:
    bool inNs(const QString &ns, const QStringList &command, QString *output = nullptr,
              const QByteArray &input = {});
    bool setUpNetwork();
    void tearDownNetwork();
    // `loopback`: the router also forwards the host's own connections to
    // its public address ("NAT loopback"), as some routers do.
    bool startRouter(bool upnp, bool natpmp, bool loopback = false);
    void stopRouter();
    // The router's port forwardings made by miniupnpd, as nft lists them.
    QString forwardings();

    QString m_router;
    QString m_host;
    QString m_friend;
    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_miniupnpd;
    bool m_networkUp = false;
};

bool TestNatRouter::inNs(const QString &ns, const QStringList &command, QString *output,
                         const QByteArray &input)
{
    return run(QStringLiteral("ip"),
               QStringList {QStringLiteral("netns"), QStringLiteral("exec"), ns} + command, output,
               input);
}

void TestNatRouter::initTestCase()
{
    if (::geteuid() != 0)
        QSKIP("Network namespaces need root: run this test as root (ip netns add).");
    for (const char *tool : {"ip", "nft", "miniupnpd"}) {
        if (QStandardPaths::findExecutable(QString::fromLatin1(tool),
                                           {QStringLiteral("/usr/sbin"), QStringLiteral("/sbin"),
                                            QStringLiteral("/usr/bin"), QStringLiteral("/bin")})
                .isEmpty())
            QSKIP(qPrintable(QStringLiteral("%1 is not installed (apt-get install iproute2 "
                                            "nftables miniupnpd-nftables).")
                                 .arg(QString::fromLatin1(tool))));
    }
    QVERIFY(m_dir.isValid());
    const QString suffix = QString::number(::getpid());
    m_router = QStringLiteral("lsnat-r") + suffix;
    m_host = QStringLiteral("lsnat-h") + suffix;
    m_friend = QStringLiteral("lsnat-f") + suffix;
    if (!run(QStringLiteral("ip"), {QStringLiteral("netns"), QStringLiteral("add"), m_router}))
        QSKIP("Cannot create a network namespace here (a container without CAP_SYS_ADMIN?).");
    m_networkUp = true;
    QVERIFY(setUpNetwork());
}

bool TestNatRouter::setUpNetwork()
{
    const auto ip = [](const QString &args) {
        return run(QStringLiteral("ip"), args.split(QLatin1Char(' ')));
    };
    // The "internet" side uses 11.77.0.0/24, not a documentation range:
    // miniupnpd refuses to map ports behind a private or reserved external
    // address. The namespaces are isolated; nothing leaves the machine.
    const bool ok = ip(QStringLiteral("netns add %1").arg(m_host))
        && ip(QStringLiteral("netns add %1").arg(m_friend))
        && ip(QStringLiteral("-n %1 link set lo up").arg(m_router))
        && ip(QStringLiteral("-n %1 link set lo up").arg(m_host))
        && ip(QStringLiteral("-n %1 link set lo up").arg(m_friend))
        && ip(QStringLiteral("-n %1 link add lan0 type veth peer name eth0 netns %2")
                  .arg(m_router, m_host))
        && ip(QStringLiteral("-n %1 link add wan0 type veth peer name eth0 netns %2")
                  .arg(m_router, m_friend))
        && ip(QStringLiteral("-n %1 addr add 192.168.77.1/24 dev lan0").arg(m_router))
        && ip(QStringLiteral("-n %1 addr add %2/24 dev wan0").arg(m_router, kExternal))
        && ip(QStringLiteral("-n %1 addr add %2/24 dev eth0").arg(m_host, kHostLan))
        && ip(QStringLiteral("-n %1 addr add 11.77.0.2/24 dev eth0").arg(m_friend))
        && ip(QStringLiteral("-n %1 link set lan0 up").arg(m_router))
        && ip(QStringLiteral("-n %1 link set wan0 up").arg(m_router))
        && ip(QStringLiteral("-n %1 link set eth0 up").arg(m_host))
        && ip(QStringLiteral("-n %1 link set eth0 up").arg(m_friend))
        && ip(QStringLiteral("-n %1 route add default via 192.168.77.1").arg(m_host))
        && inNs(m_router,
                {QStringLiteral("sysctl"), QStringLiteral("-qw"),
                 QStringLiteral("net.ipv4.ip_forward=1")})
        && inNs(m_router,
                {QStringLiteral("sysctl"), QStringLiteral("-qw"),
                 QStringLiteral("net.ipv6.conf.all.forwarding=1")})
        && ip(QStringLiteral("-n %1 addr add 2001:db8:77::1/64 dev lan0 nodad").arg(m_router))
        && ip(QStringLiteral("-n %1 addr add 2001:db8:11::1/64 dev wan0 nodad").arg(m_router))
        && ip(QStringLiteral("-n %1 addr add %2/64 dev eth0 nodad").arg(m_host, kHostIpv6))
        && ip(QStringLiteral("-n %1 addr add 2001:db8:11::2/64 dev eth0 nodad").arg(m_friend))
        && ip(QStringLiteral("-n %1 -6 route add default via 2001:db8:77::1").arg(m_host))
        && ip(QStringLiteral("-n %1 -6 route add default via 2001:db8:11::1").arg(m_friend));
    if (!ok)
        return false;
    // NAT for the home network, and the chains miniupnpd fills (its
    // defaults: table inet filter; forward chain miniupnpd; nat chains
    // prerouting_miniupnpd and postrouting_miniupnpd). Nothing from outside
    // is let in unless miniupnpd says so.
    const QByteArray ruleset = R"(
table inet filter {
    chain forward {
        type filter hook forward priority 0; policy drop;
        ct state established,related accept
        iifname "lan0" oifname "wan0" accept
        jump loopback_forward
        jump ipv6_open
        jump miniupnpd
    }
    chain miniupnpd {
    }
    chain prerouting {
        type nat hook prerouting priority -100; policy accept;
        jump loopback_prerouting
        jump prerouting_miniupnpd
    }
    chain postrouting {
        type nat hook postrouting priority 100; policy accept;
        jump loopback_postrouting
        jump postrouting_miniupnpd
        oifname "wan0" masquerade
    }
    chain prerouting_miniupnpd {
    }
    chain postrouting_miniupnpd {
    }
    chain loopback_forward {
    }
    chain ipv6_open {
    }
    chain loopback_prerouting {
    }
    chain loopback_postrouting {
    }
}
)";
    return inNs(m_router, {QStringLiteral("nft"), QStringLiteral("-f"), QStringLiteral("-")},
                nullptr, ruleset);
}

void TestNatRouter::tearDownNetwork()
{
    if (!m_networkUp)
        return;
    for (const QString &ns : {m_friend, m_host, m_router})
        run(QStringLiteral("ip"), {QStringLiteral("netns"), QStringLiteral("del"), ns});
    m_networkUp = false;
}

void TestNatRouter::cleanupTestCase()
{
    stopRouter();
    tearDownNetwork();
}

void TestNatRouter::cleanup()
{
    stopRouter();
}

bool TestNatRouter::startRouter(bool upnp, bool natpmp, bool loopback)
{
    if (loopback) {
        const QByteArray rules
            = QStringLiteral("add rule inet filter loopback_prerouting iifname \"lan0\" "
                             "ip daddr %1 tcp dport %2 dnat ip to %3:%2\n"
                             "add rule inet filter loopback_forward iifname \"lan0\" "
                             "oifname \"lan0\" accept\n"
                             "add rule inet filter loopback_postrouting iifname \"lan0\" "
                             "oifname \"lan0\" masquerade\n")
                  .arg(kExternal)
                  .arg(kPort)
                  .arg(kHostLan)
                  .toUtf8();
        if (!inNs(m_router, {QStringLiteral("nft"), QStringLiteral("-f"), QStringLiteral("-")},
                  nullptr, rules))
            return false;
    }
    const QString config = m_dir.filePath(QStringLiteral("miniupnpd.conf"));
    QFile file(config);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    const auto yesNo = [](bool on) { return on ? "yes" : "no"; };
    file.write(QStringLiteral("ext_ifname=wan0\n"
                              "listening_ip=lan0\n"
                              "http_port=5555\n"
                              "enable_upnp=%1\n"
                              "enable_natpmp=%2\n"
                              "secure_mode=yes\n"
                              "system_uptime=yes\n"
                              "min_lifetime=2\n"
                              "max_lifetime=86400\n"
                              "uuid=3b1a6c2e-8f43-4f1e-9a55-0a1b2c3d4e5f\n"
                              "allow 1024-65535 192.168.77.0/24 1024-65535\n"
                              "deny 0-65535 0.0.0.0/0 0-65535\n")
                   .arg(QLatin1String(yesNo(upnp)), QLatin1String(yesNo(natpmp)))
                   .toUtf8());
    file.close();
    m_miniupnpd = std::make_unique<QProcess>();
    m_miniupnpd->setProcessChannelMode(QProcess::MergedChannels);
    m_miniupnpd->start(QStringLiteral("ip"),
                       {QStringLiteral("netns"), QStringLiteral("exec"), m_router,
                        QStringLiteral("miniupnpd"), QStringLiteral("-d"), QStringLiteral("-f"),
                        config, QStringLiteral("-P"), m_dir.filePath(QStringLiteral("mu.pid"))});
    if (!m_miniupnpd->waitForStarted(kDeadlineMs))
        return false;
    // Up once it says it listens for what it was asked to serve.
    const QByteArray ready
        = natpmp ? QByteArrayLiteral("Listening for NAT-PMP") : QByteArrayLiteral("HTTP listening");
    QByteArray output;
    const bool up = QTest::qWaitFor(
        [&] {
            output += m_miniupnpd->readAll();
            return output.contains(ready) || m_miniupnpd->state() == QProcess::NotRunning;
        },
        kDeadlineMs);
    if (!up || !output.contains(ready))
        qWarning().noquote() << "miniupnpd did not start:" << output;
    return up && output.contains(ready);
}

void TestNatRouter::stopRouter()
{
    if (!m_miniupnpd)
        return;
    m_miniupnpd->terminate();
    if (!m_miniupnpd->waitForFinished(kDeadlineMs))
        m_miniupnpd->kill();
    m_miniupnpd.reset();
    // Leave no forwarding behind for the next case.
    for (const char *chain : {"miniupnpd", "prerouting_miniupnpd", "postrouting_miniupnpd",
                              "loopback_forward", "loopback_prerouting", "loopback_postrouting"})
        inNs(m_router,
             {QStringLiteral("nft"), QStringLiteral("flush"), QStringLiteral("chain"),
              QStringLiteral("inet"), QStringLiteral("filter"), QString::fromLatin1(chain)});
}

QString TestNatRouter::forwardings()
{
    QString output;
    inNs(m_router,
         {QStringLiteral("nft"), QStringLiteral("list"), QStringLiteral("chain"),
          QStringLiteral("inet"), QStringLiteral("filter"), QStringLiteral("prerouting_miniupnpd")},
         &output);
    return output;
}

void TestNatRouter::friendJoinsThroughTheRouter_data()
{
    QTest::addColumn<bool>("upnp");
    QTest::addColumn<bool>("natpmp");
    QTest::addColumn<QString>("protocol");
    QTest::addColumn<bool>("quit"); // end by quitting the app rather than Stop Hosting
    QTest::addColumn<bool>("loopback");
    QTest::addColumn<QString>("reachability");
    QTest::addRow("UPnP on") << true << true << QStringLiteral("UPnP") << false << false
                             << QStringLiteral("NotConfirmed");
    QTest::addRow("UPnP off, NAT-PMP on, NAT loopback")
        << false << true << QStringLiteral("NAT-PMP") << true << true
        << QStringLiteral("Reachable");
}

void TestNatRouter::friendJoinsThroughTheRouter()
{
    QFETCH(bool, upnp);
    QFETCH(bool, natpmp);
    QFETCH(QString, protocol);
    QFETCH(bool, quit);
    QFETCH(bool, loopback);
    QFETCH(QString, reachability);
    QVERIFY(startRouter(upnp, natpmp, loopback));
    const QString forwarding = QStringLiteral("dport %1").arg(kPort);
    QVERIFY(!forwardings().contains(forwarding));

    Peer host(m_host,
              {QStringLiteral("host"), m_dir.filePath(QStringLiteral("certs")),
               QString::number(kPort), QString::number(kLeaseSeconds)});

    // The router opens the port and names its external address.
    const std::optional<QJsonObject> open
        = host.waitFor(QStringLiteral("mapping"), [](const QJsonObject &event) {
              const QString state = event.value(QStringLiteral("state")).toString();
              return state == QLatin1String("open") || state == QLatin1String("failed");
          });
    QVERIFY2(open, qPrintable(host.log()));
    QCOMPARE(open->value(QStringLiteral("state")).toString(), QStringLiteral("open"));
    QCOMPARE(open->value(QStringLiteral("protocol")).toString(), protocol);
    QCOMPARE(open->value(QStringLiteral("external")).toString(), kExternal);
    QVERIFY(forwardings().contains(forwarding));

    // The invite names the router's address, over wss, with the certificate.
    const std::optional<QJsonObject> invite
        = host.waitFor(QStringLiteral("invite"), [](const QJsonObject &event) {
              return event.value(QStringLiteral("link")).toString().contains(kExternal);
          });
    QVERIFY2(invite, qPrintable(host.log()));
    const QString link = invite->value(QStringLiteral("link")).toString();
    const QUrlQuery query {QUrl(link)};
    const QUrl server(query.queryItemValue(QStringLiteral("server"), QUrl::FullyDecoded));
    QCOMPARE(server.scheme(), QStringLiteral("wss"));
    QCOMPARE(server.host(), kExternal);
    QCOMPARE(server.port(), int(kPort));
    QCOMPARE(query.queryItemValue(QStringLiteral("fp")).size(), 43);

    // The friend, outside, joins through the router.
    Peer friendPeer(m_friend, {QStringLiteral("join"), link});
    const std::optional<QJsonObject> joined = friendPeer.waitFor(QStringLiteral("joined"));
    QVERIFY2(joined, qPrintable(friendPeer.log()));
    QVERIFY(joined->value(QStringLiteral("verified")).toBool());
    const std::optional<QJsonObject> together
        = host.waitFor(QStringLiteral("participants"), [](const QJsonObject &event) {
              return event.value(QStringLiteral("count")).toInt() == 2;
          });
    QVERIFY2(together, qPrintable(host.log()));
    const std::optional<QJsonObject> start = host.waitFor(QStringLiteral("start"));
    const auto at = [&start](const QJsonObject &event) {
        return event.value(QStringLiteral("received")).toDouble()
            - start->value(QStringLiteral("received")).toDouble();
    };
    qInfo("%s: from Start hosting: port open %.0f ms, friend in the room %.0f ms, host's list "
          "shows the friend %.0f ms",
          qPrintable(protocol), at(*open), at(*joined), at(*together));

    // The self-test: confirmed only where the router loops the host's own
    // connection back; otherwise it says so and what to do, never "closed".
    const std::optional<QJsonObject> reached = host.waitFor(QStringLiteral("reachability"));
    QVERIFY2(reached, qPrintable(host.log()));
    QCOMPARE(reached->value(QStringLiteral("outcome")).toString(), reachability);
    const QString verdict = reached->value(QStringLiteral("text")).toString();
    QVERIFY2(verdict.startsWith(reachability == QLatin1String("Reachable")
                                    ? QStringLiteral("People outside your network can join")
                                    : QStringLiteral("Lockstep could not reach this computer")),
             qPrintable(verdict));

    // The lease is renewed before it runs out, and the friend stays.
    QVERIFY2(host.waitFor(
                 QStringLiteral("renewed"), [](const QJsonObject &) { return true; },
                 kLeaseSeconds * 3 * 1000),
             qPrintable(host.log()));
    QVERIFY(forwardings().contains(forwarding));

    // Stopping hosting (or quitting) removes the mapping from the router.
    if (quit) {
        host.send("quit");
        QVERIFY2(host.waitFor(QStringLiteral("quit")), qPrintable(host.log()));
        QVERIFY(host.waitForExit());
    } else {
        host.send("stop");
        const std::optional<QJsonObject> stopped = host.waitFor(QStringLiteral("stopped"));
        QVERIFY2(stopped, qPrintable(host.log()));
        QVERIFY(stopped->value(QStringLiteral("unmapped")).toBool());
    }
    QVERIFY2(!forwardings().contains(forwarding), qPrintable(forwardings()));
}

void TestNatRouter::withoutMappingTheDialogOffersAServer()
{
    // A router that opens no ports (UPnP and NAT-PMP both off).
    Peer host(m_host,
              {QStringLiteral("host"), m_dir.filePath(QStringLiteral("certs")),
               QString::number(kPort), QString::number(kLeaseSeconds)});
    const std::optional<QJsonObject> failed
        = host.waitFor(QStringLiteral("mapping"), [](const QJsonObject &event) {
              return event.value(QStringLiteral("state")).toString() == QLatin1String("failed");
          });
    QVERIFY2(failed, qPrintable(host.log()));
    const QString status = failed->value(QStringLiteral("status")).toString();
    QVERIFY2(status.contains(QStringLiteral("host the room on a server instead")),
             qPrintable(status));
    // The invite stays on the home network's address: no one outside is told
    // to come through a port that is closed.
    const std::optional<QJsonObject> invite = host.waitFor(QStringLiteral("invite"));
    QVERIFY2(invite, qPrintable(host.log()));
    QVERIFY(!invite->value(QStringLiteral("link")).toString().contains(kExternal));
    QVERIFY(!forwardings().contains(QStringLiteral("dport")));
}

void TestNatRouter::friendJoinsOverIpv6()
{
    // A router whose firewall lets IPv6 in to the host's port (the app does
    // not open IPv6 pinholes; see docs/protocol.md).
    QVERIFY(inNs(m_router, {QStringLiteral("nft"), QStringLiteral("-f"), QStringLiteral("-")},
                 nullptr,
                 QStringLiteral("add rule inet filter ipv6_open ip6 daddr %1 tcp dport %2 accept\n")
                     .arg(kHostIpv6)
                     .arg(kPort)
                     .toUtf8()));
    Peer host(m_host,
              {QStringLiteral("host"), m_dir.filePath(QStringLiteral("certs")),
               QString::number(kPort), QString::number(kLeaseSeconds), QStringLiteral("ipv6")});
    const QString url = QStringLiteral("wss://[%1]:%2/").arg(kHostIpv6).arg(kPort);

    // The dialog offers the global IPv6 address, saying what it is.
    const std::optional<QJsonObject> offered = host.waitFor(QStringLiteral("addresses"));
    QVERIFY2(offered, qPrintable(host.log()));
    const QJsonObject addresses = offered->value(QStringLiteral("offered")).toObject();
    QVERIFY2(addresses.contains(url), qPrintable(host.log()));
    QVERIFY(addresses.value(url).toString().startsWith(QStringLiteral("internet over IPv6")));

    const std::optional<QJsonObject> invite
        = host.waitFor(QStringLiteral("invite"), [](const QJsonObject &event) {
              return event.value(QStringLiteral("link"))
                  .toString()
                  .contains(QStringLiteral("2001%3Adb8%3A77%3A%3A2"));
          });
    QVERIFY2(invite, qPrintable(host.log()));
    Peer friendPeer(m_friend,
                    {QStringLiteral("join"), invite->value(QStringLiteral("link")).toString()});
    const std::optional<QJsonObject> joined = friendPeer.waitFor(QStringLiteral("joined"));
    QVERIFY2(joined, qPrintable(friendPeer.log()));
    QVERIFY(joined->value(QStringLiteral("verified")).toBool());
    const std::optional<QJsonObject> together
        = host.waitFor(QStringLiteral("participants"), [](const QJsonObject &event) {
              return event.value(QStringLiteral("count")).toInt() == 2;
          });
    QVERIFY2(together, qPrintable(host.log()));
    const std::optional<QJsonObject> start = host.waitFor(QStringLiteral("start"));
    qInfo("IPv6: from Start hosting: friend in the room %.0f ms, host's list shows the friend "
          "%.0f ms",
          joined->value(QStringLiteral("received")).toDouble()
              - start->value(QStringLiteral("received")).toDouble(),
          together->value(QStringLiteral("received")).toDouble()
              - start->value(QStringLiteral("received")).toDouble());
    QVERIFY(!forwardings().contains(QStringLiteral("dport")));
    inNs(m_router,
         {QStringLiteral("nft"), QStringLiteral("flush"), QStringLiteral("chain"),
          QStringLiteral("inet"), QStringLiteral("filter"), QStringLiteral("ipv6_open")});
}

QTEST_GUILESS_MAIN(TestNatRouter)
#include "tst_nat_router.moc"
