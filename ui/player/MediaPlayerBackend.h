#pragma once

#include "MediaBackendKind.h"
#include "sync/MediaClock.h"
#include "sync/PlayerBackend.h"

#include <QMediaPlayer>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <mutex>
#include <optional>
#include <vector>

class QVideoFrame;
class QVideoSink;

namespace lockstep::ui {

// Adapts QMediaPlayer to the sync engine. The end of the media reports as
// Ended, anything unplayable as NoMedia, and a player that is meant to play
// but shows nothing new as Buffering.
//
// Where the player is comes from what it shows (watchFrames()): each video
// frame's start time, taken as it reaches the sink, makes a clock
// (sync::MediaClock) that does not depend on how finely the backend reports
// position() (1 ms on GStreamer, 40-80 ms steps on FFmpeg). Media without
// video is timed by its position updates the same way. A paused player is
// where it was paused or sent.
//
// FFmpeg stamps frames in the media's own time. GStreamer (Qt 6.4) stamps
// them with the container's presentation times, which run ahead of the
// media's time by the file's decoding delay (two frames for an H.264 file
// with B-frames); there the offset between the frames and the player's
// precise position() is measured as it plays and taken off.
class MediaPlayerBackend final : public QObject, public sync::PlayerBackend
{
    Q_OBJECT

public:
    explicit MediaPlayerBackend(QMediaPlayer &player, QObject *parent = nullptr);
    MediaPlayerBackend(QMediaPlayer &player, MediaBackendKind kind, QObject *parent = nullptr);
    ~MediaPlayerBackend() override;

    // Times the player by the frames `sink` receives (the sink the player
    // draws into). Frames may arrive on any thread.
    void watchFrames(QVideoSink *sink);

    State state() const override;
    double position() const override;
    double duration() const override;
    double playbackRate() const override;
    bool isWaitingForData() const override;
    void play() override;
    void pause() override;
    void seek(double position) override;
    void setPlaybackRate(double rate) override;
    bool smoothRateChanges() const override;
    std::optional<double> startLatencyHint() const override;

    MediaBackendKind backendKind() const { return m_kind; }
    // Frames that reached the clock since the player was made.
    quint64 framesTimed() const;
    QMediaPlayer &player() const { return m_player; }
    // What a player error means for the user and what might help.
    static QString errorHint(QMediaPlayer::Error error);
    // Whether the player's error says the media's server refused to seek
    // (an HTTP server without byte ranges).
    static bool isSeekRefusal(QMediaPlayer::Error error, const QString &errorString);

private:
    static double now();
    void onFrame(const QVideoFrame &frame);
    void onPositionChanged(qint64 ms);
    void onPlaybackStateChanged(QMediaPlayer::PlaybackState state);
    void onMediaStatusChanged(QMediaPlayer::MediaStatus status);
    // Sends the player to `ms`; GStreamer refuses a seek while its pipeline
    // is still changing state (an HTTP source that is pre-rolling), and then
    // it is sent again until it takes.
    void sendTo(qint64 ms);
    // Under m_mutex: the clock starts again from `anchor`; `seeking`: the
    // player was sent there and has yet to show it.
    void restartLocked(double anchor, bool playing, bool seeking = false);
    // Whether a playing player has shown nothing new for a while.
    bool clockStopped() const;
    // Under m_mutex: where the playing player is at `t`, in the media's
    // time; `reported`: reportedPosition(), read before the lock.
    double playingPositionLocked(double t, double reported) const;
    // The player's own position() where it is exact (GStreamer), else 0.
    double reportedPosition() const;

    QMediaPlayer &m_player;
    const MediaBackendKind m_kind;
    QPointer<QVideoSink> m_sink;
    QMetaObject::Connection m_frameConnection;
    // The media has been loaded (pre-rolled) since its source was set: a
    // seek before that is lost on GStreamer.
    bool m_loaded = false;
    // A seek the player refused, to be sent again; while it is pending the
    // player waits for data.
    std::optional<qint64> m_refusedSeekMs;
    QTimer m_seekRetry;
    double m_refusedSince = 0.0;

    // Shared with the thread that delivers frames.
    mutable std::mutex m_mutex;
    sync::MediaClock m_clock;
    bool m_playing = false; // play() was asked and not undone
    bool m_frameSinceRestart = false;
    bool m_seekShown = true; // the frame of the last seek has arrived
    double m_restartedAt = 0.0;
    quint64 m_framesTimed = 0;
    // GStreamer: frames' stamps less the media's time (see above), the
    // median of the recent measurements.
    mutable std::vector<double> m_stampOffsets;
    mutable double m_stampOffset = 0.0;
};

} // namespace lockstep::ui
