#pragma once

#include <optional>

namespace lockstep::sync {

// The only way the sync engine touches a media player. The app adapts
// QMediaPlayer to it; tests and benchmarks use a simulated player that behaves
// like the measured one. The engine polls it on every tick.
class PlayerBackend
{
public:
    enum class State {
        NoMedia, // nothing loaded, or the media failed
        Paused,
        Playing,
        Buffering, // wants to play but is waiting for data
        Ended, // reached the end of the media
    };

    virtual ~PlayerBackend() = default;

    virtual State state() const = 0;
    // Current media position in seconds, as the player reports it.
    virtual double position() const = 0;
    // Media length in seconds, 0 when unknown.
    virtual double duration() const = 0;
    virtual double playbackRate() const = 0;

    // Whether the player is short of data, paused or not (a paused stream
    // still fills its buffer). A room that waits for everyone waits for this.
    virtual bool isWaitingForData() const { return state() == State::Buffering; }

    virtual void play() = 0;
    virtual void pause() = 0;
    virtual void seek(double position) = 0;
    virtual void setPlaybackRate(double rate) = 0;

    // Whether changing the rate is free (no flush); the engine starts from
    // this and then learns the real cost.
    virtual bool smoothRateChanges() const = 0;
    // What this kind of player is known to take from play() until its
    // position moves, when it stood paused on a decoded frame; the engine
    // starts from it (or from its configuration) and then learns.
    virtual std::optional<double> startLatencyHint() const { return std::nullopt; }
};

} // namespace lockstep::sync
