#pragma once

#include <QObject>
#include <QPointer>

class QAction;
class QFileDialog;
class QWidget;

namespace lockstep::room {
class PlaybackController;
class RoomSession;
class Settings;
} // namespace lockstep::room

namespace lockstep::ui {

using namespace lockstep::room;

class VideoArea;

// What the video area says while the room has nothing this player can show:
// "Nothing chosen yet", or the room's file to choose a copy of (with a file
// dialog that opens at once, without blocking; or, where the host offers its
// file, "Stream from <host>" first and "Choose my copy" beside it), and the
// warning when the chosen copy looks different from the room's.
class RoomFilePrompt : public QObject
{
    Q_OBJECT

public:
    RoomFilePrompt(QWidget &window, VideoArea &videoArea, PlaybackController &playback,
                   const RoomSession &session, const Settings &settings,
                   QList<QAction *> openActions, QAction *chooseAction);

    void chooseRoomFile();

private:
    void onAwaitingRoomFile(bool awaiting);
    void onNothingChosen(bool canChoose, const QString &hostName);
    void warnMismatch(const QStringList &differences);

    QWidget &m_window;
    VideoArea &m_videoArea;
    PlaybackController &m_playback;
    const RoomSession &m_session;
    const Settings &m_settings;
    QList<QAction *> m_openActions;
    QAction *m_chooseAction;
    QAction *m_streamAction; // "Stream from <host>", while the host offers its file
    QPointer<QFileDialog> m_dialog;
};

} // namespace lockstep::ui
