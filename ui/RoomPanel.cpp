#include "RoomPanel.h"

#include "ParticipantsModel.h"
#include "party/ChatPane.h"
#include "party/PlaylistPane.h"
#include "room/ChatController.h"
#include "room/PlaylistController.h"
#include "room/RoomController.h"
#include "room/RoomSession.h"
#include "room/TimeFormat.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QStyle>
#include <QTabWidget>
#include <QTime>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>
#include <memory>

namespace lockstep::ui {

using namespace lockstep::room;

namespace {

constexpr int kMaxLogLines = 500;

QLabel *wrappingLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    return label;
}

QPushButton *actionButton(QAction *action, QWidget *parent)
{
    auto *button = new QPushButton(action->icon(), action->text(), parent);
    button->setEnabled(action->isEnabled());
    QObject::connect(button, &QPushButton::clicked, action, &QAction::trigger);
    button->setVisible(action->isVisible());
    QObject::connect(action, &QAction::changed, button, [button, action] {
        button->setEnabled(action->isEnabled());
        button->setText(action->text());
        button->setVisible(action->isVisible());
    });
    return button;
}

} // namespace

RoomPanel::RoomPanel(RoomController &room, RoomSession &session, ChatController &chat,
                     PlaylistController &playlist, Settings &settings,
                     const ActionsController::Actions &actions, QWidget *parent)
    : QDockWidget(tr("Room"), parent), m_room(room), m_session(session),
      m_model(new ParticipantsModel(this)), m_pages(new QStackedWidget(this)),
      m_chatPane(new ChatPane(chat, this)),
      m_playlistPane(new PlaylistPane(playlist, settings, this))
{
    setObjectName(QStringLiteral("roomPanel"));
    setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable
                | QDockWidget::DockWidgetFloatable);
    m_idlePage = makeIdlePage(actions.host, actions.join);
    m_roomPage = makeRoomPage(actions);
    m_pages->addWidget(m_idlePage);
    m_pages->addWidget(m_roomPage);
    setWidget(m_pages);

    connect(&session, &RoomSession::participantsChanged, this,
            [this](const QList<protocol::Participant> &participants) {
                m_model->setParticipants(participants);
                refresh();
            });
    connect(&session, &RoomSession::uploadRatesChanged, this, [this] {
        const QHash<QString, double> rates = m_session.hosting().uploadRates();
        m_model->setUploadRates(rates);
        // The column shows while the host sends its file to someone.
        m_participants->setColumnHidden(ParticipantsModel::UploadColumn, rates.isEmpty());
    });
    connect(&session, &RoomSession::stateChanged, this, &RoomPanel::refresh);
    connect(&session, &RoomSession::hostChanged, this, &RoomPanel::refresh);
    connect(&session, &RoomSession::joined, this, &RoomPanel::refresh);
    connect(&session, &RoomSession::inviteLinkChanged, this, &RoomPanel::refresh);
    connect(&session, &RoomSession::hostingChanged, this, &RoomPanel::refresh);
    connect(&session, &RoomSession::speedChanged, this, &RoomPanel::refresh);
    connect(&session, &RoomSession::ended, this, &RoomPanel::onEnded);
    connect(&session, &RoomSession::activeChanged, this, [this](bool active) {
        if (active) {
            m_log->clear();
            m_endMessage->hide();
            setUnread(0);
        }
        refresh();
    });
    connect(&chat, &ChatController::lineAdded, this,
            [this](const ChatLine &line) { onChatLine(line.own); });
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        if (chatInView())
            setUnread(0);
    });
    connect(this, &QDockWidget::visibilityChanged, this, [this] {
        if (chatInView())
            setUnread(0);
    });
    refresh();
}

void RoomPanel::showChat()
{
    show();
    raise();
    m_tabs->setCurrentWidget(m_chatPane);
    m_chatPane->focusInput();
}

void RoomPanel::showPlaylist()
{
    show();
    raise();
    m_tabs->setCurrentWidget(m_playlistPane);
}

bool RoomPanel::chatInView() const
{
    return isVisible() && !visibleRegion().isEmpty() && m_pages->currentWidget() == m_roomPage
        && m_tabs->currentWidget() == m_chatPane;
}

