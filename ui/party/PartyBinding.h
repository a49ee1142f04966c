#pragma once

#include "room/ActionsController.h"

#include <QObject>

class QMainWindow;

namespace lockstep::room {
class ChatController;
class FullScreenController;
class PlaylistController;
class RoomSession;
} // namespace lockstep::room

namespace lockstep::ui {

using namespace lockstep::room;

class ChatInputBar;
class ChatOverlay;
class MediaProbe;
class RoomPanel;

// Ties the party's parts to the window: Enter opens the chat (in the panel,
// or in the line under the video when the panel is out of sight), the chat
// goes over the video while the panel's chat cannot be read, the playlist's
// countdown shows over the video, the playlist reads lengths with a
// MediaProbe, and a message that arrives in the background asks the desktop
// for attention.
class PartyBinding : public QObject
{
    Q_OBJECT

public:
    struct Parts {
        RoomSession &session;
        ChatController &chat;
        PlaylistController &playlist;
        FullScreenController &fullScreen;
        RoomPanel &panel;
        ChatOverlay &overlay;
        ChatInputBar &input;
    };

    PartyBinding(QMainWindow &window, const Parts &parts,
                 const ActionsController::Actions &actions);

    // Enter: a chat message, in the panel or in the line under the video.
    void openChat();

signals:
    void notice(const QString &text, bool warning);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateOverlay();

    QMainWindow &m_window;
    Parts m_parts;
    MediaProbe *m_probe;
};

} // namespace lockstep::ui
