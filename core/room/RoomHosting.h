#pragma once

#include "HostAddresses.h"
#include "HostCertificate.h"
#include "HostOptions.h"
#include "NetworkThread.h"

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace lockstep::server {
class SessionServer;
}

namespace lockstep::room {

class PortMapper;
class ReachabilityCheck;

// Hosting a room: the app's own session server (on a thread of its own, so
// the room answers everyone while the player holds the GUI thread), its
// certificate, the router's port, whether the internet reaches it, and the
// servers of closed rooms still saying goodbye. The one owner of the
// server's lifetime; nothing outside reaches the server itself. Hosting on a
// server named in the options runs no server here.
class RoomHosting : public QObject
{
    Q_OBJECT

public:
    explicit RoomHosting(QObject *parent = nullptr);
    ~RoomHosting() override;

    // What a new server offers guests from the start (RoomSharing's files
    // and subtitle texts).
    struct Offers {
        QStringList files;
        QHash<QString, QByteArray> subtitles;
    };

    // Whether `options` can host, before anything stops: false, with a
    // sentence in `error`, when the server address is wrong or the
    // certificate cannot be loaded (or made, the first time). The app's own
    // server shows `certificate`.
    static bool check(const HostOptions &options, std::optional<HostCertificate> *certificate,
                      QString *error);
    // Starts hosting: the app's own server (with `offers`) or, with
    // `options.server` set, the room on that server. False, with a sentence
    // in `error`, when the port is taken; nothing changes then.
    bool start(const HostOptions &options, std::optional<HostCertificate> certificate,
               const Offers &offers, QString *error);
    // Stops hosting; the app's own server closes its room (close code
    // RoomClosed) and drains in the background (drained()).
    void stop();

    bool isHosting() const { return m_server != nullptr || m_onServer; }
    bool hostsOnServer() const { return m_onServer; }
    bool runsServer() const { return m_server != nullptr; }
    const HostOptions &options() const { return m_options; }
    // The app's own server: its port (0 without one), where this app
    // reaches it, and the certificate it shows (absent on a server).
    quint16 serverPort() const { return m_server ? m_serverPort : 0; }
    QUrl loopbackUrl() const { return m_serverLoopback; }
    const std::optional<HostCertificate> &certificate() const { return m_certificate; }
    // Whether the app's own server shares files, offering them, and what
    // each guest downloads per second.
    bool sharesFiles() const { return m_server && m_serverShares; }
    void offerFile(const QString &path);
    void offerSubtitles(const QHash<QString, QByteArray> &texts);
    QHash<QString, double> uploadRates() const;
    qint64 peakStreamBufferBytes() const;
    // A stopped server still closing its connections.
    bool isDraining() const { return !m_draining.isEmpty(); }

    // Where guests can reach the app's own server, and the one the invite
    // link names.
    QList<HostAddress> hostAddresses() const;
    QUrl inviteServer() const { return m_inviteServer; }
    void setInviteServer(const QUrl &server);

    // The router's port for the app's own server, and whether the internet
    // reaches it once open.
    void openRouterPort();
    const PortMapper &routerPort() const { return *m_portMapper; }
    const ReachabilityCheck &reachability() const { return *m_reachability; }

signals:
    void uploadRatesChanged();
    // A stopped server has closed all of its connections.
    void drained();
    void inviteServerChanged(const QUrl &server);
    void routerPortChanged();
    void reachabilityChanged();

private:
    friend struct RoomTestAccess;
    // For tests: the app's own server, on its own thread (only its fixed
    // facts may be read from another).
    server::SessionServer *server() const { return m_server; }
    PortMapper &portMapper() { return *m_portMapper; }

    void onPortMapperChanged();
    void finishDrain(quint64 drain);

    // The app's own server and the draining ones run on this thread.
    mutable NetworkThread m_serverThread;
    server::SessionServer *m_server = nullptr; // lives on m_serverThread
    // What the server said of itself when it started (read here, not there).
    quint16 m_serverPort = 0;
    bool m_serverSecure = false;
    bool m_serverShares = false;
    QUrl m_serverLoopback;
    // Servers of rooms closed, each until its guests have been told (or a
    // time-out), by number: a later server may get a deleted one's address.
    QHash<quint64, server::SessionServer *> m_draining;
    quint64 m_drainCount = 0;
    PortMapper *m_portMapper;
    ReachabilityCheck *m_reachability;

    HostOptions m_options;
    bool m_onServer = false;
    std::optional<HostCertificate> m_certificate;
    QUrl m_inviteServer;
};

} // namespace lockstep::room
