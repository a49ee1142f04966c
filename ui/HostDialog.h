#pragma once

#include "room/HostOptions.h"

#include <QDialog>

#include <functional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QStackedWidget;

namespace lockstep::room {
class RoomSession;
class Settings;
} // namespace lockstep::room

namespace lockstep::ui {

using namespace lockstep::room;

// Room > Host…: asks how to host (on this computer, with its port, or on a
// lockstep-server, with its address and access token; who controls playback,
// invite-only, name), starts hosting, then shows the invite link to share,
// the addresses others can reach, and offers to open the port on the router.
// Opened again while hosting, it goes straight to the link.
class HostDialog : public QDialog
{
    Q_OBJECT

public:
    // Starts hosting with the options; false (and why) when it cannot.
    using StartHosting = std::function<bool(const HostOptions &, QString *error)>;

    HostDialog(RoomSession &session, Settings &settings, const QString &name,
               StartHosting startHosting, QWidget *parent = nullptr);

    QString inviteLink() const;

signals:
    // The person asked to stop hosting (the window confirms and stops).
    void stopHostingRequested();

private:
    QWidget *makeSetupPage(const QString &name);
    QWidget *makeHostingPage();
    void start();
    void showHostingPage();
    void refreshLink();
    void refreshAddresses();
    void refreshRouter();
    void refreshWhere();
    void expiryChosen(int index);
    static void fillExpiryChoices(QComboBox *combo, int selectedSeconds);

    RoomSession &m_session;
    Settings &m_settings;
    StartHosting m_startHosting;
    QStackedWidget *m_pages;

    QLineEdit *m_name;
    QRadioButton *m_onThisComputer;
    QRadioButton *m_onServer;
    QLineEdit *m_serverAddress;
    QLineEdit *m_authToken;
    QWidget *m_serverFields;
    QWidget *m_computerFields;
    QSpinBox *m_port;
    QComboBox *m_control;
    QCheckBox *m_inviteOnly;
    QCheckBox *m_startWhenReady;
    QCheckBox *m_shareFile;
    QComboBox *m_setupExpiry;
    QCheckBox *m_openRouterPort;
    QLabel *m_setupError;
    QPushButton *m_startButton;

    QLabel *m_hostingSummary;
    QLineEdit *m_link;
    QPushButton *m_copy;
    QComboBox *m_expiry;
    QLabel *m_expiresAt;
    QLabel *m_addressesTitle;
    QListWidget *m_addresses;
    QLabel *m_routerStatus;
    QPushButton *m_routerButton;
};

} // namespace lockstep::ui
