#pragma once

#include "Scheduler.h"
#include "SimNetwork.h"
#include "SimParticipant.h"
#include "auth/TokenService.h"
#include "server/ServerCore.h"

#include <deque>
#include <memory>

namespace lockstep::sim {

// A whole watch party in virtual time: the real server core, the simulated
// network, and any number of simulated participants.
class SimWorld
{
public:
    explicit SimWorld(quint32 seed = 1, const server::ServerLimits &limits = {});
    ~SimWorld();

    Scheduler &scheduler() { return m_scheduler; }
    SimNetwork &network() { return m_network; }
    server::ServerCore &server() { return *m_server; }
    const server::ServerCore &server() const { return *m_server; }
    double now() const { return m_scheduler.now(); }

    SimParticipant &add(const QString &name, double clockOffset, const LinkProfile &link,
                        const PlayerProfile &player = {}, const sync::SyncConfig &config = {});
    std::deque<std::unique_ptr<SimParticipant>> &participants() { return m_participants; }
    void remove(SimParticipant &participant);

    void run(double seconds) { m_scheduler.runFor(seconds); }
    // The authoritative timeline position of a room now (ground truth).
    std::optional<double> roomPosition(const QString &room) const;

private:
    Scheduler m_scheduler;
    SimNetwork m_network;
    auth::TokenService m_tokens;
    std::unique_ptr<server::ServerCore> m_server;
    std::deque<std::unique_ptr<SimParticipant>> m_participants;
};

} // namespace lockstep::sim
