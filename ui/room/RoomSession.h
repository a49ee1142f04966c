#pragma once

#include "HostAddresses.h"
#include "HostOptions.h"
#include "InviteLink.h"
#include "RoomMedia.h"

#include <QObject>
#include <QPointer>
#include <QUrl>

#include <memory>

class QTimer;

namespace lockstep::client {
class SessionClient;
struct SessionEnd;
struct ConnectionLoss;
}
namespace lockstep::server {
class SessionServer;
}
namespace lockstep::sync {
class PlayerBackend;
class SyncController;
} // namespace lockstep::sync
namespace lockstep::protocol {
struct Error;
}

namespace lockstep::ui {

class PortMapper;

// One person's part in a room: the protocol client, the sync engine that
// keeps the local player on the room's timeline, and, when this person
// hosts, the in-process session server and its router port mapping. Owns
// the one timer that drives the client and the engine. The window shows
// what happens here; nothing here knows about widgets.
class RoomSession : public QObject
{
    Q_OBJECT

public:
    // The close reason a host sends when it stops hosting. Clients tell it
    // apart from a server restart (which they ride out by reconnecting).
    static constexpr int kTickMs = 50;

    explicit RoomSession(sync::PlayerBackend &player, QObject *parent = nullptr);
    ~RoomSession() override;

    client::SessionClient &client() { return *m_client; }
    const client::SessionClient &client() const { return *m_client; }
    sync::SyncController &sync() { return *m_sync; }
    const sync::SyncController &sync() const { return *m_sync; }
    PortMapper &portMapper() { return *m_portMapper; }

    // Connecting, in a room, or reconnecting.
    bool isActive() const;
    bool inRoom() const;
    // Whether this app runs the room's server.
    bool isHosting() const { return m_server != nullptr; }
    server::SessionServer *server() const { return m_server.get(); }
    const HostOptions &hostOptions() const { return m_hostOptions; }
    // A stopped server still closing its connections.
    bool isDraining() const { return !m_draining.isNull(); }

    // Hosting is two steps so that a taken port is reported at once while the
    // room itself can wait for the media to finish loading.
    bool startServer(const HostOptions &options, QString *error);
    // The room's timeline starts paused at `startPosition` (seconds).
    void createRoom(const RoomMedia &media, double startPosition = 0.0);
    // Closes the room for everyone (close code RoomClosed).
    void stopHosting();

    void join(const InviteLink &link, const QString &name, const QString &authToken = {});
    // Leaves the room; when hosting, that closes it for everyone.
    void leave();

    // Invites and the link to share.
    void requestInvite(int expirySeconds);
    int inviteExpiry() const { return m_inviteExpiry; }
    double inviteExpiresAt() const { return m_inviteExpiresAt; }
    QString inviteLink() const;
    QList<HostAddress> hostAddresses() const;
    QUrl inviteServer() const { return m_inviteServer; }
    void setInviteServer(const QUrl &server);

    // The room's media, and who chose it.
    RoomMedia roomMedia() const { return m_roomMedia; }
    QString mediaOwnerId() const { return m_mediaOwner; }
    void changeMedia(const RoomMedia &media);

signals:
    void activeChanged(bool active);
    void hostingChanged(bool hosting);
    void inviteLinkChanged(const QString &link);
    // The room is over for us; `message` says why, as a sentence.
    void ended(const QString &message);
    // Something worth telling the user that is not an end ("Reconnecting…").
    void notice(const QString &message);
    void roomMediaChanged(const lockstep::ui::RoomMedia &media, const QString &ownerId);
    // A stopped server has closed all of its connections.
    void drained();

private:
    void startTicking();
    void tick();
    void onJoined(bool rejoined);
    void onEnded(const client::SessionEnd &end);
    void onConnectionLost(const client::ConnectionLoss &loss);
    void onPortMapperChanged();
    void finishDrain();
    void shutDownServer();

    std::unique_ptr<client::SessionClient> m_client;
    std::unique_ptr<sync::SyncController> m_sync;
    std::unique_ptr<server::SessionServer> m_server;
    QPointer<server::SessionServer> m_draining;
    PortMapper *m_portMapper;
    QTimer *m_tickTimer;

    HostOptions m_hostOptions;
    InviteLink m_joinLink;
    QUrl m_inviteServer;
    QString m_inviteToken;
    double m_inviteExpiresAt = 0.0;
    int m_inviteExpiry = 24 * 3600;
    QString m_endMessage;
    RoomMedia m_roomMedia;
    QString m_mediaOwner;
};

} // namespace lockstep::ui
