#pragma once

#include <QString>
#include <QUrl>

namespace lockstep::room {

// How the user wants to host: what the host dialog asks, or the command line.
struct HostOptions {
    quint16 port = 8765; // 0: any free port
    bool hostOnlyControl = false;
    bool inviteOnly = true;
    // A play waits until everyone in the room says they are ready.
    bool startWhenReady = false;
    QString name;
    int inviteExpiry = 24 * 3600; // seconds
    // Empty: host on this computer (the app's own wss:// server). Otherwise
    // the ws:// or wss:// address of a lockstep-server to create the room on.
    QUrl server;
    QString authToken; // for `server`, when it asks for one
    // Where the certificate of the app's own server is kept; empty: the app's
    // data folder (HostCertificate::defaultDirectory()).
    QString certificateDirectory;
    // Guests without a copy may stream the host's file from the app's own
    // server (never from a lockstep-server, which has no file).
    bool shareFile = true;
    int maxStreams = 8; // streams the app serves at once

    bool onServer() const { return !server.isEmpty(); }
};

} // namespace lockstep::room
