#pragma once

#include <QList>
#include <QObject>

#include <array>

#include <functional>

class QAction;
class QIcon;
class QKeySequence;

namespace lockstep::room {

class FullScreenController;
class PlaybackController;
class RoomController;
class RoomSession;

// The window's commands as QActions (texts, shortcuts, check states) and
// whether each is available now, derived from the controllers' state: play
// needs loaded media, Resync Everyone needs the host role, Leave needs a room
// that is not one's own, and so on. Triggers that need no dialog go straight
// to the controllers; the window connects the rest. Icons come from the
// window, which has a style to draw them with.
class ActionsController : public QObject
{
    Q_OBJECT

public:
    enum class Icon {
        OpenFile,
        OpenUrl,
        Quit,
        Play,
        Pause,
        Forward,
        Back,
        VolumeHigh,
        VolumeMedium,
        VolumeLow,
        VolumeMuted,
        FullScreen,
        LeaveFullScreen,
        Host,
        Join,
        Invite,
        CopyInvite,
        Resync,
        Leave,
        StopHosting,
        Preferences,
        About,
        Ready,
        Chat,
        Playlist,
    };
    using IconProvider = std::function<QIcon(Icon)>;

    struct Actions {
        QAction *openFile;
        QAction *openUrl;
        QAction *quit;
        QAction *playPause;
        QAction *forward;
        QAction *back;
        QAction *volumeUp;
        QAction *volumeDown;
        QAction *mute;
        // Playback > Speed: one checkable action per step (kSpeedSteps), and
        // a step slower ([) or faster (]).
        QList<QAction *> speeds;
        QAction *slower;
        QAction *faster;
        QAction *audioDelay; // Playback > Audio Delay…: the window opens the dialog
        QAction *fullScreen;
        QAction *leaveFullScreen;
        QAction *host;
        QAction *join;
        QAction *invite;
        QAction *copyInvite;
        QAction *resync;
        QAction *leave;
        QAction *stopHosting;
        QAction *chooseRoomFile;
        QAction *ready; // checkable: "I'm ready"
        QAction *chat; // Enter: type a chat message
        QAction *addToPlaylist;
        QAction *preferences;
        QAction *shortcuts;
        QAction *about;
    };
    ActionsController(PlaybackController &playback, RoomController &room, RoomSession &session,
                      FullScreenController &fullScreen, IconProvider icons,
                      QObject *parent = nullptr);

    static constexpr std::array<double, 6> kSpeedSteps {0.5, 0.75, 1.0, 1.25, 1.5, 2.0};

    const Actions &actions() const { return m_actions; }
    // The mute action's icon and tooltip follow the volume (0..100).
    void showVolume(int volume);

    // The player's state changed under the actions.
    void updateMediaActions();
    void updatePlayAction();

private:
    void updateRoomActions();
    void updateSpeedActions();
    void stepSpeed(int direction);
    QAction *make(const QString &text, Icon icon, const QKeySequence &shortcut);
    void createPlaybackActions();
    void createRoomActions();
    void onFullScreenChanged(bool fullScreen);

    PlaybackController &m_playback;
    RoomController &m_room;
    RoomSession &m_session;
    FullScreenController &m_fullScreen;
    IconProvider m_icons;
    Actions m_actions {};
};

} // namespace lockstep::room
