#include "MainWindow.h"

#include "FileOpenHandler.h"
#include "Icons.h"
#include "PreferencesDialog.h"
#include "Resources.h"
#include "SyncLogger.h"
#include "Toast.h"
#include "client/SessionClient.h"
#include "player/MediaPlayerBackend.h"
#include "player/TimeFormat.h"
#include "player/TrackMenu.h"
#include "player/TransportBar.h"
#include "player/VideoArea.h"
#include "room/HostDialog.h"
#include "room/InviteLink.h"
#include "room/JoinDialog.h"
#include "room/RoomPanel.h"
#include "room/RoomSession.h"
#include "room/ServerErrorText.h"
#include "sync/SyncController.h"

#include <QAction>
#include <QApplication>
#include <QAudio>
#include <QAudioOutput>
#include <QClipboard>
#include <QCloseEvent>
#include <QCursor>
#include <QDateTime>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSaveFile>
#include <QScreen>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyle>
#include <QTimer>
#include <QVBoxLayout>
#include <QVideoWidget>

#include <cmath>
#include <utility>

namespace lockstep::ui {

namespace {

constexpr double kSeekStep = 5.0; // s, Left/Right
constexpr int kVolumeStep = 5; // %, Up/Down
constexpr int kHideControlsMs = 2500;
constexpr int kSettleTimeoutMs = 15000;
constexpr int kMaxNotifications = 200;

QString mediaFileFilter()
{
    return MainWindow::tr("Videos and audio (%1);;All files (*)")
        .arg(QStringLiteral("*.mp4 *.m4v *.mkv *.webm *.mov *.avi *.wmv *.mpg *.mpeg *.ts "
                            "*.m2ts *.ogv *.flv *.3gp *.mp3 *.m4a *.aac *.ogg *.opus *.flac "
                            "*.wav"));
}

QUrl urlFromUserInput(const QString &text)
{
    return QUrl::fromUserInput(text, QDir::currentPath(), QUrl::AssumeLocalFile);
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_player(new QMediaPlayer(this)), m_audio(new QAudioOutput(this)),
      m_backend(new MediaPlayerBackend(*m_player, this)), m_room(new RoomSession(*m_backend, this)),
      m_fileOpenHandler(new FileOpenHandler(this))
{
    Resources::init();
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(Resources::appIcon());
    setAcceptDrops(true);
    m_player->setAudioOutput(m_audio);

    createActions();

    m_videoArea = new VideoArea(this);
    m_videoArea->setWelcomeActions({m_openFileAction, m_joinAction, m_hostAction});
    m_player->setVideoOutput(m_videoArea->videoWidget());
    m_transport = new TransportBar(m_playPauseAction, m_muteAction, m_fullScreenAction, this);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_videoArea, 1);
    layout->addWidget(m_transport);
    setCentralWidget(central);

    m_roomPanel = new RoomPanel(*m_room, m_hostAction, m_joinAction, m_leaveAction,
                                m_stopHostingAction, this);
    addDockWidget(Qt::RightDockWidgetArea, m_roomPanel);
    m_roomPanel->hide();

    m_toast = new Toast(m_videoArea);

    createMenus();
    createStatusBar();
    connectPlayer();
    connectRoom();

    connect(m_videoArea, &VideoArea::doubleClicked, m_fullScreenAction, &QAction::trigger);
    connect(m_videoArea, &VideoArea::contextMenuRequested, this, &MainWindow::showVideoContextMenu);
    connect(m_fileOpenHandler, &FileOpenHandler::inviteLinkOpened, this,
            [this](const QString &link) { joinLink(link); });
    connect(m_fileOpenHandler, &FileOpenHandler::mediaOpened, this, &MainWindow::openMedia);

    m_pointerTimer = new QTimer(this);
    m_pointerTimer->setInterval(200);
    connect(m_pointerTimer, &QTimer::timeout, this, &MainWindow::updateFullScreenControls);
    m_settleTimeout = new QTimer(this);
    m_settleTimeout->setSingleShot(true);
    m_settleTimeout->setInterval(kSettleTimeoutMs);
    connect(m_settleTimeout, &QTimer::timeout, this, &MainWindow::runSettledCallbacks);

    restoreSettings();
    updateMediaActions();
    updateRoomActions();
    updateWindowTitle();
    updateStatusBar();
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

// ---------------------------------------------------------------- set-up

void MainWindow::createActions()
{
    const auto make
        = [this](const QString &text, const QIcon &icon = {}, const QKeySequence &shortcut = {}) {
              auto *action = new QAction(icon, text, this);
              if (!shortcut.isEmpty()) {
                  action->setShortcut(shortcut);
                  // Also on the window itself, so the keys work in full screen
                  // with the menu bar hidden.
                  addAction(action);
              }
              return action;
          };

    m_openFileAction
        = make(tr("&Open File…"), Icons::themed("document-open", QStyle::SP_DialogOpenButton),
               QKeySequence::Open);
    m_openFileAction->setObjectName(QStringLiteral("openFileAction"));
    connect(m_openFileAction, &QAction::triggered, this, &MainWindow::showOpenFileDialog);
    m_openUrlAction
        = make(tr("Open &URL…"), Icons::themed("network-server", QStyle::SP_DriveNetIcon),
               QKeySequence(tr("Ctrl+U")));
    connect(m_openUrlAction, &QAction::triggered, this, &MainWindow::showOpenUrlDialog);
    m_quitAction
        = make(tr("&Quit"), Icons::themed("application-exit", QStyle::SP_DialogCloseButton),
               QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_playPauseAction
        = make(tr("&Play"), Icons::themed("media-playback-start", QStyle::SP_MediaPlay),
               QKeySequence(Qt::Key_Space));
    m_playPauseAction->setObjectName(QStringLiteral("playPauseAction"));
    connect(m_playPauseAction, &QAction::triggered, this, &MainWindow::togglePlayPause);
    m_forwardAction = make(tr("&Forward 5 Seconds"),
                           Icons::themed("media-seek-forward", QStyle::SP_MediaSeekForward),
                           QKeySequence(Qt::Key_Right));
    connect(m_forwardAction, &QAction::triggered, this, [this] { seekBy(kSeekStep); });
    m_backAction = make(tr("&Back 5 Seconds"),
                        Icons::themed("media-seek-backward", QStyle::SP_MediaSeekBackward),
                        QKeySequence(Qt::Key_Left));
    connect(m_backAction, &QAction::triggered, this, [this] { seekBy(-kSeekStep); });
    m_volumeUpAction
        = make(tr("Volume &Up"), Icons::themed("audio-volume-high", QStyle::SP_MediaVolume),
               QKeySequence(Qt::Key_Up));
    connect(m_volumeUpAction, &QAction::triggered, this,
            [this] { setVolume(m_transport->volume() + kVolumeStep); });
    m_volumeDownAction
        = make(tr("Volume &Down"), Icons::themed("audio-volume-low", QStyle::SP_MediaVolume),
               QKeySequence(Qt::Key_Down));
    connect(m_volumeDownAction, &QAction::triggered, this,
            [this] { setVolume(m_transport->volume() - kVolumeStep); });
    m_muteAction = make(tr("&Mute"), Icons::themed("audio-volume-high", QStyle::SP_MediaVolume),
                        QKeySequence(Qt::Key_M));
    m_muteAction->setObjectName(QStringLiteral("muteAction"));
    m_muteAction->setCheckable(true);
    connect(m_muteAction, &QAction::toggled, this, [this](bool muted) {
        m_settings.setMuted(muted);
        applyVolume();
    });

    m_fullScreenAction = make(tr("&Full Screen"), Icons::fullScreen(), QKeySequence(Qt::Key_F));
    m_fullScreenAction->setCheckable(true);
    connect(m_fullScreenAction, &QAction::toggled, this, &MainWindow::setFullScreen);
    m_leaveFullScreenAction = make(tr("Leave Full Screen"), {}, QKeySequence(Qt::Key_Escape));
    m_leaveFullScreenAction->setEnabled(false);
    connect(m_leaveFullScreenAction, &QAction::triggered, this,
            [this] { m_fullScreenAction->setChecked(false); });

    m_hostAction
        = make(tr("&Host a Room…"), Icons::themed("network-server", QStyle::SP_ComputerIcon));
    m_hostAction->setObjectName(QStringLiteral("hostAction"));
    connect(m_hostAction, &QAction::triggered, this, &MainWindow::showHostDialog);
    m_joinAction = make(tr("&Join a Room…"), Icons::themed("system-users", QStyle::SP_DirLinkIcon),
                        QKeySequence(tr("Ctrl+J")));
    m_joinAction->setObjectName(QStringLiteral("joinAction"));
    connect(m_joinAction, &QAction::triggered, this, &MainWindow::showJoinDialog);
    m_inviteAction
        = make(tr("&Invite People…"), Icons::themed("contact-new", QStyle::SP_FileLinkIcon));
    connect(m_inviteAction, &QAction::triggered, this, &MainWindow::showHostDialog);
    m_copyInviteAction
        = make(tr("&Copy Invite Link"), Icons::themed("edit-copy", QStyle::SP_FileLinkIcon));
    connect(m_copyInviteAction, &QAction::triggered, this, [this] {
        QApplication::clipboard()->setText(m_room->inviteLink());
        statusBar()->showMessage(tr("Invite link copied."), 3000);
    });
    m_resyncAction
        = make(tr("&Resync Everyone"), Icons::themed("view-refresh", QStyle::SP_BrowserReload));
    connect(m_resyncAction, &QAction::triggered, this, [this] {
        if (m_room->client().requestResyncAll())
            notify(tr("You asked everyone to resync."));
    });
    m_leaveAction
        = make(tr("&Leave Room"), Icons::themed("system-log-out", QStyle::SP_DialogCancelButton));
    m_leaveAction->setObjectName(QStringLiteral("leaveAction"));
    connect(m_leaveAction, &QAction::triggered, this, &MainWindow::leaveRoom);
    m_stopHostingAction
        = make(tr("&Stop Hosting"), Icons::themed("process-stop", QStyle::SP_BrowserStop));
    m_stopHostingAction->setObjectName(QStringLiteral("stopHostingAction"));
    connect(m_stopHostingAction, &QAction::triggered, this, &MainWindow::stopHosting);
    m_chooseRoomFileAction
        = make(tr("Choose &File…"), Icons::themed("document-open", QStyle::SP_DialogOpenButton));
    connect(m_chooseRoomFileAction, &QAction::triggered, this, &MainWindow::chooseRoomFile);

    m_preferencesAction = make(
        tr("&Preferences…"), Icons::themed("preferences-system", QStyle::SP_FileDialogDetailedView),
        QKeySequence::Preferences);
    m_preferencesAction->setMenuRole(QAction::PreferencesRole);
    connect(m_preferencesAction, &QAction::triggered, this, &MainWindow::showPreferences);
    m_aboutAction = make(tr("&About Lockstep"), Resources::appIcon());
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_openFileAction);
    file->addAction(m_openUrlAction);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::rebuildRecentMenu);
    rebuildRecentMenu();
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_preferencesAction);

