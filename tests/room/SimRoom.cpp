#include "SimRoom.h"

#include "room/InviteLink.h"

#include <QFile>
#include <QSettings>
#include <QStandardPaths>

namespace lockstep::test {

namespace {

constexpr double kTick = room::RoomSession::kTickMs / 1000.0;

} // namespace

void isolateSettings()
{
    QStandardPaths::setTestModeEnabled(true);
    static QTemporaryDir config;
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, config.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, config.path());
}

SimRoom::SimRoom(const protocol::Json &options)
    : world(11), player(world.scheduler().clock()), settings(std::make_unique<room::Settings>())
{
    alice = &world.add(QStringLiteral("alice"), 0.0, {});
    alice->create(kRoom, options);
    world.run(0.5);
    auto link = std::make_unique<sim::SimClientTransport>(world.network(), sim::LinkProfile {});
    transport = link.get();
    session
        = std::make_unique<room::RoomSession>(player, world.scheduler().clock(), std::move(link));
    playback = std::make_unique<room::PlaybackController>(*session, player, *settings);
    room = std::make_unique<room::RoomController>(*session, *playback);
    // The session's own timer runs on real time, which a test never spins;
    // tick it on the virtual clock instead, as the app's timer would.
    world.scheduler().every(kTick, [session = session.get()] { session->tick(); });
}

bool SimRoom::join()
{
    session->join(room::InviteLink(QUrl(QStringLiteral("ws://sim/")), kRoom),
                  QStringLiteral("Bob"));
    for (int i = 0; i < 100 && !session->connection().inRoom(); ++i)
        world.run(0.05);
    world.run(0.5);
    return session->connection().inRoom();
}

bool SimRoom::becomeHost()
{
    alice->client().handOverHost(session->connection().clientId());
    world.run(0.5);
    return session->connection().isHost();
}

QUrl SimRoom::mediaFile(const QString &name)
{
    const QString path = files.filePath(name);
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(QByteArray(1024, 'x'));
    return QUrl::fromLocalFile(path);
}

} // namespace lockstep::test
