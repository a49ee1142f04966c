#pragma once

#include <QWidget>

class QAction;
class QLabel;
class QProgressBar;
class QSlider;
class QToolButton;

namespace lockstep::ui {

class SeekSlider;

// The controls under the video: play/pause, position with current and total
// time, a buffering indicator, mute and volume, and full screen. The buttons
// show the window's actions, so their icons, tooltips and shortcuts match the
// menus; the slider and volume report through signals.
class TransportBar : public QWidget
{
    Q_OBJECT

public:
    // The seek bar's least width, in average characters.
    static constexpr int kSeekBarMinimumChars = 24;

    TransportBar(QAction *playPause, QAction *mute, QAction *fullScreen, QWidget *parent = nullptr);

    void setDuration(double seconds);
    void setPosition(double seconds);
    void setSeekable(bool seekable);
    void setVolume(int volume);
    int volume() const;
    // progress 0..1, or negative while it is not known.
    void setBuffering(bool buffering, double progress = -1.0);

signals:
    void seekRequested(double seconds);
    void volumeChanged(int volume);

private:
    void updateTimeLabels(double position);

    QToolButton *m_playButton;
    QLabel *m_positionLabel;
    SeekSlider *m_slider;
    QLabel *m_durationLabel;
    QProgressBar *m_buffering;
    QToolButton *m_muteButton;
    QSlider *m_volume;
    QToolButton *m_fullScreenButton;
    double m_duration = 0.0;
};

} // namespace lockstep::ui
