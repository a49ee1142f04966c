#pragma once

#include "MainWindow.h"
#include "player/MediaPlayerBackend.h"
#include "room/ActionsController.h"
#include "room/ChatController.h"
#include "room/FullScreenController.h"
#include "room/PlaybackController.h"
#include "room/PlaylistController.h"
#include "room/RoomController.h"
#include "room/RoomSession.h"
#include "room/Settings.h"
#include "room/StatusController.h"

#include <QAudioOutput>
#include <QMediaPlayer>

#include <memory>

namespace lockstep::app {

// The composition root: every long-lived object of the desktop app, made
// once in the order they depend on each other, and the window bound to them.
// Nothing else makes them; the window, the dialogs and the controllers are
// handed what they use. The room's connection gets a transport on a network
// thread of its own (room::NetworkTransport) and the system clock. The window
// goes first, then the controllers, the room (which closes a hosted room and
// joins its threads) and the player.
class AppComposition
{
public:
    AppComposition();
    ~AppComposition();
    AppComposition(const AppComposition &) = delete;
    AppComposition &operator=(const AppComposition &) = delete;

    ui::MainWindow &window() { return *m_window; }

private:
    room::Settings m_settings;
    QMediaPlayer m_player;
    QAudioOutput m_audio;
    ui::MediaPlayerBackend m_backend;
    room::RoomSession m_room;
    room::PlaybackController m_playback;
    room::RoomController m_roomController;
    room::FullScreenController m_fullScreen;
    room::ActionsController m_actions;
    room::StatusController m_status;
    room::ChatController m_chat;
    room::PlaylistController m_playlist;
    std::unique_ptr<ui::MainWindow> m_window;
};

} // namespace lockstep::app
