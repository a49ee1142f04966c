#pragma once

#include <QString>
#include <QUrl>

#include <optional>

namespace lockstep::ui {

// What the command line asks the window to do once it is up.
struct StartupOptions {
    QString open; // a file or URL to play
    QString subtitles; // a subtitle file to show with it
    QString joinLink; // a lockstep://join link
    bool host = false; // host a room right away
    std::optional<quint16> port; // with host; 0 picks any free port
    QUrl server; // with host: make the room on this lockstep-server instead
    QString authToken; // with server: the access token it asks for
    QString name; // display name for this run
    QString syncLogPath; // one JSON line per second about the sync engine
    QString inviteFilePath; // where to write the invite link once hosting
    // How late this person's sound arrives, ms (0-1000), for this run
    // instead of what Playback > Audio Delay remembers.
    std::optional<int> audioDelayMs;
};

} // namespace lockstep::ui
