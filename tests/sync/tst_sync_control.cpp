// Who may control playback, as the sync engine reads it from the room's
// options: a SessionClient fed room_state frames by hand, over a transport
// the test plays the server through.
#include "client/ClientTransport.h"
#include "client/SessionClient.h"
#include "protocol/Clock.h"
#include "sync/SyncController.h"

#include <QTest>

#include <memory>

using namespace lockstep;

namespace {

class ScriptedTransport final : public client::ClientTransport
{
public:
    void open(const QUrl &) override
    {
        m_open = true;
        emit opened();
    }
    void close() override { m_open = false; }
    bool isOpen() const override { return m_open; }
    void sendText(const QByteArray &frame) override { sent.append(frame); }

    void receive(const QByteArray &frame) { emit textReceived(frame); }

    QList<QByteArray> sent;

private:
    bool m_open = false;
};

class StillPlayer final : public sync::PlayerBackend
{
public:
    State state() const override { return State::Paused; }
    double position() const override { return 0.0; }
    double duration() const override { return 60.0; }
    double playbackRate() const override { return 1.0; }
    void play() override { }
    void pause() override { }
    void seek(double) override { }
    void setPlaybackRate(double) override { }
    bool smoothRateChanges() const override { return true; }
};

QByteArray roomState(const QByteArray &options, const QByteArray &hostId)
{
    return R"({"type":"room_state","room":"r1","client":"me","server_ts":1700000000.0,)"
           R"("payload":{"room":"r1","host_id":")"
        + hostId + R"(","options":)" + options
        + R"(,"state":{"position":0.0,"play_state":"paused"},)"
          R"("participants":[{"client_id":"me","name":"Me","is_host":false}]}})";
}

struct Member {
    Member()
        : transport(new ScriptedTransport),
          client(clock, std::unique_ptr<client::ClientTransport>(transport)),
          controller(clock, client, player)
    {
        client::SessionSpec spec;
        spec.server = QUrl(QStringLiteral("ws://example.invalid/"));
        spec.room = QStringLiteral("r1");
        spec.name = QStringLiteral("Me");
        client.start(spec);
    }

    protocol::ManualClock clock;
    ScriptedTransport *transport;
    client::SessionClient client;
    StillPlayer player;
    sync::SyncController controller;
};

} // namespace

class TestSyncControl : public QObject
{
    Q_OBJECT

private slots:
    void everyoneControlsARoomThatSaysSo();
    void onlyTheHostControlsAHostOnlyRoom();
    void unreadableOptionsLeaveControlToTheHost();
};

void TestSyncControl::everyoneControlsARoomThatSaysSo()
{
    Member m;
    m.transport->receive(roomState(R"({"control":"everyone"})", "someone-else"));
    QVERIFY(m.client.inRoom());
    QVERIFY(m.controller.canControl());
}

void TestSyncControl::onlyTheHostControlsAHostOnlyRoom()
{
    Member m;
    m.transport->receive(roomState(R"({"control":"host"})", "someone-else"));
    QVERIFY(m.client.inRoom());
    QVERIFY(!m.controller.canControl());
    QVERIFY(!m.controller.play());
}

void TestSyncControl::unreadableOptionsLeaveControlToTheHost()
{
    // A control mode this client does not know: it must not take it for
    // "everyone" (its actions would be refused by a host-only room).
    Member guest;
    guest.transport->receive(roomState(R"({"control":42})", "someone-else"));
    QVERIFY(guest.client.inRoom());
    QVERIFY(!guest.controller.canControl());

    Member host;
    host.transport->receive(
        roomState(R"({"control":"sometimes"})", host.client.clientId().toUtf8()));
    QVERIFY(host.client.inRoom());
    QVERIFY(host.controller.canControl());
}

QTEST_GUILESS_MAIN(TestSyncControl)
#include "tst_sync_control.moc"