void RoomPanel::windowActivated()
{
    if (chatInView())
        setUnread(0);
}

void RoomPanel::onChatLine(bool own)
{
    if (own || (chatInView() && window()->isActiveWindow()))
        return;
    setUnread(m_unread + 1);
}

void RoomPanel::setUnread(int unread)
{
    m_unread = unread;
    const int index = m_tabs->indexOf(m_chatPane);
    m_tabs->setTabText(index, unread > 0 ? tr("Chat (%1)").arg(unread) : tr("Chat"));
}

QWidget *RoomPanel::makeIdlePage(QAction *hostAction, QAction *joinAction)
{
    auto *page = new QWidget(this);
    auto *title = wrappingLabel(page);
    title->setText(tr("You are not in a room."));
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    auto *hint = wrappingLabel(page);
    hint->setText(tr("Host a room and share its invite link, or join someone else's room "
                     "with the link they sent you."));
    m_endMessage = wrappingLabel(page);
    m_endMessage->setObjectName(QStringLiteral("roomEndMessage"));
    m_endMessage->hide();

    auto *layout = new QVBoxLayout(page);
    layout->addWidget(title);
    layout->addWidget(hint);
    layout->addWidget(m_endMessage);
    layout->addWidget(actionButton(hostAction, page));
    layout->addWidget(actionButton(joinAction, page));
    layout->addStretch(1);
    return page;
}

QWidget *RoomPanel::makeRoomPage(const ActionsController::Actions &actions)
{
    auto *page = new QWidget(this);
    m_roomTitle = wrappingLabel(page);
    m_roomTitle->setObjectName(QStringLiteral("roomTitle"));
    QFont bold = m_roomTitle->font();
    bold.setBold(true);
    m_roomTitle->setFont(bold);
    m_roomDetails = wrappingLabel(page);
    m_roomDetails->setObjectName(QStringLiteral("roomDetails"));

    m_inviteRow = new QWidget(page);
    m_inviteLink = new QLineEdit(m_inviteRow);
    m_inviteLink->setObjectName(QStringLiteral("roomInviteLink"));
    m_inviteLink->setReadOnly(true);
    // Not a place to start typing: keyboard focus stays with the player.
    m_inviteLink->setFocusPolicy(Qt::ClickFocus);
    m_inviteLink->setToolTip(tr("Send this link to the people you want to watch with"));
    m_copyInvite = new QToolButton(m_inviteRow);
    m_copyInvite->setIcon(
        QIcon::fromTheme(QStringLiteral("edit-copy"), style()->standardIcon(QStyle::SP_FileIcon)));
    m_copyInvite->setText(tr("Copy"));
    m_copyInvite->setToolTip(tr("Copy the invite link"));
    m_copyInvite->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    connect(m_copyInvite, &QToolButton::clicked, this, &RoomPanel::copyInviteLink);
    auto *inviteLayout = new QHBoxLayout(m_inviteRow);
    inviteLayout->setContentsMargins(0, 0, 0, 0);
    inviteLayout->addWidget(m_inviteLink, 1);
    inviteLayout->addWidget(m_copyInvite);

    m_participants = new QTreeView(page);
    m_participants->setObjectName(QStringLiteral("participantsView"));
    m_participants->setModel(m_model);
    m_participants->setRootIsDecorated(false);
    m_participants->setUniformRowHeights(true);
    m_participants->setAllColumnsShowFocus(true);
    m_participants->setSelectionMode(QAbstractItemView::SingleSelection);
    m_participants->setContextMenuPolicy(Qt::CustomContextMenu);
    m_participants->header()->setStretchLastSection(false);
    m_participants->header()->setSectionResizeMode(ParticipantsModel::NameColumn,
                                                   QHeaderView::Stretch);
    for (int column = ParticipantsModel::ReadyColumn; column < ParticipantsModel::ColumnCount;
         ++column)
        m_participants->header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    m_participants->setColumnHidden(ParticipantsModel::UploadColumn, true);
    // The name column stretches; it never shrinks below a short name, even
    // with every column shown (the list scrolls sideways instead).
    m_participants->header()->setMinimumSectionSize(m_participants->fontMetrics().averageCharWidth()
                                                    * 9);
    connect(m_participants, &QTreeView::customContextMenuRequested, this,
            &RoomPanel::showParticipantMenu);
    connect(m_participants->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &RoomPanel::refreshButtons);

    m_makeHost = new QPushButton(tr("Make Host"), page);
    m_makeHost->setObjectName(QStringLiteral("makeHostButton"));
    m_makeHost->setToolTip(tr("Hand the host role to the selected participant"));
    connect(m_makeHost, &QPushButton::clicked, this, &RoomPanel::handOverSelected);
    m_resync = new QPushButton(tr("Resync Everyone"), page);
    m_resync->setObjectName(QStringLiteral("resyncButton"));
    m_resync->setToolTip(tr("Move every player to exactly where the room is now"));
    connect(m_resync, &QPushButton::clicked, actions.resync, &QAction::trigger);
    m_ready = new QCheckBox(tr("I'm ready"), page);
    m_ready->setObjectName(QStringLiteral("readyCheckBox"));
    m_ready->setToolTip(actions.ready->toolTip());
    connect(m_ready, &QCheckBox::toggled, actions.ready, &QAction::setChecked);
    connect(actions.ready, &QAction::changed, m_ready, [this, ready = actions.ready] {
        const QSignalBlocker blocker(m_ready);
        m_ready->setChecked(ready->isChecked());
        m_ready->setEnabled(ready->isEnabled());
    });
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_makeHost);
    buttons->addWidget(m_resync);
    buttons->addStretch(1);
    buttons->addWidget(actionButton(actions.leave, page));
    buttons->addWidget(actionButton(actions.stopHosting, page));

    m_tabs = new QTabWidget(page);
    m_tabs->setObjectName(QStringLiteral("roomTabs"));
    m_tabs->setDocumentMode(true);
    m_log = new QListWidget(page);
    m_log->setObjectName(QStringLiteral("activityLog"));
    m_log->setWordWrap(true);
    m_log->setSelectionMode(QAbstractItemView::NoSelection);
    m_log->setFocusPolicy(Qt::NoFocus);

    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_roomTitle);
    layout->addWidget(m_roomDetails);
    layout->addWidget(m_inviteRow);
    layout->addWidget(m_participants, 1);
    layout->addWidget(m_ready);
    layout->addLayout(buttons);
    m_tabs->addTab(m_chatPane, tr("Chat"));
    m_tabs->addTab(m_playlistPane, tr("Playlist"));
    m_tabs->addTab(m_log, tr("Activity"));
    layout->addWidget(m_tabs, 3);
    return page;
}

