#pragma once

#include "Settings.h"
#include "StartupOptions.h"
#include "room/HostOptions.h"
#include "room/RoomMedia.h"

#include <QMainWindow>
#include <QMediaPlayer>
#include <QPointer>
#include <QUrl>

#include <functional>

class QAction;
class QAudioOutput;
class QFileDialog;
class QLabel;
class QMenu;
class QTimer;

namespace lockstep::ui {

class FileOpenHandler;
class JoinDialog;
class HostDialog;
class MediaPlayerBackend;
class RoomPanel;
class RoomSession;
class SyncLogger;
class Toast;
class TrackMenu;
class TransportBar;
class VideoArea;

// The player window: video, transport bar, menus, the room panel and the
// status bar. Outside a room the controls drive the player directly; in a
// room they go through the sync engine, which moves everyone's player.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // What the command line asked for.
    void start(const StartupOptions &options);

    // Plays a local file or a stream; in a room, picks the room's file or
    // (for whoever may control playback) changes what the room watches.
    void openMedia(const QUrl &url);
    // Starts hosting and creates the room once the current media is loaded.
    bool hostRoom(const HostOptions &options, QString *error = nullptr);
    // Opens the join dialog for `link` and starts joining.
    void joinLink(const QString &link, const QString &name = {});
    void stopHosting();
    void leaveRoom();

    // The name others see: --name for this run, else the saved one.
    QString displayName() const;

    QMediaPlayer &player() const { return *m_player; }
    RoomSession &roomSession() const { return *m_room; }
    RoomPanel *roomPanel() const { return m_roomPanel; }
    TransportBar *transportBar() const { return m_transport; }
    VideoArea *videoArea() const { return m_videoArea; }
    JoinDialog *joinDialog() const;
    Toast *toast() const { return m_toast; }
    QAction *playPauseAction() const { return m_playPauseAction; }
    FileOpenHandler *fileOpenHandler() const { return m_fileOpenHandler; }
    // What the window last told the user (toast, status bar and log).
    QStringList notifications() const { return m_notifications; }

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    enum class Origin {
        User, // chosen from a menu, a drop, the command line
        RoomCopy, // the user's own copy of the room's file
        Room, // the room's stream, opened for the room
    };

    void createActions();
    void createMenus();
    void createStatusBar();
    void connectPlayer();
    void connectRoom();
    void restoreSettings();
    void saveSettings();

    // Player
    void openMediaFrom(const QUrl &url, Origin origin);
    void load(const QUrl &url);
    void unload();
    void togglePlayPause();
    void seekBy(double seconds);
    void seekTo(double seconds);
    void setVolume(int volume);
    void applyVolume();
    void setFullScreen(bool fullScreen);
    void onMediaStatusChanged(QMediaPlayer::MediaStatus status);
    void onPlayerError(QMediaPlayer::Error error, const QString &errorString);
    void onMediaLoaded();
    void whenMediaSettled(std::function<void()> callback);
    void runSettledCallbacks();
    void updatePlayAction();
    void updateMediaActions();
    void updateBuffering();
    void updateWindowTitle();
    bool mediaLoaded() const;
    bool isPlayingIntent() const;
    RoomMedia currentMedia() const;

    // Room
    void onRoomMediaChanged(const RoomMedia &media, const QString &ownerId);
    void promptForRoomFile();
    void chooseRoomFile();
    void checkRoomFileMatch();
    void onSessionActiveChanged(bool active);
    void onRoomEnded(const QString &message);
    void onRemotePlayerEvent(const QString &from, int action, double position);
    void writeInviteFile(const QString &link);
    void updateRoomActions();
    QString participantName(const QString &clientId) const;
    void showRoomPanel();
    bool confirmLeaving(const QString &question);
    // A notice in the toast, the status bar and the room's activity log.
    void notify(const QString &text, bool warning = false);
    void refusedControl();

    // Dialogs
    void showOpenFileDialog();
    void showOpenUrlDialog();
    void showHostDialog();
    void showJoinDialog();
    void showPreferences();
    void showAbout();
    void rebuildRecentMenu();
    void showVideoContextMenu(const QPoint &globalPosition);

    void updateStatusBar();
    void updateFullScreenControls();

    Settings m_settings;
    QMediaPlayer *m_player;
    QAudioOutput *m_audio;
    MediaPlayerBackend *m_backend;
    RoomSession *m_room;
    FileOpenHandler *m_fileOpenHandler;

    VideoArea *m_videoArea = nullptr;
    TransportBar *m_transport = nullptr;
    RoomPanel *m_roomPanel = nullptr;
    Toast *m_toast = nullptr;
    TrackMenu *m_audioMenu = nullptr;
    TrackMenu *m_subtitleMenu = nullptr;
    QMenu *m_recentMenu = nullptr;
    QPointer<JoinDialog> m_joinDialog;
    QPointer<HostDialog> m_hostDialog;
    QPointer<QFileDialog> m_roomFileDialog;
    SyncLogger *m_syncLogger = nullptr;

    QAction *m_openFileAction = nullptr;
    QAction *m_openUrlAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_playPauseAction = nullptr;
    QAction *m_forwardAction = nullptr;
    QAction *m_backAction = nullptr;
    QAction *m_volumeUpAction = nullptr;
    QAction *m_volumeDownAction = nullptr;
    QAction *m_muteAction = nullptr;
    QAction *m_fullScreenAction = nullptr;
    QAction *m_leaveFullScreenAction = nullptr;
    QAction *m_hostAction = nullptr;
    QAction *m_joinAction = nullptr;
    QAction *m_inviteAction = nullptr;
    QAction *m_copyInviteAction = nullptr;
    QAction *m_resyncAction = nullptr;
    QAction *m_leaveAction = nullptr;
    QAction *m_stopHostingAction = nullptr;
    QAction *m_chooseRoomFileAction = nullptr;
    QAction *m_preferencesAction = nullptr;
    QAction *m_aboutAction = nullptr;

    QLabel *m_connectionLabel = nullptr;
    QLabel *m_rttLabel = nullptr;
    QLabel *m_offsetLabel = nullptr;
    QLabel *m_driftLabel = nullptr;
    QLabel *m_activityLabel = nullptr;
    QTimer *m_statusTimer = nullptr;

    // Full screen: the controls hide while the pointer rests.
    QTimer *m_pointerTimer = nullptr;
    QPoint m_lastPointer;
    qint64 m_pointerMovedAt = 0;
    bool m_controlsHidden = false;
    bool m_dockWasVisible = false;
    bool m_wasMaximized = false;

    QUrl m_source;
    RoomMedia m_localMedia;
    bool m_loading = false;
    bool m_autoplay = false;
    bool m_announcePending = false;
    bool m_awaitingRoomFile = false;
    bool m_checkMatchPending = false;
    bool m_leavingOnPurpose = false;
    bool m_closeWhenDrained = false;
    bool m_roomPanelSized = false;
    QList<std::function<void()>> m_settledCallbacks;
    QTimer *m_settleTimeout = nullptr;
    QString m_nameOverride;
    QString m_inviteFilePath;
    QString m_lastMediaChangeFrom;
    qint64 m_lastMediaChangeAt = 0;
    QStringList m_notifications;
};

} // namespace lockstep::ui
