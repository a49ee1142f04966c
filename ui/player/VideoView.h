#pragma once

#include <QImage>
#include <QVideoFrame>
#include <QWidget>

#include <memory>

class QVideoSink;

namespace lockstep::ui {

class GlVideoSurface;
class VideoFrameScaler;

// The picture: a plain (non-native) widget fed by a QVideoSink, drawing the
// current frame letterboxed on black. Being an ordinary widget, child widgets
// placed over it (subtitles) composite with the picture, and grab() contains
// it. Each new frame is converted from the decoder's YUV once, when it is
// painted, straight to the size it is shown at, and only the picture's
// rectangle is repainted.
//
// Two ways to draw it (chooseBackend() decides): Raster converts and scales
// each frame once on the CPU (libswscale) and paints it with QPainter, the
// cheapest where OpenGL is software (llvmpipe) or absent; OpenGL hands the
// YUV planes to a QOpenGLWidget child that converts and scales them on the
// GPU, where the OpenGL renderer is hardware.
class VideoView : public QWidget
{
    Q_OBJECT

public:
    enum class Backend { Raster, OpenGL };

    // What the platform offers for OpenGL.
    struct RendererInfo {
        bool openGL = false; // a context could be made current
        QString renderer; // GL_RENDERER, e.g. "llvmpipe (LLVM 15.0.6, 256 bits)"
    };

    // The platform's backend (platformBackend()), or the one given.
    explicit VideoView(QWidget *parent = nullptr);
    explicit VideoView(Backend backend, QWidget *parent = nullptr);
    ~VideoView() override;

    QVideoSink *videoSink() const { return m_sink; }
    Backend backend() const { return m_backend; }

    // Where the picture is inside the view, in view coordinates; empty when
    // there is no frame.
    QRect videoRect() const { return m_videoRect; }
    // The frame's size as displayed (after rotation); empty before the first.
    QSize frameSize() const { return m_frameSize; }
    // New frames taken to be drawn since the view was made (each counts
    // once, however often it is painted).
    quint64 framesPresented() const { return m_framesPresented; }

    // The largest rectangle of `frame`'s aspect ratio centred in `area`.
    static QRect letterbox(const QSize &frame, const QRect &area);

    // OpenGL when its renderer is hardware; Raster when OpenGL is missing or
    // software (isSoftwareRenderer()).
    static Backend chooseBackend(const RendererInfo &info);
    // llvmpipe, softpipe, swrast, SwiftShader, the Windows basic and GDI
    // renderers: OpenGL done by the CPU.
    static bool isSoftwareRenderer(const QString &renderer);
    // Makes an OpenGL context on an offscreen surface and reads its renderer.
    static RendererInfo probeRenderer();
    // False when the display cannot have hardware OpenGL: an X11 server
    // without DRI3, DRI2 or NV-GLX (Xvfb). True where only a probe can tell.
    static bool mayHaveHardwareOpenGL();
    // LOCKSTEP_VIDEO_BACKEND=raster or opengl when set; otherwise Raster when
    // !mayHaveHardwareOpenGL(), else the choice for probeRenderer()'s answer
    // (decided once per process).
    static Backend platformBackend();

signals:
    void videoRectChanged(const QRect &rect);
    // A new frame has been drawn (or handed to the OpenGL surface).
    void framePresented();

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void receiveFrame(const QVideoFrame &frame);
    void presentPending();
    void relayout(const QSize &frameSize);
    void convertForRaster();

    Backend m_backend;
    QVideoSink *m_sink;
    GlVideoSurface *m_gl = nullptr; // OpenGL only
    std::unique_ptr<VideoFrameScaler> m_scaler;
    QVideoFrame m_frame; // the frame on screen
    QVideoFrame m_pending; // the newest frame, not yet drawn
    bool m_presentQueued = false;
    QImage m_image; // m_frame converted at m_videoRect's size (Raster)
    bool m_imageStale = false; // m_image is to be converted again before painting
    QRect m_videoRect;
    QSize m_frameSize;
    quint64 m_framesPresented = 0;
};

} // namespace lockstep::ui
