#include "AppProcess.h"

#include "FaultProcesses.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QTcpServer>

#include <algorithm>
#include <cmath>
#include <csignal>

namespace lockstep::test {

AppProcess::AppProcess(const QString &name, const QString &folder) : m_name(name), m_folder(folder)
{
    QDir().mkpath(folder);
    m_log = QDir(folder).filePath(QStringLiteral("sync.jsonl"));
}

AppProcess::~AppProcess()
{
    kill();
}

bool AppProcess::start(const QStringList &arguments)
{
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("HOME"), m_folder);
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_folder + QStringLiteral("/config"));
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_folder + QStringLiteral("/data"));
    env.remove(QStringLiteral("QT_LOGGING_RULES"));
    m_process->setProcessEnvironment(env);
    dieWithParent(*m_process);
    QObject::connect(m_process.get(), &QProcess::readyRead, m_process.get(),
                     [this] { m_output += m_process->readAll(); });
    m_process->start(
        QStringLiteral(LOCKSTEP_APP_BINARY),
        arguments
            + QStringList {QStringLiteral("--name"), m_name, QStringLiteral("--sync-log"), m_log});
    return m_process->waitForStarted(10000);
}

void AppProcess::signal(int number)
{
    if (m_process && m_process->state() != QProcess::NotRunning)
        ::kill(pid_t(m_process->processId()), number);
}

void AppProcess::kill()
{
    if (!m_process || m_process->state() == QProcess::NotRunning)
        return;
    signal(SIGCONT);
    m_process->kill();
    m_process->waitForFinished(5000);
}

const QList<QJsonObject> &AppProcess::lines()
{
    QFile file(m_log);
    if (file.open(QIODevice::ReadOnly)) {
        file.seek(m_read);
        m_pending += file.readAll();
        m_read = file.pos();
    }
    qsizetype end;
    while ((end = m_pending.indexOf('\n')) >= 0) {
        m_lines.append(QJsonDocument::fromJson(m_pending.left(end)).object());
        m_pending.remove(0, end + 1);
    }
    return m_lines;
}

std::optional<QJsonObject>
AppProcess::waitFor(const std::function<bool(const QJsonObject &)> &match, int timeoutMs,
                    qsizetype from)
{
    std::optional<QJsonObject> found;
    waitUntil(
        [&] {
            const QList<QJsonObject> &all = lines();
            for (qsizetype i = from; i < all.size(); ++i) {
                if (match(all.at(i))) {
                    found = all.at(i);
                    return true;
                }
            }
            return false;
        },
        timeoutMs);
    return found;
}

QString AppProcess::describe()
{
    QStringList text;
    const QList<QJsonObject> &all = lines();
    for (qsizetype i = std::max<qsizetype>(0, all.size() - 6); i < all.size(); ++i)
        text << QString::fromUtf8(QJsonDocument(all.at(i)).toJson(QJsonDocument::Compact));
    return m_name + QStringLiteral(" log:\n") + text.join(QLatin1Char('\n'))
        + QStringLiteral("\noutput:\n") + QString::fromUtf8(m_output.right(1500));
}

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::Any, 0);
    return probe.serverPort();
}

QString waitForInviteLink(const QString &inviteFile, int timeoutMs)
{
    QString link;
    waitUntil(
        [&] {
            QFile file(inviteFile);
            if (file.open(QIODevice::ReadOnly))
                link = QString::fromUtf8(file.readAll()).trimmed();
            return !link.isEmpty();
        },
        timeoutMs);
    return link;
}

bool flagOf(const QJsonObject &line, const char *key)
{
    return line.value(QLatin1String(key)).toBool();
}

double numberOf(const QJsonObject &line, const char *key)
{
    return line.value(QLatin1String(key)).toDouble();
}

QString textOf(const QJsonObject &line, const char *key)
{
    return line.value(QLatin1String(key)).toString();
}

bool playingInStep(const QJsonObject &line)
{
    return flagOf(line, "in_room") && flagOf(line, "timeline_playing")
        && textOf(line, "activity") == QLatin1String("in_sync")
        && std::abs(numberOf(line, "error_ms")) < 50.0;
}

} // namespace lockstep::test
