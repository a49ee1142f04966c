#include "FullScreenController.h"

#include "protocol/Clock.h"

#include <QTimer>

namespace lockstep::room {

FullScreenController::FullScreenController(const protocol::Clock &clock, QObject *parent)
    : QObject(parent), m_clock(clock), m_poll(new QTimer(this))
{
    m_poll->setInterval(kPollMs);
    connect(m_poll, &QTimer::timeout, this, [this] {
        if (m_sampler)
            observe(m_sampler());
    });
}

void FullScreenController::setFullScreen(bool fullScreen)
{
    if (m_fullScreen == fullScreen)
        return;
    m_fullScreen = fullScreen;
    if (fullScreen) {
        if (m_sampler)
            m_lastPointer = m_sampler().pointer;
        m_pointerMovedAt = m_clock.now();
        m_poll->start();
    } else {
        m_poll->stop();
        setControlsHidden(false);
    }
    emit fullScreenChanged(fullScreen);
}

void FullScreenController::observe(const Sample &sample)
{
    if (!m_fullScreen)
        return;
    const double now = m_clock.now();
    if (sample.pointer != m_lastPointer || sample.overControls) {
        m_lastPointer = sample.pointer;
        m_pointerMovedAt = now;
        setControlsHidden(false);
        return;
    }
    if (now - m_pointerMovedAt > kHideAfter && sample.playing)
        setControlsHidden(true);
}

void FullScreenController::setControlsHidden(bool hidden)
{
    if (m_controlsHidden == hidden)
        return;
    m_controlsHidden = hidden;
    emit controlsHiddenChanged(hidden);
}

} // namespace lockstep::room
