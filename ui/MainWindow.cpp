#include "MainWindow.h"

#include "FileOpenHandler.h"
#include "HostDialog.h"
#include "Icons.h"
#include "JoinDialog.h"
#include "OpenMediaDialogs.h"
#include "PreferencesDialog.h"
#include "Resources.h"
#include "RoomFilePrompt.h"
#include "RoomPanel.h"
#include "RoomStatusLabels.h"
#include "ShortcutsDialog.h"
#include "Toast.h"
#include "WindowMenus.h"
#include "party/ChatOverlay.h"
#include "party/PartyBinding.h"
#include "player/AudioDelayBinding.h"
#include "player/MediaPlayerBackend.h"
#include "player/PlayerBinding.h"
#include "player/SubtitleSharingBinding.h"
#include "player/TracksBinding.h"
#include "player/TransportBar.h"
#include "player/VideoArea.h"
#include "player/VideoView.h"
#include "player/VolumeControl.h"
#include "room/ActionsController.h"
#include "room/ChatController.h"
#include "room/FullScreenController.h"
#include "room/InviteLink.h"
#include "room/PlaybackController.h"
#include "room/PlaylistController.h"
#include "room/RoomController.h"
#include "room/RoomSession.h"
#include "room/StatusController.h"
#include "room/SyncLogger.h"
#include "subtitles/SubtitleDocument.h"

#include <QAction>
#include <QApplication>
#include <QAudioOutput>
#include <QClipboard>
#include <QCloseEvent>
#include <QCursor>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QScreen>
#include <QStatusBar>
#include <QStyle>
#include <QTimer>
#include <QVBoxLayout>
#include <QVideoSink>

namespace lockstep::ui {

using namespace lockstep::room;

namespace {

constexpr int kMaxNotifications = 200;

QUrl urlFromUserInput(const QString &text)
{
    return QUrl::fromUserInput(text, QDir::currentPath(), QUrl::AssumeLocalFile);
}

} // namespace

MainWindow::MainWindow(const WindowParts &parts, QWidget *parent)
    : QMainWindow(parent), m_settings(parts.settings), m_player(&parts.player),
      m_audio(&parts.audio), m_backend(&parts.backend), m_room(&parts.room),
      m_playback(&parts.playback), m_roomController(&parts.roomController),
      m_fullScreen(&parts.fullScreen), m_actions(&parts.actions), m_status(&parts.status),
      m_chat(&parts.chat), m_playlist(&parts.playlist), m_fileOpenHandler(new FileOpenHandler(this))
{
    Resources::init();
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(Resources::appIcon());
    setAcceptDrops(true);
    m_player->setAudioOutput(m_audio);
    const ActionsController::Actions &a = m_actions->actions();

    m_videoArea = new VideoArea(this);
    m_videoArea->setWelcomeActions({a.openFile, a.join, a.host});
    m_player->setVideoOutput(m_videoArea->videoView()->videoSink());
    m_backend->watchFrames(m_videoArea->videoView()->videoSink());
    m_tracks = new TracksBinding(*m_player, *m_videoArea->videoView(), m_settings, *this);
    m_transport = new TransportBar(a.playPause, a.mute, a.fullScreen, this);
    m_chatInput = new ChatInputBar(*m_chat, this);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_videoArea, 1);
    layout->addWidget(m_chatInput);
    layout->addWidget(m_transport);
    setCentralWidget(central);

    m_roomPanel
        = new RoomPanel(*m_roomController, *m_room, *m_chat, *m_playlist, m_settings, a, this);
    addDockWidget(Qt::RightDockWidgetArea, m_roomPanel);
    m_roomPanel->hide();

    m_toast = new Toast(m_videoArea);
    m_chatOverlay = new ChatOverlay(*m_chat, m_videoArea);

    connectActions();
    m_menus = new WindowMenus(*this, a, m_roomPanel->toggleViewAction(), *m_tracks, m_settings);
    connect(m_menus, &WindowMenus::recentMediaChosen, this, &MainWindow::openMedia);
    new RoomFilePrompt(*this, *m_videoArea, *m_playback, *m_room, m_settings,
                       {a.openFile, a.openUrl}, a.chooseRoomFile);
    new RoomStatusLabels(*statusBar(), *m_status);
    m_volume = new VolumeControl(*m_audio, *m_transport, *m_actions, m_settings);
    m_audioDelay = new AudioDelayBinding(*m_audio, *m_room, m_settings, a.audioDelay, *this);
    connectControllers();
    auto *party = new PartyBinding(
        *this,
        {*m_room, *m_chat, *m_playlist, *m_fullScreen, *m_roomPanel, *m_chatOverlay, *m_chatInput},
        a);
    connect(party, &PartyBinding::notice, this, &MainWindow::notify);
    auto *sharing = new SubtitleSharingBinding(*m_room, *m_tracks, this);
    connect(sharing, &SubtitleSharingBinding::notice, this, &MainWindow::notify);

