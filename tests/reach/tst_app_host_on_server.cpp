// The app's command line for hosting on a server, with real processes: a
// lockstep-server that asks for tokens, and `lockstep --host --server URL
// --auth-token T` headless; the invite it writes names that server. Also
// the app's own host on this computer: its invite is wss:// with fp.
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <QUrlQuery>

#include <memory>

namespace {

constexpr int kDeadlineMs = 30000;
const QByteArray kSecret = QByteArrayLiteral("0123456789abcdef0123456789abcdef-reach");

} // namespace

class TestAppHostOnServer : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();
    void hostsOnTheServerFromTheCommandLine();
    void hostsEncryptedOnThisComputer();
    void refusesBadOptions_data();
    void refusesBadOptions();

private:
    QProcessEnvironment appEnvironment() const;
    // Runs the app hosting with `args` until it writes its invite; the link.
    QString hostAndReadInvite(const QStringList &args);

    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_server;
    std::unique_ptr<QProcess> m_app;
    quint16 m_port = 0;
};

void TestAppHostOnServer::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("JWT_SECRET"), QString::fromLatin1(kSecret));
    env.remove(QStringLiteral("QT_LOGGING_RULES"));
    m_server = std::make_unique<QProcess>();
    m_server->setProcessEnvironment(env);
    QByteArray log;
    connect(m_server.get(), &QProcess::readyReadStandardError, this,
            [this, &log] { log += m_server->readAllStandardError(); });
    m_server->start(QStringLiteral(LOCKSTEP_SERVER_BINARY),
                    {QStringLiteral("--host"), QStringLiteral("127.0.0.1"),
                     QStringLiteral("--port"), QStringLiteral("0")});
    static const QRegularExpression listening(
        QStringLiteral("listening on 127\\.0\\.0\\.1 port (\\d+)"));
    QVERIFY(QTest::qWaitFor(
        [&] {
            const auto match = listening.match(QString::fromUtf8(log));
            if (match.hasMatch() && log.contains(" ready;"))
                m_port = quint16(match.captured(1).toUInt());
            return m_port != 0 || m_server->state() == QProcess::NotRunning;
        },
        kDeadlineMs));
    QVERIFY2(m_port != 0, log.constData());
    m_server->disconnect(this);
}

void TestAppHostOnServer::cleanupTestCase()
{
    if (m_server) {
        m_server->terminate();
        if (!m_server->waitForFinished(kDeadlineMs))
            m_server->kill();
    }
}

void TestAppHostOnServer::cleanup()
{
    if (m_app && m_app->state() != QProcess::NotRunning) {
        m_app->kill();
        m_app->waitForFinished(kDeadlineMs);
    }
    m_app.reset();
}

QProcessEnvironment TestAppHostOnServer::appEnvironment() const
{
    // Settings and the certificate go to a folder of the test's own.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("HOME"), m_dir.path());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data")));
    return env;
}

QString TestAppHostOnServer::hostAndReadInvite(const QStringList &args)
{
    const QString inviteFile = m_dir.filePath(QStringLiteral("invite.txt"));
    QFile::remove(inviteFile);
    m_app = std::make_unique<QProcess>();
    m_app->setProcessEnvironment(appEnvironment());
    m_app->setProcessChannelMode(QProcess::ForwardedChannels);
    m_app->start(QStringLiteral(LOCKSTEP_APP_BINARY),
                 QStringList {QStringLiteral("--host"), QStringLiteral("--name"),
                              QStringLiteral("Ann"), QStringLiteral("--invite-file"), inviteFile}
                     + args);
    QString link;
    const bool settled = QTest::qWaitFor(
        [&] {
            QFile file(inviteFile);
            if (file.open(QIODevice::ReadOnly))
                link = QString::fromUtf8(file.readAll()).trimmed();
            return !link.isEmpty() || m_app->state() == QProcess::NotRunning;
        },
        kDeadlineMs);
    return settled ? link : QString();
}

