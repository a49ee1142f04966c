#include "FaultProcesses.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonDocument>
#include <QProcessEnvironment>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTimer>

#include <chrono>
#include <csignal>

#include <sys/prctl.h>

namespace lockstep::test {

namespace {

QProcessEnvironment childEnvironment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // The servers run open, and log at their own default level.
    env.remove(QStringLiteral("JWT_SECRET"));
    env.remove(QStringLiteral("QT_LOGGING_RULES"));
    return env;
}

} // namespace

double monotonicNow()
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

bool waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    if (done())
        return true;
    const double deadline = monotonicNow() + timeoutMs / 1000.0;
    QEventLoop loop;
    QTimer check;
    check.setInterval(10);
    QObject::connect(&check, &QTimer::timeout, &loop, [&] {
        if (done() || monotonicNow() >= deadline)
            loop.quit();
    });
    check.start();
    loop.exec();
    return done();
}

bool runCommand(const QString &program, const QStringList &arguments, QByteArray *output,
                int timeoutMs)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    const bool finished = process.waitForFinished(timeoutMs);
    if (!finished) {
        process.kill();
        process.waitForFinished();
    }
    if (output)
        *output = process.readAll();
    return finished && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
}

void dieWithParent(QProcess &process)
{
    process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
}

// ---------------------------------------------------------------- ServerProcess

ServerProcess::ServerProcess(QObject *parent) : QObject(parent)
{
}

ServerProcess::~ServerProcess()
{
    kill();
}

bool ServerProcess::start(const QString &host, quint16 port, const QStringList &extra)
{
    kill();
    m_previousLogs += m_log;
    m_log.clear();
    m_host = host;
    m_port = 0;
    m_process = std::make_unique<QProcess>();
    m_process->setProcessEnvironment(childEnvironment());
    dieWithParent(*m_process);
    connect(m_process.get(), &QProcess::readyReadStandardError, this,
            [this] { m_log += m_process->readAllStandardError(); });
    m_process->start(QStringLiteral(LOCKSTEP_SERVER_BINARY),
                     QStringList {QStringLiteral("--host"), host, QStringLiteral("--port"),
                                  QString::number(port)}
                         + extra);
    const QRegularExpression listening(
        QStringLiteral("listening on %1 port (\\d+)").arg(QRegularExpression::escape(host)));
    quint16 found = 0;
    const bool ready = waitUntil(
        [&] {
            const auto match = listening.match(QString::fromUtf8(m_log));
            if (match.hasMatch() && m_log.contains(" ready;"))
                found = quint16(match.captured(1).toUInt());
            return found != 0 || m_process->state() == QProcess::NotRunning;
        },
        10000);
    if (!ready || found == 0)
        return false;
    m_port = found;
    return true;
}

void ServerProcess::kill()
{
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->kill();
        m_process->waitForFinished(5000);
    }
    m_log += m_process->readAllStandardError();
}

bool ServerProcess::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

qint64 ServerProcess::pid() const
{
    return m_process ? m_process->processId() : 0;
}

QUrl ServerProcess::url(const QString &room) const
{
    QUrl url;
    url.setScheme(QStringLiteral("ws"));
    url.setHost(m_host);
    url.setPort(m_port);
    url.setPath(QStringLiteral("/"));
    url.setQuery(QStringLiteral("room=") + room);
    return url;
}

// ---------------------------------------------------------------- ClientProcess

ClientProcess::ClientProcess(QObject *parent) : QObject(parent)
{
}

ClientProcess::~ClientProcess()
{
    kill();
}

bool ClientProcess::start(const Options &options)
{
    kill();
    m_options = options;
    m_buffer.clear();
    m_stderr.clear();
    m_events.clear();
    m_samples.clear();
    m_lastSample = {};
    m_process = std::make_unique<QProcess>();
    m_process->setProcessEnvironment(childEnvironment());
    dieWithParent(*m_process);
    connect(m_process.get(), &QProcess::readyReadStandardOutput, this, &ClientProcess::readLines);
    connect(m_process.get(), &QProcess::readyReadStandardError, this,
            [this] { m_stderr += m_process->readAllStandardError(); });
    QStringList arguments {QStringLiteral("--url"),  options.url.toString(),
                           QStringLiteral("--room"), options.room,
                           QStringLiteral("--name"), options.name};
    if (!options.clientId.isEmpty())
        arguments << QStringLiteral("--client-id") << options.clientId;
    if (options.create)
        arguments << QStringLiteral("--create");
    if (!options.inviteToken.isEmpty())
        arguments << QStringLiteral("--invite") << options.inviteToken;
    if (!options.fingerprint.isEmpty())
        arguments << QStringLiteral("--fp") << options.fingerprint;
    QString program = QStringLiteral(LOCKSTEP_FAULT_CLIENT_BINARY);
    if (!options.prefix.isEmpty()) {
        arguments.prepend(program);
        arguments = options.prefix.mid(1) + arguments;
        program = options.prefix.first();
    }
    m_process->start(program, arguments);
    return waitFor(QStringLiteral("started"), 10000);
}