void RoomPanel::refresh()
{
    const RoomSession &session = m_session;
    if (!session.connection().isActive()) {
        m_pages->setCurrentWidget(m_idlePage);
        m_model->setParticipants({});
        return;
    }
    m_pages->setCurrentWidget(m_roomPage);
    m_model->setOwnClientId(session.connection().clientId());

    using State = RoomSession::State;
    switch (session.connection().state()) {
    case State::Connecting:
    case State::Joining:
        m_roomTitle->setText(m_session.isHosting() ? tr("Opening your room…")
                                                   : tr("Joining the room…"));
        break;
    case State::Reconnecting:
        m_roomTitle->setText(tr("Reconnecting to the room…"));
        break;
    case State::InRoom:
    case State::Idle:
        if (session.connection().isHost())
            m_roomTitle->setText(tr("Your room"));
        else
            m_roomTitle->setText(
                tr("%1's room")
                    .arg(session.connection().participantName(session.connection().hostId())));
        break;
    }

    QStringList details;
    if (session.connection().inRoom()) {
        const auto options = session.connection().roomOptions();
        const bool hostOnly = options && options->control == protocol::ControlMode::Host;
        const QString host = session.connection().participantName(session.connection().hostId());
        if (session.connection().isHost())
            details << (hostOnly ? tr("You are the host. Only you control playback.")
                                 : tr("You are the host. Everyone can play, pause and seek."));
        else if (hostOnly)
            details << tr("%1 is the host and the only one who controls playback.").arg(host);
        else
            details << tr("%1 is the host. Everyone can play, pause and seek.").arg(host);
        if (options && options->inviteOnly)
            details << tr("Only people with an invite link can join.");
        if (options && options->startWhenReady) {
            const QList<protocol::Participant> &everyone = session.connection().participants();
            const auto ready
                = std::count_if(everyone.cbegin(), everyone.cend(),
                                [](const protocol::Participant &p) { return p.ready; });
            details << tr("Playback starts when everyone is ready (%1 of %2 are).")
                           .arg(ready)
                           .arg(everyone.size());
        }
        if (std::abs(session.connection().speed() - 1.0) > 1e-9)
            details << tr("The room plays at %1.").arg(formatSpeed(session.connection().speed()));
        // A large room's list holds the host and the earliest arrivals only.
        const int everyone = session.connection().participantCount();
        if (everyone > session.connection().participants().size())
            details << tr("%n people are here; the list shows %1 of them.", "", everyone)
                           .arg(session.connection().participants().size());
    }
    m_roomDetails->setText(details.join(QLatin1Char(' ')));
    m_roomDetails->setVisible(!details.isEmpty());

    const QString link = session.inviteLink();
    m_inviteLink->setText(link);
    m_inviteLink->setCursorPosition(0);
    m_inviteRow->setVisible(!link.isEmpty());
    refreshButtons();
}

