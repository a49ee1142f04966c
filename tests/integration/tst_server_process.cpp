// The lockstep-server binary as an administrator runs it: start, serve, stop
// on SIGTERM, print its version, mint tokens, refuse a weak secret.
#include "TestClient.h"
#include "Text.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTest>

using namespace lockstep;
using lockstep::test::id;
using namespace lockstep::protocol;
using lockstep::test::TestClient;

namespace {

const QByteArray kSecret = "process-test-secret-0123456789-abcdefgh";

QString serverBinary()
{
    return QStringLiteral(LOCKSTEP_SERVER_BINARY);
}

QProcessEnvironment environment(const QByteArray &secret)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("JWT_SECRET"));
    // The server's own --log-level must decide what it logs.
    env.remove(QStringLiteral("QT_LOGGING_RULES"));
    if (!secret.isNull())
        env.insert(QStringLiteral("JWT_SECRET"), QString::fromLatin1(secret));
    return env;
}

// Runs the binary to completion; returns its exit code (-1 when it did not finish).
int run(const QStringList &arguments, const QByteArray &secret, QByteArray *out, QByteArray *err)
{
    QProcess process;
    process.setProcessEnvironment(environment(secret));
    process.start(serverBinary(), arguments);
    if (!process.waitForFinished(10000)) {
        process.kill();
        process.waitForFinished();
        return -1;
    }
    *out = process.readAllStandardOutput();
    *err = process.readAllStandardError();
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

} // namespace

class TestServerProcess : public QObject
{
    Q_OBJECT

private slots:
    void cleanup();

    void version();
    void servesAndStopsOnSigterm();
    void mintedTokenIsAccepted();
    void refusesBadConfiguration_data();
    void refusesBadConfiguration();

private:
    // Starts `lockstep-server --host 127.0.0.1 --port 0` and returns the port
    // it logged once it says it is ready, 0 on failure.
    quint16 startServer(const QByteArray &secret, const QStringList &extra = {});
    QUrl url() const;

    std::unique_ptr<QProcess> m_process;
    QByteArray m_stderr;
    quint16 m_port = 0;
};

quint16 TestServerProcess::startServer(const QByteArray &secret, const QStringList &extra)
{
    m_process = std::make_unique<QProcess>();
    m_process->setProcessEnvironment(environment(secret));
    connect(m_process.get(), &QProcess::readyReadStandardError, this,
            [this] { m_stderr += m_process->readAllStandardError(); });
    m_stderr.clear();
    m_port = 0;
    m_process->start(serverBinary(),
                     QStringList {QStringLiteral("--host"), QStringLiteral("127.0.0.1"),
                                  QStringLiteral("--port"), QStringLiteral("0")}
                         + extra);
    static const QRegularExpression listening(
        QStringLiteral("listening on 127\\.0\\.0\\.1 port (\\d+)"));
    const bool settled = QTest::qWaitFor(
        [this] {
            const auto match = listening.match(QString::fromUtf8(m_stderr));
            if (match.hasMatch() && m_stderr.contains(" ready;"))
                m_port = quint16(match.captured(1).toUInt());
            return m_port != 0 || m_process->state() == QProcess::NotRunning;
        },
        10000);
    return settled ? m_port : 0;
}

QUrl TestServerProcess::url() const
{
    QUrl url;
    url.setScheme(QStringLiteral("ws"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_port);
    url.setPath(QStringLiteral("/"));
    return url;
}

void TestServerProcess::cleanup()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->kill();
        m_process->waitForFinished();
    }
    m_process.reset();
}

void TestServerProcess::version()
{
    QByteArray out;
    QByteArray err;
    QCOMPARE(run({QStringLiteral("--version")}, {}, &out, &err), 0);
    QCOMPARE(out.trimmed(), QByteArray("lockstep-server 0.1.0"));
}

void TestServerProcess::servesAndStopsOnSigterm()
{
    QVERIFY2(startServer({}) != 0, m_stderr.constData());
    QVERIFY(m_stderr.contains("rooms are open"));
    TestClient alice;
    TestClient bob;
    QVERIFY(alice.open(url()));
    QVERIFY(bob.open(url()));
    QVERIFY(alice.createRoom(id("den"), id("alice")));
    QVERIFY(bob.joinRoom(id("den"), id("bob"), id("Bob")));
    QCOMPARE(alice.next("client_joined").client, id("bob"));
    alice.send(PlayerEvent {PlayerAction::Play, 5.0});
    const Envelope play = bob.next("player_event");
    QCOMPARE(play.as<PlayerEvent>()->action, PlayerAction::Play);
    QCOMPARE(play.client, id("alice"));

    m_process->terminate(); // SIGTERM
    QVERIFY(alice.waitForDisconnected());
    QVERIFY(bob.waitForDisconnected());
    QCOMPARE(alice.closeCode(), std::optional<quint16>(1001));
    QCOMPARE(bob.closeCode(), std::optional<quint16>(1001));
    QVERIFY(m_process->waitForFinished(5000));
    QCOMPARE(m_process->exitStatus(), QProcess::NormalExit);
    QCOMPARE(m_process->exitCode(), 0);
    m_stderr += m_process->readAllStandardError();
    QVERIFY2(m_stderr.contains("shutting down"), m_stderr.constData());
}

