#include "RoomActivity.h"

#include "RoomSession.h"
#include "TimeFormat.h"
#include "protocol/Clock.h"

namespace lockstep::room {

RoomActivity::RoomActivity(const RoomSession &session, QObject *parent)
    : QObject(parent), m_session(session)
{
    connect(&session, &RoomSession::mediaChosen, this, &RoomActivity::onMediaChosen);
    connect(&session, &RoomSession::remotePlayerEvent, this, &RoomActivity::onRemotePlayerEvent);
}

void RoomActivity::onMediaChosen(const QString &from, const RoomMedia &media)
{
    const RoomConnection &room = m_session.connection();
    m_lastMediaChangeFrom = from;
    m_lastMediaChangeAt = room.clock().now();
    if (from.isEmpty()) // the server moved on to the playlist's next item
        emit notice(tr("Next in the playlist: %1.").arg(media.displayName()));
    else
        emit notice(media.isEmpty()
                        ? tr("%1 closed the video.").arg(room.nameOf(from))
                        : tr("%1 chose %2.").arg(room.nameOf(from), media.displayName()));
}

void RoomActivity::onRemotePlayerEvent(const QString &from, const protocol::PlayerEvent &event)
{
    const RoomConnection &room = m_session.connection();
    const protocol::PlayerAction action = event.action;
    const double position = event.position;
    const QString who = room.nameOf(from);
    const QString when = formatMediaTime(position);
    // Sent by the server itself (no sender): the end of the media, or a
    // start it made (the next playlist item, everyone ready).
    if (from.isEmpty() && action != protocol::PlayerAction::Seek) {
        emit notice(action == protocol::PlayerAction::Pause
                        ? tr("The video reached its end at %1").arg(when)
                        : tr("Playback started for everyone at %1").arg(when));
        return;
    }
    switch (action) {
    case protocol::PlayerAction::Play:
        emit notice(tr("%1 pressed play at %2").arg(who, when));
        break;
    case protocol::PlayerAction::Pause:
        if (from == m_lastMediaChangeFrom
            && room.clock().now() - m_lastMediaChangeAt < kMediaChangeSettle
            && position < kMediaChangeStart)
            break;
        emit notice(tr("%1 paused at %2").arg(who, when));
        break;
    case protocol::PlayerAction::Seek:
        emit notice(tr("%1 jumped to %2").arg(who, when));
        break;
    case protocol::PlayerAction::Speed:
        emit notice(tr("%1 set the speed to %2").arg(who, formatSpeed(event.speed.value_or(1.0))));
        break;
    }
}

} // namespace lockstep::room