void RoomPanel::refreshButtons()
{
    const bool host = m_session.connection().inRoom() && m_session.connection().isHost();
    const protocol::Participant *selected = m_participants->currentIndex().isValid()
        ? m_model->participantAt(m_participants->currentIndex().row())
        : nullptr;
    m_makeHost->setEnabled(host && selected
                           && selected->clientId != m_session.connection().clientId());
    m_makeHost->setVisible(host);
    m_resync->setEnabled(host);
    m_resync->setVisible(host);
}

void RoomPanel::onEnded(const QString &message)
{
    m_endMessage->setText(message);
    m_endMessage->setVisible(!message.isEmpty());
    addActivity(message);
    refresh();
}

void RoomPanel::handOverSelected()
{
    const QModelIndex current = m_participants->currentIndex();
    const protocol::Participant *p
        = current.isValid() ? m_model->participantAt(current.row()) : nullptr;
    if (!p || p->clientId == m_session.connection().clientId())
        return;
    const auto answer = QMessageBox::question(
        this, tr("Make %1 the Host?").arg(p->name),
        tr("%1 will be able to hand the role on, resync everyone and invite people. You cannot "
           "take the role back unless %1 gives it to you.")
            .arg(p->name),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer == QMessageBox::Yes)
        m_room.handOverHost(p->clientId);
}

void RoomPanel::showParticipantMenu(const QPoint &position)
{
    const QModelIndex index = m_participants->indexAt(position);
    if (!index.isValid())
        return;
    m_participants->setCurrentIndex(index);
    if (!m_makeHost->isEnabled())
        return;
    QMenu menu(this);
    menu.addAction(tr("Make Host"), this, &RoomPanel::handOverSelected);
    menu.exec(m_participants->viewport()->mapToGlobal(position));
}

void RoomPanel::copyInviteLink()
{
    QApplication::clipboard()->setText(m_inviteLink->text());
    addActivity(tr("Invite link copied."));
}

void RoomPanel::addActivity(const QString &text)
{
    if (text.isEmpty())
        return;
    const QString stamp = QLocale().toString(QTime::currentTime(), QLocale::ShortFormat);
    m_log->addItem(tr("%1  %2").arg(stamp, text));
    while (m_log->count() > kMaxLogLines)
        const std::unique_ptr<QListWidgetItem> oldest(m_log->takeItem(0));
    m_log->scrollToBottom();
}

QStringList RoomPanel::activity() const
{
    QStringList lines;
    for (int i = 0; i < m_log->count(); ++i)
        lines << m_log->item(i)->text();
    return lines;
}

QString RoomPanel::endMessage() const
{
    return m_endMessage->isHidden() ? QString() : m_endMessage->text();
}

} // namespace lockstep::ui
