#include "HostDialog.h"

#include "room/InviteLink.h"
#include "room/PortMapper.h"
#include "room/ReachabilityCheck.h"
#include "room/RoomSession.h"
#include "room/Settings.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStyle>
#include <QVBoxLayout>

namespace lockstep::ui {

using namespace lockstep::room;

namespace {

QLabel *wrappingLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    return label;
}

} // namespace

HostDialog::HostDialog(RoomSession &session, Settings &settings, const QString &name,
                       StartHosting startHosting, QWidget *parent)
    : QDialog(parent), m_session(session), m_settings(settings),
      m_startHosting(std::move(startHosting)), m_pages(new QStackedWidget(this))
{
    setObjectName(QStringLiteral("hostDialog"));
    setWindowTitle(tr("Host a Room"));
    m_pages->addWidget(makeSetupPage(name));
    m_pages->addWidget(makeHostingPage());
    auto *layout = new QVBoxLayout(this);
    // Grow when a hidden line (an error, a hint) appears, rather than clip it.
    layout->setSizeConstraint(QLayout::SetMinimumSize);
    layout->addWidget(m_pages);

    connect(&session, &RoomSession::inviteLinkChanged, this, &HostDialog::refreshLink);
    connect(&session, &RoomSession::hostingChanged, this, [this](bool hosting) {
        if (!hosting && m_pages->currentIndex() == 1)
            close();
    });
    connect(&session.hosting().routerPort(), &PortMapper::stateChanged, this, [this] {
        refreshRouter();
        refreshAddresses();
    });
    connect(&session.hosting().reachability(), &ReachabilityCheck::finished, this,
            &HostDialog::refreshRouter);

    if (session.isHosting())
        showHostingPage();
}

void HostDialog::fillExpiryChoices(QComboBox *combo, int selectedSeconds)
{
    const QList<QPair<QString, int>> choices {
        {tr("1 hour"), 3600},
        {tr("24 hours"), 24 * 3600},
        {tr("7 days"), 7 * 24 * 3600},
    };
    for (const auto &[label, seconds] : choices)
        combo->addItem(label, seconds);
    const int index = combo->findData(selectedSeconds);
    combo->setCurrentIndex(index >= 0 ? index : 1);
}

