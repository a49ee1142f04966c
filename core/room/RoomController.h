#pragma once

#include "HostOptions.h"

#include <QObject>

namespace lockstep::room {

class PlaybackController;
class RoomSession;

// The room's life as the user lives it: hosting (the room opens once the
// media has loaded, where the host is), joining, leaving, stopping, the host's
// tools (resync everyone, hand the host role over) and the sentences that tell
// the user what happened in the room, and the invite file of --invite-file. It tells a room the
// user left on purpose from one that ended under them.
class RoomController : public QObject
{
    Q_OBJECT

public:
    RoomController(RoomSession &session, PlaybackController &playback, QObject *parent = nullptr);

    // Starts the server now (a taken port is reported at once) and opens the
    // room once the current media has settled.
    bool host(const HostOptions &options, QString *error = nullptr);
    // About to join a room (the join dialog does the joining).
    void stopHosting();
    // Leaves the room; a host stops hosting.
    void leave();
    // Whether leaving, stopping or joining elsewhere affects anyone else.
    bool othersWouldNotice() const;

    // --invite-file: the invite link is written there whenever it changes.
    void setInviteFile(const QString &path) { m_inviteFilePath = path; }

    bool resyncEveryone();
    bool handOverHost(const QString &clientId);

    // After the room could not be reached any more: whether "Try again" is
    // on offer, trying again, and leaving for good instead.
    bool canRetry() const;
    bool retry();
    void dismissRetry();

signals:
    void notice(const QString &text, bool warning);
    // The room panel should show: hosting, or entering a room.
    void panelWanted();
    // The room is over; `unexpected` when the user did not leave it.
    void ended(const QString &message, bool unexpected);

private:
    void onJoined(bool rejoined);
    void onHostChanged(const QString &hostId);
    void onEnded(const QString &message, bool onPurpose);
    void writeInviteFile(const QString &link);

    RoomSession &m_session;
    PlaybackController &m_playback;
    QString m_inviteFilePath;
};

} // namespace lockstep::room