    QMenu *playback = menuBar()->addMenu(tr("&Playback"));
    playback->addAction(m_playPauseAction);
    playback->addAction(m_backAction);
    playback->addAction(m_forwardAction);
    playback->addSeparator();
    playback->addAction(m_volumeUpAction);
    playback->addAction(m_volumeDownAction);
    playback->addAction(m_muteAction);
    playback->addSeparator();
    m_audioMenu = new TrackMenu(*m_player, TrackMenu::Kind::Audio, this);
    m_subtitleMenu = new TrackMenu(*m_player, TrackMenu::Kind::Subtitles, this);
    playback->addMenu(m_audioMenu);
    playback->addMenu(m_subtitleMenu);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_fullScreenAction);
    QAction *panel = m_roomPanel->toggleViewAction();
    panel->setText(tr("&Room Panel"));
    panel->setShortcut(QKeySequence(tr("Ctrl+R")));
    addAction(panel);
    view->addAction(panel);

    QMenu *room = menuBar()->addMenu(tr("&Room"));
    room->addAction(m_hostAction);
    room->addAction(m_joinAction);
    room->addSeparator();
    room->addAction(m_inviteAction);
    room->addAction(m_copyInviteAction);
    room->addAction(m_resyncAction);
    room->addSeparator();
    room->addAction(m_leaveAction);
    room->addAction(m_stopHostingAction);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_aboutAction);
    QAction *aboutQt = help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
    aboutQt->setMenuRole(QAction::AboutQtRole);
}

