#pragma once

#include "protocol/Messages.h"

#include <QList>
#include <QObject>
#include <QStringList>

namespace lockstep::room {

class RoomConnection;

// The room as a party: chat, the shared playlist and readiness (protocol
// extensions), over the room's connection.
class RoomParty : public QObject
{
    Q_OBJECT

public:
    explicit RoomParty(RoomConnection &connection, QObject *parent = nullptr);

    // The last messages, oldest first, as the room keeps them.
    const QList<protocol::ChatEntry> &chatHistory() const;
    bool sendChat(const QString &text);
    // Our messages the room has not relayed back yet (sent into a link that
    // turned out dead, they go again once back in the room).
    QStringList pendingChat() const;

    const protocol::Playlist &playlist() const;
    // Replaces the room's playlist (whoever may control playback). A new
    // current item becomes the room's media at once, here as for everyone.
    bool setPlaylist(const QList<protocol::PlaylistItem> &items, int current);

    // The wish holds across rooms and reconnections until changed.
    void setReady(bool ready);
    bool isReady() const;
    // The room starts only when everyone is ready, and someone is not.
    bool playWouldBeHeld() const;

signals:
    void chatReceived(const lockstep::protocol::ChatEntry &entry);
    void pendingChatChanged();
    // `from` is empty when the server moved on to the next item by itself.
    void playlistChanged(const lockstep::protocol::Playlist &playlist, const QString &from);
    void readyChanged(const QString &clientId, bool ready);

private:
    RoomConnection &m_connection;
};

} // namespace lockstep::room
