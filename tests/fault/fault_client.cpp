// fault_client: one headless participant for the fault tests, as its own
// process. The real SessionClient (over a real WebSocket) and SyncController
// drive a simulated player that runs on the real clock. It prints one JSON
// line per event on standard output, every line stamped with `mono`, the
// system-wide monotonic clock in seconds, so that a test can put the lines of
// several processes on one time axis. Commands arrive one per line on
// standard input: `play`, `pause`, `seek SECONDS`, `leave`; the process ends
// when standard input closes (its test is gone).
#include "client/SessionClient.h"
#include "client/WebSocketTransport.h"
#include "protocol/Clock.h"
#include "sim/SimPlayer.h"
#include "sync/SyncController.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QMetaEnum>
#include <QSocketNotifier>
#include <QTimer>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <unistd.h>

using namespace lockstep;

namespace {

double monotonicSeconds()
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

QString text(std::string_view view)
{
    return QString::fromUtf8(view.data(), qsizetype(view.size()));
}

void emitLine(const QString &event, QJsonObject fields = {})
{
    fields.insert(QStringLiteral("event"), event);
    fields.insert(QStringLiteral("mono"), monotonicSeconds());
    const QByteArray line = QJsonDocument(fields).toJson(QJsonDocument::Compact) + '\n';
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fflush(stdout);
}

QString stateName(client::SessionClient::State state)
{
    return QString::fromLatin1(
        QMetaEnum::fromType<client::SessionClient::State>().valueToKey(int(state)));
}

QString activityName(sync::SyncActivity activity)
{
    switch (activity) {
    case sync::SyncActivity::NotInRoom:
        return QStringLiteral("not_in_room");
    case sync::SyncActivity::NoMedia:
        return QStringLiteral("no_media");
    case sync::SyncActivity::Paused:
        return QStringLiteral("paused");
    case sync::SyncActivity::InSync:
        return QStringLiteral("in_sync");
    case sync::SyncActivity::Nudging:
        return QStringLiteral("nudging");
    case sync::SyncActivity::Seeking:
        return QStringLiteral("seeking");
    case sync::SyncActivity::Buffering:
        return QStringLiteral("buffering");
    }
    return {};
}

std::unique_ptr<client::WebSocketTransport> pinnedTransport(const QByteArray &sha256)
{
    auto transport = std::make_unique<client::WebSocketTransport>();
    transport->setPinnedCertificate(sha256);
    return transport;
}

class Participant : public QObject
{
public:
    Participant(const client::SessionSpec &spec, const QString &clientId, int sampleMs,
                const QByteArray &pinnedCertificate)
        : m_player(m_clock), m_client(m_clock, pinnedTransport(pinnedCertificate)),
          m_sync(m_clock, m_client, m_player)
    {
        if (!clientId.isEmpty())
            m_client.setClientId(clientId);
        wire();
        connect(&m_tick, &QTimer::timeout, this, [this] {
            m_client.tick();
            m_sync.tick();
        });
        m_tick.setTimerType(Qt::PreciseTimer);
        m_tick.start(50);
        connect(&m_sample, &QTimer::timeout, this, &Participant::sample);
        m_sample.setTimerType(Qt::PreciseTimer);
        m_sample.start(sampleMs);
        emitLine(QStringLiteral("started"),
                 {{QStringLiteral("client"), m_client.clientId()},
                  {QStringLiteral("pid"), qint64(QCoreApplication::applicationPid())}});
        m_client.start(spec);
    }

