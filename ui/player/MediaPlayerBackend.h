#pragma once

#include "sync/PlayerBackend.h"

#include <QMediaPlayer>
#include <QObject>

namespace lockstep::ui {

// Adapts QMediaPlayer to the sync engine. Buffering and stalls report as
// Buffering, the end of the media as Ended, and anything unplayable as NoMedia.
class MediaPlayerBackend final : public QObject, public sync::PlayerBackend
{
    Q_OBJECT

public:
    explicit MediaPlayerBackend(QMediaPlayer &player, QObject *parent = nullptr);

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

    QMediaPlayer &player() const { return m_player; }
    // What a player error means for the user and what might help.
    static QString errorHint(QMediaPlayer::Error error);
    // Whether the player's error says the media's server refused to seek
    // (an HTTP server without byte ranges).
    static bool isSeekRefusal(QMediaPlayer::Error error, const QString &errorString);

private:
    QMediaPlayer &m_player;
};

} // namespace lockstep::ui
