#pragma once

#include "StartupOptions.h"
#include "room/HostOptions.h"
#include "room/Settings.h"

#include <QMainWindow>
#include <QMediaPlayer>
#include <QPointer>

class QMessageBox;
#include <QUrl>

class QAction;
class QAudioOutput;

namespace lockstep::room {
class ActionsController;
class ChatController;
class PlaylistController;
class FullScreenController;
class PlaybackController;
class RoomController;
class RoomSession;
class StatusController;
class SyncLogger;
} // namespace lockstep::room

namespace lockstep::ui {

using namespace lockstep::room;

class AudioDelayBinding;
class ChatInputBar;
class ChatOverlay;
class FileOpenHandler;
class JoinDialog;
class HostDialog;
class MediaPlayerBackend;
class RoomPanel;
class Toast;
class TracksBinding;
class TransportBar;
class VideoArea;
class VolumeControl;
class WindowMenus;

// The objects the window binds to: the player, the room and the controllers
// with the rules. The app's composition root (app/AppComposition) makes them
// and keeps them alive for longer than the window.
struct WindowParts {
    Settings &settings;
    QMediaPlayer &player;
    QAudioOutput &audio;
    MediaPlayerBackend &backend;
    RoomSession &room;
    PlaybackController &playback;
    RoomController &roomController;
    FullScreenController &fullScreen;
    ActionsController &actions;
    StatusController &status;
    ChatController &chat;
    PlaylistController &playlist;
};

// The player window: video, transport bar, menus, the room panel and the
// status bar. It creates the widgets, lays them out and binds them to the
// controllers, which hold the rules (PlaybackController, RoomController,
// ActionsController, FullScreenController, StatusController). What is left
// here is the window's own business: its dialogs and questions, full screen,
// and closing only once a hosted room has said goodbye.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(const WindowParts &parts, QWidget *parent = nullptr);
    ~MainWindow() override;

    // What the command line asked for.
    void start(const StartupOptions &options);

    // Plays a local file or a stream; in a room, picks the room's file or
    // (for whoever may control playback) changes what the room watches. A
    // subtitle file is loaded for the media playing instead.
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
    TracksBinding *tracks() const { return m_tracks; }
    JoinDialog *joinDialog() const;
    Toast *toast() const { return m_toast; }
    QAction *playPauseAction() const;
    // Every action of the window: the controllers' (ActionsController) and
    // the window's own.
    QList<QAction *> allActions() const;
    FileOpenHandler *fileOpenHandler() const { return m_fileOpenHandler; }
    ChatController *chat() const { return m_chat; }
    PlaylistController *playlist() const { return m_playlist; }
    ChatOverlay *chatOverlay() const { return m_chatOverlay; }
    ChatInputBar *chatInputBar() const { return m_chatInput; }
    // What the window last told the user (toast, status bar and log).
    QStringList notifications() const { return m_notifications; }

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void connectActions();
    void connectControllers();
    void restoreSettings();
    void saveSettings();

    void setFullScreen(bool fullScreen);
    void setControlsHidden(bool hidden);
    void updateWindowTitle();

    void onRoomEnded(const QString &message, bool unexpected);
    void offerRetry(const QString &message);
    void showRoomPanel();
    bool confirmLeaving(const QString &question);
    // A notice in the toast, the status bar and the room's activity log.
    void notify(const QString &text, bool warning = false);

    void showOpenFileDialog();
    void showOpenUrlDialog();
    void showHostDialog();
    void showJoinDialog();
    void showAbout();

    Settings &m_settings;
    QMediaPlayer *m_player;
    QAudioOutput *m_audio;
    MediaPlayerBackend *m_backend;
    RoomSession *m_room;
    PlaybackController *m_playback;
    RoomController *m_roomController;
    FullScreenController *m_fullScreen;
    ActionsController *m_actions;
    StatusController *m_status;
    ChatController *m_chat;
    PlaylistController *m_playlist;
    FileOpenHandler *m_fileOpenHandler;
    ChatOverlay *m_chatOverlay = nullptr;
    ChatInputBar *m_chatInput = nullptr;

    VideoArea *m_videoArea = nullptr;
    TracksBinding *m_tracks = nullptr;
    TransportBar *m_transport = nullptr;
    RoomPanel *m_roomPanel = nullptr;
    Toast *m_toast = nullptr;
    WindowMenus *m_menus = nullptr;
    VolumeControl *m_volume = nullptr;
    AudioDelayBinding *m_audioDelay = nullptr;
    QPointer<JoinDialog> m_joinDialog;
    QPointer<HostDialog> m_hostDialog;
    QPointer<QMessageBox> m_retryOffer;
    SyncLogger *m_syncLogger = nullptr;

    // What full screen hid, to restore on the way out.
    bool m_dockWasVisible = false;
    bool m_wasMaximized = false;
    bool m_closeWhenDrained = false;
    bool m_roomPanelSized = false;
    QString m_nameOverride;
    QStringList m_notifications;
};

} // namespace lockstep::ui
