#pragma once

#include "room/ActionsController.h"

#include <QDockWidget>

class QAction;
class QCheckBox;
class QTabWidget;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QStackedWidget;
class QToolButton;
class QTreeView;

namespace lockstep::room {
class ChatController;
class PlaylistController;
class RoomController;
class RoomSession;
class Settings;
} // namespace lockstep::room

namespace lockstep::ui {

using namespace lockstep::room;

class ChatPane;
class ParticipantsModel;
class PlaylistPane;

// The room beside the video: who is in it, whether each is ready, what each
// player is doing, how far each is from the room's timeline, the invite link,
// the host's tools (hand over the host role, resync everyone), and in tabs
// the chat, the shared playlist and a log of what happened.
class RoomPanel : public QDockWidget
{
    Q_OBJECT

public:
    RoomPanel(RoomController &room, RoomSession &session, ChatController &chat,
              PlaylistController &playlist, Settings &settings,
              const ActionsController::Actions &actions, QWidget *parent = nullptr);

    ParticipantsModel *participantsModel() const { return m_model; }
    ChatPane *chatPane() const { return m_chatPane; }
    PlaylistPane *playlistPane() const { return m_playlistPane; }
    QTabWidget *tabs() const { return m_tabs; }
    // Shows the chat tab with the cursor in its input line.
    void showChat();
    void showPlaylist();
    // Whether the chat can be read right now (the panel and its tab in view).
    bool chatInView() const;
    int unreadChat() const { return m_unread; }
    // The window came to the front: what the chat tab shows has been seen.
    void windowActivated();
    // A line in the activity log, newest at the bottom.
    void addActivity(const QString &text);
    QStringList activity() const;
    // What the "not in a room" page says about the last room.
    QString endMessage() const;

private:
    QWidget *makeIdlePage(QAction *hostAction, QAction *joinAction);
    QWidget *makeRoomPage(const ActionsController::Actions &actions);
    void onChatLine(bool own);
    void setUnread(int unread);
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
    QCheckBox *m_ready;
    QTabWidget *m_tabs;
    ChatPane *m_chatPane;
    PlaylistPane *m_playlistPane;
    QListWidget *m_log;
    int m_unread = 0;
};

} // namespace lockstep::ui
