#include "MediaClock.h"

#include <algorithm>
#include <cmath>

namespace lockstep::sync {

void MediaClock::restart(double anchor, double rate)
{
    m_samples.clear();
    m_anchor = anchor;
    m_rate = rate;
}

void MediaClock::setRate(double rate, double now)
{
    if (rate == m_rate)
        return;
    // The line so far belongs to the old rate; it goes on from where it is.
    const double here = position(now);
    const bool moving = hasSamples();
    restart(here, rate);
    if (moving)
        m_samples.push_back({here, now});
}

void MediaClock::addSample(double media, double at)
{
    if (!m_samples.empty()) {
        const Sample &last = m_samples.back();
        if (at < last.at)
            return; // out of order: nothing to learn from it
        const double off = offsetOf({media, at}) - bestOffset();
        // Ahead of the line by more than a frame or two, or further behind
        // than any lateness: the media jumped.
        if (off > m_config.jumpTolerance || off < -m_config.jumpTolerance
            || media + m_config.jumpTolerance < last.media)
            m_samples.clear();
    }
    m_samples.push_back({media, at});
    while (m_samples.size() > 2 && m_samples.front().at < at - m_config.window)
        m_samples.pop_front();
}

std::optional<double> MediaClock::lastSampleAt() const
{
    if (m_samples.empty())
        return std::nullopt;
    return m_samples.back().at;
}

double MediaClock::lastMedia() const
{
    return m_samples.empty() ? m_anchor : m_samples.back().media;
}

double MediaClock::bestOffset() const
{
    double best = offsetOf(m_samples.front());
    for (const Sample &sample : m_samples)
        best = std::max(best, offsetOf(sample));
    return best;
}

double MediaClock::position(double now) const
{
    if (m_samples.empty())
        return m_anchor;
    const double last = m_samples.back().at;
    // Never past what the player can have reached: it stops with its frames.
    const double t = std::min(std::max(now, last), last + m_config.maxExtrapolation);
    return m_rate * t + bestOffset();
}

bool MediaClock::stalled(double now) const
{
    return m_samples.empty() || now - m_samples.back().at > m_config.maxExtrapolation;
}

} // namespace lockstep::sync
