#include "TransportBar.h"

#include "SeekSlider.h"
#include "room/TimeFormat.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QSlider>
#include <QStyle>
#include <QToolButton>

#include <cmath>

namespace lockstep::ui {

using namespace lockstep::room;

namespace {

QToolButton *actionButton(QAction *action, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setDefaultAction(action);
    button->setAutoRaise(true);
    button->setFocusPolicy(Qt::NoFocus);
    const int extent = button->style()->pixelMetric(QStyle::PM_ToolBarIconSize, nullptr, button);
    button->setIconSize(QSize(extent, extent));
    return button;
}

} // namespace

TransportBar::TransportBar(QAction *playPause, QAction *mute, QAction *fullScreen, QWidget *parent)
    : QWidget(parent), m_playButton(actionButton(playPause, this)),
      m_positionLabel(new QLabel(this)), m_slider(new SeekSlider(this)),
      m_durationLabel(new QLabel(this)), m_buffering(new QProgressBar(this)),
      m_muteButton(actionButton(mute, this)), m_volume(new QSlider(Qt::Horizontal, this)),
      m_fullScreenButton(actionButton(fullScreen, this))
{
    setObjectName(QStringLiteral("transportBar"));
    m_slider->setObjectName(QStringLiteral("seekSlider"));
    m_volume->setObjectName(QStringLiteral("volumeSlider"));
    m_buffering->setObjectName(QStringLiteral("bufferingIndicator"));

    // Time labels keep the width of their widest text so that the slider
    // does not twitch every second.
    for (QLabel *label : {m_positionLabel, m_durationLabel}) {
        label->setMinimumWidth(label->fontMetrics().horizontalAdvance(QStringLiteral("00:00:00"))
                               + label->fontMetrics().averageCharWidth());
        label->setTextFormat(Qt::PlainText);
    }
    // However wide the room panel beside it, the seek bar stays long enough
    // to aim with (the panel gives way first).
    m_slider->setMinimumWidth(m_slider->fontMetrics().averageCharWidth() * kSeekBarMinimumChars);
    m_positionLabel->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_positionLabel->setToolTip(tr("Current position"));
    m_durationLabel->setToolTip(tr("Length"));

    // While it waits for data, the progress takes the length's place at the
    // length's width: the bar's least width stays the same, so the room
    // panel beside it does not give way (and stay narrowed) for a moment's
    // buffering.
    m_buffering->setTextVisible(true);
    m_buffering->setRange(0, 100);
    m_buffering->setFixedWidth(m_durationLabel->minimumWidth());
    m_buffering->setToolTip(tr("Waiting for enough of the media to play on"));
    m_buffering->setAccessibleName(tr("Buffering"));
    m_buffering->hide();

    m_volume->setRange(0, 100);
    m_volume->setFocusPolicy(Qt::NoFocus);
    m_volume->setPageStep(10);
    m_volume->setToolTip(tr("Volume"));
    m_volume->setAccessibleName(tr("Volume"));
    // Long enough to set a level with the mouse however narrow the window.
    m_volume->setMinimumWidth(m_volume->fontMetrics().horizontalAdvance(QLatin1Char('M')) * 4);
    m_volume->setMaximumWidth(m_volume->fontMetrics().horizontalAdvance(QLatin1Char('M')) * 8);
    m_slider->setAccessibleName(tr("Position"));

    auto *layout = new QHBoxLayout(this);
    const int spacing = style()->pixelMetric(QStyle::PM_LayoutHorizontalSpacing);
    layout->setContentsMargins(spacing, spacing / 2, spacing, spacing / 2);
    layout->addWidget(m_playButton);
    layout->addWidget(m_positionLabel);
    layout->addWidget(m_slider, 1);
    layout->addWidget(m_durationLabel);
    layout->addWidget(m_buffering);
    layout->addSpacing(spacing);
    layout->addWidget(m_muteButton);
    layout->addWidget(m_volume);
    layout->addWidget(m_fullScreenButton);

    connect(m_slider, &SeekSlider::seekRequested, this,
            [this](qint64 ms) { emit seekRequested(double(ms) / 1000.0); });
    connect(m_slider, &SeekSlider::previewPosition, this,
            [this](qint64 ms) { updateTimeLabels(double(ms) / 1000.0); });
    connect(m_volume, &QSlider::valueChanged, this, [this](int value) {
        m_volume->setToolTip(tr("Volume: %1 %").arg(value));
        emit volumeChanged(value);
    });

    setDuration(0.0);
}

void TransportBar::setDuration(double seconds)
{
    m_duration = std::max(0.0, seconds);
    m_slider->setRange(0, int(std::llround(m_duration * 1000.0)));
    m_slider->setEnabled(m_duration > 0.0);
    updateTimeLabels(double(m_slider->value()) / 1000.0);
}

void TransportBar::setPosition(double seconds)
{
    m_slider->setPlaybackPosition(qint64(std::llround(seconds * 1000.0)));
    if (!m_slider->isSliderDown())
        updateTimeLabels(seconds);
}

void TransportBar::setSeekable(bool seekable)
{
    m_slider->setEnabled(seekable && m_duration > 0.0);
}

void TransportBar::setVolume(int volume)
{
    m_volume->setValue(volume);
}

int TransportBar::volume() const
{
    return m_volume->value();
}

void TransportBar::setBuffering(bool buffering, double progress)
{
    m_buffering->setVisible(buffering);
    m_durationLabel->setVisible(!buffering);
    if (!buffering)
        return;
    if (progress < 0.0) {
        m_buffering->setRange(0, 0); // busy
        m_buffering->setFormat(QString());
    } else {
        m_buffering->setRange(0, 100);
        m_buffering->setValue(int(std::lround(progress * 100.0)));
        //: How much of the data needed to play on has arrived; %p is the number
        m_buffering->setFormat(tr("%p %"));
    }
}

void TransportBar::updateTimeLabels(double position)
{
    const bool hours = m_duration >= 3600.0;
    if (m_duration <= 0.0) {
        // Live streams have no length; their position still counts up.
        m_positionLabel->setText(formatMediaTime(position, false));
        m_durationLabel->setText(QStringLiteral("–:––"));
        return;
    }
    m_positionLabel->setText(formatMediaTime(std::min(position, m_duration), hours));
    m_durationLabel->setText(formatMediaTime(m_duration, hours));
}

} // namespace lockstep::ui
