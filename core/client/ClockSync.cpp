#include "ClockSync.h"

#include "protocol/Codec.h"

#include <algorithm>
#include <cmath>

namespace lockstep::client {

namespace {

qint64 key(double clientTs)
{
    return qint64(std::llround(clientTs * 1000.0));
}

} // namespace

void ClockSync::reset(double now)
{
    m_count = 0;
    m_next = 0;
    m_inFlight.clear();
    m_offset = m_windowOffset = m_lo = m_hi = m_boundsAt = 0.0;
    m_bestRtt = m_latestRtt = m_smoothedRtt = m_rttJitter = 0.0;
    burst(now);
}

void ClockSync::burst(double now)
{
    m_greedyLeft = kGreedyPings;
    m_lastPingAt = now - kSteadyInterval;
}

bool ClockSync::pingDue(double now) const
{
    const double interval = m_greedyLeft > 0 ? kGreedyInterval : kSteadyInterval;
    return now - m_lastPingAt >= interval - 1e-9;
}

double ClockSync::pingSent(double now)
{
    m_lastPingAt = now;
    if (m_greedyLeft > 0)
        --m_greedyLeft;
    const double clientTs = protocol::roundToMillis(now);
    // Unanswered pings are forgotten after a while; keep the table small.
    if (m_inFlight.size() > 64)
        m_inFlight.clear();
    m_inFlight.insert(key(clientTs), now);
    return clientTs;
}

void ClockSync::pingSentElsewhere(double clientTs, double sentAt)
{
    if (m_inFlight.size() > 64)
        m_inFlight.clear();
    m_inFlight.insert(key(clientTs), sentAt);
}

bool ClockSync::pongReceived(double clientTs, double serverTs, double now)
{
    const auto it = m_inFlight.find(key(clientTs));
    if (it == m_inFlight.end())
        return false;
    const double sentAt = it.value();
    m_inFlight.erase(it);
    if (now < sentAt)
        return false;
    addSample({sentAt, now, serverTs});
    return true;
}

void ClockSync::addSample(const Sample &sample)
{
    const double rtt = sample.rtt();
    if (m_count == 0) {
        m_smoothedRtt = rtt;
        m_rttJitter = 0.0;
    } else {
        // RFC 6298-style smoothing.
        m_rttJitter = 0.75 * m_rttJitter + 0.25 * std::abs(rtt - m_smoothedRtt);
        m_smoothedRtt = 0.875 * m_smoothedRtt + 0.125 * rtt;
    }
    m_latestRtt = rtt;
    m_samples[std::size_t(m_next)] = sample;
    m_next = (m_next + 1) % kWindow;
    m_count = std::min(m_count + 1, kWindow);
    recompute();
    narrow(sample);

    // A round trip far above the best one is a hiccup: re-measure quickly.
    if (m_count == kWindow && rtt > 3.0 * m_bestRtt + 0.05 && m_greedyLeft == 0)
        burst(sample.receivedAt);
}

void ClockSync::recompute()
{
    const auto begin = m_samples.begin();
    const auto best = std::min_element(
        begin, begin + m_count, [](const Sample &a, const Sample &b) { return a.rtt() < b.rtt(); });
    m_windowOffset = best->offset();
    m_bestRtt = best->rtt();
}

void ClockSync::narrow(const Sample &sample)
{
    const double lo = sample.serverTs - sample.receivedAt - kStampPrecision;
    const double hi = sample.serverTs - sample.sentAt + kStampPrecision;
    const double age = sample.receivedAt - m_boundsAt;
    m_lo = std::max(m_lo - kDriftRate * age, lo);
    m_hi = std::min(m_hi + kDriftRate * age, hi);
    if (m_count == 1 || m_lo > m_hi) {
        m_lo = lo;
        m_hi = hi;
    }
    m_boundsAt = sample.receivedAt;
    m_offset = (m_lo + m_hi) / 2.0;
}

} // namespace lockstep::client
