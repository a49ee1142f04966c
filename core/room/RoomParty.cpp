#include "RoomParty.h"

#include "RoomConnection.h"
#include "client/SessionClient.h"

#include <algorithm>

namespace lockstep::room {

RoomParty::RoomParty(RoomConnection &connection, QObject *parent)
    : QObject(parent), m_connection(connection)
{
    using client::SessionClient;
    const SessionClient *client = &m_connection.client();
    connect(client, &SessionClient::chatReceived, this, &RoomParty::chatReceived);
    connect(client, &SessionClient::pendingChatChanged, this, &RoomParty::pendingChatChanged);
    connect(client, &SessionClient::playlistChanged, this, &RoomParty::playlistChanged);
    connect(client, &SessionClient::readyChanged, this, &RoomParty::readyChanged);
}

const QList<protocol::ChatEntry> &RoomParty::chatHistory() const
{
    return m_connection.client().room().chat;
}

bool RoomParty::sendChat(const QString &text)
{
    return m_connection.client().sendChat(text);
}

QStringList RoomParty::pendingChat() const
{
    return m_connection.client().pendingChat();
}

const protocol::Playlist &RoomParty::playlist() const
{
    return m_connection.client().room().playlist;
}

bool RoomParty::setPlaylist(const QList<protocol::PlaylistItem> &items, int current)
{
    client::SessionClient &client = m_connection.client();
    if (!client.inRoom() || !m_connection.canControl() || current < -1 || current >= items.size())
        return false;
    const protocol::Playlist &before = client.room().playlist;
    const QString beforeId = before.current >= 0 && before.current < before.items.size()
        ? before.items.at(before.current).id
        : QString();
    if (!client.sendPlaylist(protocol::PlaylistUpdate {items, current, std::nullopt}))
        return false;
    if (current < 0 || items.at(current).id == beforeId)
        return true;
    // A new current item is the room's media from now on, as the server
    // decides it (unless it is what the room already plays); the server
    // tells only the others.
    const protocol::PlaylistItem &item = items.at(current);
    const RoomMedia media = RoomMedia::fromRoom(item.mediaUrl, item.media);
    // As the server judges it: `stream` is the server's word, not the file's.
    const auto named = [](std::optional<protocol::MediaInfo> info) {
        if (info)
            info->stream = false;
        return info;
    };
    const RoomMedia roomMedia = m_connection.roomMedia();
    if (media.mediaUrl() == roomMedia.mediaUrl() && named(media.info()) == named(roomMedia.info())
        && !roomMedia.isEmpty())
        return true;
    m_connection.adoptLocalMedia(media);
    return true;
}

void RoomParty::setReady(bool ready)
{
    client::SessionClient &client = m_connection.client();
    client.setReady(ready);
    emit readyChanged(client.clientId(), ready);
}

bool RoomParty::isReady() const
{
    const client::SessionClient &client = m_connection.client();
    return client.inRoom() ? client.isReady() : client.wantsReady();
}

bool RoomParty::playWouldBeHeld() const
{
    const auto options = m_connection.roomOptions();
    if (!options || !options->startWhenReady)
        return false;
    const QList<protocol::Participant> &everyone = m_connection.participants();
    return std::any_of(everyone.cbegin(), everyone.cend(),
                       [](const protocol::Participant &p) { return !p.ready; });
}

} // namespace lockstep::room
