#pragma once

#include <QImage>
#include <QVideoFrame>

struct SwsContext;

namespace lockstep::ui {

// Converts video frames to RGB32 at the size they are shown at, in one pass
// (libswscale: colour conversion and scaling together, SIMD where the CPU has
// it). The output image and the conversion context are reused from frame to
// frame while the format and the size stay the same, so steady playback
// allocates nothing.
class VideoFrameScaler
{
public:
    VideoFrameScaler() = default;
    ~VideoFrameScaler();
    VideoFrameScaler(const VideoFrameScaler &) = delete;
    VideoFrameScaler &operator=(const VideoFrameScaler &) = delete;

    // `frame` converted to `size` (the frame's own orientation: the caller
    // rotates and mirrors when drawing). A null image when the frame cannot
    // be read. The image refers to a buffer that the next call overwrites.
    // Widths should be even: for an odd one swscale leaves its SIMD path
    // and takes three to four times as long (see evenWidth()).
    QImage convert(const QVideoFrame &frame, const QSize &size);

    // `size` with its width rounded down to an even number (at least 2).
    static QSize evenWidth(const QSize &size);

    // Whether `format` is converted directly (others go through
    // QVideoFrame::toImage(), which is slower).
    static bool isDirect(QVideoFrameFormat::PixelFormat format);

private:
    bool ensureBuffer(const QSize &size);

    SwsContext *m_context = nullptr;
    uchar *m_buffer = nullptr;
    QSize m_bufferSize;
    int m_stride = 0;
};

} // namespace lockstep::ui