void TestServerProcess::mintedTokenIsAccepted()
{
    QByteArray token;
    QByteArray err;
    QCOMPARE(run({QStringLiteral("token"), QStringLiteral("--sub"), QStringLiteral("alice"),
                  QStringLiteral("--name"), QStringLiteral("Alice"), QStringLiteral("--ttl"),
                  QStringLiteral("1h")},
                 kSecret, &token, &err),
             0);
    token = token.trimmed();
    QCOMPARE(token.count('.'), 2);
    QByteArray otherToken;
    QCOMPARE(run({QStringLiteral("token"), QStringLiteral("--sub"), QStringLiteral("mallory")},
                 kSecret + "-other", &otherToken, &err),
             0);

    QVERIFY2(startServer(kSecret) != 0, m_stderr.constData());
    QVERIFY(m_stderr.contains("auth tokens required"));
    TestClient alice;
    TestClient mallory;
    TestClient anonymous;
    for (TestClient *client : {&alice, &mallory, &anonymous})
        QVERIFY(client->open(url()));
    QVERIFY(alice.createRoom(id("den"), id("alice"), Json::object(), QString::fromLatin1(token)));
    QVERIFY(!mallory.createRoom(id("lair"), id("mallory"), Json::object(),
                                QString::fromLatin1(otherToken.trimmed())));
    QCOMPARE(mallory.nextErrorCode(), id("auth_invalid"));
    QVERIFY(!anonymous.createRoom(id("open"), id("anon")));
    QCOMPARE(anonymous.nextErrorCode(), id("auth_required"));
    QVERIFY(!anonymous.joinRoom(id("den"), id("anon"), id("Anon")));
    QCOMPARE(anonymous.nextErrorCode(), id("auth_required"));
}

void TestServerProcess::refusesBadConfiguration_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("secret"); // null: JWT_SECRET unset
    QTest::addColumn<QString>("message"); // expected on stderr

    const QStringList serve {QStringLiteral("--host"), QStringLiteral("127.0.0.1"),
                             QStringLiteral("--port"), QStringLiteral("0")};
    const QStringList mint {QStringLiteral("token"), QStringLiteral("--sub"),
                            QStringLiteral("alice")};
    QTest::addRow("server, short JWT_SECRET")
        << serve << QByteArray("too-short") << id("at least 32 bytes");
    QTest::addRow("server, 31-byte JWT_SECRET")
        << serve << QByteArray(31, 'x') << id("JWT_SECRET is 31 bytes long");
    QTest::addRow("token, short JWT_SECRET")
        << mint << QByteArray("short") << id("at least 32 bytes");
    QTest::addRow("token, no JWT_SECRET") << mint << QByteArray() << id("JWT_SECRET is not set");
    QTest::addRow("token, no --sub")
        << QStringList {QStringLiteral("token")} << kSecret << id("--sub is required");
    QTest::addRow("token, bad --ttl")
        << mint + QStringList {QStringLiteral("--ttl"), QStringLiteral("forever")} << kSecret
        << id("--ttl");
    QTest::addRow("port out of range")
        << QStringList {QStringLiteral("--port"), QStringLiteral("70000")} << QByteArray()
        << id("--port must be a number");
    QTest::addRow("host not an address")
        << QStringList {QStringLiteral("--host"), QStringLiteral("example.org"),
                        QStringLiteral("--port"), QStringLiteral("0")}
        << QByteArray() << id("not an IP address");
}

void TestServerProcess::refusesBadConfiguration()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, secret);
    QFETCH(QString, message);
    QByteArray out;
    QByteArray err;
    const int code = run(arguments, secret, &out, &err);
    QVERIFY2(code > 0, qPrintable(QString::number(code)));
    QVERIFY2(QString::fromUtf8(err).contains(message), err.constData());
    QVERIFY(err.startsWith("lockstep-server: "));
    QVERIFY(out.isEmpty());
}

QTEST_GUILESS_MAIN(TestServerProcess)
#include "tst_server_process.moc"
