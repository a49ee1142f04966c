#include "AppComposition.h"

#include "Icons.h"
#include "protocol/Clock.h"
#include "room/NetworkTransport.h"

namespace lockstep::app {

namespace {

const protocol::Clock &clock()
{
    return protocol::SystemClock::instance();
}

} // namespace

AppComposition::AppComposition()
    : m_backend(m_player),
      m_room(m_backend, clock(), std::make_unique<room::NetworkTransport>(clock())),
      m_playback(m_room, m_backend, m_settings), m_roomController(m_room, m_playback),
      m_fullScreen(clock()),
      m_actions(m_playback, m_roomController, m_room, m_fullScreen, &ui::Icons::forAction),
      m_status(m_room, m_playback), m_chat(m_room), m_playlist(m_room, m_playback, m_settings)
{
    m_window = std::make_unique<ui::MainWindow>(
        ui::WindowParts {m_settings, m_player, m_audio, m_backend, m_room, m_playback,
                         m_roomController, m_fullScreen, m_actions, m_status, m_chat, m_playlist});
}

AppComposition::~AppComposition()
{
    // The window and its bindings go before what they are bound to.
    m_window.reset();
}

} // namespace lockstep::app