void MainWindow::createStatusBar()
{
    const auto label = [this](const char *name, const QString &toolTip) {
        auto *l = new QLabel(this);
        l->setObjectName(QString::fromLatin1(name));
        l->setToolTip(toolTip);
        l->setTextFormat(Qt::PlainText);
        statusBar()->addPermanentWidget(l);
        return l;
    };
    m_activityLabel = label("activityStatus", tr("What the sync engine is doing"));
    m_driftLabel = label("driftStatus",
                         tr("How far your player is from the room's timeline "
                            "(ahead is positive)"));
    m_rttLabel = label("rttStatus", tr("Round trip to the server"));
    m_offsetLabel = label("offsetStatus",
                          tr("Difference between this computer's clock and "
                             "the server's"));
    m_connectionLabel = label("connectionStatus", tr("Connection to the room"));

    m_statusTimer = new QTimer(this);
    m_statusTimer->setInterval(500);
    connect(m_statusTimer, &QTimer::timeout, this, &MainWindow::updateStatusBar);
    m_statusTimer->start();
}

void MainWindow::connectPlayer()
{
    connect(m_player, &QMediaPlayer::mediaStatusChanged, this, &MainWindow::onMediaStatusChanged);
    connect(m_player, &QMediaPlayer::errorOccurred, this, &MainWindow::onPlayerError);
    connect(m_player, &QMediaPlayer::playbackStateChanged, this, [this] {
        updatePlayAction();
        updateBuffering();
    });
    connect(m_player, &QMediaPlayer::positionChanged, this,
            [this](qint64 ms) { m_transport->setPosition(double(ms) / 1000.0); });
    connect(m_player, &QMediaPlayer::durationChanged, this, [this](qint64 ms) {
        m_transport->setDuration(double(ms) / 1000.0);
        if (m_localMedia.isLocalFile() && ms > 0 && m_source.isLocalFile())
            m_localMedia = RoomMedia::forLocalFile(m_source.toLocalFile(), double(ms) / 1000.0);
    });
    connect(m_player, &QMediaPlayer::seekableChanged, m_transport, &TransportBar::setSeekable);
    connect(m_player, &QMediaPlayer::bufferProgressChanged, this, &MainWindow::updateBuffering);
    connect(m_player, &QMediaPlayer::hasVideoChanged, this, [this](bool hasVideo) {
        if (hasVideo && m_videoArea->page() != VideoArea::Page::Video && mediaLoaded())
            m_videoArea->showVideo();
    });
    connect(m_transport, &TransportBar::seekRequested, this, &MainWindow::seekTo);
    connect(m_transport, &TransportBar::volumeChanged, this, [this](int volume) {
        m_settings.setVolume(volume);
        applyVolume();
    });
}

void MainWindow::connectRoom()
{
    using client::SessionClient;
    SessionClient &client = m_room->client();
    connect(m_room, &RoomSession::activeChanged, this, &MainWindow::onSessionActiveChanged);
    connect(m_room, &RoomSession::ended, this, &MainWindow::onRoomEnded);
    connect(m_room, &RoomSession::notice, this,
            [this](const QString &text) { notify(text, true); });
    connect(m_room, &RoomSession::hostingChanged, this, &MainWindow::updateRoomActions);
    connect(m_room, &RoomSession::inviteLinkChanged, this, [this](const QString &link) {
        updateRoomActions();
        writeInviteFile(link);
    });
    connect(m_room, &RoomSession::roomMediaChanged, this, &MainWindow::onRoomMediaChanged);
    connect(m_room, &RoomSession::drained, this, [this] {
        if (m_closeWhenDrained)
            close();
    });
    connect(&m_room->sync(), &sync::SyncController::timelineChanged, this,
            &MainWindow::updatePlayAction);
    connect(&m_room->sync(), &sync::SyncController::activityChanged, this,
            &MainWindow::updateStatusBar);

    connect(&client, &SessionClient::stateChanged, this, [this] {
        updateRoomActions();
        updateStatusBar();
    });
    connect(
        &client, &SessionClient::joined, this,
        [this](const protocol::RoomState &, double, bool rejoined) {
            updateRoomActions();
            if (rejoined) {
                notify(tr("Back in the room."));
                return;
            }
            showRoomPanel();
            notify(
                m_room->client().isHost()
                    ? tr("Your room is open.")
                    : tr("You joined %1's room.").arg(participantName(m_room->client().hostId())));
        });
    connect(&client, &SessionClient::clientJoined, this,
            [this](const QString &, const QString &name) { notify(tr("%1 joined").arg(name)); });
    connect(&client, &SessionClient::clientLeft, this,
            [this](const QString &, const QString &name) { notify(tr("%1 left").arg(name)); });
    connect(&client, &SessionClient::hostChanged, this,
            [this](const QString &hostId, const QString &) {
                updateRoomActions();
                if (hostId == m_room->client().clientId())
                    notify(tr("You are now the host."));
                else
                    notify(tr("%1 is now the host.").arg(participantName(hostId)));
            });
    connect(&client, &SessionClient::playerEventReceived, this,
            [this](const QString &from, const protocol::PlayerEvent &event, double) {
                onRemotePlayerEvent(from, int(event.action), event.position);
            });
    connect(&client, &SessionClient::mediaChanged, this,
            [this](const QString &from, const protocol::MediaChange &change, double) {
                m_lastMediaChangeFrom = from;
                m_lastMediaChangeAt = QDateTime::currentMSecsSinceEpoch();
                const RoomMedia media = RoomMedia::fromRoom(change.mediaUrl, change.media);
                notify(media.isEmpty()
                           ? tr("%1 closed the video.").arg(participantName(from))
                           : tr("%1 chose %2.").arg(participantName(from), media.displayName()));
            });
    connect(&client, &SessionClient::errorReceived, this, [this](const protocol::Error &error) {
        notify(ServerErrorText::describe(error), true);
    });
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
    {
        const QSignalBlocker blockMute(m_muteAction);
        m_muteAction->setChecked(m_settings.muted());
    }
    m_transport->setVolume(m_settings.volume());
    applyVolume();
}

