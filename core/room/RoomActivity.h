#pragma once

#include "RoomMedia.h"
#include "protocol/Messages.h"

#include <QObject>
#include <QString>

namespace lockstep::room {

class RoomSession;

// What others do in the room, as the activity list tells it: "Alice paused
// at 12:03", "Bob chose Film.mkv", "Next in the playlist: …". A pause from
// whoever just changed the media, this soon and this close to the start, is
// their player settling on the new media, not news.
class RoomActivity : public QObject
{
    Q_OBJECT

public:
    static constexpr double kMediaChangeSettle = 3.0; // s
    static constexpr double kMediaChangeStart = 1.0; // s

    explicit RoomActivity(const RoomSession &session, QObject *parent = nullptr);

signals:
    void notice(const QString &text);

private:
    void onMediaChosen(const QString &from, const RoomMedia &media);
    void onRemotePlayerEvent(const QString &from, const protocol::PlayerEvent &event);

    const RoomSession &m_session;
    QString m_lastMediaChangeFrom;
    double m_lastMediaChangeAt = -1.0e18;
};

} // namespace lockstep::room