    connect(m_videoArea, &VideoArea::doubleClicked, a.fullScreen, &QAction::trigger);
    connect(m_videoArea, &VideoArea::contextMenuRequested, m_menus, &WindowMenus::showContextMenu);
    connect(m_fileOpenHandler, &FileOpenHandler::inviteLinkOpened, this,
            [this](const QString &link) { joinLink(link); });
    connect(m_fileOpenHandler, &FileOpenHandler::mediaOpened, this, &MainWindow::openMedia);
    m_fullScreen->setSampler([this] {
        const QPoint pointer = QCursor::pos();
        return FullScreenController::Sample {
            pointer,
            m_transport->isVisible()
                && m_transport->rect().contains(m_transport->mapFromGlobal(pointer)),
            m_playback->isPlayingIntent()};
    });

    restoreSettings();
    updateWindowTitle();
}

MainWindow::~MainWindow()
{
    // The player must stop feeding a video widget and menus that are about to go.
    m_player->disconnect();
    m_player->stop();
}

JoinDialog *MainWindow::joinDialog() const
{
    return m_joinDialog.data();
}

QList<QAction *> MainWindow::allActions() const
{
    return m_actions->findChildren<QAction *>() + findChildren<QAction *>();
}

QAction *MainWindow::playPauseAction() const
{
    return m_actions->actions().playPause;
}

// ---------------------------------------------------------------- set-up

void MainWindow::connectActions()
{
    const ActionsController::Actions &a = m_actions->actions();
    // Also on the window itself, so the keys work in full screen with the
    // menu bar hidden.
    for (QAction *action : {a.openFile, a.openUrl, a.quit, a.playPause, a.forward, a.back,
                            a.volumeUp, a.volumeDown, a.mute, a.fullScreen, a.leaveFullScreen,
                            a.join, a.preferences, a.ready, a.shortcuts, a.slower, a.faster})
        addAction(action);
    connect(a.openFile, &QAction::triggered, this, &MainWindow::showOpenFileDialog);
    connect(a.openUrl, &QAction::triggered, this, &MainWindow::showOpenUrlDialog);
    connect(a.quit, &QAction::triggered, this, &QWidget::close);
    connect(a.host, &QAction::triggered, this, &MainWindow::showHostDialog);
    connect(a.join, &QAction::triggered, this, &MainWindow::showJoinDialog);
    connect(a.invite, &QAction::triggered, this, &MainWindow::showHostDialog);
    connect(a.copyInvite, &QAction::triggered, this, [this] {
        QApplication::clipboard()->setText(m_room->inviteLink());
        statusBar()->showMessage(tr("Invite link copied."), 3000);
    });
    connect(a.leave, &QAction::triggered, this, &MainWindow::leaveRoom);
    connect(a.stopHosting, &QAction::triggered, this, &MainWindow::stopHosting);
    connect(a.preferences, &QAction::triggered, this, [this] {
        PreferencesDialog dialog(m_settings, this);
        connect(&dialog, &PreferencesDialog::subtitleStyleChanged, m_tracks,
                &TracksBinding::applyStyle);
        dialog.exec();
    });
    connect(a.about, &QAction::triggered, this, &MainWindow::showAbout);
    connect(a.shortcuts, &QAction::triggered, this, [this] {
        // Every action of the window, the room panel's toggle included.
        ShortcutsDialog dialog(allActions(), this);
        dialog.exec();
    });
}