void MainWindow::saveSettings()
{
    if (isFullScreen())
        setFullScreen(false);
    m_settings.setWindowGeometry(saveGeometry());
    m_settings.setWindowState(saveState());
    m_settings.setVolume(m_transport->volume());
    m_settings.setMuted(m_muteAction->isChecked());
    m_settings.sync();
}

void MainWindow::start(const StartupOptions &options)
{
    if (!options.name.trimmed().isEmpty())
        m_nameOverride = options.name.trimmed();
    m_inviteFilePath = options.inviteFilePath;
    if (!options.syncLogPath.isEmpty()) {
        m_syncLogger = new SyncLogger(m_room->sync(), m_room->client(), this);
        QString error;
        if (!m_syncLogger->open(options.syncLogPath, &error))
            notify(tr("Cannot write the sync log %1: %2").arg(options.syncLogPath, error), true);
    }

    const bool roomAction = options.host || !options.joinLink.isEmpty();
    if (!options.open.isEmpty()) {
        openMedia(urlFromUserInput(options.open));
        // Joining or hosting decides when playback starts.
        if (roomAction)
            m_autoplay = false;
    }
    if (options.host) {
        HostOptions host;
        host.port = options.port.value_or(m_settings.hostPort());
        host.name = displayName();
        host.hostOnlyControl = m_settings.hostOnlyControl();
        host.inviteOnly = m_settings.hostInviteOnly();
        host.inviteExpiry = m_settings.inviteExpiry();
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

bool MainWindow::mediaLoaded() const
{
    if (m_source.isEmpty() || m_player->error() != QMediaPlayer::NoError)
        return false;
    const QMediaPlayer::MediaStatus status = m_player->mediaStatus();
    return status != QMediaPlayer::NoMedia && status != QMediaPlayer::LoadingMedia
        && status != QMediaPlayer::InvalidMedia;
}

RoomMedia MainWindow::currentMedia() const
{
    if (m_source.isEmpty() || m_player->error() != QMediaPlayer::NoError)
        return {};
    return m_localMedia;
}

void MainWindow::openMedia(const QUrl &url)
{
    openMediaFrom(url, Origin::User);
}

void MainWindow::openMediaFrom(const QUrl &url, Origin origin)
{
    if (url.isEmpty() || !url.isValid())
        return;
    if (url.scheme() == QLatin1String("lockstep")) {
        joinLink(url.toString(QUrl::FullyEncoded));
        return;
    }
    if (url.isLocalFile() && !QFileInfo::exists(url.toLocalFile())) {
        notify(tr("The file %1 does not exist.").arg(QDir::toNativeSeparators(url.toLocalFile())),
               true);
        return;
    }
    if (origin == Origin::User && m_room->isActive()) {
        if (m_awaitingRoomFile && url.isLocalFile()) {
            origin = Origin::RoomCopy;
        } else if (!m_room->inRoom()) {
            notify(tr("Wait until you are in the room to choose what it watches."), true);
            return;
        } else if (!m_room->sync().canControl()) {
            notify(tr("Only the host can change what the room watches."), true);
            return;
        } else {
            m_announcePending = true;
        }
    }
    if (origin == Origin::User && !m_room->isActive())
        m_autoplay = true;
    if (origin == Origin::RoomCopy) {
        m_awaitingRoomFile = false;
        m_checkMatchPending = true;
    }
    if (m_roomFileDialog)
        m_roomFileDialog->close();

    if (origin != Origin::Room) {
        if (url.isLocalFile()) {
            const QFileInfo file(url.toLocalFile());
            m_settings.addRecentMedia(file.absoluteFilePath());
            m_settings.setLastDirectory(file.absolutePath());
        } else {
            m_settings.addRecentMedia(url.toString());
        }
    }
    load(url);
}

void MainWindow::load(const QUrl &url)
{
    m_source = url;
    m_localMedia = url.isLocalFile() ? RoomMedia::forLocalFile(url.toLocalFile(), 0.0)
                                     : RoomMedia::forStream(url);
    m_loading = true;
    m_transport->setDuration(0.0);
    m_transport->setPosition(0.0);
    m_player->setPlaybackRate(1.0);
    m_player->setSource(url);
    m_videoArea->showVideo();
    m_settleTimeout->start();
    updateMediaActions();
    updateWindowTitle();
}

void MainWindow::unload()
{
    m_source.clear();
    m_localMedia = RoomMedia();
    m_announcePending = false;
    m_checkMatchPending = false;
    m_autoplay = false;
    m_player->stop();
    m_player->setSource(QUrl());
    m_transport->setDuration(0.0);
    m_transport->setBuffering(false);
    updateMediaActions();
    updateWindowTitle();
}

void MainWindow::onMediaStatusChanged(QMediaPlayer::MediaStatus status)
{
    switch (status) {
    case QMediaPlayer::LoadedMedia:
        if (m_loading)
            onMediaLoaded();
        break;
    case QMediaPlayer::BufferingMedia:
    case QMediaPlayer::StalledMedia:
    case QMediaPlayer::BufferedMedia:
    case QMediaPlayer::EndOfMedia:
        if (m_loading)
            onMediaLoaded();
        break;
    case QMediaPlayer::InvalidMedia:
        // errorOccurred follows with the reason.
        m_loading = false;
        runSettledCallbacks();
        break;
    case QMediaPlayer::NoMedia:
    case QMediaPlayer::LoadingMedia:
        break;
    }
    updateBuffering();
    updateMediaActions();
}

void MainWindow::onMediaLoaded()
{
    m_loading = false;
    m_transport->setDuration(double(m_player->duration()) / 1000.0);
    if (m_source.isLocalFile())
        m_localMedia = RoomMedia::forLocalFile(m_source.toLocalFile(),
                                               double(m_player->duration()) / 1000.0);
    if (!m_player->hasVideo()) {
        m_videoArea->showMessage(Icons::themed("audio-x-generic", QStyle::SP_MediaVolume),
                                 m_localMedia.displayName(), tr("Audio only"));
    } else {
        m_videoArea->showVideo();
    }

    if (m_announcePending && m_room->inRoom() && m_room->sync().canControl()) {
        m_room->changeMedia(m_localMedia);
        notify(tr("Everyone in the room now watches %1.").arg(m_localMedia.displayName()));
    }
    m_announcePending = false;
    if (m_checkMatchPending) {
        m_checkMatchPending = false;
        checkRoomFileMatch();
    }
    if (m_autoplay && !m_room->isActive())
        m_player->play();
    m_autoplay = false;
    runSettledCallbacks();
}

void MainWindow::onPlayerError(QMediaPlayer::Error error, const QString &errorString)
{
    if (error == QMediaPlayer::NoError)
        return;
    m_loading = false;
    m_announcePending = false;
    m_autoplay = false;
    QString hint;
    switch (error) {
    case QMediaPlayer::FormatError:
        hint = tr("The format is not supported, or the file is damaged. Installing more "
                  "codecs (for example the GStreamer \"bad\" and \"libav\" plugins) may help.");
        break;
    case QMediaPlayer::NetworkError:
        hint = tr("The stream could not be reached. Check the address and your connection.");
        break;
    case QMediaPlayer::AccessDeniedError:
        hint = tr("Lockstep is not allowed to read it.");
        break;
    case QMediaPlayer::ResourceError:
    case QMediaPlayer::NoError:
        hint = tr("The file may be missing, damaged or in a format that cannot be played.");
        break;
    }
    const QString name = m_localMedia.displayName();
    QString detail = hint;
    if (!errorString.isEmpty())
        detail += QStringLiteral("\n\n") + tr("Details: %1").arg(errorString);
    m_videoArea->showMessage(Icons::themed("dialog-error", QStyle::SP_MessageBoxCritical),
                             tr("Cannot play %1").arg(name), detail,
                             {m_openFileAction, m_openUrlAction});
    notify(tr("Cannot play %1.").arg(name), true);
    m_transport->setBuffering(false);
    updateMediaActions();
    runSettledCallbacks();
}

void MainWindow::whenMediaSettled(std::function<void()> callback)
{
    if (!m_loading) {
        callback();
        return;
    }
    m_settledCallbacks.append(std::move(callback));
}

void MainWindow::runSettledCallbacks()
{
    m_settleTimeout->stop();
    const QList<std::function<void()>> callbacks = std::exchange(m_settledCallbacks, {});
    for (const auto &callback : callbacks)
        callback();
}

bool MainWindow::isPlayingIntent() const
{
    const sync::SyncController &sync = m_room->sync();
    if (m_room->inRoom() && sync.hasTimeline())
        return sync.timeline().isPlaying();
    return m_player->playbackState() == QMediaPlayer::PlayingState;
}

void MainWindow::updatePlayAction()
{
    if (isPlayingIntent()) {
        m_playPauseAction->setText(tr("&Pause"));
        m_playPauseAction->setIcon(Icons::themed("media-playback-pause", QStyle::SP_MediaPause));
    } else {
        m_playPauseAction->setText(tr("&Play"));
        m_playPauseAction->setIcon(Icons::themed("media-playback-start", QStyle::SP_MediaPlay));
    }
    m_playPauseAction->setToolTip(
        tr("%1 (%2)").arg(m_playPauseAction->text().remove(QLatin1Char('&')),
                          m_playPauseAction->shortcut().toString(QKeySequence::NativeText)));
}

void MainWindow::updateMediaActions()
{
    const bool loaded = mediaLoaded();
    m_playPauseAction->setEnabled(loaded);
    m_forwardAction->setEnabled(loaded);
    m_backAction->setEnabled(loaded);
    updatePlayAction();
}

void MainWindow::updateBuffering()
{
    const QMediaPlayer::MediaStatus status = m_player->mediaStatus();
    const bool waiting
        = (status == QMediaPlayer::BufferingMedia || status == QMediaPlayer::StalledMedia)
        && m_player->playbackState() == QMediaPlayer::PlayingState;
    const bool loadingStream = m_loading && !m_source.isLocalFile() && !m_source.isEmpty();
    if (waiting)
        m_transport->setBuffering(true, m_player->bufferProgress());
    else
        m_transport->setBuffering(loadingStream);
}

void MainWindow::updateWindowTitle()
{
    if (m_source.isEmpty()) {
        setWindowTitle(tr("Lockstep"));
        return;
    }
    setWindowTitle(tr("%1 – Lockstep").arg(m_localMedia.displayName()));
}

void MainWindow::togglePlayPause()
{
    if (!mediaLoaded())
        return;
    if (m_room->inRoom()) {
        if (!m_room->sync().togglePlayPause())
            refusedControl();
        updatePlayAction();
        return;
    }
    if (m_player->playbackState() == QMediaPlayer::PlayingState)
        m_player->pause();
    else
        m_player->play();
}

void MainWindow::seekBy(double seconds)
{
    if (!mediaLoaded())
        return;
    seekTo(double(m_player->position()) / 1000.0 + seconds);
}

void MainWindow::seekTo(double seconds)
{
    if (!mediaLoaded())
        return;
    const double duration = double(m_player->duration()) / 1000.0;
    seconds = std::max(0.0, duration > 0.0 ? std::min(seconds, duration) : seconds);
    if (m_room->inRoom()) {
        if (!m_room->sync().seek(seconds)) {
            refusedControl();
            m_transport->setPosition(double(m_player->position()) / 1000.0);
        }
        return;
    }
    m_player->setPosition(qint64(std::llround(seconds * 1000.0)));
}

void MainWindow::refusedControl()
{
    notify(tr("Only the host controls playback in this room"), true);
}

void MainWindow::setVolume(int volume)
{
    m_transport->setVolume(std::clamp(volume, 0, 100));
    if (m_muteAction->isChecked() && volume > 0)
        m_muteAction->setChecked(false);
}

void MainWindow::applyVolume()
{
    const bool muted = m_muteAction->isChecked();
    const int volume = m_transport->volume();
    // The slider is perceptual; the output wants a linear gain.
    m_audio->setVolume(float(QAudio::convertVolume(volume / 100.0, QAudio::LogarithmicVolumeScale,
                                                   QAudio::LinearVolumeScale)));
    m_audio->setMuted(muted);
    if (muted || volume == 0)
        m_muteAction->setIcon(Icons::themed("audio-volume-muted", QStyle::SP_MediaVolumeMuted));
    else if (volume < 34)
        m_muteAction->setIcon(Icons::themed("audio-volume-low", QStyle::SP_MediaVolume));
    else if (volume < 67)
        m_muteAction->setIcon(Icons::themed("audio-volume-medium", QStyle::SP_MediaVolume));
    else
        m_muteAction->setIcon(Icons::themed("audio-volume-high", QStyle::SP_MediaVolume));
    m_muteAction->setToolTip(muted ? tr("Unmute (M)") : tr("Mute (M)"));
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
        m_lastPointer = QCursor::pos();
        m_pointerMovedAt = QDateTime::currentMSecsSinceEpoch();
        m_pointerTimer->start();
    } else {
        m_pointerTimer->stop();
        m_controlsHidden = false;
        m_transport->show();
        m_videoArea->unsetCursor();
        menuBar()->show();
        statusBar()->show();
        m_roomPanel->setVisible(m_dockWasVisible);
        if (m_wasMaximized)
            showMaximized();
        else
            showNormal();
    }
    const QSignalBlocker blocker(m_fullScreenAction);
    m_fullScreenAction->setChecked(fullScreen);
    m_leaveFullScreenAction->setEnabled(fullScreen);
    m_fullScreenAction->setIcon(fullScreen ? Icons::leaveFullScreen() : Icons::fullScreen());
}

void MainWindow::updateFullScreenControls()
{
    const QPoint pointer = QCursor::pos();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const bool overControls = m_transport->isVisible()
        && m_transport->rect().contains(m_transport->mapFromGlobal(pointer));
    if (pointer != m_lastPointer || overControls) {
        m_lastPointer = pointer;
        m_pointerMovedAt = now;
        if (m_controlsHidden) {
            m_controlsHidden = false;
            m_transport->show();
            m_videoArea->unsetCursor();
        }
        return;
    }
    if (!m_controlsHidden && now - m_pointerMovedAt > kHideControlsMs && isPlayingIntent()) {
        m_controlsHidden = true;
        m_transport->hide();
        m_videoArea->setCursor(Qt::BlankCursor);
    }
}

void MainWindow::changeEvent(QEvent *event)
{
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::WindowStateChange && !isFullScreen()
        && m_fullScreenAction->isChecked()) {
        // Left full screen through the window manager.
        m_fullScreenAction->setChecked(false);
    }
}

