#pragma once

#include <QHash>

#include <array>
#include <optional>

namespace lockstep::client {

// NTP-style estimate of the server clock: offset = server_ts - (sent + rtt/2),
// taken from the lowest-RTT sample of the last eight (NTP's clock filter), so
// queueing delays and jitter do not leak into it. Pings are greedy (five about
// 100 ms apart) on connect and after a hiccup, then one every two seconds.
class ClockSync
{
public:
    struct Sample {
        double sentAt = 0.0; // local time the ping left
        double receivedAt = 0.0; // local time the pong arrived
        double serverTs = 0.0;
        double rtt() const { return receivedAt - sentAt; }
        double offset() const { return serverTs - (sentAt + rtt() / 2.0); }
    };

    static constexpr int kWindow = 8;
    static constexpr int kGreedyPings = 5;
    static constexpr double kGreedyInterval = 0.1;
    static constexpr double kSteadyInterval = 2.0;

    // Forget everything (new connection) and start a greedy burst.
    void reset(double now);
    // Keep the estimate but ping greedily again (a network hiccup).
    void burst(double now);

    bool pingDue(double now) const;
    // Records an outgoing ping and returns its client_ts.
    double pingSent(double now);
    // A ping sent for us by the transport (a keepalive), stamped `clientTs`
    // and sent at `sentAt`: its pong counts like ours. The schedule of our
    // own pings is left as it is.
    void pingSentElsewhere(double clientTs, double sentAt);
    // Matches a pong by its echoed client_ts; returns false for an unknown one.
    bool pongReceived(double clientTs, double serverTs, double now);
    void addSample(const Sample &sample);

    bool hasEstimate() const { return m_count > 0; }
    // The offset playback uses. Every sample bounds the true offset: the
    // server stamped its pong between our send and our receive, so
    // offset lies in [server_ts - received, server_ts - sent]. Intersecting
    // those intervals (each widened as it ages, since clocks drift apart by
    // up to kDriftRate) narrows in on the offset far faster than any single
    // sample: the two path delays only need to have been small at some time,
    // not both in the same round trip. An empty intersection (a clock step)
    // restarts from the newest sample.
    double offset() const { return m_offset; }
    // Half the width of the interval the offset is known to lie in.
    double offsetUncertainty() const { return (m_hi - m_lo) / 2.0; }
    // NTP's clock filter: the offset of the lowest-RTT sample of the window.
    double windowOffset() const { return m_windowOffset; }
    static constexpr double kDriftRate = 20e-6;
    // Times on the wire are rounded to the millisecond.
    static constexpr double kStampPrecision = 0.0005;
    // Round trip of the best sample, and of the latest one.
    double bestRtt() const { return m_bestRtt; }
    double latestRtt() const { return m_latestRtt; }
    // A smoothed round trip, used as the one-way latency estimate (rtt / 2).
    double smoothedRtt() const { return m_smoothedRtt; }
    double rttJitter() const { return m_rttJitter; }
    double toServerTime(double localTime) const { return localTime + m_offset; }
    double toLocalTime(double serverTime) const { return serverTime - m_offset; }
    int sampleCount() const { return m_count; }

private:
    void recompute();
    void narrow(const Sample &sample);

    std::array<Sample, kWindow> m_samples {};
    int m_count = 0;
    int m_next = 0;
    double m_offset = 0.0;
    double m_lo = 0.0;
    double m_hi = 0.0;
    double m_boundsAt = 0.0;
    double m_windowOffset = 0.0;
    double m_bestRtt = 0.0;
    double m_latestRtt = 0.0;
    double m_smoothedRtt = 0.0;
    double m_rttJitter = 0.0;
    int m_greedyLeft = 0;
    double m_lastPingAt = -1.0e18;
    // Exact send times by the millisecond-rounded client_ts that goes on the wire.
    QHash<qint64, double> m_inFlight;
};

} // namespace lockstep::client
