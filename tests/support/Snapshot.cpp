#include "Snapshot.h"

#include "server/ServerCore.h"

namespace lockstep::test {

RoomSnapshot RoomSnapshot::of(const server::ServerCore &core, const QString &room)
{
    RoomSnapshot snapshot;
    snapshot.id = room;
    const server::Room *found = core.room(room);
    if (!found)
        return snapshot;
    snapshot.exists = true;
    snapshot.hostId = found->hostId;
    snapshot.mediaUrl = found->mediaUrl;
    for (const server::Member &member : found->members())
        snapshot.members.append(member.clientId + QLatin1Char(':') + member.name);
    snapshot.position = found->timeline.position;
    snapshot.playState = found->timeline.state;
    snapshot.timelineAt = found->timeline.at;
    snapshot.speed = found->timeline.speed;
    snapshot.subtitles = int(found->subtitles.size());
    const std::string options = found->options().dump();
    snapshot.options = QByteArray(options.data(), qsizetype(options.size()));
    snapshot.waitingFor = QStringList(found->waitingFor.cbegin(), found->waitingFor.cend());
    snapshot.waitingFor.sort();
    snapshot.autoPaused = found->autoPaused;
    return snapshot;
}

QString RoomSnapshot::toString() const
{
    if (!exists)
        return QStringLiteral("room %1: none").arg(id);
    return QStringLiteral("room %1: host %2, media %3, members [%4], %5 at %6 (set at %7), "
                          "options %8, waiting for [%9]%10")
        .arg(id, hostId, mediaUrl, members.join(QLatin1String(", ")),
             QString::fromUtf8(protocol::playStateName(playState).data()))
        .arg(position, 0, 'f', 3)
        .arg(timelineAt, 0, 'f', 3)
        .arg(QString::fromUtf8(options)
                 + QStringLiteral(", speed %1, %2 subtitle tracks").arg(speed).arg(subtitles),
             waitingFor.join(QLatin1String(", ")),
             autoPaused ? QStringLiteral(", auto-paused") : QString());
}

ServerSnapshot ServerSnapshot::of(const server::ServerCore &core)
{
    ServerSnapshot snapshot;
    for (const QString &id : core.roomIds())
        snapshot.rooms.append(RoomSnapshot::of(core, id));
    return snapshot;
}

QString ServerSnapshot::toString() const
{
    QStringList lines;
    for (const RoomSnapshot &room : rooms)
        lines.append(room.toString());
    return lines.isEmpty() ? QStringLiteral("no rooms") : lines.join(QLatin1Char('\n'));
}

} // namespace lockstep::test