QWidget *HostDialog::makeSetupPage(const QString &name)
{
    auto *page = new QWidget(this);
    auto *intro = wrappingLabel(
        tr("Lockstep runs a small server on this computer, or puts your room on a Lockstep "
           "server that you and your friends can all reach. The people you invite connect to "
           "it and everyone's player follows the same timeline."),
        page);

    m_name = new QLineEdit(name, page);
    m_name->setObjectName(QStringLiteral("hostName"));
    m_name->setMaxLength(64);

    m_onThisComputer = new QRadioButton(tr("On this &computer (encrypted)"), page);
    m_onThisComputer->setObjectName(QStringLiteral("hostOnThisComputer"));
    m_onServer = new QRadioButton(tr("On a ser&ver"), page);
    m_onServer->setObjectName(QStringLiteral("hostOnServer"));
    m_onServer->setToolTip(tr("For when people outside your network cannot reach this computer "
                              "(no port can be opened on your router, or your provider shares "
                              "one address among many homes)"));
    (m_settings.hostOnServer() ? m_onServer : m_onThisComputer)->setChecked(true);
    auto *where = new QHBoxLayout;
    where->addWidget(m_onThisComputer);
    where->addWidget(m_onServer);
    where->addStretch(1);

    m_serverFields = new QWidget(page);
    m_serverAddress = new QLineEdit(m_settings.hostServer(), m_serverFields);
    m_serverAddress->setObjectName(QStringLiteral("hostServerAddress"));
    m_serverAddress->setPlaceholderText(QStringLiteral("wss://watch.example.org/"));
    m_authToken = new QLineEdit(m_settings.hostAuthToken(), m_serverFields);
    m_authToken->setObjectName(QStringLiteral("hostAuthToken"));
    m_authToken->setEchoMode(QLineEdit::Password);
    m_authToken->setPlaceholderText(tr("Only if the server asks for one"));
    auto *serverForm = new QFormLayout(m_serverFields);
    serverForm->setContentsMargins(0, 0, 0, 0);
    serverForm->addRow(tr("Server &address:"), m_serverAddress);
    serverForm->addRow(tr("Access &token:"), m_authToken);

    m_computerFields = new QWidget(page);
    m_port = new QSpinBox(m_computerFields);
    m_port->setObjectName(QStringLiteral("hostPort"));
    m_port->setRange(0, 65535);
    m_port->setSpecialValueText(tr("Any free port"));
    m_port->setValue(m_settings.hostPort());
    m_port->setToolTip(tr("The TCP port others connect to. 8765 unless something else uses it."));
    m_control = new QComboBox(page);
    m_control->setObjectName(QStringLiteral("hostControl"));
    m_control->addItem(tr("Everyone in the room"), false);
    m_control->addItem(tr("Only me"), true);
    m_control->setCurrentIndex(m_settings.hostOnlyControl() ? 1 : 0);
    m_inviteOnly = new QCheckBox(tr("Only people with an invite link can join"), page);
    m_inviteOnly->setObjectName(QStringLiteral("hostInviteOnly"));
    m_inviteOnly->setChecked(m_settings.hostInviteOnly());
    m_startWhenReady = new QCheckBox(tr("Start when everyone is ready"), page);
    m_startWhenReady->setObjectName(QStringLiteral("hostStartWhenReady"));
    m_startWhenReady->setChecked(m_settings.hostStartWhenReady());
    m_startWhenReady->setToolTip(
        tr("Pressing play waits until everyone in the room has said \"I'm ready\""));
    m_shareFile = new QCheckBox(tr("Let guests stream my file"), m_computerFields);
    m_shareFile->setObjectName(QStringLiteral("hostShareFile"));
    m_shareFile->setChecked(m_settings.hostSharesFile());
    m_shareFile->setToolTip(tr("Guests without their own copy watch yours, sent from this "
                               "computer over the room's encrypted connection"));
    m_setupExpiry = new QComboBox(page);
    fillExpiryChoices(m_setupExpiry, m_settings.inviteExpiry());
    m_openRouterPort = new QCheckBox(tr("Open the port on my router (UPnP)"), m_computerFields);
    m_openRouterPort->setChecked(PortMapper::isAvailable() && m_settings.hostOpensRouterPort());
    m_openRouterPort->setEnabled(PortMapper::isAvailable());
    m_openRouterPort->setToolTip(
        PortMapper::isAvailable()
            ? tr("Lets people outside your home network join, if your router allows it")
            : tr("This copy of Lockstep was built without UPnP support"));

    auto *computerForm = new QFormLayout(m_computerFields);
    computerForm->setContentsMargins(0, 0, 0, 0);
    computerForm->addRow(tr("&Port:"), m_port);
    computerForm->addRow(QString(), m_openRouterPort);
    computerForm->addRow(QString(), m_shareFile);

    auto *form = new QFormLayout;
    form->addRow(tr("Your &name:"), m_name);
    form->addRow(tr("Host:"), where);
    form->addRow(m_computerFields);
    form->addRow(m_serverFields);
    form->addRow(tr("Who controls &playback:"), m_control);
    form->addRow(QString(), m_inviteOnly);
    form->addRow(QString(), m_startWhenReady);
    form->addRow(tr("Invite links &expire after:"), m_setupExpiry);
    connect(m_onServer, &QRadioButton::toggled, this, &HostDialog::refreshWhere);
    refreshWhere();

    m_setupError = wrappingLabel(QString(), page);
    m_setupError->setObjectName(QStringLiteral("hostError"));
    m_setupError->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, page);
    m_startButton = buttons->addButton(tr("Start Hosting"), QDialogButtonBox::AcceptRole);
    m_startButton->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &HostDialog::start);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_name, &QLineEdit::textChanged, this,
            [this](const QString &text) { m_startButton->setEnabled(!text.trimmed().isEmpty()); });

    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_setupError);
    layout->addStretch(1);
    layout->addWidget(buttons);
    return page;
}

