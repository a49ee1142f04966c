#pragma once

#include <QImage>
#include <QWidget>

namespace lockstep::ui {

// The subtitles over the picture: a transparent child of the video view
// that lets the mouse through and shows the image TracksBinding renders. It
// covers the picture exactly (not the black bars), so size and position
// settings are relative to the picture, in the window and in full screen.
class SubtitleOverlay : public QWidget
{
    Q_OBJECT

public:
    explicit SubtitleOverlay(QWidget *parent);

    // An image of the overlay's size (in device pixels); null shows nothing.
    void setImage(const QImage &image);
    QImage image() const { return m_image; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QImage m_image;
};

} // namespace lockstep::ui
