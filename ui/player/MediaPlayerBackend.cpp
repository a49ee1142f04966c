#include "MediaPlayerBackend.h"

#include <QLibraryInfo>
#include <QMediaPlayer>
#include <QVersionNumber>
#include <QVideoFrame>
#include <QVideoSink>

#include <algorithm>
#include <chrono>
#include <cmath>

namespace lockstep::ui {

MediaPlayerBackend::MediaPlayerBackend(QMediaPlayer &player, QObject *parent)
    : MediaPlayerBackend(player, mediaBackendKind(), parent)
{
}

MediaPlayerBackend::MediaPlayerBackend(QMediaPlayer &player, MediaBackendKind kind, QObject *parent)
    : QObject(parent), m_player(player), m_kind(kind)
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 10, 0)
    // At the room's speed voices keep their pitch, where the backend can.
    if (m_player.pitchCompensationAvailability()
        == QMediaPlayer::PitchCompensationAvailability::Available)
        m_player.setPitchCompensation(true);
#endif
    connect(&m_player, &QMediaPlayer::positionChanged, this,
            &MediaPlayerBackend::onPositionChanged);
    connect(&m_player, &QMediaPlayer::playbackStateChanged, this,
            &MediaPlayerBackend::onPlaybackStateChanged);
    connect(&m_player, &QMediaPlayer::mediaStatusChanged, this,
            &MediaPlayerBackend::onMediaStatusChanged);
    onMediaStatusChanged(m_player.mediaStatus());
    m_seekRetry.setSingleShot(true);
    m_seekRetry.setInterval(50);
    connect(&m_seekRetry, &QTimer::timeout, this, [this] {
        if (m_refusedSeekMs)
            sendTo(*m_refusedSeekMs);
    });
    connect(&m_player, &QMediaPlayer::sourceChanged, this, [this] {
        m_refusedSeekMs.reset();
        m_seekRetry.stop();
        const std::lock_guard lock(m_mutex);
        restartLocked(0.0, false);
        m_stampOffsets.clear();
        m_stampOffset = 0.0;
    });
    const double at = double(m_player.position()) / 1000.0;
    const std::lock_guard lock(m_mutex);
    restartLocked(at, m_player.playbackState() == QMediaPlayer::PlayingState);
}

MediaPlayerBackend::~MediaPlayerBackend()
{
    // Frames may be on their way on another thread: no more of them.
    disconnect(m_frameConnection);
}

void MediaPlayerBackend::watchFrames(QVideoSink *sink)
{
    disconnect(m_frameConnection);
    m_sink = sink;
    if (!sink)
        return;
    // Direct: the frame is timed on the thread that delivers it, as it
    // arrives, not when this thread gets round to it.
    m_frameConnection = connect(sink, &QVideoSink::videoFrameChanged, this,
                                &MediaPlayerBackend::onFrame, Qt::DirectConnection);
}

double MediaPlayerBackend::now()
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

void MediaPlayerBackend::restartLocked(double anchor, bool playing, bool seeking)
{
    m_clock.restart(anchor, m_player.playbackRate());
    m_playing = playing;
    m_frameSinceRestart = false;
    m_seekShown = !seeking;
    m_restartedAt = now();
}

void MediaPlayerBackend::onFrame(const QVideoFrame &frame)
{
    if (!frame.isValid() || frame.startTime() < 0)
        return;
    const double at = now();
    const std::lock_guard lock(m_mutex);
    m_frameSinceRestart = true;
    // GStreamer hands on a frame it had on its way when it was sent
    // elsewhere; the seek has landed when a frame of where it was sent
    // arrives (its seeks are exact).
    if (!m_seekShown && m_kind == MediaBackendKind::GStreamer) {
        constexpr double kSeekFrameTolerance = 0.5; // s
        const double stamp = double(frame.startTime()) / 1.0e6 - m_stampOffset;
        m_seekShown = std::abs(stamp - m_clock.anchor()) <= kSeekFrameTolerance;
    } else {
        m_seekShown = true;
    }
    ++m_framesTimed;
    if (m_playing)
        m_clock.addSample(double(frame.startTime()) / 1.0e6, at);
}

void MediaPlayerBackend::onPositionChanged(qint64 ms)
{
    // Media without video is timed by its position updates; with video the
    // frames are the finer measure.
    if (m_player.hasVideo() && m_sink)
        return;
    const std::lock_guard lock(m_mutex);
    if (m_playing)
        m_clock.addSample(double(ms) / 1000.0, now());
}

void MediaPlayerBackend::onPlaybackStateChanged(QMediaPlayer::PlaybackState state)
{
    const double at = double(m_player.position()) / 1000.0;
    const std::lock_guard lock(m_mutex);
    const bool playing = state == QMediaPlayer::PlayingState;
    if (playing == m_playing)
        return;
    // The player changed by itself (the end of the media, an error, a
    // stop): where it stopped is what it says.
    restartLocked(playing ? m_clock.anchor() : at, playing);
}

