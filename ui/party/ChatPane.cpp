#include "ChatPane.h"

#include "room/ChatController.h"

#include <QDesktopServices>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollBar>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace lockstep::ui {

using namespace lockstep::room;

ChatPane::ChatPane(ChatController &chat, QWidget *parent)
    : QWidget(parent), m_chat(chat), m_view(new QTextBrowser(this)), m_input(new QLineEdit(this)),
      m_pending(new QLabel(this)), m_send(new QPushButton(tr("Send"), this)),
      m_refusal(new QLabel(this))
{
    setObjectName(QStringLiteral("chatPane"));
    m_view->setObjectName(QStringLiteral("chatView"));
    m_view->setOpenLinks(false);
    m_view->setOpenExternalLinks(false);
    m_view->setFocusPolicy(Qt::ClickFocus);
    m_view->setPlaceholderText(tr("Nothing said yet. Say hello!"));
    connect(m_view, &QTextBrowser::anchorClicked, this,
            [this](const QUrl &url) { openLinkAfterAsking(this, url); });

    m_input->setObjectName(QStringLiteral("chatInput"));
    m_input->setPlaceholderText(tr("Message the room"));
    m_input->setClearButtonEnabled(true);
    // Not where keyboard focus lands by itself: Space and the arrows belong
    // to the player until the user clicks here or presses Enter.
    m_input->setFocusPolicy(Qt::ClickFocus);
    // Enter sends; handled here, because a line edit passes it on to the
    // window, where Enter means "open the chat".
    m_input->installEventFilter(this);
    connect(m_input, &QLineEdit::textEdited, this, [this] { m_refusal->hide(); });
    m_send->setObjectName(QStringLiteral("chatSend"));
    connect(m_send, &QPushButton::clicked, this, &ChatPane::send);

    m_refusal->setObjectName(QStringLiteral("chatRefusal"));
    m_refusal->setWordWrap(true);
    m_refusal->setTextFormat(Qt::PlainText);
    m_refusal->setForegroundRole(QPalette::PlaceholderText);
    m_refusal->hide();

    m_pending->setObjectName(QStringLiteral("chatPending"));
    m_pending->setTextFormat(Qt::PlainText);
    m_pending->setForegroundRole(QPalette::PlaceholderText);
    m_pending->setWordWrap(true);
    m_pending->hide();
    const auto showPending = [this] {
        const QString text = m_chat.pendingText();
        m_pending->setText(text);
        m_pending->setVisible(!text.isEmpty());
    };
    connect(&chat, &ChatController::pendingChanged, this, showPending);

    auto *row = new QHBoxLayout;
    row->addWidget(m_input, 1);
    row->addWidget(m_send);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_pending);
    layout->addLayout(row);
    layout->addWidget(m_refusal);

    connect(&chat, &ChatController::lineAdded, this, &ChatPane::append);
    connect(&chat, &ChatController::linesReset, this, &ChatPane::reload);
    connect(&chat, &ChatController::sendRefused, this,
            [this](const QString &text, const QString &reason) {
                if (m_input->text().trimmed().isEmpty())
                    m_input->setText(text);
                showRefusal(reason);
            });
    reload();
}

bool ChatPane::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_input && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Return || key == Qt::Key_Enter) {
            send();
            return true;
        }
        if (key == Qt::Key_Escape) { // back to the player
            window()->setFocus(Qt::OtherFocusReason);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void ChatPane::focusInput()
{
    m_input->setFocus(Qt::ShortcutFocusReason);
}

void ChatPane::send()
{
    const QString reason = m_chat.send(m_input->text());
    if (!reason.isEmpty()) {
        showRefusal(reason);
        return;
    }
    m_input->clear();
    m_refusal->hide();
}

QString ChatPane::pendingText() const
{
    return m_pending->isHidden() ? QString() : m_pending->text();
}

QString ChatPane::refusal() const
{
    return m_refusal->isHidden() ? QString() : m_refusal->text();
}

void ChatPane::showRefusal(const QString &reason)
{
    m_refusal->setText(reason);
    m_refusal->show();
}

QString ChatPane::lineHtml(const ChatLine &line)
{
    const QString name = line.name.isEmpty() ? tr("Someone") : line.name;
    return QStringLiteral("<p style=\"margin:0 0 4px 0\"><b>%1</b> %2</p>")
        .arg((line.own ? tr("%1 (you)").arg(name) : name).toHtmlEscaped(),
             ChatController::toHtml(line.text));
}

void ChatPane::append(const ChatLine &line)
{
    QScrollBar *bar = m_view->verticalScrollBar();
    const bool atBottom = bar->value() >= bar->maximum() - 4;
    m_view->append(lineHtml(line));
    if (atBottom || line.own)
        bar->setValue(bar->maximum());
}

void ChatPane::reload()
{
    m_view->clear();
    for (const ChatLine &line : m_chat.lines())
        append(line);
}

void ChatPane::openLinkAfterAsking(QWidget *parent, const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    if (scheme != QLatin1String("http") && scheme != QLatin1String("https"))
        return;
    QMessageBox box(QMessageBox::Question, tr("Open Link?"),
                    tr("Open this link in your web browser?\n\n%1").arg(url.toDisplayString()),
                    QMessageBox::Open | QMessageBox::Cancel, parent);
    box.setTextFormat(Qt::PlainText);
    box.setDefaultButton(QMessageBox::Cancel);
    if (box.exec() == QMessageBox::Open)
        QDesktopServices::openUrl(url);
}

} // namespace lockstep::ui
