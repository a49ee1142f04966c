#include "SimWorld.h"

namespace lockstep::sim {

SimWorld::SimWorld(quint32 seed, const server::ServerLimits &limits)
    : m_network(m_scheduler, seed), m_server(std::make_unique<server::ServerCore>(
                                        limits, m_scheduler.clock(), m_tokens, m_network))
{
    m_network.attachServer(m_server.get());
    m_scheduler.every(0.1, [server = m_server.get()] { server->tick(); });
}

SimWorld::~SimWorld()
{
    m_participants.clear();
    m_network.attachServer(nullptr);
}

SimParticipant &SimWorld::add(const QString &name, double clockOffset, const LinkProfile &link,
                              const PlayerProfile &player, const sync::SyncConfig &config)
{
    m_participants.push_back(
        std::make_unique<SimParticipant>(m_network, name, clockOffset, link, player, config));
    return *m_participants.back();
}

void SimWorld::remove(SimParticipant &participant)
{
    participant.client().leave();
    std::erase_if(m_participants, [&](const auto &p) { return p.get() == &participant; });
}

std::optional<double> SimWorld::roomPosition(const QString &room) const
{
    const server::Room *r = m_server->room(room);
    if (!r)
        return std::nullopt;
    return r->timeline.positionAt(m_scheduler.now());
}

} // namespace lockstep::sim