void MediaPlayerBackend::onMediaStatusChanged(QMediaPlayer::MediaStatus status)
{
    switch (status) {
    case QMediaPlayer::NoMedia:
    case QMediaPlayer::LoadingMedia:
    case QMediaPlayer::InvalidMedia:
        m_loaded = false;
        break;
    case QMediaPlayer::BufferingMedia:
        // GStreamer buffers an HTTP source before it has pre-rolled: not
        // loaded yet. Elsewhere it is as loaded as it was.
        break;
    case QMediaPlayer::LoadedMedia:
    case QMediaPlayer::StalledMedia:
    case QMediaPlayer::BufferedMedia:
    case QMediaPlayer::EndOfMedia:
        m_loaded = true;
        break;
    }
}

bool MediaPlayerBackend::clockStopped() const
{
    const std::lock_guard lock(m_mutex);
    const double t = now();
    // A player just started or sent elsewhere gets a moment for its first
    // frame before its silence counts.
    if (t - m_restartedAt < sync::MediaClock::Config().maxExtrapolation)
        return false;
    return m_clock.stalled(t);
}

sync::PlayerBackend::State MediaPlayerBackend::state() const
{
    if (m_player.source().isEmpty() || m_player.error() != QMediaPlayer::NoError)
        return State::NoMedia;
    const bool playing = m_player.playbackState() == QMediaPlayer::PlayingState;
    switch (m_player.mediaStatus()) {
    case QMediaPlayer::NoMedia:
    case QMediaPlayer::LoadingMedia:
    case QMediaPlayer::InvalidMedia:
        return State::NoMedia;
    case QMediaPlayer::EndOfMedia:
        return State::Ended;
    case QMediaPlayer::StalledMedia:
        return playing ? State::Buffering : State::Paused;
    case QMediaPlayer::BufferingMedia:
        // A GStreamer player streaming over HTTP buffers before it has
        // pre-rolled; a seek then is lost.
        if (!m_loaded)
            return State::NoMedia;
        // FFmpeg says BufferingMedia after any seek and keeps saying it
        // while it plays on; GStreamer says it while its HTTP source's
        // queue fills towards its mark, and plays on meanwhile: only a
        // clock that stopped is a stall.
        return playing ? (clockStopped() ? State::Buffering : State::Playing) : State::Paused;
    case QMediaPlayer::LoadedMedia:
    case QMediaPlayer::BufferedMedia:
        break;
    }
    return playing ? State::Playing : State::Paused;
}

bool MediaPlayerBackend::isWaitingForData() const
{
    if (m_player.error() != QMediaPlayer::NoError)
        return false;
    if (m_refusedSeekMs)
        return true;
    switch (m_player.mediaStatus()) {
    case QMediaPlayer::StalledMedia:
        return true;
    case QMediaPlayer::BufferingMedia:
        if (!m_loaded)
            return true;
        if (m_player.playbackState() == QMediaPlayer::PlayingState)
            return clockStopped();
        if (!m_sink || !m_player.hasVideo()) {
            // Nothing shows whether the seek's data has come: GStreamer's
            // word for it is its queue's mark.
            return m_kind == MediaBackendKind::GStreamer;
        }
        {
            // Paused: waiting while the frame it was sent to has not come
            // (for a while: a seek past the last frame shows nothing new).
            // Its data is there once it shows, whatever the source's queue
            // holds beyond it.
            constexpr double kLongestFetch = 30.0; // s
            const std::lock_guard lock(m_mutex);
            return !m_seekShown && now() - m_restartedAt < kLongestFetch;
        }
    default:
        return false;
    }
}

double MediaPlayerBackend::playingPositionLocked(double t, double reported) const
{
    if (m_kind == MediaBackendKind::GStreamer && m_frameSinceRestart && !m_clock.stalled(t)) {
        // position() is exact there: what the frames say beyond it is the
        // stamps' offset, steady for a file.
        constexpr std::size_t kMeasurements = 15;
        m_stampOffsets.push_back(m_clock.position(t) - reported);
        if (m_stampOffsets.size() > kMeasurements)
            m_stampOffsets.erase(m_stampOffsets.begin());
        std::vector<double> sorted = m_stampOffsets;
        std::nth_element(sorted.begin(), sorted.begin() + sorted.size() / 2, sorted.end());
        m_stampOffset = sorted[sorted.size() / 2];
    }
    if (!m_clock.hasSamples())
        return m_clock.anchor();
    return m_clock.position(t) - m_stampOffset;
}