    void command(const QString &line)
    {
        const QStringList words = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (words.isEmpty())
            return;
        const QString verb = words.first();
        bool accepted = true;
        if (verb == QLatin1String("play"))
            accepted = m_sync.play();
        else if (verb == QLatin1String("pause"))
            accepted = m_sync.pause();
        else if (verb == QLatin1String("seek") && words.size() == 2)
            accepted = m_sync.seek(words.at(1).toDouble());
        else if (verb == QLatin1String("speed") && words.size() == 2)
            accepted = m_sync.setSpeed(words.at(1).toDouble());
        else if (verb == QLatin1String("leave"))
            m_client.leave();
        else
            accepted = false;
        emitLine(QStringLiteral("action"),
                 {{QStringLiteral("command"), line.trimmed()},
                  {QStringLiteral("accepted"), accepted},
                  {QStringLiteral("position"), m_player.position()},
                  {QStringLiteral("in_room"), m_client.inRoom()},
                  {QStringLiteral("pending"), m_client.hasPendingAction()}});
    }

private:
    void wire()
    {
        using client::SessionClient;
        connect(&m_client, &SessionClient::stateChanged, this, [this](SessionClient::State state) {
            // "attempts": reconnection attempts since the last time in the room.
            emitLine(QStringLiteral("state"),
                     {{QStringLiteral("state"), stateName(state)},
                      {QStringLiteral("attempts"), m_client.reconnectAttempts()}});
        });
        connect(&m_client, &SessionClient::joined, this,
                [this](const protocol::RoomState &room, double, bool rejoined) {
                    emitLine(QStringLiteral("joined"),
                             {{QStringLiteral("client"), m_client.clientId()},
                              {QStringLiteral("room"), room.room},
                              {QStringLiteral("host"), room.hostId},
                              {QStringLiteral("rejoined"), rejoined},
                              {QStringLiteral("position"), room.state.position},
                              {QStringLiteral("play_state"),
                               text(protocol::playStateName(room.state.playState))},
                              {QStringLiteral("participants"), int(room.participants.size())}});
                });
        connect(&m_client, &SessionClient::joinFailed, this, [](const protocol::Error &error) {
            emitLine(
                QStringLiteral("join_failed"),
                {{QStringLiteral("code"), error.code}, {QStringLiteral("message"), error.message}});
        });
        connect(&m_client, &SessionClient::ended, this, [](const client::SessionEnd &end) {
            emitLine(QStringLiteral("ended"),
                     {{QStringLiteral("reason"), int(end.reason)},
                      {QStringLiteral("code"), int(end.closeCode)},
                      {QStringLiteral("detail"), end.detail}});
        });
        connect(&m_client, &SessionClient::connectionLost, this,
                [](const client::ConnectionLoss &loss) {
                    emitLine(QStringLiteral("connection_lost"),
                             {{QStringLiteral("cause"), int(loss.cause)},
                              {QStringLiteral("code"), int(loss.closeCode)},
                              {QStringLiteral("reason"), loss.detail}});
                });
        connect(&m_client, &SessionClient::clientJoined, this,
                [](const QString &clientId, const QString &name) {
                    emitLine(
                        QStringLiteral("client_joined"),
                        {{QStringLiteral("client"), clientId}, {QStringLiteral("name"), name}});
                });
        connect(&m_client, &SessionClient::clientLeft, this,
                [](const QString &clientId, const QString &name) {
                    emitLine(
                        QStringLiteral("client_left"),
                        {{QStringLiteral("client"), clientId}, {QStringLiteral("name"), name}});
                });
        connect(&m_client, &SessionClient::hostChanged, this,
                [](const QString &hostId, const QString &previous) {
                    emitLine(
                        QStringLiteral("host_change"),
                        {{QStringLiteral("host"), hostId}, {QStringLiteral("previous"), previous}});
                });
        connect(&m_client, &SessionClient::playerEventReceived, this,
                [](const QString &from, const protocol::PlayerEvent &event, double serverTs) {
                    emitLine(
                        QStringLiteral("player_event"),
                        {{QStringLiteral("from"), from},
                         {QStringLiteral("action"), text(protocol::playerActionName(event.action))},
                         {QStringLiteral("position"), event.position},
                         {QStringLiteral("server_ts"), serverTs}});
                });
        connect(&m_client, &SessionClient::errorReceived, this, [](const protocol::Error &error) {
            emitLine(
                QStringLiteral("error"),
                {{QStringLiteral("code"), error.code}, {QStringLiteral("message"), error.message}});
        });
    }

