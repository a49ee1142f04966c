#include "SubtitleOverlay.h"

#include <QPainter>

namespace lockstep::ui {

SubtitleOverlay::SubtitleOverlay(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("subtitleOverlay"));
    setAttribute(Qt::WA_TransparentForMouseEvents);
    setAttribute(Qt::WA_NoSystemBackground);
    setAttribute(Qt::WA_TranslucentBackground);
    setFocusPolicy(Qt::NoFocus);
}

void SubtitleOverlay::setImage(const QImage &image)
{
    if (image.isNull() && m_image.isNull())
        return;
    m_image = image;
    update();
}

void SubtitleOverlay::paintEvent(QPaintEvent *)
{
    if (m_image.isNull())
        return;
    QPainter painter(this);
    painter.drawImage(rect(), m_image);
}

} // namespace lockstep::ui
