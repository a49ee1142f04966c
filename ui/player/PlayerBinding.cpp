#include "PlayerBinding.h"

#include "Icons.h"
#include "MediaPlayerBackend.h"
#include "TransportBar.h"
#include "VideoArea.h"
#include "room/ActionsController.h"
#include "room/PlaybackController.h"

#include <QTimer>

namespace lockstep::ui {

using namespace lockstep::room;

PlayerBinding::PlayerBinding(QMediaPlayer &player, PlaybackController &playback,
                             TransportBar &transport, VideoArea &videoArea,
                             ActionsController &actions)
    : QObject(&transport), m_player(player), m_playback(playback), m_transport(transport),
      m_videoArea(videoArea), m_actions(actions)
{
    connect(&playback, &PlaybackController::loadRequested, this, [this](const QUrl &url) {
        m_transport.setDuration(0.0);
        m_transport.setPosition(0.0);
        m_player.setSource(url);
        m_videoArea.showVideo();
    });
    connect(&playback, &PlaybackController::unloadRequested, this, [this] {
        m_player.stop();
        m_player.setSource(QUrl());
        m_transport.setDuration(0.0);
        m_transport.setBuffering(false);
    });
    connect(&playback, &PlaybackController::seekRefused, &transport, &TransportBar::setPosition);
    connect(&playback, &PlaybackController::seekableChanged, this,
            [this](bool seekable) { m_transport.setSeekable(seekable && m_player.isSeekable()); });
    connect(&playback, &PlaybackController::mediaRefused, this,
            [this](const QString &title, const QString &reason) {
                const ActionsController::Actions &a = m_actions.actions();
                m_videoArea.showMessage(
                    Icons::themed("dialog-error", QStyle::SP_MessageBoxCritical), title, reason,
                    {a.openFile, a.openUrl});
            });
    connect(&transport, &TransportBar::seekRequested, &playback, &PlaybackController::seekTo);

    connect(&player, &QMediaPlayer::mediaStatusChanged, this, &PlayerBinding::onMediaStatusChanged);
    connect(&player, &QMediaPlayer::errorOccurred, this, &PlayerBinding::onError);
    connect(&player, &QMediaPlayer::playbackStateChanged, this, [this] {
        m_actions.updatePlayAction();
        updateBuffering();
    });
    connect(&player, &QMediaPlayer::positionChanged, this,
            [this](qint64 ms) { m_transport.setPosition(double(ms) / 1000.0); });
    connect(&player, &QMediaPlayer::durationChanged, this, [this](qint64 ms) {
        m_transport.setDuration(double(ms) / 1000.0);
        m_playback.onDurationChanged(double(ms) / 1000.0);
    });
    connect(&player, &QMediaPlayer::seekableChanged, this,
            [this](bool seekable) { m_transport.setSeekable(seekable && m_playback.canSeek()); });
    connect(&player, &QMediaPlayer::bufferProgressChanged, this, &PlayerBinding::updateBuffering);
    connect(&player, &QMediaPlayer::hasVideoChanged, this, [this](bool hasVideo) {
        if (hasVideo && m_videoArea.page() != VideoArea::Page::Video && m_playback.isLoaded())
            m_videoArea.showVideo();
    });
}

bool PlayerBinding::settlingAfterSeekRefusal() const
{
    return m_seekRefusedAt.isValid() && m_seekRefusedAt.elapsed() < kSeekRefusalSettleMs;
}

void PlayerBinding::onMediaStatusChanged(QMediaPlayer::MediaStatus status)
{
    if (status == QMediaPlayer::InvalidMedia && settlingAfterSeekRefusal())
        return; // the broken stream going down; PlaybackController decides what follows
    if (status == QMediaPlayer::InvalidMedia)
        m_playback.onFailed(); // errorOccurred follows with the reason
    else if (status != QMediaPlayer::NoMedia && status != QMediaPlayer::LoadingMedia
             && m_playback.isLoading())
        onLoaded();
    updateBuffering();
    m_actions.updateMediaActions();
}

void PlayerBinding::onLoaded()
{
    const double duration = double(m_player.duration()) / 1000.0;
    m_transport.setDuration(duration);
    m_playback.onLoaded(duration);
    if (!m_player.hasVideo()) {
        m_videoArea.showMessage(Icons::themed("audio-x-generic", QStyle::SP_MediaVolume),
                                m_playback.localMedia().displayName(), tr("Audio only"));
    } else {
        m_videoArea.showVideo();
    }
}

void PlayerBinding::onError(QMediaPlayer::Error error, const QString &errorString)
{
    if (error == QMediaPlayer::NoError)
        return;
    if (MediaPlayerBackend::isSeekRefusal(error, errorString)) {
        // More errors follow from the broken stream: let it go down first,
        // then PlaybackController says what happens (no library words).
        m_seekRefusedAt.start();
        QTimer::singleShot(kSeekRefusalSettleMs / 2, this,
                           [this] { m_playback.onSeekRefusedByServer(); });
        return;
    }
    if (settlingAfterSeekRefusal())
        return;
    const QString name = m_playback.localMedia().displayName();
    QString detail = MediaPlayerBackend::errorHint(error);
    if (!errorString.isEmpty())
        detail += QStringLiteral("\n\n") + tr("Details: %1").arg(errorString);
    const ActionsController::Actions &a = m_actions.actions();
    m_videoArea.showMessage(Icons::themed("dialog-error", QStyle::SP_MessageBoxCritical),
                            tr("Cannot play %1").arg(name), detail, {a.openFile, a.openUrl});
    emit notice(tr("Cannot play %1.").arg(name), true);
    m_transport.setBuffering(false);
    m_playback.onFailed();
}

void PlayerBinding::updateBuffering()
{
    const QMediaPlayer::MediaStatus status = m_player.mediaStatus();
    const bool waiting
        = (status == QMediaPlayer::BufferingMedia || status == QMediaPlayer::StalledMedia)
        && m_player.playbackState() == QMediaPlayer::PlayingState;
    const QUrl source = m_playback.source();
    const bool loadingStream = m_playback.isLoading() && !source.isLocalFile() && !source.isEmpty();
    if (waiting)
        m_transport.setBuffering(true, m_player.bufferProgress());
    else
        m_transport.setBuffering(loadingStream);
}

} // namespace lockstep::ui
