#include "ActionsController.h"

#include "FullScreenController.h"
#include "PlaybackController.h"
#include "RoomController.h"
#include "RoomSession.h"
#include "TimeFormat.h"

#include <QAction>
#include <QActionGroup>
#include <QIcon>
#include <QKeySequence>

namespace lockstep::room {

ActionsController::ActionsController(PlaybackController &playback, RoomController &room,
                                     RoomSession &session, FullScreenController &fullScreen,
                                     IconProvider icons, QObject *parent)
    : QObject(parent), m_playback(playback), m_room(room), m_session(session),
      m_fullScreen(fullScreen), m_icons(std::move(icons))
{
    Actions &a = m_actions;
    a.openFile = make(tr("&Open File…"), Icon::OpenFile, QKeySequence::Open);
    a.openFile->setObjectName(QStringLiteral("openFileAction"));
    a.openUrl = make(tr("Open &URL…"), Icon::OpenUrl, QKeySequence(tr("Ctrl+U")));
    a.quit = make(tr("&Quit"), Icon::Quit, QKeySequence::Quit);
    a.quit->setMenuRole(QAction::QuitRole);
    createPlaybackActions();
    createRoomActions();
    a.preferences = make(tr("&Preferences…"), Icon::Preferences, QKeySequence::Preferences);
    a.preferences->setMenuRole(QAction::PreferencesRole);
    a.shortcuts = make(tr("&Keyboard Shortcuts"), Icon::About, QKeySequence::HelpContents);
    a.shortcuts->setIcon({});
    a.shortcuts->setObjectName(QStringLiteral("shortcutsAction"));
    a.about = make(tr("&About Lockstep"), Icon::About, {});
    a.about->setMenuRole(QAction::AboutRole);

    connect(&playback, &PlaybackController::mediaChanged, this,
            &ActionsController::updateMediaActions);
    connect(&playback, &PlaybackController::playingChanged, this,
            &ActionsController::updatePlayAction);
    const auto roomChanged = [this] { updateRoomActions(); };
    connect(&session, &RoomSession::activeChanged, this, roomChanged);
    connect(&session, &RoomSession::stateChanged, this, roomChanged);
    connect(&session, &RoomSession::hostingChanged, this, roomChanged);
    connect(&session, &RoomSession::hostChanged, this, roomChanged);
    connect(&session, &RoomSession::joined, this, roomChanged);
    connect(&session, &RoomSession::inviteLinkChanged, this, roomChanged);
    connect(&session, &RoomSession::ended, this, roomChanged);
    connect(&session, &RoomSession::readyChanged, this, roomChanged);
    connect(&session, &RoomSession::participantsChanged, this, roomChanged);
    connect(&fullScreen, &FullScreenController::fullScreenChanged, this,
            &ActionsController::onFullScreenChanged);
    updateMediaActions();
    updateRoomActions();
}

QAction *ActionsController::make(const QString &text, Icon icon, const QKeySequence &shortcut)
{
    auto *action = new QAction(m_icons(icon), text, this);
    action->setShortcut(shortcut);
    return action;
}

void ActionsController::createPlaybackActions()
{
    Actions &a = m_actions;
    a.playPause = make(tr("&Play"), Icon::Play, QKeySequence(Qt::Key_Space));
    a.playPause->setObjectName(QStringLiteral("playPauseAction"));
    connect(a.playPause, &QAction::triggered, &m_playback, &PlaybackController::togglePlayPause);
    a.forward = make(tr("&Forward 5 Seconds"), Icon::Forward, QKeySequence(Qt::Key_Right));
    connect(a.forward, &QAction::triggered, &m_playback,
            [this] { m_playback.seekBy(PlaybackController::kSeekStep); });
    a.back = make(tr("&Back 5 Seconds"), Icon::Back, QKeySequence(Qt::Key_Left));
    connect(a.back, &QAction::triggered, &m_playback,
            [this] { m_playback.seekBy(-PlaybackController::kSeekStep); });
    a.volumeUp = make(tr("Volume &Up"), Icon::VolumeHigh, QKeySequence(Qt::Key_Up));
    a.volumeDown = make(tr("Volume &Down"), Icon::VolumeLow, QKeySequence(Qt::Key_Down));
    a.mute = make(tr("&Mute"), Icon::VolumeHigh, QKeySequence(Qt::Key_M));
    a.mute->setObjectName(QStringLiteral("muteAction"));
    a.mute->setCheckable(true);

    auto *speeds = new QActionGroup(this);
    for (const double step : kSpeedSteps) {
        QAction *action = new QAction(
            step == 1.0 ? tr("&Normal (%1)").arg(formatSpeed(step)) : formatSpeed(step), this);
        action->setCheckable(true);
        action->setData(step);
        action->setActionGroup(speeds);
        connect(action, &QAction::triggered, &m_playback,
                [this, step] { m_playback.setSpeed(step); });
        a.speeds.append(action);
    }
    a.slower = make(tr("&Slower"), Icon::Back, QKeySequence(Qt::Key_BracketLeft));
    a.slower->setIcon({});
    a.slower->setObjectName(QStringLiteral("slowerAction"));
    connect(a.slower, &QAction::triggered, this, [this] { stepSpeed(-1); });
    a.faster = make(tr("&Faster"), Icon::Forward, QKeySequence(Qt::Key_BracketRight));
    a.faster->setIcon({});
    a.faster->setObjectName(QStringLiteral("fasterAction"));
    connect(a.faster, &QAction::triggered, this, [this] { stepSpeed(1); });
    a.audioDelay = make(tr("Audio &Delay…"), Icon::VolumeHigh, {});
    a.audioDelay->setIcon({});
    a.audioDelay->setObjectName(QStringLiteral("audioDelayAction"));
    connect(&m_session, &RoomSession::speedChanged, this, &ActionsController::updateSpeedActions);

    a.fullScreen = make(tr("&Full Screen"), Icon::FullScreen, QKeySequence(Qt::Key_F));
    a.fullScreen->setCheckable(true);
    connect(a.fullScreen, &QAction::toggled, &m_fullScreen, &FullScreenController::setFullScreen);
    a.leaveFullScreen
        = make(tr("Leave Full Screen"), Icon::LeaveFullScreen, QKeySequence(Qt::Key_Escape));
    a.leaveFullScreen->setEnabled(false);
    connect(a.leaveFullScreen, &QAction::triggered, &m_fullScreen,
            [this] { m_fullScreen.setFullScreen(false); });
}

void ActionsController::createRoomActions()
{
    Actions &a = m_actions;
    a.host = make(tr("&Host a Room…"), Icon::Host, {});
    a.host->setObjectName(QStringLiteral("hostAction"));
    a.join = make(tr("&Join a Room…"), Icon::Join, QKeySequence(tr("Ctrl+J")));
    a.join->setObjectName(QStringLiteral("joinAction"));
    a.invite = make(tr("&Invite People…"), Icon::Invite, {});
    a.invite->setObjectName(QStringLiteral("inviteAction"));
    a.copyInvite = make(tr("&Copy Invite Link"), Icon::CopyInvite, {});
    a.resync = make(tr("&Resync Everyone"), Icon::Resync, {});
    a.resync->setObjectName(QStringLiteral("resyncAction"));
    connect(a.resync, &QAction::triggered, &m_room, &RoomController::resyncEveryone);
    a.leave = make(tr("&Leave Room"), Icon::Leave, {});
    a.leave->setObjectName(QStringLiteral("leaveAction"));
    a.stopHosting = make(tr("&Stop Hosting"), Icon::StopHosting, {});
    a.stopHosting->setObjectName(QStringLiteral("stopHostingAction"));
    a.chooseRoomFile = make(tr("Choose &File…"), Icon::OpenFile, {});
    a.ready = make(tr("I'm &Ready"), Icon::Ready, QKeySequence(tr("Ctrl+Shift+R")));
    a.ready->setObjectName(QStringLiteral("readyAction"));
    a.ready->setCheckable(true);
    a.ready->setToolTip(tr("Tell the room you are ready to start"));
    connect(a.ready, &QAction::toggled, &m_room, [this](bool ready) { m_session.setReady(ready); });
    // Enter opens the chat; the window handles the key itself so that Enter
    // still works in every line the user types in.
    a.chat = make(tr("&Chat…"), Icon::Chat, {});
    a.chat->setObjectName(QStringLiteral("chatAction"));
    a.chat->setToolTip(tr("Send the room a message (Enter)"));
    a.chat->setProperty("displayShortcut", tr("Enter"));
    a.addToPlaylist = make(tr("Add to &Playlist…"), Icon::Playlist, {});
    a.addToPlaylist->setObjectName(QStringLiteral("addToPlaylistAction"));
}

void ActionsController::updateMediaActions()
{
    const bool loaded = m_playback.isLoaded();
    m_actions.playPause->setEnabled(loaded);
    m_actions.forward->setEnabled(loaded);
    m_actions.back->setEnabled(loaded);
    updatePlayAction();
    updateSpeedActions();
}

void ActionsController::updateSpeedActions()
{
    const double speed = m_session.connection().speed();
    for (QAction *action : std::as_const(m_actions.speeds)) {
        const QSignalBlocker blocker(action);
        action->setChecked(std::abs(action->data().toDouble() - speed) < 1e-6);
    }
    m_actions.slower->setEnabled(speed > kSpeedSteps.front() + 1e-6);
    m_actions.faster->setEnabled(speed < kSpeedSteps.back() - 1e-6);
}

void ActionsController::stepSpeed(int direction)
{
    const double speed = m_session.connection().speed();
    if (direction > 0) {
        const auto next = std::find_if(kSpeedSteps.begin(), kSpeedSteps.end(),
                                       [&](double step) { return step > speed + 1e-6; });
        if (next != kSpeedSteps.end())
            m_playback.setSpeed(*next);
    } else {
        const auto next = std::find_if(kSpeedSteps.rbegin(), kSpeedSteps.rend(),
                                       [&](double step) { return step < speed - 1e-6; });
        if (next != kSpeedSteps.rend())
            m_playback.setSpeed(*next);
    }
}

void ActionsController::updatePlayAction()
{
    QAction *action = m_actions.playPause;
    const bool playing = m_playback.isPlayingIntent();
    action->setText(playing ? tr("&Pause") : tr("&Play"));
    action->setIcon(m_icons(playing ? Icon::Pause : Icon::Play));
    action->setToolTip(tr("%1 (%2)").arg(action->text().remove(QLatin1Char('&')),
                                         action->shortcut().toString(QKeySequence::NativeText)));
}

void ActionsController::updateRoomActions()
{
    const RoomSession &session = m_session;
    const bool active = session.connection().isActive();
    const bool hosting = session.isHosting();
    Actions &a = m_actions;
    a.host->setEnabled(!hosting);
    a.invite->setEnabled(hosting);
    a.invite->setVisible(hosting);
    a.copyInvite->setEnabled(!session.inviteLink().isEmpty());
    a.resync->setEnabled(session.connection().inRoom() && session.connection().isHost());
    a.leave->setEnabled(active && !hosting);
    a.leave->setVisible(!hosting);
    a.stopHosting->setEnabled(hosting);
    a.stopHosting->setVisible(hosting);
    a.ready->setEnabled(session.connection().inRoom());
    {
        const QSignalBlocker blocker(a.ready);
        a.ready->setChecked(session.party().isReady());
    }
    a.chat->setEnabled(session.connection().inRoom());
    a.addToPlaylist->setEnabled(session.connection().inRoom() && session.connection().canControl());
}

void ActionsController::showVolume(int volume)
{
    QAction *mute = m_actions.mute;
    const bool muted = mute->isChecked();
    if (muted || volume == 0)
        mute->setIcon(m_icons(Icon::VolumeMuted));
    else if (volume < 34)
        mute->setIcon(m_icons(Icon::VolumeLow));
    else if (volume < 67)
        mute->setIcon(m_icons(Icon::VolumeMedium));
    else
        mute->setIcon(m_icons(Icon::VolumeHigh));
    mute->setToolTip(muted ? tr("Unmute (M)") : tr("Mute (M)"));
}

void ActionsController::onFullScreenChanged(bool fullScreen)
{
    const QSignalBlocker blocker(m_actions.fullScreen);
    m_actions.fullScreen->setChecked(fullScreen);
    m_actions.fullScreen->setIcon(m_icons(fullScreen ? Icon::LeaveFullScreen : Icon::FullScreen));
    m_actions.leaveFullScreen->setEnabled(fullScreen);
}

} // namespace lockstep::room
