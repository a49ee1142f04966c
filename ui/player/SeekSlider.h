#pragma once

#include <QSlider>

namespace lockstep::ui {

// The position slider: milliseconds of media time. A click anywhere on the
// groove jumps there (and can be dragged on), and hovering shows the time
// under the pointer. seekRequested() fires once, when the user lets go.
class SeekSlider : public QSlider
{
    Q_OBJECT

public:
    explicit SeekSlider(QWidget *parent = nullptr);

    // Moves the handle to where playback is, unless the user is dragging it.
    void setPlaybackPosition(qint64 milliseconds);

signals:
    void seekRequested(qint64 milliseconds);
    // While dragging: where the handle is, for a live time label.
    void previewPosition(qint64 milliseconds);

protected:
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    int valueAt(const QPoint &point) const;
    void showTimeTip(const QPoint &point);
};

} // namespace lockstep::ui
