#include "JoinDialog.h"

#include "room/InviteLink.h"
#include "room/RoomSession.h"
#include "room/ServerErrorText.h"
#include "room/Settings.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QStyle>
#include <QTimer>
#include <QVBoxLayout>

namespace lockstep::ui {

using namespace lockstep::room;

namespace {

// A server that does not answer at all leaves the socket waiting for the
// operating system's TCP timeout (minutes); give up long before that.
constexpr int kJoinTimeoutMs = 15000;

} // namespace

JoinDialog::JoinDialog(RoomSession &session, Settings &settings, QWidget *parent)
    : QDialog(parent), m_session(session), m_settings(settings), m_link(new QLineEdit(this)),
      m_linkError(new QLabel(this)), m_security(new QLabel(this)), m_server(new QComboBox(this)),
      m_room(new QLineEdit(this)), m_name(new QLineEdit(this)), m_token(new QLineEdit(this)),
      m_statusIcon(new QLabel(this)), m_status(new QLabel(this)),
      m_progress(new QProgressBar(this)), m_timeout(new QTimer(this))
{
    setObjectName(QStringLiteral("joinDialog"));
    setWindowTitle(tr("Join a Room"));

    auto *intro = new QLabel(tr("Paste the invite link you were sent. Without one, enter the "
                                "server and the room."),
                             this);
    intro->setWordWrap(true);

    m_link->setObjectName(QStringLiteral("joinLink"));
    m_link->setPlaceholderText(QStringLiteral("lockstep://join?server=…&room=…&invite=…"));
    m_link->setClearButtonEnabled(true);
    m_link->setMinimumWidth(m_link->fontMetrics().averageCharWidth() * 56);
    m_linkError->setObjectName(QStringLiteral("joinLinkError"));
    m_linkError->setWordWrap(true);
    m_linkError->hide();
    m_security->setObjectName(QStringLiteral("joinSecurity"));
    m_security->setWordWrap(true);
    m_security->hide();

    m_server->setObjectName(QStringLiteral("joinServer"));
    m_server->setEditable(true);
    m_server->addItems(settings.recentServers());
    m_server->setCurrentText(QString());
    m_server->lineEdit()->setPlaceholderText(QStringLiteral("ws://192.168.1.20:8765/"));
    m_room->setObjectName(QStringLiteral("joinRoom"));
    m_name->setObjectName(QStringLiteral("joinName"));
    m_name->setMaxLength(64);
    m_name->setText(settings.displayName());
    m_token->setObjectName(QStringLiteral("joinToken"));
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setPlaceholderText(tr("Only if the server asks for one"));

    auto *form = new QFormLayout;
    form->addRow(tr("Invite &link:"), m_link);
    form->addRow(QString(), m_linkError);
    form->addRow(QString(), m_security);
    form->addRow(tr("&Server:"), m_server);
    form->addRow(tr("&Room:"), m_room);
    form->addRow(tr("Your &name:"), m_name);
    form->addRow(tr("Access &token:"), m_token);

    m_status->setObjectName(QStringLiteral("joinStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    const int iconSide = style()->pixelMetric(QStyle::PM_SmallIconSize);
    m_statusIcon->setPixmap(style()
                                ->standardIcon(QStyle::SP_MessageBoxWarning)
                                .pixmap(QSize(iconSide, iconSide), devicePixelRatioF()));
    m_statusIcon->hide();
    m_progress->setRange(0, 0);
    m_progress->setTextVisible(false);
    m_progress->setMaximumHeight(m_status->fontMetrics().height() / 2 + 2);
    m_progress->hide();
    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_statusIcon, 0, Qt::AlignTop);
    statusRow->addWidget(m_status, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_joinButton = buttons->addButton(tr("&Join"), QDialogButtonBox::AcceptRole);
    m_joinButton->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &JoinDialog::startJoin);
    connect(buttons, &QDialogButtonBox::rejected, this, &JoinDialog::reject);

    auto *layout = new QVBoxLayout(this);
    // Grow when a hidden line (an error, a hint) appears, rather than clip it.
    layout->setSizeConstraint(QLayout::SetMinimumSize);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_progress);
    layout->addLayout(statusRow);
    layout->addStretch(1);
    layout->addWidget(buttons);

    connect(m_link, &QLineEdit::textEdited, this, &JoinDialog::linkEdited);
    connect(m_server, &QComboBox::currentTextChanged, this, &JoinDialog::updateJoinButton);
    connect(m_room, &QLineEdit::textChanged, this, &JoinDialog::updateJoinButton);
    connect(m_name, &QLineEdit::textChanged, this, &JoinDialog::updateJoinButton);

    m_timeout->setSingleShot(true);
    m_timeout->setInterval(kJoinTimeoutMs);
    connect(m_timeout, &QTimer::timeout, this, &JoinDialog::onTimeout);
    connect(&session, &RoomSession::stateChanged, this, &JoinDialog::onStateChanged);
    connect(&session, &RoomSession::ended, this, &JoinDialog::onEnded);
    updateJoinButton();
}

void JoinDialog::setLink(const QString &link)
{
    m_link->setText(link.trimmed());
    linkEdited(m_link->text());
}

void JoinDialog::setName(const QString &name)
{
    if (!name.trimmed().isEmpty())
        m_name->setText(name.trimmed());
}

void JoinDialog::linkEdited(const QString &text)
{
    m_invite.clear();
    m_fingerprint.clear();
    m_security->hide();
    if (text.trimmed().isEmpty()) {
        m_linkError->hide();
        updateJoinButton();
        return;
    }
    QString error;
    const std::optional<InviteLink> link = InviteLink::parse(text, &error);
    if (!link) {
        m_linkError->setText(error);
        m_linkError->show();
        updateJoinButton();
        return;
    }
    m_linkError->hide();
    m_server->setCurrentText(link->server().toString());
    m_room->setText(link->room());
    m_invite = link->invite();
    m_fingerprint = link->fingerprint();
    if (!m_fingerprint.isEmpty()) {
        m_security->setText(tr("Encrypted and verified: the link names the host's certificate, "
                               "and no other computer will be accepted."));
        m_security->show();
    }
    updateJoinButton();
}

QUrl JoinDialog::serverUrl() const
{
    QString text = m_server->currentText().trimmed();
    // People type "192.168.1.20:8765"; the scheme is implied.
    if (!text.isEmpty() && !text.contains(QLatin1String("://")))
        text.prepend(QStringLiteral("ws://"));
    QUrl url(text, QUrl::StrictMode);
    if (url.isValid() && url.path().isEmpty())
        url.setPath(QStringLiteral("/"));
    return url;
}

void JoinDialog::updateJoinButton()
{
    const bool ready = InviteLink::isValidServer(serverUrl())
        && InviteLink::isValidRoomId(m_room->text().trimmed())
        && !m_name->text().trimmed().isEmpty();
    m_joinButton->setEnabled(ready && !m_busy);
}

void JoinDialog::startJoin()
{
    const QUrl server = serverUrl();
    const QString room = m_room->text().trimmed();
    const QString name = m_name->text().trimmed();
    if (!InviteLink::isValidServer(server)) {
        showStatus(tr("The server must be a ws:// or wss:// address, like "
                      "ws://192.168.1.20:8765/."),
                   true);
        return;
    }
    if (!InviteLink::isValidRoomId(room)) {
        showStatus(tr("Enter the room's name: letters, digits and . _ ~ - only."), true);
        return;
    }
    if (name.isEmpty()) {
        showStatus(tr("Enter the name the others will see."), true);
        return;
    }
    // The invite belongs to the link's room; if the fields were changed by
    // hand since, it is someone else's.
    QString invite = m_invite;
    QString fingerprint = m_fingerprint;
    const std::optional<InviteLink> pasted = InviteLink::parse(m_link->text());
    if (!pasted || pasted->server() != server || pasted->room() != room)
        invite.clear();
    // The certificate named belongs to the link's server only.
    if (!pasted || pasted->server() != server)
        fingerprint.clear();

    m_settings.setDisplayName(name);
    m_settings.addRecentServer(server.toString());
    // Leave the current room first, so that its end is not taken for this
    // attempt's.
    m_session.leave();
    m_timedOut = false;
    setBusy(true);
    showStatus(fingerprint.isEmpty()
                   ? tr("Connecting to %1…").arg(server.toDisplayString())
                   : tr("Connecting to %1, encrypted, and checking that it is the host's "
                        "computer…")
                         .arg(server.toDisplayString()),
               false);
    m_timeout->start();
    m_session.join(InviteLink(server, room, invite, fingerprint), name, m_token->text().trimmed());
}

void JoinDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_progress->setVisible(busy);
    for (QWidget *field :
         std::initializer_list<QWidget *> {m_link, m_server, m_room, m_name, m_token})
        field->setEnabled(!busy);
    updateJoinButton();
}

