#include "FloatingPanel.h"

#include <QApplication>
#include <QEvent>
#include <QPainter>
#include <QTimer>

namespace lockstep::ui {

FloatingPanel::FloatingPanel(QWidget *anchor)
    : QWidget(anchor->window(),
              Qt::ToolTip | Qt::FramelessWindowHint | Qt::WindowDoesNotAcceptFocus),
      m_anchor(anchor)
{
    setAttribute(Qt::WA_ShowWithoutActivating);
    setAttribute(Qt::WA_TransparentForMouseEvents);
    setForegroundRole(QPalette::ToolTipText);
    setBackgroundRole(QPalette::ToolTipBase);
    anchor->installEventFilter(this);
    anchor->window()->installEventFilter(this);
}

bool FloatingPanel::anchorShowing() const
{
    const QWidget *window = m_anchor->window();
    return m_anchor->isVisible() && !window->isMinimized() && window->isActiveWindow();
}

bool FloatingPanel::shouldShow() const
{
    return hasContent() && anchorShowing() && !QApplication::activePopupWidget();
}

void FloatingPanel::updateVisibility()
{
    if (!shouldShow()) {
        hide();
        return;
    }
    place();
    show();
    raise();
}

bool FloatingPanel::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::Move:
    case QEvent::Resize:
    case QEvent::Show:
    case QEvent::Hide:
    case QEvent::WindowStateChange:
    case QEvent::WindowActivate:
    case QEvent::WindowDeactivate:
        // After the change has taken effect.
        QTimer::singleShot(0, this, &FloatingPanel::updateVisibility);
        break;
    default:
        break;
    }
    return QWidget::eventFilter(watched, event);
}

void FloatingPanel::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    QColor background = palette().color(QPalette::ToolTipBase);
    background.setAlpha(m_alpha);
    painter.fillRect(rect(), background);
    painter.setPen(palette().color(QPalette::Mid));
    painter.drawRect(rect().adjusted(0, 0, -1, -1));
}

} // namespace lockstep::ui
