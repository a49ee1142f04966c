#pragma once

#include "room/PlaybackController.h"
#include "room/RoomController.h"
#include "room/RoomSession.h"
#include "room/Settings.h"
#include "sim/SimNetwork.h"
#include "sim/SimPlayer.h"
#include "sim/SimWorld.h"

#include <QTemporaryDir>

#include <memory>

namespace lockstep::test {

// A room in virtual time: Alice, a simulated participant, hosts it on the
// real server core; "we" are a RoomSession with a simulated player and the
// controllers on top, joined as Bob. Nothing waits for real time.
class SimRoom
{
public:
    static inline const QString kRoom = QStringLiteral("movie-night");

    // `options`: the room's options as Alice creates it.
    explicit SimRoom(const protocol::Json &options = protocol::Json::object());

    void run(double seconds) { world.run(seconds); }
    // Joins Alice's room as Bob and waits (in virtual time) until in.
    bool join();
    // Alice hands the host role to us.
    bool becomeHost();
    // A local file that exists, for opening.
    QUrl mediaFile(const QString &name = QStringLiteral("film.mkv"));

    QTemporaryDir files;
    sim::SimWorld world;
    sim::SimParticipant *alice = nullptr;
    sim::SimPlayer player;
    sim::SimClientTransport *transport = nullptr; // owned by the session's client
    std::unique_ptr<room::Settings> settings;
    std::unique_ptr<room::RoomSession> session;
    std::unique_ptr<room::PlaybackController> playback;
    std::unique_ptr<room::RoomController> room;
};

// Keeps QSettings out of the user's real configuration.
void isolateSettings();

} // namespace lockstep::test
