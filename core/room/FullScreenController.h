#pragma once

#include <QObject>
#include <QPoint>

#include <functional>

class QTimer;

namespace lockstep::protocol {
class Clock;
}

namespace lockstep::room {

// Full screen and its one timing rule: while something plays, the controls
// and the pointer hide once the pointer has rested for a while away from the
// controls, and come back as soon as it moves. Positions come from a sampler
// the window provides, polled while in full screen; tests feed samples.
class FullScreenController : public QObject
{
    Q_OBJECT

public:
    struct Sample {
        QPoint pointer; // global position
        bool overControls = false;
        bool playing = false;
    };
    static constexpr double kHideAfter = 2.5; // s of a resting pointer
    static constexpr int kPollMs = 200;

    explicit FullScreenController(const protocol::Clock &clock, QObject *parent = nullptr);

    void setSampler(std::function<Sample()> sampler) { m_sampler = std::move(sampler); }
    bool isFullScreen() const { return m_fullScreen; }
    void setFullScreen(bool fullScreen);
    bool controlsHidden() const { return m_controlsHidden; }
    // One observation of the pointer.
    void observe(const Sample &sample);

signals:
    void fullScreenChanged(bool fullScreen);
    void controlsHiddenChanged(bool hidden);

private:
    void setControlsHidden(bool hidden);

    const protocol::Clock &m_clock;
    QTimer *m_poll;
    std::function<Sample()> m_sampler;
    bool m_fullScreen = false;
    bool m_controlsHidden = false;
    QPoint m_lastPointer;
    double m_pointerMovedAt = 0.0;
};

} // namespace lockstep::room
