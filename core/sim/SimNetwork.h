#pragma once

#include "Scheduler.h"
#include "client/ClientTransport.h"
#include "server/Transport.h"

#include <QRandomGenerator>

#include <unordered_map>

namespace lockstep::server {
class ServerCore;
}

namespace lockstep::sim {

// One participant's path to the server. WebSocket runs over TCP, so frames
// are never lost or reordered: a lost packet shows up as a retransmission
// delay for that frame and everything behind it.
struct LinkProfile {
    double up = 0.001; // s, client -> server one-way delay
    double down = 0.001; // s, server -> client
    double jitter = 0.0; // s, +/- uniform per frame and direction
    double loss = 0.0; // probability a frame needs a retransmission
    double retransmitDelay = 0.200; // s added by a retransmission (TCP's minimum RTO)
};

class SimClientTransport;

// The simulated network between one ServerCore and many clients. It is the
// server's Transport; clients reach it through SimClientTransport.
class SimNetwork final : public server::Transport
{
public:
    SimNetwork(Scheduler &scheduler, quint32 seed = 1);

    void attachServer(server::ServerCore *server) { m_server = server; }
    Scheduler &scheduler() { return m_scheduler; }

    // Server -> client.
    void sendText(server::ConnectionId id, const QByteArray &frame) override;
    void closeConnection(server::ConnectionId id, quint16 code, const QString &reason) override;

    // Client side.
    server::ConnectionId open(SimClientTransport *client, const LinkProfile &link);
    void clientSend(server::ConnectionId id, const QByteArray &frame);
    void clientClose(server::ConnectionId id);
    // The link fails silently, as when a cable is pulled: the client notices
    // after `clientNotice` s, the server after `serverNotice` s (keepalive).
    void cut(server::ConnectionId id, double clientNotice, double serverNotice);
    // While down, every new connection fails after its connect delay.
    void setServerReachable(bool reachable) { m_reachable = reachable; }

    quint64 framesDelivered() const { return m_delivered; }

private:
    struct Link {
        SimClientTransport *client = nullptr;
        LinkProfile profile;
        double lastUp = 0.0; // in-order delivery per direction
        double lastDown = 0.0;
        bool serverSide = false; // the server knows this connection
        bool alive = true;
    };

    double delay(Link &link, bool up);

    Scheduler &m_scheduler;
    server::ServerCore *m_server = nullptr;
    std::unordered_map<server::ConnectionId, Link> m_links;
    server::ConnectionId m_nextId = 1;
    QRandomGenerator m_random;
    bool m_reachable = true;
    quint64 m_delivered = 0;
};

class SimClientTransport final : public client::ClientTransport
{
    Q_OBJECT

public:
    SimClientTransport(SimNetwork &network, LinkProfile link, QObject *parent = nullptr);

    void open(const QUrl &url) override;
    void close() override;
    bool isOpen() const override { return m_open; }
    void sendText(const QByteArray &frame) override;

    LinkProfile &link() { return m_link; }
    server::ConnectionId connectionId() const { return m_id; }
    // Called by the network.
    void deliverOpened(server::ConnectionId id);
    void deliverText(server::ConnectionId id, const QByteArray &frame);
    void deliverClosed(server::ConnectionId id, quint16 code, const QString &reason);
    // A stopped process reads nothing: frames wait in the socket until it runs again.
    void setFrozen(bool frozen);

private:
    SimNetwork &m_network;
    bool m_frozen = false;
    QList<QByteArray> m_held;
    LinkProfile m_link;
    server::ConnectionId m_id = 0;
    bool m_open = false;
};

} // namespace lockstep::sim
