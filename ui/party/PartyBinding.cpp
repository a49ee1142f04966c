#include "PartyBinding.h"

#include "ChatOverlay.h"
#include "PlaylistPane.h"
#include "RoomPanel.h"
#include "player/MediaProbe.h"
#include "room/ChatController.h"
#include "room/FullScreenController.h"
#include "room/PlaylistController.h"
#include "room/RoomSession.h"

#include <QAction>
#include <QApplication>
#include <QKeyEvent>
#include <QMainWindow>
#include <QPointer>
#include <QTabWidget>

namespace lockstep::ui {

using namespace lockstep::room;

PartyBinding::PartyBinding(QMainWindow &window, const Parts &parts,
                           const ActionsController::Actions &actions)
    : QObject(&window), m_window(window), m_parts(parts), m_probe(new MediaProbe(this))
{
    parts.playlist.setProber(
        [probe = QPointer<MediaProbe>(m_probe)](const QUrl &url, MediaProbe::Done done) {
            if (probe)
                probe->probe(url, std::move(done));
        });
    connect(&parts.playlist, &PlaylistController::notice, this, &PartyBinding::notice);
    connect(actions.chat, &QAction::triggered, this, &PartyBinding::openChat);
    connect(actions.addToPlaylist, &QAction::triggered, this, [this] {
        m_parts.panel.showPlaylist();
        m_parts.panel.playlistPane()->addFiles();
    });
    // Messages over the video while the panel's chat is out of sight; the
    // countdown to the next item over the video in any case.
    connect(&parts.panel, &QDockWidget::visibilityChanged, this, &PartyBinding::updateOverlay);
    connect(parts.panel.tabs(), &QTabWidget::currentChanged, this, &PartyBinding::updateOverlay);
    connect(&parts.session, &RoomSession::activeChanged, this, &PartyBinding::updateOverlay);
    connect(&parts.fullScreen, &FullScreenController::fullScreenChanged, this,
            &PartyBinding::updateOverlay);
    connect(parts.panel.playlistPane(), &PlaylistPane::countdownText, &parts.overlay,
            &ChatOverlay::setBanner);
    // Someone wrote while the window is in the background: ask for attention.
    connect(&parts.chat, &ChatController::lineAdded, this, [this](const ChatLine &line) {
        if (!line.own && !m_window.isActiveWindow())
            QApplication::alert(&m_window);
    });
    connect(&parts.session, &RoomSession::activeChanged, this, [this](bool active) {
        if (!active)
            m_parts.input.close();
    });
    window.installEventFilter(this);
    updateOverlay();
}

void PartyBinding::updateOverlay()
{
    m_parts.overlay.setActive(m_parts.session.connection().isActive()
                              && !m_parts.panel.chatInView());
}

void PartyBinding::openChat()
{
    if (!m_parts.session.connection().inRoom()) {
        emit notice(tr("You can chat once you are in a room."), true);
        return;
    }
    if (m_window.isFullScreen() || !m_parts.panel.isVisible()) {
        m_parts.input.open();
        return;
    }
    m_parts.panel.showChat();
}

bool PartyBinding::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != &m_window)
        return QObject::eventFilter(watched, event);
    if (event->type() == QEvent::KeyPress) {
        // Reaches the window only when no widget took the key.
        const auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter)
            && key->modifiers() == Qt::NoModifier && m_parts.session.connection().inRoom()) {
            openChat();
            return true;
        }
    } else if (event->type() == QEvent::ActivationChange && m_window.isActiveWindow()) {
        m_parts.panel.windowActivated();
    }
    return QObject::eventFilter(watched, event);
}

} // namespace lockstep::ui
