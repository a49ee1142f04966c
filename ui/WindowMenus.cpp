#include "WindowMenus.h"

#include "player/TrackMenu.h"
#include "player/TracksBinding.h"
#include "room/Settings.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QUrl>

namespace lockstep::ui {

using namespace lockstep::room;

WindowMenus::WindowMenus(QMainWindow &window, const ActionsController::Actions &actions,
                         QAction *roomPanelAction, TracksBinding &tracks, Settings &settings)
    : QObject(&window), m_window(window), m_actions(actions), m_roomPanelAction(roomPanelAction),
      m_settings(settings)
{
    const ActionsController::Actions &a = actions;
    QMenuBar *bar = window.menuBar();
    QMenu *file = bar->addMenu(tr("&File"));
    file->addAction(a.openFile);
    file->addAction(a.openUrl);
    file->addAction(tracks.loadSubtitlesAction());
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &WindowMenus::rebuildRecentMenu);
    rebuildRecentMenu();
    file->addSeparator();
    file->addAction(a.quit);

    QMenu *edit = bar->addMenu(tr("&Edit"));
    edit->addAction(a.preferences);

    QMenu *playback = bar->addMenu(tr("&Playback"));
    playback->addActions({a.playPause, a.back, a.forward});
    playback->addSeparator();
    playback->addActions({a.volumeUp, a.volumeDown, a.mute});
    playback->addSeparator();
    QMenu *speed = playback->addMenu(tr("&Speed"));
    speed->setObjectName(QStringLiteral("speedMenu"));
    speed->addActions(a.speeds);
    speed->addSeparator();
    speed->addActions({a.slower, a.faster});
    playback->addAction(a.audioDelay);
    playback->addSeparator();
    m_audioMenu = tracks.audioMenu();
    m_subtitleMenu = tracks.subtitleMenu();
    playback->addMenu(m_audioMenu);
    playback->addMenu(m_subtitleMenu);

    QMenu *view = bar->addMenu(tr("&View"));
    view->addAction(a.fullScreen);
    roomPanelAction->setText(tr("&Room Panel"));
    roomPanelAction->setShortcut(QKeySequence(tr("Ctrl+R")));
    window.addAction(roomPanelAction);
    view->addAction(roomPanelAction);

    QMenu *room = bar->addMenu(tr("&Room"));
    room->addActions({a.host, a.join});
    room->addSeparator();
    room->addActions({a.invite, a.copyInvite, a.resync});
    room->addSeparator();
    room->addActions({a.ready, a.chat, a.addToPlaylist});
    room->addSeparator();
    room->addActions({a.leave, a.stopHosting});

    QMenu *help = bar->addMenu(tr("&Help"));
    help->addAction(a.shortcuts);
    help->addSeparator();
    help->addAction(a.about);
    QAction *aboutQt = help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
    aboutQt->setMenuRole(QAction::AboutQtRole);
}

void WindowMenus::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = m_settings.recentMedia();
    int number = 1;
    for (const QString &entry : recent) {
        const QUrl url
            = entry.contains(QLatin1String("://")) ? QUrl(entry) : QUrl::fromLocalFile(entry);
        const QString label
            = url.isLocalFile() ? QFileInfo(entry).fileName() : url.toDisplayString();
        QAction *action
            = m_recentMenu->addAction(number < 10 ? tr("&%1 %2").arg(number).arg(label) : label);
        action->setToolTip(url.isLocalFile() ? QDir::toNativeSeparators(entry) : entry);
        action->setStatusTip(action->toolTip());
        action->setEnabled(!url.isLocalFile() || QFileInfo::exists(entry));
        connect(action, &QAction::triggered, this, [this, url] { emit recentMediaChosen(url); });
        ++number;
    }
    if (recent.isEmpty()) {
        QAction *none = m_recentMenu->addAction(tr("No recent files"));
        none->setEnabled(false);
        return;
    }
    m_recentMenu->addSeparator();
    m_recentMenu->addAction(tr("&Clear Menu"), this, [this] { m_settings.clearRecentMedia(); });
}

void WindowMenus::showContextMenu(const QPoint &globalPosition)
{
    const ActionsController::Actions &a = m_actions;
    QMenu menu(&m_window);
    menu.addActions({a.playPause, a.fullScreen});
    menu.addSeparator();
    menu.addMenu(m_audioMenu);
    menu.addMenu(m_subtitleMenu);
    menu.addSeparator();
    menu.addActions({a.openFile, m_roomPanelAction});
    menu.exec(globalPosition);
}

} // namespace lockstep::ui
