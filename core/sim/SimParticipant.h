#pragma once

#include "Scheduler.h"
#include "SimNetwork.h"
#include "SimPlayer.h"
#include "client/SessionClient.h"
#include "sync/SyncController.h"

#include <memory>

namespace lockstep::sim {

// One simulated viewer: its own clock (offset from the server's), its link,
// a protocol client, a simulated player and the sync engine, ticked like the app.
class SimParticipant
{
public:
    SimParticipant(SimNetwork &network, const QString &name, double clockOffset,
                   const LinkProfile &link, const PlayerProfile &player = {},
                   const sync::SyncConfig &config = {});
    ~SimParticipant();

    static constexpr double kTickInterval = 0.050;

    // `media`: what the room watches (its duration makes the server pause
    // the room at the end).
    void create(const QString &room, const protocol::Json &options = protocol::Json::object(),
                const std::optional<protocol::MediaInfo> &media = std::nullopt);
    void join(const QString &room);
    // The whole process stops for `seconds` (SIGSTOP, a closed laptop lid):
    // no ticks, no frames read. On waking its timers fire before it reads.
    void freeze(double seconds);

    const QString &name() const { return m_name; }
    client::SessionClient &client() { return *m_client; }
    sync::SyncController &controller() { return *m_controller; }
    SimPlayer &player() { return *m_player; }
    SimClientTransport &transport() { return *m_transport; }
    const OffsetClock &clock() const { return m_clock; }
    // Actual position of the picture, and its error against a timeline.
    double truePosition() const { return m_player->truePosition(); }

private:
    QString m_name;
    OffsetClock m_clock;
    SimClientTransport *m_transport = nullptr; // owned by m_client
    std::unique_ptr<SimPlayer> m_player;
    std::unique_ptr<client::SessionClient> m_client;
    std::unique_ptr<sync::SyncController> m_controller;
    std::shared_ptr<bool> m_alive = std::make_shared<bool>(true);
    double m_frozenUntil = 0.0; // scheduler time
    Scheduler &m_scheduler;
};

} // namespace lockstep::sim