QWidget *HostDialog::makeHostingPage()
{
    auto *page = new QWidget(this);
    m_hostingSummary = wrappingLabel(QString(), page);

    m_link = new QLineEdit(page);
    m_link->setObjectName(QStringLiteral("inviteLinkEdit"));
    m_link->setReadOnly(true);
    m_link->setPlaceholderText(tr("Creating an invite…"));
    m_link->setMinimumWidth(m_link->fontMetrics().averageCharWidth() * 72);
    m_copy = new QPushButton(QIcon::fromTheme(QStringLiteral("edit-copy")), tr("&Copy"), page);
    m_copy->setObjectName(QStringLiteral("copyInviteButton"));
    connect(m_copy, &QPushButton::clicked, this, [this] {
        QApplication::clipboard()->setText(m_link->text());
        m_copy->setText(tr("Copied"));
    });
    auto *linkRow = new QHBoxLayout;
    linkRow->addWidget(m_link, 1);
    linkRow->addWidget(m_copy);

    m_expiry = new QComboBox(page);
    fillExpiryChoices(m_expiry, m_settings.inviteExpiry());
    connect(m_expiry, &QComboBox::activated, this, &HostDialog::expiryChosen);
    m_expiresAt = wrappingLabel(QString(), page);
    auto *expiryRow = new QHBoxLayout;
    expiryRow->addWidget(new QLabel(tr("The link works for"), page));
    expiryRow->addWidget(m_expiry);
    expiryRow->addWidget(m_expiresAt, 1);

    m_addressesTitle = wrappingLabel(
        tr("Others reach this computer at these addresses. The link uses the one you pick:"), page);
    m_addresses = new QListWidget(page);
    m_addresses->setObjectName(QStringLiteral("hostAddresses"));
    m_addresses->setSelectionMode(QAbstractItemView::SingleSelection);
    connect(m_addresses, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row < 0)
            return;
        m_session.setInviteServer(m_addresses->item(row)->data(Qt::UserRole).toUrl());
    });
    const int rows = 4;
    m_addresses->setMaximumHeight(m_addresses->fontMetrics().height() * (rows + 1)
                                  + 2 * m_addresses->frameWidth());

    m_routerStatus = wrappingLabel(QString(), page);
    m_routerStatus->setObjectName(QStringLiteral("routerStatus"));
    m_routerButton = new QPushButton(tr("Open Port on &Router"), page);
    m_routerButton->setObjectName(QStringLiteral("routerButton"));
    m_routerButton->setVisible(PortMapper::isAvailable());
    connect(m_routerButton, &QPushButton::clicked, this, [this] {
        if (m_session.hosting().serverPort() != 0) {
            m_settings.setHostOpensRouterPort(true);
            m_session.openRouterPort();
        }
    });
    auto *routerRow = new QHBoxLayout;
    routerRow->addWidget(m_routerStatus, 1);
    routerRow->addWidget(m_routerButton, 0, Qt::AlignTop);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, page);
    QPushButton *stop = buttons->addButton(tr("&Stop Hosting"), QDialogButtonBox::DestructiveRole);
    stop->setObjectName(QStringLiteral("stopHostingButton"));
    // Through the window, as Room > Stop Hosting: it asks first when
    // others would notice.
    connect(stop, &QPushButton::clicked, this, &HostDialog::stopHostingRequested);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::accept);

    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_hostingSummary);
    layout->addLayout(linkRow);
    layout->addLayout(expiryRow);
    layout->addSpacing(fontMetrics().height() / 2);
    layout->addWidget(m_addressesTitle);
    layout->addWidget(m_addresses);
    layout->addLayout(routerRow);
    layout->addStretch(1);
    layout->addWidget(buttons);
    return page;
}

void HostDialog::start()
{
    HostOptions options;
    options.name = m_name->text().trimmed();
    options.port = quint16(m_port->value());
    const bool onServer = m_onServer->isChecked();
    if (onServer) {
        QString address = m_serverAddress->text().trimmed();
        // "watch.example.org:8765" means the encrypted one.
        if (!address.isEmpty() && !address.contains(QLatin1String("://")))
            address.prepend(QStringLiteral("wss://"));
        options.server = QUrl(address, QUrl::StrictMode);
        if (options.server.isValid() && options.server.path().isEmpty())
            options.server.setPath(QStringLiteral("/"));
        options.authToken = m_authToken->text().trimmed();
        if (!InviteLink::isValidServer(options.server)) {
            m_setupError->setText(tr("Enter the server's address, like "
                                     "wss://watch.example.org/."));
            m_setupError->show();
            return;
        }
    }
    options.hostOnlyControl = m_control->currentData().toBool();
    options.inviteOnly = m_inviteOnly->isChecked();
    options.startWhenReady = m_startWhenReady->isChecked();
    options.shareFile = m_shareFile->isChecked();
    options.inviteExpiry = m_setupExpiry->currentData().toInt();
    if (options.name.isEmpty())
        return;

    m_settings.setDisplayName(options.name);
    if (options.port != 0)
        m_settings.setHostPort(options.port);
    m_settings.setHostOnlyControl(options.hostOnlyControl);
    m_settings.setHostInviteOnly(options.inviteOnly);
    m_settings.setHostStartWhenReady(options.startWhenReady);
    m_settings.setHostSharesFile(options.shareFile);
    m_settings.setInviteExpiry(options.inviteExpiry);
    m_settings.setHostOpensRouterPort(m_openRouterPort->isChecked());
    m_settings.setHostOnServer(onServer);
    if (onServer) {
        m_settings.setHostServer(options.server.toString());
        m_settings.setHostAuthToken(options.authToken);
    }

    QString error;
    if (!m_startHosting(options, &error)) {
        m_setupError->setText(error);
        m_setupError->show();
        return;
    }
    if (!onServer && m_openRouterPort->isChecked() && m_session.hosting().serverPort() != 0)
        m_session.openRouterPort();
    showHostingPage();
}