double MediaPlayerBackend::reportedPosition() const
{
    // Asked before taking m_mutex, which the thread delivering frames
    // takes too: the player is never called into while it is held.
    return m_kind == MediaBackendKind::GStreamer ? double(m_player.position()) / 1000.0 : 0.0;
}

double MediaPlayerBackend::position() const
{
    const double reported = reportedPosition();
    const std::lock_guard lock(m_mutex);
    return m_playing ? playingPositionLocked(now(), reported) : m_clock.anchor();
}

quint64 MediaPlayerBackend::framesTimed() const
{
    const std::lock_guard lock(m_mutex);
    return m_framesTimed;
}

double MediaPlayerBackend::duration() const
{
    return double(m_player.duration()) / 1000.0;
}

double MediaPlayerBackend::playbackRate() const
{
    return m_player.playbackRate();
}

void MediaPlayerBackend::play()
{
    {
        const std::lock_guard lock(m_mutex);
        if (!m_playing)
            restartLocked(m_clock.anchor(), true);
    }
    m_player.play();
}

void MediaPlayerBackend::pause()
{
    {
        const double reported = reportedPosition();
        const std::lock_guard lock(m_mutex);
        if (m_playing)
            restartLocked(playingPositionLocked(now(), reported), false);
    }
    m_player.pause();
}

void MediaPlayerBackend::seek(double position)
{
    // A stopped player shows nothing after a seek; paused shows the frame.
    if (m_player.playbackState() == QMediaPlayer::StoppedState)
        m_player.pause();
    const qint64 ms = qint64(std::llround(std::max(0.0, position) * 1000.0));
    {
        const std::lock_guard lock(m_mutex);
        restartLocked(double(ms) / 1000.0, m_player.playbackState() == QMediaPlayer::PlayingState,
                      true);
    }
    if (!m_refusedSeekMs)
        m_refusedSince = now();
    sendTo(ms);
}

void MediaPlayerBackend::sendTo(qint64 ms)
{
    m_refusedSeekMs.reset();
    m_player.setPosition(ms);
    if (m_kind != MediaBackendKind::GStreamer)
        return;
    // Taken, the pipeline's position is the target at once; refused, it
    // stays where it was. A player that refuses for this long will not take
    // it (the media cannot seek).
    constexpr qint64 kTaken = 250; // ms
    constexpr double kLongestRefusal = 10.0; // s
    if (std::abs(m_player.position() - ms) <= kTaken || now() - m_refusedSince > kLongestRefusal)
        return;
    m_refusedSeekMs = ms;
    m_seekRetry.start();
}

void MediaPlayerBackend::setPlaybackRate(double rate)
{
    {
        const std::lock_guard lock(m_mutex);
        m_clock.setRate(rate, now());
    }
    m_player.setPlaybackRate(rate);
}

bool MediaPlayerBackend::smoothRateChanges() const
{
    // GStreamer before Qt 6.6 makes every rate change a flushing seek;
    // FFmpeg and later GStreamer change the rate on the fly.
    if (m_kind == MediaBackendKind::GStreamer)
        return QLibraryInfo::version() >= QVersionNumber(6, 6);
    return true;
}

std::optional<double> MediaPlayerBackend::startLatencyHint() const
{
    // Measured here from play() on a paused, pre-rolled frame until the
    // frames move on: 15-20 ms on GStreamer (Qt 6.4); on FFmpeg (Qt 6.8) the
    // next frame arrives on time, as if the clock started at the call. The
    // engine learns the real figure from there.
    return m_kind == MediaBackendKind::FFmpeg ? 0.001 : 0.017;
}

bool MediaPlayerBackend::isSeekRefusal(QMediaPlayer::Error error, const QString &errorString)
{
    // GStreamer's souphttpsrc, when the server answers a range request with
    // the whole file.
    return error == QMediaPlayer::ResourceError
        && (errorString.contains(QLatin1String("does not support seeking"), Qt::CaseInsensitive)
            || errorString.contains(QLatin1String("not accept Range"), Qt::CaseInsensitive));
}

QString MediaPlayerBackend::errorHint(QMediaPlayer::Error error)
{
    switch (error) {
    case QMediaPlayer::FormatError:
        return tr("The format is not supported, or the file is damaged. Installing more "
                  "codecs (for example the GStreamer \"bad\" and \"libav\" plugins) may help.");
    case QMediaPlayer::NetworkError:
        return tr("The stream could not be reached. Check the address and your connection.");
    case QMediaPlayer::AccessDeniedError:
        return tr("Lockstep is not allowed to read it.");
    case QMediaPlayer::ResourceError:
    case QMediaPlayer::NoError:
        break;
    }
    return tr("The file may be missing, damaged or in a format that cannot be played.");
}

} // namespace lockstep::ui