// ---------------------------------------------------------------- room

bool MainWindow::hostRoom(const HostOptions &options, QString *error)
{
    HostOptions effective = options;
    if (effective.name.trimmed().isEmpty())
        effective.name = displayName();
    m_leavingOnPurpose = false;
    if (!m_room->startServer(effective, error))
        return false;
    m_autoplay = false;
    showRoomPanel();
    // The room starts where the host is, paused, once the media's length is known.
    whenMediaSettled([this] {
        if (m_room->isHosting() && !m_room->isActive())
            m_room->createRoom(currentMedia(), double(m_player->position()) / 1000.0);
    });
    return true;
}

void MainWindow::stopHosting()
{
    if (!m_room->isHosting())
        return;
    if (!confirmLeaving(tr("Stop hosting? The room closes for everyone in it.")))
        return;
    m_leavingOnPurpose = true;
    m_room->stopHosting();
}

void MainWindow::leaveRoom()
{
    if (m_room->isHosting()) {
        stopHosting();
        return;
    }
    m_leavingOnPurpose = true;
    m_room->leave();
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
            resizeDocks({m_roomPanel}, {fontMetrics().averageCharWidth() * 52}, Qt::Horizontal);
        });
    }
}

bool MainWindow::confirmLeaving(const QString &question)
{
    // Only worth asking when someone else would be affected.
    if (!isVisible() || m_room->client().participants().size() < 2)
        return true;
    return QMessageBox::question(this, tr("Lockstep"), question,
                                 QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
        == QMessageBox::Yes;
}

void MainWindow::joinLink(const QString &link, const QString &name)
{
    if (m_room->isActive() && m_joinDialog && m_joinDialog->isBusy())
        return;
    if (m_room->isActive()
        && !confirmLeaving(m_room->isHosting()
                               ? tr("Join the other room? Your own room closes for everyone in it.")
                               : tr("Leave this room and join the other one?")))
        return;
    showJoinDialog();
    m_joinDialog->setLink(link);
    m_joinDialog->setName(name.isEmpty() ? displayName() : name);
    m_leavingOnPurpose = false;
    if (InviteLink::parse(link))
        m_joinDialog->startJoin();
}

void MainWindow::onSessionActiveChanged(bool active)
{
    if (active) {
        m_leavingOnPurpose = false;
        showRoomPanel();
    }
    updateRoomActions();
    updateStatusBar();
}

void MainWindow::onRoomEnded(const QString &message)
{
    m_awaitingRoomFile = false;
    m_announcePending = false;
    if (m_roomFileDialog)
        m_roomFileDialog->close();
    // The engine may have left the player nudged.
    if (!qFuzzyCompare(m_player->playbackRate(), 1.0))
        m_player->setPlaybackRate(1.0);
    if (m_videoArea->page() == VideoArea::Page::Message && m_source.isEmpty())
        m_videoArea->showWelcome();
    const bool unexpected = !m_leavingOnPurpose;
    if (unexpected && !m_joinDialog)
        showRoomPanel();
    m_leavingOnPurpose = false;
    notify(message, unexpected);
    updateRoomActions();
    updateStatusBar();
    updatePlayAction();
}

QString MainWindow::participantName(const QString &clientId) const
{
    const QString name = m_room->client().participantName(clientId);
    return name.isEmpty() ? tr("Someone") : name;
}

void MainWindow::onRemotePlayerEvent(const QString &from, int action, double position)
{
    if (from == m_room->client().clientId())
        return;
    const QString who = participantName(from);
    const QString when = formatMediaTime(position);
    switch (protocol::PlayerAction(action)) {
    case protocol::PlayerAction::Play:
        notify(tr("%1 pressed play at %2").arg(who, when));
        break;
    case protocol::PlayerAction::Pause:
        // A media change is followed by the chooser's own pause at the start.
        if (from == m_lastMediaChangeFrom
            && QDateTime::currentMSecsSinceEpoch() - m_lastMediaChangeAt < 3000 && position < 1.0)
            break;
        notify(tr("%1 paused at %2").arg(who, when));
        break;
    case protocol::PlayerAction::Seek:
        notify(tr("%1 jumped to %2").arg(who, when));
        break;
    }
}

void MainWindow::onRoomMediaChanged(const RoomMedia &media, const QString &ownerId)
{
    if (!m_room->inRoom())
        return;
    if (ownerId == m_room->client().clientId() && !media.isEmpty()
        && media.mediaUrl() == m_localMedia.mediaUrl() && !m_source.isEmpty())
        return; // our own choice, already playing
    if (m_roomFileDialog)
        m_roomFileDialog->close();
    m_awaitingRoomFile = false;

    if (media.isEmpty()) {
        unload();
        if (m_room->sync().canControl())
            m_videoArea->showMessage(Resources::appIcon(), tr("Nothing chosen yet"),
                                     tr("Open a file or a stream: everyone in the room will "
                                        "watch it with you."),
                                     {m_openFileAction, m_openUrlAction});
        else
            m_videoArea->showMessage(Resources::appIcon(),
                                     tr("Waiting for %1 to choose what to watch")
                                         .arg(participantName(m_room->client().hostId())),
                                     QString());
        return;
    }
    if (media.isStream()) {
        if (m_source != media.streamUrl())
            load(media.streamUrl());
        return;
    }
    // A local file: keep ours if it is the same one, else ask for it.
    if (m_source.isLocalFile() && m_localMedia.info() && media.info()
        && RoomMedia::sameFile(*m_localMedia.info(), *media.info())) {
        if (m_player->error() == QMediaPlayer::NoError)
            return;
    }
    promptForRoomFile();
}

void MainWindow::promptForRoomFile()
{
    const RoomMedia media = m_room->roomMedia();
    unload();
    m_awaitingRoomFile = true;
    const QString owner = participantName(m_room->mediaOwnerId());
    m_videoArea->showMessage(
        Icons::themed("video-x-generic", QStyle::SP_FileIcon),
        tr("Choose your copy of %1").arg(media.displayName()),
        tr("%1 is watching %2. Everyone plays their own copy of the file, so choose yours to "
           "watch along.")
            .arg(owner, media.describe()),
        {m_chooseRoomFileAction});
    updateWindowTitle();
    // Asked at once, without blocking: the room carries on meanwhile.
    QTimer::singleShot(0, this, [this] {
        if (m_awaitingRoomFile && isVisible())
            chooseRoomFile();
    });
}

void MainWindow::chooseRoomFile()
{
    if (!m_awaitingRoomFile || m_roomFileDialog)
        return;
    const RoomMedia media = m_room->roomMedia();
    const QString name = media.info() ? media.info()->name : media.displayName();

    // Look where the user keeps videos: a recent file of that name first.
    QString directory = m_settings.lastDirectory();
    for (const QString &recent : m_settings.recentMedia()) {
        const QFileInfo file(recent);
        if (file.fileName() == name && file.exists()) {
            directory = file.absolutePath();
            break;
        }
    }
    if (directory.isEmpty())
        directory = QDir::homePath();

    auto *dialog = new QFileDialog(this, tr("Choose Your Copy of %1").arg(name), directory,
                                   mediaFileFilter());
    dialog->setObjectName(QStringLiteral("roomFileDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    if (QFileInfo::exists(QDir(directory).filePath(name)))
        dialog->selectFile(name);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) {
        if (!path.isEmpty())
            openMediaFrom(QUrl::fromLocalFile(path), Origin::RoomCopy);
    });
    m_roomFileDialog = dialog;
    dialog->open();
}

void MainWindow::checkRoomFileMatch()
{
    const RoomMedia room = m_room->roomMedia();
    if (!room.info() || !m_localMedia.info())
        return;
    const QString ownerId = m_room->mediaOwnerId();
    const QStringList differences
        = RoomMedia::differences(*m_localMedia.info(), *room.info(), participantName(ownerId),
                                 ownerId == m_room->client().hostId());
    if (differences.isEmpty())
        return;
    notify(differences.join(QLatin1Char(' ')), true);
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Is This the Right File?"),
                                tr("This file may not be the one the room is watching."),
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("mismatchWarning"));
    box->setInformativeText(differences.join(QLatin1Char('\n')));
    box->addButton(tr("Use This File"), QMessageBox::AcceptRole);
    QPushButton *other = box->addButton(tr("Choose Another…"), QMessageBox::RejectRole);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, other] {
        if (box->clickedButton() == other && m_room->inRoom()) {
            m_awaitingRoomFile = true;
            chooseRoomFile();
        }
    });
    box->open();
}

