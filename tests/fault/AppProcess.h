#pragma once

// The real app under test: one `lockstep` process (offscreen) with folders
// of its own, read through its --sync-log. Shared by the tests that start
// the app itself (tst_fault_app, tst_stream_app).
#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

namespace lockstep::test {

class AppProcess
{
public:
    // `folder` becomes the app's HOME, settings and data folder.
    AppProcess(const QString &name, const QString &folder);
    ~AppProcess();
    AppProcess(const AppProcess &) = delete;
    AppProcess &operator=(const AppProcess &) = delete;

    // Starts the app with `arguments` plus --name and --sync-log.
    bool start(const QStringList &arguments);
    // Sends a signal (SIGSTOP, SIGCONT) while it runs.
    void signal(int number);
    // SIGKILL (after a SIGCONT, should it be stopped), and waits for the end.
    void kill();

    // Every line of the sync log so far.
    const QList<QJsonObject> &lines();
    // The first line from index `from` on that `match` accepts, waiting up
    // to `timeoutMs` for it.
    std::optional<QJsonObject> waitFor(const std::function<bool(const QJsonObject &)> &match,
                                       int timeoutMs, qsizetype from = 0);
    // The index the next line will have.
    qsizetype mark() { return lines().size(); }
    // The last lines of the log and of the output, for failure messages.
    QString describe();

private:
    QString m_name;
    QString m_folder;
    QString m_log;
    std::unique_ptr<QProcess> m_process;
    QByteArray m_output;
    QByteArray m_pending;
    qint64 m_read = 0;
    QList<QJsonObject> m_lines;
};

// A free TCP port on this machine (for the host app's --port).
quint16 freePort();
// The invite link a host app writes to its --invite-file, once it is there;
// empty if it is not within `timeoutMs`.
QString waitForInviteLink(const QString &inviteFile, int timeoutMs);

// Fields of a sync-log line.
bool flagOf(const QJsonObject &line, const char *key);
double numberOf(const QJsonObject &line, const char *key);
QString textOf(const QJsonObject &line, const char *key);
// In the room, the timeline playing, and the player "in sync" within 50 ms.
bool playingInStep(const QJsonObject &line);

} // namespace lockstep::test
