#pragma once

#include <QElapsedTimer>
#include <QMediaPlayer>
#include <QObject>

namespace lockstep::room {
class ActionsController;
class PlaybackController;
} // namespace lockstep::room

namespace lockstep::ui {

using namespace lockstep::room;

class TransportBar;
class VideoArea;

// Ties the QMediaPlayer to what shows it and to PlaybackController: loads
// what the controller asks for, reports loading and failures back to it,
// keeps the transport bar's position, length and buffering up to date, and
// picks the video area's page (the picture, "Audio only", or why it cannot play).
class PlayerBinding : public QObject
{
    Q_OBJECT

public:
    // After the media's server refuses a seek, the broken stream's further
    // errors are let go this long before the media is started again.
    static constexpr int kSeekRefusalSettleMs = 600;

    PlayerBinding(QMediaPlayer &player, PlaybackController &playback, TransportBar &transport,
                  VideoArea &videoArea, ActionsController &actions);

signals:
    void notice(const QString &text, bool warning);

private:
    void onMediaStatusChanged(QMediaPlayer::MediaStatus status);
    void onLoaded();
    void onError(QMediaPlayer::Error error, const QString &errorString);
    void updateBuffering();
    bool settlingAfterSeekRefusal() const;

    QMediaPlayer &m_player;
    PlaybackController &m_playback;
    TransportBar &m_transport;
    VideoArea &m_videoArea;
    ActionsController &m_actions;
    QElapsedTimer m_seekRefusedAt;
};

} // namespace lockstep::ui
