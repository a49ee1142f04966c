#include "SimNetwork.h"

#include <utility>

#include "server/ServerCore.h"

#include <algorithm>

namespace lockstep::sim {

SimNetwork::SimNetwork(Scheduler &scheduler, quint32 seed) : m_scheduler(scheduler), m_random(seed)
{
}

double SimNetwork::delay(Link &link, bool up)
{
    const LinkProfile &p = link.profile;
    double d = up ? p.up : p.down;
    if (p.jitter > 0.0)
        d += p.jitter * (2.0 * m_random.generateDouble() - 1.0);
    if (p.loss > 0.0 && m_random.generateDouble() < p.loss)
        d += std::max(p.retransmitDelay, 2.0 * (p.up + p.down));
    d = std::max(0.0, d);
    double &last = up ? link.lastUp : link.lastDown;
    const double at = std::max(m_scheduler.now() + d, last);
    last = at;
    return at;
}

server::ConnectionId SimNetwork::open(SimClientTransport *client, const LinkProfile &link)
{
    const server::ConnectionId id = m_nextId++;
    Link &l = m_links[id];
    l.client = client;
    l.profile = link;
    if (!m_reachable) {
        m_scheduler.after(link.up + link.down, [this, id] {
            const auto it = m_links.find(id);
            if (it == m_links.end())
                return;
            SimClientTransport *c = it->second.client;
            m_links.erase(it);
            c->deliverClosed(id, 1006, QStringLiteral("Connection refused"));
        });
        return id;
    }
    const double arrive = delay(l, true);
    m_scheduler.at(arrive, [this, id] {
        const auto it = m_links.find(id);
        if (it == m_links.end() || !it->second.alive || !m_server)
            return;
        it->second.serverSide = true;
        m_server->connectionOpened(id, QStringLiteral("sim:%1").arg(id));
        const double back = delay(it->second, false);
        m_scheduler.at(back, [this, id] {
            const auto link = m_links.find(id);
            if (link != m_links.end() && link->second.alive)
                link->second.client->deliverOpened(id);
        });
    });
    return id;
}

void SimNetwork::clientSend(server::ConnectionId id, const QByteArray &frame)
{
    const auto it = m_links.find(id);
    if (it == m_links.end() || !it->second.alive)
        return;
    m_scheduler.at(delay(it->second, true), [this, id, frame] {
        const auto link = m_links.find(id);
        if (link == m_links.end() || !link->second.alive || !link->second.serverSide || !m_server)
            return;
        ++m_delivered;
        m_server->textReceived(id, frame);
    });
}

void SimNetwork::sendText(server::ConnectionId id, const QByteArray &frame)
{
    const auto it = m_links.find(id);
    if (it == m_links.end() || !it->second.alive)
        return;
    m_scheduler.at(delay(it->second, false), [this, id, frame] {
        const auto link = m_links.find(id);
        if (link == m_links.end() || !link->second.alive)
            return;
        ++m_delivered;
        link->second.client->deliverText(id, frame);
    });
}

void SimNetwork::clientClose(server::ConnectionId id)
{
    const auto it = m_links.find(id);
    if (it == m_links.end())
        return;
    it->second.alive = false;
    const bool serverSide = it->second.serverSide;
    m_scheduler.at(delay(it->second, true), [this, id, serverSide] {
        m_links.erase(id);
        if (serverSide && m_server)
            m_server->connectionClosed(id);
    });
}

void SimNetwork::closeConnection(server::ConnectionId id, quint16 code, const QString &reason)
{
    const auto it = m_links.find(id);
    if (it == m_links.end() || !it->second.alive)
        return;
    it->second.alive = false;
    SimClientTransport *client = it->second.client;
    m_scheduler.at(delay(it->second, false),
                   [client, id, code, reason] { client->deliverClosed(id, code, reason); });
    // The server learns of its own close at once, as QWebSocket reports it.
    m_scheduler.after(0.0, [this, id] {
        m_links.erase(id);
        if (m_server)
            m_server->connectionClosed(id);
    });
}

void SimNetwork::cut(server::ConnectionId id, double clientNotice, double serverNotice)
{
    const auto it = m_links.find(id);
    if (it == m_links.end() || !it->second.alive)
        return;
    it->second.alive = false;
    SimClientTransport *client = it->second.client;
    const bool serverSide = it->second.serverSide;
    m_scheduler.after(clientNotice, [client, id] {
        client->deliverClosed(id, 1006, QStringLiteral("Connection lost"));
    });
    m_scheduler.after(serverNotice, [this, id, serverSide] {
        m_links.erase(id);
        if (serverSide && m_server)
            m_server->connectionClosed(id);
    });
}

// ---------------------------------------------------------------- client transport

SimClientTransport::SimClientTransport(SimNetwork &network, LinkProfile link, QObject *parent)
    : ClientTransport(parent), m_network(network), m_link(link)
{
}

void SimClientTransport::open(const QUrl &)
{
    m_open = false;
    m_id = m_network.open(this, m_link);
}

void SimClientTransport::close()
{
    if (m_id == 0)
        return;
    m_network.clientClose(m_id);
    m_id = 0;
    m_open = false;
}

void SimClientTransport::sendText(const QByteArray &frame)
{
    if (m_open)
        m_network.clientSend(m_id, frame);
}

void SimClientTransport::deliverOpened(server::ConnectionId id)
{
    if (id != m_id)
        return;
    m_open = true;
    emit opened();
}

void SimClientTransport::deliverText(server::ConnectionId id, const QByteArray &frame)
{
    if (id != m_id || !m_open)
        return;
    if (m_frozen)
        m_held.append(frame);
    else
        emit textReceived(frame);
}

void SimClientTransport::setFrozen(bool frozen)
{
    m_frozen = frozen;
    if (frozen)
        return;
    const QList<QByteArray> held = std::exchange(m_held, {});
    for (const QByteArray &frame : held) {
        if (m_open)
            emit textReceived(frame);
    }
}

void SimClientTransport::deliverClosed(server::ConnectionId id, quint16 code, const QString &reason)
{
    if (id != m_id)
        return;
    m_id = 0;
    m_open = false;
    emit closed(code, reason);
}

} // namespace lockstep::sim
