// The reachability self-test over loopback: our own server answering, a
// closed port, and another certificate at the address.
#include "room/HostCertificate.h"
#include "room/PortMapper.h"
#include "room/ReachabilityCheck.h"
#include "room/StreamProxy.h"
#include "server/SessionServer.h"

#include <QFile>
#include <QSignalSpy>
#include <QSslKey>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace lockstep;
using room::HostCertificate;
using room::ReachabilityCheck;

namespace {

// A host that refuses every request, its status line split across two
// writes ("HTTP/1.1 4", then "04 Not Found..."), over TLS.
class SplitStatusHost : public QTcpServer
{
public:
    SplitStatusHost(const QSslCertificate &certificate, const QSslKey &key)
        : m_certificate(certificate), m_key(key)
    {
    }

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QSslSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        socket->setLocalCertificate(m_certificate);
        socket->setPrivateKey(m_key);
        auto request = std::make_shared<QByteArray>();
        connect(socket, &QSslSocket::readyRead, socket, [socket, request] {
            request->append(socket->readAll());
            if (!request->contains("\r\n\r\n"))
                return;
            request->clear();
            socket->write("HTTP/1.1 4");
            socket->flush();
            QTimer::singleShot(100, socket, [socket] {
                socket->write("04 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                socket->disconnectFromHost();
            });
        });
        socket->startServerEncryption();
    }

private:
    QSslCertificate m_certificate;
    QSslKey m_key;
};

} // namespace

class TestReachability : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void tellsWhoAnswers_data();
    void tellsWhoAnswers();
    void hostingAgainWhileTheRouterIsAskedStillAsksForThePort();
    void theStreamProxyReadsAStatusLineThatComesInPieces();

private:
    QTemporaryDir m_dir;
};

void TestReachability::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void TestReachability::tellsWhoAnswers_data()
{
    QTest::addColumn<QString>("who");
    QTest::addColumn<ReachabilityCheck::Outcome>("outcome");
    QTest::addColumn<QString>("sentence");
    QTest::addRow("our server") << QStringLiteral("us") << ReachabilityCheck::Outcome::Reachable
                                << QStringLiteral("People outside your network can join");
    QTest::addRow("nobody") << QStringLiteral("nobody") << ReachabilityCheck::Outcome::NotConfirmed
                            << QStringLiteral("Lockstep could not reach this computer");
    QTest::addRow("someone else") << QStringLiteral("other")
                                  << ReachabilityCheck::Outcome::SomeoneElse
                                  << QStringLiteral("Another computer answers");
}

void TestReachability::tellsWhoAnswers()
{
    QFETCH(QString, who);
    QFETCH(ReachabilityCheck::Outcome, outcome);
    QFETCH(QString, sentence);

    const std::optional<HostCertificate> ours
        = HostCertificate::loadOrCreate(m_dir.filePath(QStringLiteral("ours")));
    const std::optional<HostCertificate> theirs
        = HostCertificate::loadOrCreate(m_dir.filePath(QStringLiteral("theirs")));
    QVERIFY(ours && theirs);

    std::unique_ptr<server::SessionServer> server;
    quint16 port = 0;
    if (who == QLatin1String("nobody")) {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        port = probe.serverPort();
    } else {
        const HostCertificate &served = who == QLatin1String("us") ? *ours : *theirs;
        server::SessionServerConfig config;
        config.address = QHostAddress::LocalHost;
        config.port = 0;
        config.tlsCertificatePath = served.certificatePath();
        config.tlsKeyPath = served.keyPath();
        config.network = server::SessionServerConfig::Network::Qt;
        server = std::make_unique<server::SessionServer>(config);
        QVERIFY(server->start());
        port = server->port();
    }

    ReachabilityCheck check;
    QSignalSpy finished(&check, &ReachabilityCheck::finished);
    check.start(QHostAddress::LocalHost, port, ours->sha256());
    QCOMPARE(check.outcome(), ReachabilityCheck::Outcome::Checking);
    QVERIFY(finished.wait(ReachabilityCheck::kTimeoutMs * 2));
    QCOMPARE(check.outcome(), outcome);
    QVERIFY2(check.text().startsWith(sentence), qPrintable(check.text()));
    QVERIFY(check.text().contains(QStringLiteral("127.0.0.1:%1").arg(port)));
}

void TestReachability::hostingAgainWhileTheRouterIsAskedStillAsksForThePort()
{
    if (!room::PortMapper::isAvailable())
        QSKIP("Built without UPnP and NAT-PMP.");
    // Hosting starts (the router is being asked for 40001), stops and starts
    // again on another port before the router has answered. The second
    // request must not be dropped: the mapper ends up asking for 40002 and
    // says how that went (here, with no router to ask: it failed, with a
    // reason), rather than going quietly idle.
    room::PortMapper mapper;
    mapper.open(40001);
    QCOMPARE(mapper.state(), room::PortMapper::State::Working);
    mapper.close();
    mapper.open(40002);
    QTRY_VERIFY_WITH_TIMEOUT(mapper.state() == room::PortMapper::State::Failed
                                 || mapper.state() == room::PortMapper::State::Open,
                             30000);
    QCOMPARE(mapper.port(), quint16(40002));
    QVERIFY(!mapper.statusText().isEmpty());
    mapper.close();
}

void TestReachability::theStreamProxyReadsAStatusLineThatComesInPieces()
{
    // The host (a TLS server with the pinned certificate) refuses the file,
    // its status line split across two writes: "HTTP/1.1 4" then "04 ...".
    const std::optional<HostCertificate> ours
        = HostCertificate::loadOrCreate(m_dir.filePath(QStringLiteral("ours")));
    QVERIFY(ours);
    QFile certificateFile(ours->certificatePath());
    QFile keyFile(ours->keyPath());
    QVERIFY(certificateFile.open(QIODevice::ReadOnly) && keyFile.open(QIODevice::ReadOnly));
    const QSslCertificate certificate(&certificateFile, QSsl::Pem);
    const QSslKey key(&keyFile, QSsl::Ec, QSsl::Pem);
    QVERIFY(!certificate.isNull() && !key.isNull());

    SplitStatusHost host(certificate, key);
    QVERIFY(host.listen(QHostAddress::LocalHost, 0));

    room::StreamProxy proxy;
    QSignalSpy failed(&proxy, &room::StreamProxy::upstreamFailed);
    const QUrl local = proxy.start(
        QUrl(QStringLiteral("https://127.0.0.1:%1/media/room?token=t").arg(host.serverPort())),
        ours->sha256(), QStringLiteral("film.mp4"));
    QVERIFY(local.isValid());
    QTcpSocket player;
    player.connectToHost(QHostAddress::LocalHost, quint16(local.port()));
    QVERIFY(player.waitForConnected(5000));
    player.write("GET " + local.path(QUrl::FullyEncoded).toLatin1()
                 + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    QVERIFY(failed.wait(10000));
    QCOMPARE(failed.first().first().toInt(), 404);
}

QTEST_GUILESS_MAIN(TestReachability)
#include "tst_reachability.moc"
