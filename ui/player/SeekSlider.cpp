#include "SeekSlider.h"

#include "room/TimeFormat.h"

#include <QMouseEvent>
#include <QStyle>
#include <QStyleOptionSlider>
#include <QToolTip>

#include <algorithm>

namespace lockstep::ui {

using namespace lockstep::room;

SeekSlider::SeekSlider(QWidget *parent) : QSlider(Qt::Horizontal, parent)
{
    setMouseTracking(true);
    // Arrow keys belong to the window's seek shortcuts, not to the slider.
    setFocusPolicy(Qt::NoFocus);
    setRange(0, 0);
    setSingleStep(5000);
    setPageStep(30000);
    connect(this, &QSlider::sliderMoved, this, [this](int value) { emit previewPosition(value); });
    connect(this, &QSlider::sliderReleased, this, [this] { emit seekRequested(value()); });
}

void SeekSlider::setPlaybackPosition(qint64 milliseconds)
{
    if (isSliderDown())
        return;
    const QSignalBlocker blocker(this);
    setValue(int(std::clamp<qint64>(milliseconds, minimum(), maximum())));
}

int SeekSlider::valueAt(const QPoint &point) const
{
    QStyleOptionSlider option;
    initStyleOption(&option);
    const QRect groove
        = style()->subControlRect(QStyle::CC_Slider, &option, QStyle::SC_SliderGroove, this);
    const QRect handle
        = style()->subControlRect(QStyle::CC_Slider, &option, QStyle::SC_SliderHandle, this);
    // The handle's centre can travel from half a handle in to half a handle
    // from the far end; map the pointer onto that span.
    const int span = groove.width() - handle.width();
    const int offset = point.x() - groove.x() - handle.width() / 2;
    return QStyle::sliderValueFromPosition(minimum(), maximum(), offset, std::max(span, 1),
                                           option.upsideDown);
}

void SeekSlider::showTimeTip(const QPoint &point)
{
    if (maximum() <= minimum() || !isEnabled()) {
        QToolTip::hideText();
        return;
    }
    const int value = valueAt(point);
    QToolTip::showText(mapToGlobal(QPoint(point.x(), 0)),
                       formatMediaTime(value / 1000.0, maximum() >= 3600 * 1000), this);
}

void SeekSlider::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && maximum() > minimum()) {
        QStyleOptionSlider option;
        initStyleOption(&option);
        const QRect handle
            = style()->subControlRect(QStyle::CC_Slider, &option, QStyle::SC_SliderHandle, this);
        if (!handle.contains(event->position().toPoint())) {
            // Put the handle under the pointer first, so the press below
            // grabs it and a drag can continue from there.
            const QSignalBlocker blocker(this);
            setValue(valueAt(event->position().toPoint()));
        }
    }
    QSlider::mousePressEvent(event);
    if (isSliderDown())
        emit previewPosition(value());
}

void SeekSlider::mouseMoveEvent(QMouseEvent *event)
{
    QSlider::mouseMoveEvent(event);
    showTimeTip(event->position().toPoint());
}

void SeekSlider::leaveEvent(QEvent *event)
{
    QToolTip::hideText();
    QSlider::leaveEvent(event);
}

} // namespace lockstep::ui
