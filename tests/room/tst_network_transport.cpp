// The app's connection on its own thread (room::NetworkTransport), against a
// real session server over loopback: while the client's thread is blocked
// (as a player blocks the GUI thread on a seek), the connection thread keeps
// the link alive with pings of its own, and the pongs that arrive meanwhile
// still give the true round trip, however late the client reads them.
#include "client/SessionClient.h"
#include "protocol/Clock.h"
#include "room/NetworkThread.h"
#include "room/NetworkTransport.h"
#include "server/SessionServer.h"

#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <memory>

using namespace lockstep;

namespace {

// The server runs on a thread of its own, as the app's does: it must answer
// while the test's thread is blocked.
class ServerOnThread
{
public:
    ServerOnThread() : m_thread(QStringLiteral("test server"))
    {
        m_server = m_thread.call([]() -> server::SessionServer * {
            server::SessionServerConfig config;
            config.address = QHostAddress::LocalHost;
            config.port = 0;
            auto server = std::make_unique<server::SessionServer>(config);
            return server->start() ? server.release() : nullptr;
        });
        if (m_server)
            m_url = m_thread.call([server = m_server] { return server->loopbackUrl(); });
    }
    ~ServerOnThread()
    {
        m_thread.call([server = m_server] { delete server; });
    }
    bool started() const { return m_server != nullptr; }
    QUrl url() const { return m_url; }

private:
    room::NetworkThread m_thread;
    server::SessionServer *m_server = nullptr;
    QUrl m_url;
};

} // namespace

class TestNetworkTransport : public QObject
{
    Q_OBJECT

private slots:
    void keepsTheLinkAliveAndTimesPongsWhileTheThreadIsBlocked();
    void nothingOfAClosedConnectionReachesTheClient();
};

void TestNetworkTransport::keepsTheLinkAliveAndTimesPongsWhileTheThreadIsBlocked()
{
    ServerOnThread server;
    QVERIFY(server.started());
    const protocol::Clock &clock = protocol::SystemClock::instance();
    auto transport = std::make_unique<room::NetworkTransport>(clock);
    room::NetworkTransport *link = transport.get();
    client::SessionClient client(clock, std::move(transport));
    client::SessionSpec spec;
    spec.server = server.url();
    spec.name = QStringLiteral("Ada");
    spec.create = true;
    client.start(spec);
    QTRY_VERIFY_WITH_TIMEOUT((client.tick(), client.inRoom()), 5000);
    // The clock estimate's first burst of pings, 0.1 s apart, and their pongs.
    for (int i = 0; i < 20; ++i) {
        client.tick();
        QTest::qWait(50);
    }

    QSignalSpy keepalives(link, &client::ClientTransport::keepalivePingSent);
    QSignalSpy pongs(&client, &client::SessionClient::pongReceived);
    // The client's thread stops for longer than the keepalive interval, with
    // nothing sent: the connection's thread pings on its own meanwhile.
    QThread::msleep(
        static_cast<unsigned long>((room::NetworkTransport::kKeepaliveSeconds + 1.0) * 1000.0));
    // Only what was queued during the block (no tick, so no ping of the
    // client's own): the keepalive and its pong.
    QCoreApplication::processEvents();
    QVERIFY2(keepalives.count() >= 1, "no keepalive ping while the thread was blocked");
    QVERIFY2(pongs.count() >= 1, "the keepalive's pong gave no clock sample");
    // Its round trip is the network's (loopback), not the block's.
    for (const QList<QVariant> &pong : std::as_const(pongs))
        QVERIFY2(pong.at(0).toDouble() < 0.05,
                 qPrintable(QStringLiteral("round trip %1 s").arg(pong.at(0).toDouble())));
    QVERIFY(client.inRoom());
    QVERIFY(link->isOpen());
}

void TestNetworkTransport::nothingOfAClosedConnectionReachesTheClient()
{
    ServerOnThread server;
    QVERIFY(server.started());
    room::NetworkTransport link(protocol::SystemClock::instance());
    QSignalSpy opened(&link, &client::ClientTransport::opened);
    QSignalSpy closed(&link, &client::ClientTransport::closed);
    QSignalSpy frames(&link, &client::ClientTransport::textReceived);
    link.open(server.url());
    QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 1, 5000);
    QVERIFY(link.isOpen());
    // A ping is answered at once; close before its pong can be read.
    link.sendText(QByteArrayLiteral(R"({"type":"ping","payload":{"client_ts":1}})"));
    link.close();
    QVERIFY(!link.isOpen());
    QTest::qWait(300);
    QCOMPARE(frames.count(), 0);
    QCOMPARE(closed.count(), 0);
    // And it opens again, a new connection.
    link.open(server.url());
    QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 2, 5000);
    link.sendText(QByteArrayLiteral(R"({"type":"ping","payload":{"client_ts":2}})"));
    QTRY_COMPARE_WITH_TIMEOUT(frames.count(), 1, 5000);
    QVERIFY(frames.at(0).at(0).toByteArray().contains("pong"));
}

QTEST_GUILESS_MAIN(TestNetworkTransport)
#include "tst_network_transport.moc"