void MainWindow::writeInviteFile(const QString &link)
{
    if (m_inviteFilePath.isEmpty() || link.isEmpty())
        return;
    QSaveFile file(m_inviteFilePath);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text)) {
        notify(
            tr("Cannot write the invite link to %1: %2").arg(m_inviteFilePath, file.errorString()),
            true);
        return;
    }
    file.write(link.toUtf8() + '\n');
    file.commit();
}

void MainWindow::updateRoomActions()
{
    const client::SessionClient &client = m_room->client();
    const bool active = m_room->isActive();
    const bool hosting = m_room->isHosting();
    m_hostAction->setEnabled(!hosting);
    m_inviteAction->setEnabled(hosting);
    m_inviteAction->setVisible(hosting);
    m_copyInviteAction->setEnabled(!m_room->inviteLink().isEmpty());
    m_resyncAction->setEnabled(client.inRoom() && client.isHost());
    m_leaveAction->setEnabled(active && !hosting);
    m_leaveAction->setVisible(!hosting);
    m_stopHostingAction->setEnabled(hosting);
    m_stopHostingAction->setVisible(hosting);
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
    QString directory = m_settings.lastDirectory();
    if (directory.isEmpty())
        directory = QStandardPaths::writableLocation(QStandardPaths::MoviesLocation);
    const QString path
        = QFileDialog::getOpenFileName(this, tr("Open File"), directory, mediaFileFilter());
    if (!path.isEmpty())
        openMedia(QUrl::fromLocalFile(path));
}

