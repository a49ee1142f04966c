// The reachability self-test over loopback: our own server answering, a
// closed port, and another certificate at the address.
#include "room/HostCertificate.h"
#include "room/ReachabilityCheck.h"
#include "server/SessionServer.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace lockstep;
using ui::HostCertificate;
using ui::ReachabilityCheck;

class TestReachability : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void tellsWhoAnswers_data();
    void tellsWhoAnswers();

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

QTEST_GUILESS_MAIN(TestReachability)
#include "tst_reachability.moc"