void MainWindow::connectControllers()
{
    auto *binding
        = new PlayerBinding(*m_player, *m_playback, *m_transport, *m_videoArea, *m_actions);
    connect(binding, &PlayerBinding::notice, this, &MainWindow::notify);
    connect(m_playback, &PlaybackController::mediaChanged, this, &MainWindow::updateWindowTitle);
    connect(m_playback, &PlaybackController::notice, this, &MainWindow::notify);

    connect(m_roomController, &RoomController::notice, this, &MainWindow::notify);
    connect(m_tracks, &TracksBinding::notice, this, &MainWindow::notify);
    connect(m_tracks, &TracksBinding::hint, m_toast,
            [this](const QString &text) { m_toast->showMessage(text); });
    connect(m_roomController, &RoomController::panelWanted, this, &MainWindow::showRoomPanel);
    connect(m_roomController, &RoomController::ended, this, &MainWindow::onRoomEnded);
    connect(m_room, &RoomSession::drained, this, [this] {
        if (m_closeWhenDrained)
            close();
    });

    connect(m_fullScreen, &FullScreenController::fullScreenChanged, this,
            &MainWindow::setFullScreen);
    connect(m_fullScreen, &FullScreenController::controlsHiddenChanged, this,
            &MainWindow::setControlsHidden);
}

void MainWindow::restoreSettings()
{
    if (!restoreGeometry(m_settings.windowGeometry())) {
        // First start: two thirds of the screen, centred.
        const QRect available = screen()->availableGeometry();
        resize(available.size() * 2 / 3);
        move(available.center() - rect().center());
    }
    restoreState(m_settings.windowState());
    m_volume->restore();
}

void MainWindow::saveSettings()
{
    m_fullScreen->setFullScreen(false);
    m_settings.setWindowGeometry(saveGeometry());
    m_settings.setWindowState(saveState());
    m_volume->save();
    m_settings.sync();
}

void MainWindow::start(const StartupOptions &options)
{
    if (!options.name.trimmed().isEmpty())
        m_nameOverride = options.name.trimmed();
    m_roomController->setInviteFile(options.inviteFilePath);
    if (options.audioDelayMs)
        m_audioDelay->setOverride(*options.audioDelayMs);
    if (!options.syncLogPath.isEmpty()) {
        m_syncLogger = new SyncLogger(*m_room, this);
        m_syncLogger->setSubtitleSource([this] { return m_tracks->shownSubtitle(); });
        QString error;
        if (!m_syncLogger->open(options.syncLogPath, &error))
            notify(tr("Cannot write the sync log %1: %2").arg(options.syncLogPath, error), true);
    }

    const bool roomAction = options.host || !options.joinLink.isEmpty();
    if (!options.open.isEmpty()) {
        openMedia(urlFromUserInput(options.open));
        // Joining or hosting decides when playback starts.
        if (roomAction)
            m_playback->cancelAutoplay();
    }
    if (!options.subtitles.isEmpty())
        m_tracks->loadSubtitleFile(QFileInfo(options.subtitles).absoluteFilePath());
    if (options.host) {
        HostOptions host;
        host.port = options.port.value_or(m_settings.hostPort());
        host.name = displayName();
        host.hostOnlyControl = m_settings.hostOnlyControl();
        host.inviteOnly = m_settings.hostInviteOnly();
        host.startWhenReady = m_settings.hostStartWhenReady();
        host.shareFile = m_settings.hostSharesFile();
        host.inviteExpiry = m_settings.inviteExpiry();
        host.server = options.server;
        host.authToken = options.authToken;
        QString error;
        if (!hostRoom(host, &error))
            QMessageBox::warning(this, tr("Cannot Host"), error);
    } else if (!options.joinLink.isEmpty()) {
        joinLink(options.joinLink, displayName());
    }
}

QString MainWindow::displayName() const
{
    return m_nameOverride.isEmpty() ? m_settings.displayName() : m_nameOverride;
}

// ---------------------------------------------------------------- media

void MainWindow::openMedia(const QUrl &url)
{
    if (url.scheme() == QLatin1String("lockstep")) {
        joinLink(url.toString(QUrl::FullyEncoded));
        return;
    }
    if (url.isLocalFile() && subtitles::isSubtitleFile(url.toLocalFile())) {
        m_tracks->loadSubtitleFile(url.toLocalFile());
        return;
    }
    m_playback->open(url);
}

void MainWindow::updateWindowTitle()
{
    if (m_playback->source().isEmpty()) {
        setWindowTitle(tr("Lockstep"));
        return;
    }
    setWindowTitle(tr("%1 – Lockstep").arg(m_playback->localMedia().displayName()));
}

// ---------------------------------------------------------------- full screen

