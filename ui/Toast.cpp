#include "Toast.h"

#include <QApplication>
#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace lockstep::ui {

namespace {

// Long enough to read: a base plus a little per character, within bounds.
qint64 displayMs(const QString &text, bool warning)
{
    const qint64 ms = 2500 + 45 * text.size();
    return std::clamp<qint64>(warning ? ms * 2 : ms, 3000, 10000);
}

} // namespace

Toast::Toast(QWidget *anchor)
    : FloatingPanel(anchor), m_layout(new QVBoxLayout(this)), m_timer(new QTimer(this))
{
    setObjectName(QStringLiteral("toast"));
    const int margin = style()->pixelMetric(QStyle::PM_LayoutTopMargin);
    m_layout->setContentsMargins(margin, margin / 2, margin, margin / 2);
    m_layout->setSpacing(margin / 3);

    m_timer->setInterval(250);
    connect(m_timer, &QTimer::timeout, this, &Toast::prune);
}

void Toast::showMessage(const QString &text, bool warning)
{
    if (text.isEmpty())
        return;
    // The same words again (a retry, a repeated action) renew the one shown.
    for (int i = 0; i < m_entries.size(); ++i) {
        const auto *label = m_entries.at(i).row->findChild<QLabel *>(QStringLiteral("toastText"));
        if (label && label->text() == text) {
            Entry entry = m_entries.takeAt(i);
            entry.expiresAt = QDateTime::currentMSecsSinceEpoch() + displayMs(text, warning);
            m_layout->removeWidget(entry.row);
            m_layout->addWidget(entry.row);
            m_entries.append(entry);
            m_timer->start();
            updateVisibility();
            return;
        }
    }
    auto *row = new QWidget(this);
    auto *rowLayout = new QHBoxLayout(row);
    rowLayout->setContentsMargins(0, 0, 0, 0);
    if (warning) {
        auto *icon = new QLabel(row);
        const int side = fontMetrics().height();
        icon->setPixmap(style()
                            ->standardIcon(QStyle::SP_MessageBoxWarning)
                            .pixmap(QSize(side, side), devicePixelRatioF()));
        rowLayout->addWidget(icon, 0, Qt::AlignTop);
    }
    auto *label = new QLabel(text, row);
    label->setObjectName(QStringLiteral("toastText"));
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::ToolTipText);
    rowLayout->addWidget(label, 1);
    m_layout->addWidget(row);
    // Shown now, not later by the layout: a row still hidden when the toast
    // is measured would be left out of its size and then drawn clipped.
    row->show();
    m_entries.append({row, QDateTime::currentMSecsSinceEpoch() + displayMs(text, warning)});
    while (m_entries.size() > kMaxVisible)
        dropOldest();
    m_timer->start();
    updateVisibility();
}

QStringList Toast::messages() const
{
    QStringList texts;
    for (const Entry &entry : m_entries) {
        if (const auto *label = entry.row->findChild<QLabel *>(QStringLiteral("toastText")))
            texts << label->text();
    }
    return texts;
}

void Toast::dropOldest()
{
    QWidget *row = m_entries.takeFirst().row;
    m_layout->removeWidget(row);
    row->hide();
    row->deleteLater();
}

void Toast::prune()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    bool changed = false;
    while (!m_entries.isEmpty() && m_entries.first().expiresAt <= now) {
        dropOldest();
        changed = true;
    }
    if (m_entries.isEmpty())
        m_timer->stop();
    // Also catches a menu opened or closed meanwhile.
    if (changed || isVisible() != shouldShow())
        updateVisibility();
}

void Toast::place()
{
    const QWidget *area = anchor();
    const int margin = fontMetrics().height();
    const int maxWidth = std::max(area->width() * 2 / 3, fontMetrics().averageCharWidth() * 30);
    setMaximumWidth(maxWidth);
    layout()->activate();
    // Wrapped lines need the height for the width they get, or the last
    // line is cut off.
    const int width = std::min(sizeHint().width(), maxWidth);
    const int height = layout()->hasHeightForWidth() ? layout()->totalHeightForWidth(width)
                                                     : sizeHint().height();
    const QSize size(width, std::min(height, area->height()));
    resize(size);
    const QPoint topCentre = area->mapToGlobal(QPoint(area->width() / 2, margin));
    move(topCentre.x() - size.width() / 2, topCentre.y());
}
} // namespace lockstep::ui
