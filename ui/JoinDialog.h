#pragma once

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTimer;

namespace lockstep::room {
class RoomSession;
class Settings;
} // namespace lockstep::room

namespace lockstep::ui {

using namespace lockstep::room;

// Room > Join…: takes an invite link (or a server, a room and a name),
// shows how the connection is going, and explains in plain words when the
// server turns us away. Closes itself once in the room.
class JoinDialog : public QDialog
{
    Q_OBJECT

public:
    JoinDialog(RoomSession &session, Settings &settings, QWidget *parent = nullptr);

    void setLink(const QString &link);
    void setName(const QString &name);
    // Joins with what the fields say, as if Join were pressed.
    void startJoin();

    bool isBusy() const { return m_busy; }
    QString statusText() const;

    void reject() override;

private:
    void linkEdited(const QString &text);
    void updateJoinButton();
    void setBusy(bool busy);
    void showStatus(const QString &text, bool error);
    void onStateChanged();
    void onEnded(const QString &message);
    void onTimeout();
    QUrl serverUrl() const;

    RoomSession &m_session;
    Settings &m_settings;
    QLineEdit *m_link;
    QLabel *m_linkError;
    QLabel *m_security;
    QComboBox *m_server;
    QLineEdit *m_room;
    QLineEdit *m_name;
    QLineEdit *m_token;
    QLabel *m_statusIcon;
    QLabel *m_status;
    QProgressBar *m_progress;
    QPushButton *m_joinButton;
    QTimer *m_timeout;
    QString m_invite;
    QString m_fingerprint; // the pasted link's `fp`, for its server
    bool m_busy = false;
    bool m_timedOut = false;
};

} // namespace lockstep::ui