void MainWindow::setFullScreen(bool fullScreen)
{
    if (fullScreen == isFullScreen())
        return;
    if (fullScreen) {
        m_wasMaximized = isMaximized();
        m_dockWasVisible = m_roomPanel->isVisible();
        menuBar()->hide();
        statusBar()->hide();
        m_roomPanel->hide();
        showFullScreen();
        return;
    }
    menuBar()->show();
    statusBar()->show();
    m_roomPanel->setVisible(m_dockWasVisible);
    if (m_wasMaximized)
        showMaximized();
    else
        showNormal();
}

void MainWindow::setControlsHidden(bool hidden)
{
    m_transport->setVisible(!hidden);
    if (hidden)
        m_videoArea->setCursor(Qt::BlankCursor);
    else
        m_videoArea->unsetCursor();
}

void MainWindow::changeEvent(QEvent *event)
{
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::WindowStateChange && !isFullScreen())
        m_fullScreen->setFullScreen(false); // left through the window manager
}

// ---------------------------------------------------------------- room

bool MainWindow::hostRoom(const HostOptions &options, QString *error)
{
    HostOptions effective = options;
    if (effective.name.trimmed().isEmpty())
        effective.name = displayName();
    return m_roomController->host(effective, error);
}

void MainWindow::stopHosting()
{
    if (m_room->isHosting()
        && confirmLeaving(m_room->hosting().hostsOnServer()
                              ? tr("Leave the room? It stays open on the server for the others.")
                              : tr("Stop hosting? The room closes for everyone in it.")))
        m_roomController->stopHosting();
}

void MainWindow::leaveRoom()
{
    if (m_room->isHosting())
        stopHosting();
    else
        m_roomController->leave();
}

void MainWindow::showRoomPanel()
{
    const bool first = !m_roomPanelSized;
    m_roomPanelSized = true;
    m_roomPanel->show();
    // Wide enough for names next to state, drift and round trip, unless the
    // user has sized it before.
    if (first && m_settings.windowState().isEmpty() && !m_roomPanel->isFloating()) {
        // Once the dock has been laid out; before that the request is lost.
        QTimer::singleShot(0, this, [this] {
            resizeDocks({m_roomPanel}, {fontMetrics().averageCharWidth() * 60}, Qt::Horizontal);
        });
    }
}

bool MainWindow::confirmLeaving(const QString &question)
{
    // Only worth asking when someone else would be affected.
    if (!isVisible() || !m_roomController->othersWouldNotice())
        return true;
    return QMessageBox::question(this, tr("Lockstep"), question,
                                 QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
        == QMessageBox::Yes;
}

void MainWindow::joinLink(const QString &link, const QString &name)
{
    if (m_room->connection().isActive() && m_joinDialog && m_joinDialog->isBusy())
        return;
    if (m_room->connection().isActive()
        && !confirmLeaving(m_room->isHosting()
                               ? tr("Join the other room? Your own room closes for everyone in it.")
                               : tr("Leave this room and join the other one?")))
        return;
    showJoinDialog();
    m_joinDialog->setLink(link);
    m_joinDialog->setName(name.isEmpty() ? displayName() : name);
    if (InviteLink::parse(link))
        m_joinDialog->startJoin();
}

void MainWindow::onRoomEnded(const QString &message, bool unexpected)
{
    if (m_videoArea->page() == VideoArea::Page::Message && m_playback->source().isEmpty())
        m_videoArea->showWelcome();
    if (m_roomController->canRetry()) {
        offerRetry(message);
        return;
    }
    if (unexpected && !m_joinDialog)
        showRoomPanel();
    notify(message, unexpected);
}

// One offer at a time, not modal: the video keeps playing behind it.
void MainWindow::offerRetry(const QString &message)
{
    if (m_retryOffer) {
        // Replaced, not answered: its closing must not dismiss the retry
        // that the new offer is about.
        m_retryOffer->disconnect(this);
        m_retryOffer->close();
    }
    m_notifications.append(message);
    while (m_notifications.size() > kMaxNotifications)
        m_notifications.removeFirst();
    statusBar()->showMessage(message, 5000);
    m_roomPanel->addActivity(message);
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Room Unreachable"), message,
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("retryOffer"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::NonModal);
    QPushButton *retry = box->addButton(tr("Try Again"), QMessageBox::AcceptRole);
    retry->setObjectName(QStringLiteral("retryButton"));
    box->addButton(tr("Leave"), QMessageBox::RejectRole)
        ->setObjectName(QStringLiteral("leaveButton"));
    box->setDefaultButton(retry);
    connect(box, &QMessageBox::finished, this, [this, box, retry] {
        if (box->clickedButton() == retry)
            m_roomController->retry();
        else
            m_roomController->dismissRetry();
    });
    m_retryOffer = box;
    box->show();
}

void MainWindow::notify(const QString &text, bool warning)
{
    if (text.isEmpty())
        return;
    m_notifications.append(text);
    while (m_notifications.size() > kMaxNotifications)
        m_notifications.removeFirst();
    m_toast->showMessage(text, warning);
    statusBar()->showMessage(text, 5000);
    m_roomPanel->addActivity(text);
}

// ---------------------------------------------------------------- dialogs

void MainWindow::showOpenFileDialog()
{
    const QUrl url = OpenMediaDialogs::askForFile(this, m_settings);
    if (!url.isEmpty())
        openMedia(url);
}

void MainWindow::showOpenUrlDialog()
{
    QString link;
    const QUrl url = OpenMediaDialogs::askForAddress(this, &link);
    if (!link.isEmpty())
        joinLink(link);
    else if (!url.isEmpty())
        openMedia(url);
}

void MainWindow::showHostDialog()
{
    if (!m_hostDialog && m_room->connection().isActive() && !m_room->isHosting()
        && !confirmLeaving(tr("Leave this room to host your own?")))
        return;
    if (!m_hostDialog) {
        m_hostDialog = new HostDialog(
            *m_room, m_settings, displayName(),
            [this](const HostOptions &options, QString *error) { return hostRoom(options, error); },
            this);
        m_hostDialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_hostDialog, &HostDialog::stopHostingRequested, this, &MainWindow::stopHosting);
    }
    m_hostDialog->show();
    m_hostDialog->raise();
    m_hostDialog->activateWindow();
}