    void sample()
    {
        const sync::SyncSnapshot s = m_sync.snapshot();
        emitLine(QStringLiteral("sample"),
                 {{QStringLiteral("state"), stateName(m_client.state())},
                  {QStringLiteral("in_room"), m_client.inRoom()},
                  {QStringLiteral("room"), m_client.roomId()},
                  {QStringLiteral("host"), m_client.hostId()},
                  {QStringLiteral("has_timeline"), m_sync.hasTimeline()},
                  {QStringLiteral("timeline_playing"), m_sync.timeline().isPlaying()},
                  {QStringLiteral("player_playing"),
                   m_player.state() == sync::PlayerBackend::State::Playing},
                  {QStringLiteral("position"), s.position},
                  {QStringLiteral("expected"), s.expected},
                  {QStringLiteral("error"), s.error},
                  {QStringLiteral("rtt"), s.rtt},
                  {QStringLiteral("activity"), activityName(s.activity)}});
    }

    protocol::SystemClock m_clock;
    sim::SimPlayer m_player;
    client::SessionClient m_client;
    sync::SyncController m_sync;
    QTimer m_tick;
    QTimer m_sample;
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("A headless Lockstep participant printing JSON lines."));
    parser.addHelpOption();
    const QCommandLineOption url(QStringLiteral("url"), QStringLiteral("Server URL."),
                                 QStringLiteral("url"));
    const QCommandLineOption room(QStringLiteral("room"), QStringLiteral("Room id."),
                                  QStringLiteral("id"));
    const QCommandLineOption name(QStringLiteral("name"), QStringLiteral("Display name."),
                                  QStringLiteral("name"), QStringLiteral("fault"));
    const QCommandLineOption clientId(QStringLiteral("client-id"),
                                      QStringLiteral("Client id (default: a random UUID)."),
                                      QStringLiteral("id"));
    const QCommandLineOption create(QStringLiteral("create"),
                                    QStringLiteral("Create the room instead of joining it."));
    const QCommandLineOption sampleMs(QStringLiteral("sample-ms"),
                                      QStringLiteral("Milliseconds between samples."),
                                      QStringLiteral("ms"), QStringLiteral("100"));
    const QCommandLineOption invite(QStringLiteral("invite"),
                                    QStringLiteral("Invite token, for an invite-only room."),
                                    QStringLiteral("token"));
    const QCommandLineOption fingerprint(
        QStringLiteral("fp"),
        QStringLiteral("The invite's certificate fingerprint (base64url SHA-256): accept that "
                       "certificate only."),
        QStringLiteral("fp"));
    parser.addOptions({url, room, name, clientId, create, sampleMs, invite, fingerprint});
    parser.process(app);
    if (!parser.isSet(url) || !parser.isSet(room)) {
        std::fputs("fault_client: --url and --room are required\n", stderr);
        return 2;
    }

    client::SessionSpec spec;
    spec.server = QUrl(parser.value(url));
    spec.room = parser.value(room);
    spec.name = parser.value(name);
    spec.create = parser.isSet(create);
    spec.inviteToken = parser.value(invite);
    const QByteArray pinned
        = QByteArray::fromBase64(parser.value(fingerprint).toLatin1(),
                                 QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    if (parser.isSet(fingerprint) && pinned.size() != 32) {
        std::fputs("fault_client: --fp must be 43 base64url characters\n", stderr);
        return 2;
    }
    Participant participant(spec, parser.value(clientId),
                            std::max(10, parser.value(sampleMs).toInt()), pinned);

    QSocketNotifier input(STDIN_FILENO, QSocketNotifier::Read);
    QByteArray buffer;
    QObject::connect(&input, &QSocketNotifier::activated, &app, [&] {
        char chunk[512];
        const ssize_t got = ::read(STDIN_FILENO, chunk, sizeof chunk);
        if (got <= 0) {
            input.setEnabled(false);
            QCoreApplication::quit();
            return;
        }
        buffer.append(chunk, qsizetype(got));
        qsizetype end;
        while ((end = buffer.indexOf('\n')) >= 0) {
            participant.command(QString::fromUtf8(buffer.left(end)));
            buffer.remove(0, end + 1);
        }
    });
    return app.exec();
}
