#pragma once

#include "protocol/Messages.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace lockstep::server {
class ServerCore;
}

namespace lockstep::test {

// Everything a client could observe about one room, read straight from the
// server core. Two snapshots compare equal when a frame changed nothing.
struct RoomSnapshot {
    bool exists = false;
    QString id;
    QString hostId;
    QString mediaUrl;
    QStringList members; // "client_id:name" in join order
    double position = 0.0;
    protocol::PlayState playState = protocol::PlayState::Paused;
    double timelineAt = 0.0;
    double speed = 1.0;
    int subtitles = 0; // shared subtitle tracks listed
    QByteArray options;
    QStringList waitingFor;
    bool autoPaused = false;

    static RoomSnapshot of(const server::ServerCore &core, const QString &room);
    QString toString() const;
    bool operator==(const RoomSnapshot &) const = default;
};

// Every room on a server.
struct ServerSnapshot {
    QList<RoomSnapshot> rooms;

    static ServerSnapshot of(const server::ServerCore &core);
    QString toString() const;
    bool operator==(const ServerSnapshot &) const = default;
};

} // namespace lockstep::test