void MainWindow::showJoinDialog()
{
    if (!m_joinDialog) {
        m_joinDialog = new JoinDialog(*m_room, m_settings, this);
        m_joinDialog->setAttribute(Qt::WA_DeleteOnClose);
        m_joinDialog->setName(displayName());
    }
    m_joinDialog->show();
    m_joinDialog->raise();
    m_joinDialog->activateWindow();
}

void MainWindow::showAbout()
{
    QMessageBox box(this);
    box.setWindowTitle(tr("About Lockstep"));
    box.setIconPixmap(Resources::appIcon().pixmap(QSize(96, 96), devicePixelRatioF()));
    box.setTextFormat(Qt::RichText);
    box.setText(tr("<h3>Lockstep %1</h3>"
                   "<p>Watch a video together: everyone plays their own copy, and Lockstep "
                   "keeps every player on one shared timeline.</p>"
                   "<p><a href=\"https://lockstep.app\">lockstep.app</a></p>"
                   "<p>Built with Qt %2, running on Qt %3.</p>")
                    .arg(QStringLiteral(LOCKSTEP_VERSION), QStringLiteral(QT_VERSION_STR),
                         QString::fromLatin1(qVersion())));
    box.exec();
}

// ---------------------------------------------------------------- window events

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_closeWhenDrained && m_room->hosting().isDraining()) {
        event->ignore();
        return;
    }
    if (!m_closeWhenDrained && m_room->isHosting()
        && !confirmLeaving(tr("Quit Lockstep? Your room closes for everyone in it."))) {
        event->ignore();
        return;
    }
    saveSettings();
    if (m_room->connection().isActive() || m_room->isHosting())
        m_roomController->leave();
    if (m_room->hosting().isDraining() && !m_closeWhenDrained) {
        // Give everyone the room's closing message before the process goes.
        m_closeWhenDrained = true;
        statusBar()->showMessage(tr("Closing the room…"));
        event->ignore();
        return;
    }
    m_toast->hide();
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    const QMimeData *data = event->mimeData();
    if (data->hasUrls() || (data->hasText() && InviteLink::looksLikeLink(data->text())))
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QMimeData *data = event->mimeData();
    if (data->hasText() && InviteLink::looksLikeLink(data->text())) {
        event->acceptProposedAction();
        joinLink(data->text().trimmed());
        return;
    }
    const QList<QUrl> urls = data->urls();
    if (urls.isEmpty())
        return;
    event->acceptProposedAction();
    openMedia(urls.first());
}

} // namespace lockstep::ui
