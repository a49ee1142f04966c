#pragma once

#include "room/ActionsController.h"

#include <QObject>

class QMainWindow;
class QMenu;
class QPoint;
class QUrl;

namespace lockstep::room {
class Settings;
} // namespace lockstep::room

namespace lockstep::ui {

using namespace lockstep::room;

class TrackMenu;
class TracksBinding;

// The window's menu bar (File, Edit, Playback, View, Room, Help), the list of
// recent media and the video's context menu, all made of the window's
// actions; the track menus come from TracksBinding.
class WindowMenus : public QObject
{
    Q_OBJECT

public:
    WindowMenus(QMainWindow &window, const ActionsController::Actions &actions,
                QAction *roomPanelAction, TracksBinding &tracks, Settings &settings);

    void showContextMenu(const QPoint &globalPosition);

signals:
    void recentMediaChosen(const QUrl &url);

private:
    void rebuildRecentMenu();

    QMainWindow &m_window;
    const ActionsController::Actions &m_actions;
    QAction *m_roomPanelAction;
    Settings &m_settings;
    QMenu *m_recentMenu = nullptr;
    TrackMenu *m_audioMenu = nullptr;
    TrackMenu *m_subtitleMenu = nullptr;
};

} // namespace lockstep::ui