void TestAppHostOnServer::hostsOnTheServerFromTheCommandLine()
{
    QProcess mint;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("JWT_SECRET"), QString::fromLatin1(kSecret));
    mint.setProcessEnvironment(env);
    mint.start(QStringLiteral(LOCKSTEP_SERVER_BINARY),
               {QStringLiteral("token"), QStringLiteral("--sub"), QStringLiteral("ann")});
    QVERIFY(mint.waitForFinished(kDeadlineMs));
    const QString token = QString::fromUtf8(mint.readAllStandardOutput()).trimmed();
    QVERIFY(!token.isEmpty());

    const QString server = QStringLiteral("ws://127.0.0.1:%1/").arg(m_port);
    const QString link = hostAndReadInvite(
        {QStringLiteral("--server"), server, QStringLiteral("--auth-token"), token});
    QVERIFY2(!link.isEmpty(), "the app wrote no invite");
    const QUrlQuery query {QUrl(link)};
    QCOMPARE(query.queryItemValue(QStringLiteral("server"), QUrl::FullyDecoded), server);
    QVERIFY(!query.queryItemValue(QStringLiteral("invite")).isEmpty());
    QVERIFY(!query.hasQueryItem(QStringLiteral("fp")));
}

void TestAppHostOnServer::hostsEncryptedOnThisComputer()
{
    const QString link = hostAndReadInvite({QStringLiteral("--port"), QStringLiteral("0")});
    QVERIFY2(!link.isEmpty(), "the app wrote no invite");
    const QUrlQuery query {QUrl(link)};
    QVERIFY(query.queryItemValue(QStringLiteral("server"), QUrl::FullyDecoded)
                .startsWith(QStringLiteral("wss://")));
    QCOMPARE(query.queryItemValue(QStringLiteral("fp")).size(), 43);
    // The key is kept in the app's data folder, readable by the user only.
    const QString key = m_dir.filePath(QStringLiteral("data/Lockstep/Lockstep/tls/host-key.pem"));
    QVERIFY2(QFile::exists(key), qPrintable(key));
    QCOMPARE(QFile::permissions(key) & ~(QFile::ReadUser | QFile::WriteUser),
             QFile::ReadOwner | QFile::WriteOwner);
}

void TestAppHostOnServer::refusesBadOptions_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::addRow("server without host")
        << QStringList {QStringLiteral("--server"), QStringLiteral("ws://h/")}
        << QStringLiteral("--server goes with --host.");
    QTest::addRow("http server") << QStringList {QStringLiteral("--host"),
                                                 QStringLiteral("--server"),
                                                 QStringLiteral("http://h/")}
                                 << QStringLiteral("--server needs a ws:// or wss:// address");
    QTest::addRow("port and server")
        << QStringList {QStringLiteral("--host"), QStringLiteral("--port"), QStringLiteral("1"),
                        QStringLiteral("--server"), QStringLiteral("ws://h/")}
        << QStringLiteral("Choose either --port (host on this computer) or --server, not both.");
    QTest::addRow("token without server")
        << QStringList {QStringLiteral("--host"), QStringLiteral("--auth-token"),
                        QStringLiteral("t")}
        << QStringLiteral("--auth-token goes with --server.");
}

void TestAppHostOnServer::refusesBadOptions()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    QProcess app;
    app.setProcessEnvironment(appEnvironment());
    app.start(QStringLiteral(LOCKSTEP_APP_BINARY), args);
    QVERIFY(app.waitForFinished(kDeadlineMs));
    QCOMPARE(app.exitCode(), 2);
    const QString err = QString::fromUtf8(app.readAllStandardError());
    QVERIFY2(err.contains(QStringLiteral("lockstep: ") + message), qPrintable(err));
}

QTEST_GUILESS_MAIN(TestAppHostOnServer)
#include "tst_app_host_on_server.moc"