void JoinDialog::showStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_statusIcon->setVisible(error);
}

QString JoinDialog::statusText() const
{
    return m_status->text();
}

void JoinDialog::onStateChanged()
{
    if (!m_busy)
        return;
    using State = RoomSession::State;
    switch (m_session.connection().state()) {
    case State::Joining:
        showStatus(tr("Connected. Entering the room…"), false);
        break;
    case State::InRoom:
        m_timeout->stop();
        setBusy(false);
        showStatus(QString(), false);
        accept();
        break;
    case State::Connecting:
    case State::Reconnecting:
    case State::Idle:
        break;
    }
}

void JoinDialog::onEnded(const QString &message)
{
    if (!m_busy)
        return;
    m_timeout->stop();
    setBusy(false);
    showStatus(m_timedOut ? tr("The server at %1 did not answer. Check the address, and that "
                               "the host is still hosting and can be reached from your network.")
                                .arg(serverUrl().toDisplayString())
                          : message,
               true);
}

void JoinDialog::onTimeout()
{
    if (!m_busy || m_session.connection().inRoom())
        return;
    m_timedOut = true;
    m_session.leave();
}

void JoinDialog::reject()
{
    if (m_busy) {
        m_timeout->stop();
        setBusy(false);
        m_session.leave();
    }
    QDialog::reject();
}

} // namespace lockstep::ui
