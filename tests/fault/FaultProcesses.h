#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QProcess>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

namespace lockstep::test {

// The system-wide monotonic clock in seconds: the clock fault_client stamps
// its lines with, so a test can compare them with when it did something.
double monotonicNow();

// Runs the event loop until `done` holds or `timeoutMs` has passed, checking
// after every batch of events and at least every 10 ms. Returns done().
bool waitUntil(const std::function<bool()> &done, int timeoutMs);

// Runs a short command to completion (ip, nginx -t); true on exit status 0.
bool runCommand(const QString &program, const QStringList &arguments, QByteArray *output = nullptr,
                int timeoutMs = 10000);

// Makes a child process die with the test process, whatever ends it.
void dieWithParent(QProcess &process);

// One lockstep-server process, its standard error kept as its log.
class ServerProcess : public QObject
{
    Q_OBJECT

public:
    explicit ServerProcess(QObject *parent = nullptr);
    ~ServerProcess() override;

    // Starts the server on `host`:`port` (0: a free port) and waits until it
    // logs that it is ready.
    bool start(const QString &host, quint16 port, const QStringList &extra = {});
    // SIGKILL, and waits for the process to be gone.
    void kill();
    bool isRunning() const;
    qint64 pid() const;

    quint16 port() const { return m_port; }
    QString host() const { return m_host; }
    // ws://HOST:PORT/?room=ROOM
    QUrl url(const QString &room) const;
    // Everything the server logged since its last start().
    const QByteArray &log() const { return m_log; }
    // The log of earlier runs too (for failure messages).
    QByteArray fullLog() const { return m_previousLogs + m_log; }

private:
    std::unique_ptr<QProcess> m_process;
    QByteArray m_log;
    QByteArray m_previousLogs;
    QString m_host;
    quint16 m_port = 0;
};

// One fault_client process: the lines it printed, parsed, and a way to give
// it commands and signals.
class ClientProcess : public QObject
{
    Q_OBJECT

public:
    struct Options {
        QUrl url;
        QString room;
        QString name;
        QString clientId;
        bool create = false;
        QString inviteToken; // for an invite-only room (one hosted in the app)
        QString fingerprint; // the invite's fp: the only certificate to accept
        // Runs fault_client through this command line (e.g. ip netns exec NS).
        QStringList prefix;
    };

    explicit ClientProcess(QObject *parent = nullptr);
    ~ClientProcess() override;

    // Starts the process and waits for its first line.
    bool start(const Options &options);
    void send(const QString &command);
    // Sends a signal (SIGKILL, SIGSTOP, SIGCONT); returns the monotonic time just before.
    double signal(int signal);
    void kill();
    bool isRunning() const;

    QString clientId() const { return m_options.clientId; }
    QString name() const { return m_options.name; }

    // Every line so far, in order; `mark()` is the index the next line will get.
    const QList<QJsonObject> &events() const { return m_events; }
    qsizetype mark() const { return m_events.size(); }
    // The first event named `event` at or after index `from` that `match` accepts.
    std::optional<QJsonObject> find(const QString &event, qsizetype from = 0,
                                    const std::function<bool(const QJsonObject &)> &match
                                    = {}) const;
    bool waitFor(const QString &event, int timeoutMs, qsizetype from = 0,
                 const std::function<bool(const QJsonObject &)> &match = {});
    // The latest `sample` line (empty before the first).
    QJsonObject lastSample() const { return m_lastSample; }
    // The last `count` samples, oldest first.
    QList<QJsonObject> lastSamples(int count) const;
    // The last lines and the standard error, for failure messages.
    QString describe(int lines = 12) const;

signals:
    void lineReceived(const QJsonObject &line);

private:
    void readLines();

    Options m_options;
    std::unique_ptr<QProcess> m_process;
    QByteArray m_buffer;
    QByteArray m_stderr;
    QList<QJsonObject> m_events;
    QList<QJsonObject> m_samples;
    QJsonObject m_lastSample;
};

// Starts each client with its options, in order, each once the one before is
// in the room: the first creates the room and hosts it, and the join order
// is the list's. Returns what went wrong, or an empty string.
QString startInOrder(const QList<ClientProcess *> &clients,
                     const QList<ClientProcess::Options> &options, int timeoutMs = 10000);

// A room id no other run of the tests uses.
QString uniqueRoomId(const QString &prefix);

// Options for alice (who creates the room), bob and carol, in that order,
// joining `room` at `url`; each one's client id is its name.
QList<ClientProcess::Options> aliceBobAndCarol(const QUrl &url, const QString &room);

// Fields of a fault_client line.
QString str(const QJsonObject &line, const char *key);
double num(const QJsonObject &line, const char *key);
bool flag(const QJsonObject &line, const char *key);

} // namespace lockstep::test