void HostDialog::refreshWhere()
{
    const bool onServer = m_onServer->isChecked();
    m_serverFields->setVisible(onServer);
    m_computerFields->setVisible(!onServer);
}

void HostDialog::showHostingPage()
{
    const HostOptions &options = m_session.hosting().options();
    QString summary = options.hostOnlyControl
        ? tr("Your room is open. Send the link below to the people you want to watch "
             "with. Only you control playback.")
        : tr("Your room is open. Send the link below to the people you want to watch "
             "with. Everyone can play, pause and seek.");
    if (m_session.hosting().hostsOnServer())
        summary += QLatin1Char(' ')
            + tr("The room is on %1; it stays open for the others if you leave.")
                  .arg(options.server.toDisplayString());
    else
        summary += QLatin1Char(' ')
            + tr("The connection is encrypted, and the link lets your guests check that "
                 "they reach this computer and no other.");
    m_hostingSummary->setText(summary);
    for (QWidget *part : std::initializer_list<QWidget *> {m_addresses, m_addressesTitle,
                                                           m_routerStatus, m_routerButton})
        part->setVisible(!m_session.hosting().hostsOnServer());
    const int index = m_expiry->findData(m_session.inviteExpiry());
    if (index >= 0)
        m_expiry->setCurrentIndex(index);
    m_pages->setCurrentIndex(1);
    refreshAddresses();
    refreshRouter();
    refreshLink();
}

void HostDialog::refreshLink()
{
    const QString link = m_session.inviteLink();
    m_link->setText(link);
    m_link->setCursorPosition(0);
    m_copy->setEnabled(!link.isEmpty());
    m_copy->setText(tr("&Copy"));
    if (m_session.inviteExpiresAt() > 0.0 && !link.isEmpty()) {
        const QDateTime expires
            = QDateTime::fromSecsSinceEpoch(qint64(m_session.inviteExpiresAt()));
        m_expiresAt->setText(
            tr("(until %1)").arg(QLocale().toString(expires, QLocale::ShortFormat)));
    } else {
        m_expiresAt->clear();
    }
}

void HostDialog::refreshAddresses()
{
    const QSignalBlocker blocker(m_addresses);
    m_addresses->clear();
    const QList<HostAddress> addresses = m_session.hosting().hostAddresses();
    int selected = -1;
    for (const HostAddress &address : addresses) {
        auto *item = new QListWidgetItem(
            tr("%1   (%2)").arg(address.url.toString(), address.description()), m_addresses);
        item->setData(Qt::UserRole, address.url);
        if (address.url == m_session.hosting().inviteServer())
            selected = m_addresses->count() - 1;
    }
    m_addresses->setCurrentRow(selected);
}

void HostDialog::refreshRouter()
{
    if (m_session.hosting().hostsOnServer()) {
        m_routerStatus->hide();
        m_routerButton->hide();
        return;
    }
    const PortMapper &mapper = m_session.hosting().routerPort();
    const quint16 port = m_session.hosting().serverPort();
    if (!PortMapper::isAvailable()) {
        m_routerStatus->setText(tr("To let people outside your network join, forward TCP port "
                                   "%1 to this computer in your router's settings.")
                                    .arg(port));
        return;
    }
    const QString status = mapper.state() == PortMapper::State::Idle
        ? tr("People outside your network can join only if TCP port %1 is open on your router.")
              .arg(port)
        : mapper.statusText();
    // Once the port is open: whether people outside can really join.
    const QString reachability = mapper.state() == PortMapper::State::Open
        ? m_session.hosting().reachability().text()
        : QString();
    m_routerStatus->setText(reachability.isEmpty() ? status
                                                   : status + QLatin1Char('\n') + reachability);
    m_routerStatus->show();
    m_routerButton->setEnabled(mapper.state() == PortMapper::State::Idle
                               || mapper.state() == PortMapper::State::Failed);
    m_routerButton->setText(mapper.state() == PortMapper::State::Failed
                                ? tr("Try &Again")
                                : tr("Open Port on &Router"));
    m_routerButton->setVisible(mapper.state() != PortMapper::State::Open);
}

void HostDialog::expiryChosen(int index)
{
    const int seconds = m_expiry->itemData(index).toInt();
    m_settings.setInviteExpiry(seconds);
    m_link->clear();
    m_session.requestInvite(seconds);
}

QString HostDialog::inviteLink() const
{
    return m_link->text();
}

} // namespace lockstep::ui
