#include "SimPlayer.h"

#include <algorithm>
#include <cmath>

namespace lockstep::sim {

SimPlayer::SimPlayer(const protocol::Clock &clock, PlayerProfile profile)
    : m_clock(clock), m_profile(profile), m_anchorTime(clock.now()), m_random(profile.seed)
{
}

double SimPlayer::truePositionAt(double t) const
{
    double position = m_anchorPosition;
    if (m_playing && !m_buffering) {
        const double movingSince = std::max({m_anchorTime, m_stallUntil, m_fetchUntil});
        position += m_rate * std::max(0.0, t - movingSince);
    }
    return std::clamp(position, 0.0, m_profile.duration);
}

void SimPlayer::reanchor()
{
    const double now = m_clock.now();
    // A stall still pending keeps holding: truePositionAt honours m_stallUntil.
    m_anchorPosition = truePositionAt(now);
    m_anchorTime = now;
}

sync::PlayerBackend::State SimPlayer::state() const
{
    if (!m_hasMedia)
        return State::NoMedia;
    if (truePosition() >= m_profile.duration)
        return State::Ended;
    if (!m_playing)
        return State::Paused;
    return m_buffering || fetching() ? State::Buffering : State::Playing;
}

double SimPlayer::position() const
{
    const double seen = truePositionAt(m_clock.now() - m_profile.reportLag);
    const double step = m_profile.granularity;
    return step > 0.0 ? std::floor(seen / step + 1e-9) * step : seen;
}

void SimPlayer::play()
{
    if (m_playing)
        return;
    reanchor();
    m_playing = true;
    m_stallUntil = m_clock.now() + m_profile.startLatency;
}

void SimPlayer::pause()
{
    if (m_playing)
        ++m_pauses;
    reanchor();
    m_playing = false;
}

void SimPlayer::seek(double position)
{
    ++m_seeks;
    const double now = m_clock.now();
    m_anchorPosition = std::clamp(position, 0.0, m_profile.duration);
    m_anchorTime = now;
    if (m_playing) {
        // minstd_rand's sequence is the same everywhere (unlike the
        // standard distributions'), so the tests are too.
        const double unit = double(m_random() - std::minstd_rand::min())
            / double(std::minstd_rand::max() - std::minstd_rand::min());
        const double decode = unit * m_profile.seekScatter;
        m_stallUntil = now + m_profile.seekStall + decode;
    }
    if (m_profile.seekFetch <= 0.0)
        return;
    const bool fetched = m_fetchedFrom >= 0.0 && m_anchorPosition >= m_fetchedFrom
        && m_anchorPosition <= m_fetchedFrom + m_profile.fetchedAhead;
    if (fetched)
        return; // it comes with the fetch before (which may still be under way)
    m_fetchUntil = now + m_profile.seekFetch;
    m_fetchedFrom = m_anchorPosition;
}

void SimPlayer::setPlaybackRate(double rate)
{
    if (rate == m_rate)
        return;
    ++m_rateChanges;
    reanchor();
    m_rate = rate;
    if (!m_profile.smoothRate && m_playing)
        m_stallUntil = m_clock.now() + m_profile.rateChangeStall;
}

void SimPlayer::slip(double seconds)
{
    reanchor();
    m_anchorPosition = std::clamp(m_anchorPosition + seconds, 0.0, m_profile.duration);
}

void SimPlayer::setBuffering(bool buffering)
{
    reanchor();
    m_buffering = buffering;
}

} // namespace lockstep::sim