void ClientProcess::send(const QString &command)
{
    if (m_process)
        m_process->write(command.toUtf8() + '\n');
}

double ClientProcess::signal(int signal)
{
    const double now = monotonicNow();
    if (isRunning())
        ::kill(pid_t(m_process->processId()), signal);
    return now;
}

void ClientProcess::kill()
{
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->kill(); // SIGKILL also ends a stopped process
        m_process->waitForFinished(5000);
    }
    readLines();
    m_stderr += m_process->readAllStandardError();
}

bool ClientProcess::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

void ClientProcess::readLines()
{
    if (!m_process)
        return;
    m_buffer += m_process->readAllStandardOutput();
    qsizetype end;
    while ((end = m_buffer.indexOf('\n')) >= 0) {
        const QByteArray line = m_buffer.left(end);
        m_buffer.remove(0, end + 1);
        const QJsonObject object = QJsonDocument::fromJson(line).object();
        if (object.isEmpty())
            continue;
        m_events.append(object);
        if (object.value(QStringLiteral("event")).toString() == QLatin1String("sample")) {
            m_lastSample = object;
            m_samples.append(object);
            if (m_samples.size() > 200)
                m_samples.remove(0, m_samples.size() - 100);
        }
        emit lineReceived(object);
    }
}

std::optional<QJsonObject>
ClientProcess::find(const QString &event, qsizetype from,
                    const std::function<bool(const QJsonObject &)> &match) const
{
    for (qsizetype i = std::max<qsizetype>(0, from); i < m_events.size(); ++i) {
        const QJsonObject &line = m_events.at(i);
        if (line.value(QStringLiteral("event")).toString() == event && (!match || match(line)))
            return line;
    }
    return std::nullopt;
}

bool ClientProcess::waitFor(const QString &event, int timeoutMs, qsizetype from,
                            const std::function<bool(const QJsonObject &)> &match)
{
    return waitUntil([&] { return find(event, from, match).has_value(); }, timeoutMs);
}

QList<QJsonObject> ClientProcess::lastSamples(int count) const
{
    return m_samples.mid(std::max<qsizetype>(0, m_samples.size() - count));
}

QString ClientProcess::describe(int lines) const
{
    // The newest lines, but only the latest few samples among them.
    QStringList picked;
    int samples = 0;
    for (qsizetype i = m_events.size() - 1; i >= 0 && picked.size() < lines; --i) {
        const QJsonObject &line = m_events.at(i);
        if (line.value(QStringLiteral("event")).toString() == QLatin1String("sample")
            && ++samples > 2)
            continue;
        picked.prepend(QString::fromUtf8(QJsonDocument(line).toJson(QJsonDocument::Compact)));
    }
    return m_options.name + QStringLiteral(" (newest last):\n") + picked.join(QLatin1Char('\n'))
        + QStringLiteral("\nstderr: ") + QString::fromUtf8(m_stderr.right(2000));
}

QString startInOrder(const QList<ClientProcess *> &clients,
                     const QList<ClientProcess::Options> &options, int timeoutMs)
{
    for (qsizetype i = 0; i < clients.size(); ++i) {
        ClientProcess &client = *clients.at(i);
        if (!client.start(options.at(i)))
            return QStringLiteral("%1 did not start\n%2")
                .arg(options.at(i).name, client.describe());
        if (!client.waitFor(QStringLiteral("joined"), timeoutMs))
            return QStringLiteral("%1 did not get in\n%2")
                .arg(options.at(i).name, client.describe());
    }
    return {};
}

QString uniqueRoomId(const QString &prefix)
{
    static int counter = 0;
    return QStringLiteral("%1-%2-%3-%4")
        .arg(prefix)
        .arg(QCoreApplication::applicationPid())
        .arg(QRandomGenerator::global()->bounded(1000000))
        .arg(++counter);
}

QList<ClientProcess::Options> aliceBobAndCarol(const QUrl &url, const QString &room)
{
    QList<ClientProcess::Options> options;
    for (const char *name : {"alice", "bob", "carol"}) {
        ClientProcess::Options o;
        o.url = url;
        o.room = room;
        o.name = QString::fromLatin1(name);
        o.clientId = o.name;
        o.create = options.isEmpty();
        options.append(o);
    }
    return options;
}

QString str(const QJsonObject &line, const char *key)
{
    return line.value(QLatin1String(key)).toString();
}

double num(const QJsonObject &line, const char *key)
{
    return line.value(QLatin1String(key)).toDouble();
}

bool flag(const QJsonObject &line, const char *key)
{
    return line.value(QLatin1String(key)).toBool();
}

} // namespace lockstep::test
