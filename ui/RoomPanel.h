#pragma once

#include <QDockWidget>

class QAction;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QStackedWidget;
class QToolButton;
class QTreeView;

namespace lockstep::ui {

class ParticipantsModel;
class RoomController;
class RoomSession;

// The room beside the video: who is in it, what each player is doing, how
// far each is from the room's timeline, the invite link, the host's tools
// (hand over the host role, resync everyone) and a log of what happened.
class RoomPanel : public QDockWidget
{
    Q_OBJECT

public:
    RoomPanel(RoomController &room, QAction *hostAction, QAction *joinAction, QAction *leaveAction,
              QAction *stopHostingAction, QAction *resyncAction, QWidget *parent = nullptr);

    ParticipantsModel *participantsModel() const { return m_model; }
    // A line in the activity log, newest at the bottom.
    void addActivity(const QString &text);
    QStringList activity() const;
    // What the "not in a room" page says about the last room.
    QString endMessage() const;

private:
    QWidget *makeIdlePage(QAction *hostAction, QAction *joinAction);
    QWidget *makeRoomPage(QAction *leaveAction, QAction *stopHostingAction, QAction *resyncAction);
    void refresh();
    void refreshButtons();
    void onEnded(const QString &message);
    void handOverSelected();
    void showParticipantMenu(const QPoint &position);
    void copyInviteLink();

    RoomController &m_room;
    RoomSession &m_session;
    ParticipantsModel *m_model;
    QStackedWidget *m_pages;
    QWidget *m_idlePage;
    QLabel *m_endMessage;
    QWidget *m_roomPage;
    QLabel *m_roomTitle;
    QLabel *m_roomDetails;
    QWidget *m_inviteRow;
    QLineEdit *m_inviteLink;
    QToolButton *m_copyInvite;
    QTreeView *m_participants;
    QPushButton *m_makeHost;
    QPushButton *m_resync;
    QListWidget *m_log;
};

} // namespace lockstep::ui
