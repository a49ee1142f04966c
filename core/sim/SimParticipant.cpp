#include "SimParticipant.h"

#include <QCryptographicHash>

namespace lockstep::sim {

SimParticipant::SimParticipant(SimNetwork &network, const QString &name, double clockOffset,
                               const LinkProfile &link, const PlayerProfile &player,
                               const sync::SyncConfig &config)
    : m_name(name), m_clock(network.scheduler().clock(), clockOffset),
      m_scheduler(network.scheduler())
{
    auto transport = std::make_unique<SimClientTransport>(network, link);
    m_transport = transport.get();
    m_player = std::make_unique<SimPlayer>(m_clock, player);
    m_client = std::make_unique<client::SessionClient>(m_clock, std::move(transport));
    m_client->setClientId(QStringLiteral("sim-") + name);
    const QByteArray digest = QCryptographicHash::hash(name.toUtf8(), QCryptographicHash::Sha1);
    m_client->setRandomSeed(quint32(digest.at(0)) << 8 | quint8(digest.at(1)));
    m_controller = std::make_unique<sync::SyncController>(m_clock, *m_client, *m_player, config);
    network.scheduler().every(kTickInterval, [this, alive = std::weak_ptr<bool>(m_alive)] {
        if (alive.expired() || m_scheduler.clock().now() < m_frozenUntil)
            return;
        m_client->tick();
        m_controller->tick();
    });
}

void SimParticipant::freeze(double seconds)
{
    m_frozenUntil = m_scheduler.clock().now() + seconds;
    m_transport->setFrozen(true);
    m_scheduler.at(m_frozenUntil, [this, alive = std::weak_ptr<bool>(m_alive)] {
        if (alive.expired())
            return;
        m_client->tick();
        m_controller->tick();
        m_transport->setFrozen(false);
    });
}

SimParticipant::~SimParticipant() = default;

void SimParticipant::create(const QString &room, const protocol::Json &options,
                            const std::optional<protocol::MediaInfo> &media)
{
    client::SessionSpec spec;
    spec.server = QUrl(QStringLiteral("ws://sim/"));
    spec.room = room;
    spec.name = m_name;
    spec.create = true;
    spec.createParams.options = options;
    if (media) {
        spec.createParams.media = media;
        spec.createParams.mediaUrl = media->name;
    }
    m_client->start(spec);
}

void SimParticipant::join(const QString &room)
{
    client::SessionSpec spec;
    spec.server = QUrl(QStringLiteral("ws://sim/"));
    spec.room = room;
    spec.name = m_name;
    m_client->start(spec);
}

} // namespace lockstep::sim
