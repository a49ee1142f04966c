#include "VideoView.h"

#include "FrameRotation.h"
#include "GlVideoSurface.h"
#include "VideoFrameScaler.h"

#include <QOffscreenSurface>
#include <QOpenGLContext>
#include <QOpenGLFunctions>
#include <QPaintEvent>
#include <QPainter>
#include <QVideoSink>

#include <optional>

#if defined(LOCKSTEP_HAVE_XCB)
#include <QGuiApplication>
#if QT_CONFIG(xcb)
#include <xcb/xcb.h>

#include <cstdlib>
#include <cstring>
#define LOCKSTEP_QUERY_X11_EXTENSIONS
#endif
#endif

namespace lockstep::ui {

namespace {

bool isQuarterTurn(int degrees)
{
    return degrees == 90 || degrees == 270;
}

} // namespace

VideoView::VideoView(QWidget *parent) : VideoView(platformBackend(), parent)
{
}

VideoView::VideoView(Backend backend, QWidget *parent)
    : QWidget(parent), m_backend(backend), m_sink(new QVideoSink(this)),
      m_scaler(std::make_unique<VideoFrameScaler>())
{
    setObjectName(QStringLiteral("videoView"));
    // The one fixed colour: video is framed in black whatever the theme.
    QPalette videoPalette = palette();
    videoPalette.setColor(QPalette::Window, Qt::black);
    setPalette(videoPalette);
    // Every pixel is painted here (picture and bars), so Qt need not clear
    // the background first.
    setAttribute(Qt::WA_OpaquePaintEvent);
    // Frames may be handed over from the decoder's thread: they are queued to
    // this thread, and only the newest one is drawn.
    connect(m_sink, &QVideoSink::videoFrameChanged, this, &VideoView::receiveFrame);
    if (m_backend == Backend::OpenGL) {
        // Created first, so that widgets added later (subtitles) stack above.
        m_gl = new GlVideoSurface(this);
        m_gl->setAttribute(Qt::WA_TransparentForMouseEvents);
        m_gl->setGeometry(rect());
    }
}

VideoView::~VideoView() = default;

QRect VideoView::letterbox(const QSize &frame, const QRect &area)
{
    if (frame.isEmpty() || area.isEmpty())
        return {};
    const QSize fitted = frame.scaled(area.size(), Qt::KeepAspectRatio);
    return {area.x() + (area.width() - fitted.width()) / 2,
            area.y() + (area.height() - fitted.height()) / 2, fitted.width(), fitted.height()};
}

bool VideoView::isSoftwareRenderer(const QString &renderer)
{
    static const char *const software[] = {"llvmpipe",    "softpipe",
                                           "swrast",      "software rasterizer",
                                           "swiftshader", "microsoft basic render",
                                           "gdi generic"};
    const QString lower = renderer.toLower();
    for (const char *name : software) {
        if (lower.contains(QLatin1String(name)))
            return true;
    }
    return false;
}

VideoView::Backend VideoView::chooseBackend(const RendererInfo &info)
{
    if (!info.openGL || info.renderer.isEmpty() || isSoftwareRenderer(info.renderer))
        return Backend::Raster;
    return Backend::OpenGL;
}

VideoView::RendererInfo VideoView::probeRenderer()
{
    RendererInfo info;
    QOpenGLContext context;
    if (!context.create())
        return info;
    QOffscreenSurface surface;
    surface.setFormat(context.format());
    surface.create();
    if (!surface.isValid() || !context.makeCurrent(&surface))
        return info;
    const auto *renderer
        = reinterpret_cast<const char *>(context.functions()->glGetString(GL_RENDERER));
    info.openGL = true;
    info.renderer = QString::fromLatin1(renderer ? renderer : "");
    context.doneCurrent();
    return info;
}

bool VideoView::mayHaveHardwareOpenGL()
{
#if defined(LOCKSTEP_QUERY_X11_EXTENSIONS)
    auto *x11 = qGuiApp ? qGuiApp->nativeInterface<QNativeInterface::QX11Application>() : nullptr;
    if (!x11 || !x11->connection())
        return true; // not X11: only a probe can tell
    // Direct rendering on X11 goes through DRI3 or DRI2 (Mesa) or NV-GLX
    // (NVIDIA's driver); a server with none of them (Xvfb, Xvnc) can only
    // have OpenGL done in software.
    xcb_connection_t *connection = x11->connection();
    for (const char *name : {"DRI3", "DRI2", "NV-GLX"}) {
        const xcb_query_extension_cookie_t cookie
            = xcb_query_extension(connection, uint16_t(std::strlen(name)), name);
        xcb_query_extension_reply_t *reply = xcb_query_extension_reply(connection, cookie, nullptr);
        const bool present = reply && reply->present;
        std::free(reply);
        if (present)
            return true;
    }
    return false;
#else
    return true;
#endif
}

VideoView::Backend VideoView::platformBackend()
{
    static std::optional<Backend> chosen;
    if (chosen)
        return *chosen;
    const QByteArray forced = qgetenv("LOCKSTEP_VIDEO_BACKEND").toLower();
    if (forced == "raster")
        chosen = Backend::Raster;
    else if (forced == "opengl")
        chosen = Backend::OpenGL;
    else if (!mayHaveHardwareOpenGL())
        chosen = Backend::Raster; // without loading a software OpenGL just to ask it
    else
        chosen = chooseBackend(probeRenderer());
    return *chosen;
}

void VideoView::receiveFrame(const QVideoFrame &frame)
{
    m_pending = frame;
    if (m_presentQueued)
        return;
    m_presentQueued = true;
    // Frames that arrive before this runs replace m_pending: a busy event
    // loop skips frames rather than falling behind.
    QMetaObject::invokeMethod(this, &VideoView::presentPending, Qt::QueuedConnection);
}

void VideoView::presentPending()
{
    m_presentQueued = false;
    m_frame = std::exchange(m_pending, QVideoFrame());
    if (!m_frame.isValid()) {
        // The player stopped or changed source: no picture until the next.
        m_image = QImage();
        m_imageStale = false;
        relayout(QSize());
        if (m_gl)
            m_gl->setFrame(QVideoFrame(), QRect());
        update();
        return;
    }
    QSize size = m_frame.size();
    if (isQuarterTurn(frameRotation(m_frame)))
        size.transpose();
    relayout(size);
    ++m_framesPresented;
    if (m_gl) {
        m_gl->setFrame(m_frame, m_videoRect);
    } else {
        // Converted when painted: a hidden or minimised view converts nothing.
        m_imageStale = true;
        update(m_videoRect);
    }
    emit framePresented();
}

void VideoView::relayout(const QSize &frameSize)
{
    const QRect oldRect = m_videoRect;
    m_frameSize = frameSize;
    m_videoRect = letterbox(m_frameSize, rect());
    if (m_videoRect != oldRect) {
        update(); // the bars moved
        emit videoRectChanged(m_videoRect);
    }
}

void VideoView::convertForRaster()
{
    if (m_gl || !m_frame.isValid() || m_videoRect.isEmpty()) {
        m_image = QImage();
        return;
    }
    // Converted at the size it covers on the screen, in device pixels, so
    // that drawing it is a plain copy.
    QSize target = (QSizeF(m_videoRect.size()) * devicePixelRatioF()).toSize();
    if (isQuarterTurn(frameRotation(m_frame)))
        target.transpose();
    // An even width keeps the conversion on its fast path; the column it
    // may lose on the right is painted black.
    m_image = m_scaler->convert(m_frame, VideoFrameScaler::evenWidth(target));
    m_image.setDevicePixelRatio(devicePixelRatioF());
}

void VideoView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    relayout(m_frameSize);
    if (m_gl) {
        m_gl->setGeometry(rect());
        m_gl->setFrame(m_frame, m_videoRect);
    } else {
        m_imageStale = true;
    }
}

