#include "MediaPlayerBackend.h"

#include <QLibraryInfo>
#include <QMediaPlayer>
#include <QVersionNumber>

#include <cmath>

namespace lockstep::ui {

MediaPlayerBackend::MediaPlayerBackend(QMediaPlayer &player, QObject *parent)
    : QObject(parent), m_player(player)
{
}

sync::PlayerBackend::State MediaPlayerBackend::state() const
{
    if (m_player.source().isEmpty() || m_player.error() != QMediaPlayer::NoError)
        return State::NoMedia;
    switch (m_player.mediaStatus()) {
    case QMediaPlayer::NoMedia:
    case QMediaPlayer::LoadingMedia:
    case QMediaPlayer::InvalidMedia:
        return State::NoMedia;
    case QMediaPlayer::EndOfMedia:
        return State::Ended;
    case QMediaPlayer::StalledMedia:
    case QMediaPlayer::BufferingMedia:
        return m_player.playbackState() == QMediaPlayer::PlayingState ? State::Buffering
                                                                      : State::Paused;
    case QMediaPlayer::LoadedMedia:
    case QMediaPlayer::BufferedMedia:
        break;
    }
    return m_player.playbackState() == QMediaPlayer::PlayingState ? State::Playing : State::Paused;
}

bool MediaPlayerBackend::isWaitingForData() const
{
    const QMediaPlayer::MediaStatus status = m_player.mediaStatus();
    return m_player.error() == QMediaPlayer::NoError
        && (status == QMediaPlayer::StalledMedia || status == QMediaPlayer::BufferingMedia);
}

double MediaPlayerBackend::position() const
{
    return double(m_player.position()) / 1000.0;
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
    m_player.play();
}

void MediaPlayerBackend::pause()
{
    m_player.pause();
}

void MediaPlayerBackend::seek(double position)
{
    // A stopped player shows nothing after a seek; paused shows the frame.
    if (m_player.playbackState() == QMediaPlayer::StoppedState)
        m_player.pause();
    m_player.setPosition(qint64(std::llround(std::max(0.0, position) * 1000.0)));
}

void MediaPlayerBackend::setPlaybackRate(double rate)
{
    m_player.setPlaybackRate(rate);
}

bool MediaPlayerBackend::smoothRateChanges() const
{
    // Before Qt 6.6 every rate change is a flushing seek on GStreamer.
    return QLibraryInfo::version() >= QVersionNumber(6, 6);
}

std::optional<double> MediaPlayerBackend::startLatencyHint() const
{
    // Measured here (Qt 6.4, GStreamer, a local H.264 clip): 15-20 ms from
    // play() on a paused, pre-rolled frame until the position moves.
    return 0.017;
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