void MainWindow::showOpenUrlDialog()
{
    bool ok = false;
    const QString text = QInputDialog::getText(
        this, tr("Open URL"),
        tr("Address of a video stream (http, https, rtsp…), or an invite link:"), QLineEdit::Normal,
        QString(), &ok);
    if (!ok || text.trimmed().isEmpty())
        return;
    if (InviteLink::looksLikeLink(text)) {
        joinLink(text.trimmed());
        return;
    }
    const QUrl url = QUrl::fromUserInput(text.trimmed());
    if (!RoomMedia::isStreamUrl(url) && !url.isLocalFile()) {
        QMessageBox::warning(this, tr("Open URL"),
                             tr("“%1” is not an address Lockstep can play.").arg(text.trimmed()));
        return;
    }
    openMedia(url);
}

void MainWindow::showHostDialog()
{
    if (!m_hostDialog && m_room->isActive() && !m_room->isHosting()
        && !confirmLeaving(tr("Leave this room to host your own?")))
        return;
    if (!m_hostDialog) {
        m_hostDialog = new HostDialog(
            *m_room, m_settings, displayName(),
            [this](const HostOptions &options, QString *error) { return hostRoom(options, error); },
            this);
        m_hostDialog->setAttribute(Qt::WA_DeleteOnClose);
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

void MainWindow::showPreferences()
{
    PreferencesDialog dialog(m_settings, this);
    dialog.exec();
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

void MainWindow::rebuildRecentMenu()
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
        connect(action, &QAction::triggered, this, [this, url] { openMedia(url); });
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

void MainWindow::showVideoContextMenu(const QPoint &globalPosition)
{
    QMenu menu(this);
    menu.addAction(m_playPauseAction);
    menu.addAction(m_fullScreenAction);
    menu.addSeparator();
    menu.addMenu(m_audioMenu);
    menu.addMenu(m_subtitleMenu);
    menu.addSeparator();
    menu.addAction(m_openFileAction);
    menu.addAction(m_roomPanel->toggleViewAction());
    menu.exec(globalPosition);
}

// ---------------------------------------------------------------- status bar

void MainWindow::updateStatusBar()
{
    using State = client::SessionClient::State;
    const client::SessionClient &client = m_room->client();
    const bool inRoom = client.inRoom();
    QString connection;
    switch (client.state()) {
    case State::Idle:
        connection = tr("Not in a room");
        break;
    case State::Connecting:
        connection = tr("Connecting…");
        break;
    case State::Joining:
        connection = tr("Entering the room…");
        break;
    case State::InRoom:
        connection = m_room->isHosting()
            ? tr("Hosting · %1 watching").arg(client.participants().size())
            : tr("In a room · %1 watching").arg(client.participants().size());
        break;
    case State::Reconnecting:
        connection = tr("Reconnecting…");
        break;
    }
    m_connectionLabel->setText(connection);

    const sync::SyncSnapshot snapshot = m_room->sync().snapshot();
    m_rttLabel->setVisible(inRoom);
    m_offsetLabel->setVisible(inRoom);
    m_driftLabel->setVisible(inRoom && m_room->sync().hasTimeline() && mediaLoaded());
    m_activityLabel->setVisible(inRoom);
    if (!inRoom)
        return;
    m_rttLabel->setText(tr("RTT %1").arg(formatMilliseconds(snapshot.rtt * 1000.0, false)));
    m_offsetLabel->setText(tr("Clock %1").arg(formatMilliseconds(snapshot.offset * 1000.0)));
    m_driftLabel->setText(tr("Drift %1").arg(formatMilliseconds(snapshot.error * 1000.0)));
    QString activity;
    switch (snapshot.activity) {
    case sync::SyncActivity::NotInRoom:
        activity = tr("Not synced");
        break;
    case sync::SyncActivity::NoMedia:
        activity = tr("No media");
        break;
    case sync::SyncActivity::Paused:
        activity = tr("Paused with the room");
        break;
    case sync::SyncActivity::InSync:
        activity = tr("In sync");
        break;
    case sync::SyncActivity::Nudging:
        activity = tr("Adjusting speed (%1×)").arg(QLocale().toString(snapshot.rate, 'f', 3));
        break;
    case sync::SyncActivity::Seeking:
        activity = tr("Catching up");
        break;
    case sync::SyncActivity::Buffering:
        activity = tr("Buffering");
        break;
    }
    m_activityLabel->setText(activity);
}

// ---------------------------------------------------------------- window events

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_closeWhenDrained && m_room->isDraining()) {
        event->ignore();
        return;
    }
    if (!m_closeWhenDrained && m_room->isHosting()
        && !confirmLeaving(tr("Quit Lockstep? Your room closes for everyone in it."))) {
        event->ignore();
        return;
    }
    saveSettings();
    if (m_room->isHosting()) {
        m_leavingOnPurpose = true;
        m_room->stopHosting();
    } else if (m_room->isActive()) {
        m_leavingOnPurpose = true;
        m_room->leave();
    }
    if (m_room->isDraining() && !m_closeWhenDrained) {
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
