#pragma once

#include <deque>
#include <optional>

namespace lockstep::sync {

// Where a playing player is, from what it has shown: each video frame as it
// reaches the screen (its start time at the moment it arrived), or, for media
// without video, each position update. The player's own position() may move in
// steps of 40-80 ms (Qt's FFmpeg backend); frames arrive on time to the
// frame, but each is a few ms late now and then (the thread that takes them
// is busy). A frame can only ever be late, never early, so the clock is the
// line of the player's rate through the earliest-arriving recent sample: the
// estimate is rate * now + max(media - rate * arrival) over a short window.
//
// Pure arithmetic on times given by the caller, so tests drive it on a
// virtual clock. Not thread-safe: the caller serialises.
class MediaClock
{
public:
    struct Config {
        double window = 1.0; // s of samples that make the line
        // A player that shows nothing new for this long has stopped: the
        // clock stops with it, this far past its last sample.
        double maxExtrapolation = 0.25; // s
        // A sample this far off the line is a jump (a seek that landed, a
        // loop), not lateness: the line starts again from it.
        double jumpTolerance = 0.150; // s
    };

    MediaClock() = default;
    explicit MediaClock(Config config) : m_config(config) { }

    // Forgets the line: the player was sent elsewhere, started, paused or
    // changed its rate. Until the next sample the clock reads `anchor`.
    void restart(double anchor, double rate);
    void setRate(double rate, double now);
    // The player showed `media` (s) at local time `at` (s).
    void addSample(double media, double at);

    bool hasSamples() const { return !m_samples.empty(); }
    double rate() const { return m_rate; }
    double anchor() const { return m_anchor; }
    // Local time of the newest sample, if any.
    std::optional<double> lastSampleAt() const;
    // Media time of the newest sample (the frame on screen), or the anchor.
    double lastMedia() const;
    // Where the playing player is at local time `now`.
    double position(double now) const;
    // Whether the newest sample is older than maxExtrapolation at `now`: the
    // player shows nothing new although it is meant to play.
    bool stalled(double now) const;

private:
    struct Sample {
        double media;
        double at;
    };
    double offsetOf(const Sample &sample) const { return sample.media - m_rate * sample.at; }
    double bestOffset() const;

    Config m_config;
    std::deque<Sample> m_samples;
    double m_anchor = 0.0;
    double m_rate = 1.0;
};

} // namespace lockstep::sync
