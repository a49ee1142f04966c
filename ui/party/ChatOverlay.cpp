#include "ChatOverlay.h"

#include "ChatPane.h"
#include "room/ChatController.h"

#include <QDateTime>
#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QStyle>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace lockstep::ui {

using namespace lockstep::room;

ChatOverlay::ChatOverlay(ChatController &chat, QWidget *anchor)
    : FloatingPanel(anchor), m_layout(new QVBoxLayout(this)), m_banner(new QLabel(this)),
      m_timer(new QTimer(this))
{
    setObjectName(QStringLiteral("chatOverlay"));
    setBackgroundAlpha(230);
    const int margin = style()->pixelMetric(QStyle::PM_LayoutTopMargin);
    m_layout->setContentsMargins(margin, margin / 2, margin, margin / 2);
    m_layout->setSpacing(margin / 3);
    m_banner->setObjectName(QStringLiteral("chatOverlayBanner"));
    m_banner->setTextFormat(Qt::PlainText);
    QFont bold = m_banner->font();
    bold.setBold(true);
    m_banner->setFont(bold);
    m_banner->hide();
    m_layout->addWidget(m_banner);

    m_timer->setInterval(250);
    connect(m_timer, &QTimer::timeout, this, &ChatOverlay::prune);
    connect(&chat, &ChatController::lineAdded, this, &ChatOverlay::add);
    connect(&chat, &ChatController::linesReset, this, &ChatOverlay::clearLines);
}

void ChatOverlay::setActive(bool active)
{
    if (m_active == active)
        return;
    m_active = active;
    if (!active)
        clearLines();
    updateVisibility();
}

void ChatOverlay::setBanner(const QString &text)
{
    if (m_banner->text() == text && m_banner->isVisible() == !text.isEmpty())
        return;
    m_banner->setText(text);
    m_banner->setVisible(!text.isEmpty());
    updateVisibility();
}

QString ChatOverlay::banner() const
{
    return m_banner->isHidden() ? QString() : m_banner->text();
}

QStringList ChatOverlay::visibleLines() const
{
    QStringList lines;
    for (const Entry &entry : m_entries)
        lines << entry.label->text();
    return lines;
}

void ChatOverlay::add(const ChatLine &line)
{
    if (!m_active)
        return;
    auto *label = new QLabel(this);
    label->setTextFormat(Qt::RichText);
    label->setWordWrap(true);
    label->setText(ChatPane::lineHtml(line));
    label->setForegroundRole(QPalette::ToolTipText);
    m_layout->addWidget(label);
    m_entries.append({label, QDateTime::currentMSecsSinceEpoch() + kLineMs});
    while (m_entries.size() > kMaxLines) {
        QLabel *oldest = m_entries.takeFirst().label;
        m_layout->removeWidget(oldest);
        oldest->deleteLater();
    }
    m_timer->start();
    updateVisibility();
}

void ChatOverlay::prune()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    bool changed = false;
    while (!m_entries.isEmpty() && m_entries.first().expiresAt <= now) {
        QLabel *oldest = m_entries.takeFirst().label;
        m_layout->removeWidget(oldest);
        oldest->deleteLater();
        changed = true;
    }
    if (m_entries.isEmpty())
        m_timer->stop();
    // Also catches a menu opened or closed meanwhile.
    if (changed || isVisible() != shouldShow())
        updateVisibility();
}

void ChatOverlay::clearLines()
{
    for (const Entry &entry : std::as_const(m_entries)) {
        m_layout->removeWidget(entry.label);
        entry.label->deleteLater();
    }
    m_entries.clear();
    m_timer->stop();
    updateVisibility();
}

bool ChatOverlay::hasContent() const
{
    return !m_entries.isEmpty() || !m_banner->isHidden();
}

void ChatOverlay::place()
{
    const QWidget *area = anchor();
    const int margin = fontMetrics().height();
    const int width = std::clamp(area->width() / 3, fontMetrics().averageCharWidth() * 30,
                                 std::max(area->width() - 2 * margin, 1));
    setFixedWidth(width);
    layout()->activate();
    const int wanted = layout()->hasHeightForWidth() ? layout()->totalHeightForWidth(width)
                                                     : sizeHint().height();
    resize(width, std::max(std::min(wanted, area->height() - 2 * margin), 1));
    move(area->mapToGlobal(QPoint(margin, area->height() - margin - height())));
}

// ---------------------------------------------------------------- input bar

ChatInputBar::ChatInputBar(ChatController &chat, QWidget *parent)
    : QWidget(parent), m_chat(chat), m_input(new QLineEdit(this)), m_refusal(new QLabel(this))
{
    setObjectName(QStringLiteral("chatInputBar"));
    m_input->setObjectName(QStringLiteral("chatInputBarLine"));
    m_input->setPlaceholderText(tr("Message the room (Enter sends, Esc closes)"));
    m_input->installEventFilter(this);
    connect(m_input, &QLineEdit::textEdited, m_refusal, &QWidget::hide);
    connect(&chat, &ChatController::sendRefused, this,
            [this](const QString &text, const QString &reason) {
                if (!isVisible())
                    return;
                if (m_input->text().trimmed().isEmpty())
                    m_input->setText(text);
                m_refusal->setText(reason);
                m_refusal->show();
            });
    m_refusal->setTextFormat(Qt::PlainText);
    m_refusal->setWordWrap(true);
    m_refusal->hide();
    auto *layout = new QHBoxLayout(this);
    const int margin = style()->pixelMetric(QStyle::PM_LayoutLeftMargin) / 2;
    layout->setContentsMargins(margin, margin, margin, margin);
    layout->addWidget(m_input, 2);
    layout->addWidget(m_refusal, 1);
    hide();
}

void ChatInputBar::open()
{
    show();
    m_input->setFocus(Qt::ShortcutFocusReason);
}

void ChatInputBar::close()
{
    m_refusal->hide();
    hide();
    if (QWidget *window = this->window())
        window->setFocus(Qt::OtherFocusReason);
}

void ChatInputBar::send()
{
    if (m_input->text().trimmed().isEmpty()) {
        close();
        return;
    }
    const QString reason = m_chat.send(m_input->text());
    if (!reason.isEmpty()) {
        m_refusal->setText(reason);
        m_refusal->show();
        return;
    }
    m_input->clear();
    close();
}

bool ChatInputBar::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_input && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Escape) {
            close();
            return true;
        }
        // Handled here: a line edit passes Enter on to the window, which
        // would open this line again.
        if (key == Qt::Key_Return || key == Qt::Key_Enter) {
            send();
            return true;
        }
    }
    if (watched == m_input && event->type() == QEvent::ShortcutOverride
        && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape) {
        // Escape closes this line before it leaves full screen.
        event->accept();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace lockstep::ui
