#pragma once

#include "protocol/Clock.h"
#include "sync/PlayerBackend.h"

#include <random>

namespace lockstep::sim {

// How the simulated player misbehaves. The defaults are the figures measured
// on QMediaPlayer 6.4 with GStreamer (docs/architecture.md): every rate change
// flushes and stalls about 40 ms, a seek while playing lands about 50 ms
// behind its target, and play() takes a moment to get going.
struct PlayerProfile {
    double rateChangeStall = 0.040;
    double seekStall = 0.050;
    double startLatency = 0.030;
    double reportLag = 0.0; // position() lags the picture by this much
    double granularity = 0.001; // position() is reported in whole milliseconds
    bool smoothRate = false; // true: rate changes cost nothing (Qt 6.6+)
    // A player streaming its media over a network fetches after each seek:
    // for this long it has no frame to show (waiting for data; buffering if
    // it was playing). 0: a local file, whose seeks need no fetch.
    double seekFetch = 0.0;
    // Seconds of media past a fetched seek's target that come with it (the
    // player's and the stream proxy's read-ahead): a later seek into them
    // needs no fetch of its own. 0: every seek fetches.
    double fetchedAhead = 0.0;
    // A seek while playing also decodes from the keyframe before its target
    // before it shows a frame: a further stall anywhere between 0 and this,
    // which no learned landing offset can predict (a 1080p film with
    // keyframes seconds apart on a busy computer). 0: every seek alike.
    double seekScatter = 0.0;
    unsigned seed = 1; // of the scatter's pseudo-random sequence
    double duration = 7200.0;
};

class SimPlayer final : public sync::PlayerBackend
{
public:
    SimPlayer(const protocol::Clock &clock, PlayerProfile profile = {});

    State state() const override;
    double position() const override;
    double duration() const override { return m_profile.duration; }
    double playbackRate() const override { return m_rate; }
    void play() override;
    void pause() override;
    void seek(double position) override;
    void setPlaybackRate(double rate) override;
    bool smoothRateChanges() const override { return m_profile.smoothRate; }

    // The position the viewer actually sees now: the ground truth of the benchmarks.
    double truePosition() const { return truePositionAt(m_clock.now()); }
    void setBuffering(bool buffering);
    // The picture jumps by this much at once (positive: ahead), as a frame
    // dropped or shown twice, or an audio clock's hiccup, would make it.
    void slip(double seconds);
    bool isBuffering() const { return m_buffering; }
    bool isWaitingForData() const override { return m_hasMedia && (m_buffering || fetching()); }
    void setHasMedia(bool hasMedia) { m_hasMedia = hasMedia; }
    // How long its seeks wait for data from now on (a link that got faster,
    // a cache that has the bytes).
    void setSeekFetch(double seconds) { m_profile.seekFetch = seconds; }
    int rateChanges() const { return m_rateChanges; }
    int seeks() const { return m_seeks; }
    int pauses() const { return m_pauses; }

private:
    double truePositionAt(double t) const;
    bool fetching() const { return m_clock.now() < m_fetchUntil; }
    void reanchor();

    const protocol::Clock &m_clock;
    PlayerProfile m_profile;
    bool m_hasMedia = true;
    bool m_playing = false;
    bool m_buffering = false;
    double m_rate = 1.0;
    double m_anchorPosition = 0.0;
    double m_anchorTime = 0.0;
    double m_stallUntil = 0.0;
    double m_fetchUntil = 0.0;
    double m_fetchedFrom = -1.0; // the last fetched seek's target
    int m_rateChanges = 0;
    int m_seeks = 0;
    int m_pauses = 0;
    std::minstd_rand m_random;
};

} // namespace lockstep::sim
