#pragma once

#include <QString>

namespace lockstep::ui {

// How the user wants to host: what the host dialog asks, or the command line.
struct HostOptions {
    quint16 port = 8765; // 0: any free port
    bool hostOnlyControl = false;
    bool inviteOnly = true;
    // A play waits until everyone in the room says they are ready.
    bool startWhenReady = false;
    QString name;
    int inviteExpiry = 24 * 3600; // seconds
};

} // namespace lockstep::ui