void VideoView::paintEvent(QPaintEvent *event)
{
    if (m_gl)
        return; // the OpenGL surface covers the whole view
    if (m_imageStale) {
        convertForRaster();
        m_imageStale = false;
    }
    QPainter painter(this);
    const bool mirrored = m_frame.mirrored();
    const bool bottomUp
        = m_frame.surfaceFormat().scanLineDirection() == QVideoFrameFormat::BottomToTop;
    const int rotation = frameRotation(m_frame);
    const bool upright = !mirrored && !bottomUp && rotation == 0;
    // Where the image lands: m_videoRect, less the column evenWidth() may
    // have taken off.
    QRect picture;
    if (!m_image.isNull()) {
        const QSize logical = (QSizeF(m_image.size()) / m_image.devicePixelRatio()).toSize();
        picture = upright ? QRect(m_videoRect.topLeft(), logical).intersected(m_videoRect)
                          : m_videoRect;
    }
    for (const QRect &bar : event->region().subtracted(picture))
        painter.fillRect(bar, Qt::black);
    if (m_image.isNull())
        return;
    if (upright) {
        painter.drawImage(m_videoRect.topLeft(), m_image);
        return;
    }
    // The turned image may be a line short of m_videoRect (evenWidth()).
    painter.fillRect(m_videoRect, Qt::black);
    // Turned about the picture's centre; the image has the frame's own
    // orientation and size (width and height swapped for quarter turns).
    painter.translate(QRectF(m_videoRect).center());
    painter.rotate(rotation);
    painter.scale(mirrored ? -1 : 1, bottomUp ? -1 : 1);
    const QSizeF logical = QSizeF(m_image.size()) / m_image.devicePixelRatio();
    painter.drawImage(QPointF(-logical.width() / 2, -logical.height() / 2), m_image);
}

} // namespace lockstep::ui
