#include "VideoFrameScaler.h"

extern "C" {
#include <libavutil/mem.h>
#include <libavutil/pixfmt.h>
#include <libswscale/swscale.h>
}

#include <algorithm>
#include <array>

namespace lockstep::ui {

namespace {

// QImage::Format_RGB32 is 0xffRRGGBB in native byte order, FFmpeg's
// AV_PIX_FMT_RGB32 the same; swscale has SIMD output for this one (not for
// the byte-named BGR0/0RGB aliases).
constexpr AVPixelFormat kImageFormat = AV_PIX_FMT_RGB32;
// SIMD stores want rows on 64-byte boundaries.
constexpr int kRowAlignment = 64;

struct Source {
    AVPixelFormat format = AV_PIX_FMT_NONE;
    bool swapChroma = false; // YV12: V before U
    bool yuv = false;
};

Source sourceFor(QVideoFrameFormat::PixelFormat format)
{
    using F = QVideoFrameFormat;
    switch (format) {
    case F::Format_YUV420P:
        return {AV_PIX_FMT_YUV420P, false, true};
    case F::Format_YV12:
        return {AV_PIX_FMT_YUV420P, true, true};
    case F::Format_YUV422P:
        return {AV_PIX_FMT_YUV422P, false, true};
    case F::Format_NV12:
        return {AV_PIX_FMT_NV12, false, true};
    case F::Format_NV21:
        return {AV_PIX_FMT_NV21, false, true};
    case F::Format_UYVY:
        return {AV_PIX_FMT_UYVY422, false, true};
    case F::Format_YUYV:
        return {AV_PIX_FMT_YUYV422, false, true};
    case F::Format_P010:
        return {AV_PIX_FMT_P010LE, false, true};
    case F::Format_P016:
        return {AV_PIX_FMT_P016LE, false, true};
    case F::Format_YUV420P10:
        return {AV_PIX_FMT_YUV420P10LE, false, true};
    case F::Format_Y8:
        return {AV_PIX_FMT_GRAY8, false, false};
    case F::Format_Y16:
        return {AV_PIX_FMT_GRAY16LE, false, false};
    // Packed RGB: Qt names the bytes in memory order, as FFmpeg does.
    case F::Format_ARGB8888:
    case F::Format_ARGB8888_Premultiplied:
        return {AV_PIX_FMT_ARGB, false, false};
    case F::Format_XRGB8888:
        return {AV_PIX_FMT_0RGB, false, false};
    case F::Format_BGRA8888:
    case F::Format_BGRA8888_Premultiplied:
        return {AV_PIX_FMT_BGRA, false, false};
    case F::Format_BGRX8888:
        return {AV_PIX_FMT_BGR0, false, false};
    case F::Format_ABGR8888:
        return {AV_PIX_FMT_ABGR, false, false};
    case F::Format_XBGR8888:
        return {AV_PIX_FMT_0BGR, false, false};
    case F::Format_RGBA8888:
        return {AV_PIX_FMT_RGBA, false, false};
    case F::Format_RGBX8888:
        return {AV_PIX_FMT_RGB0, false, false};
    default:
        return {};
    }
}

int colourCoefficients(const QVideoFrameFormat &format)
{
    switch (format.colorSpace()) {
    case QVideoFrameFormat::ColorSpace_BT601:
        return SWS_CS_ITU601;
    case QVideoFrameFormat::ColorSpace_BT709:
        return SWS_CS_ITU709;
    case QVideoFrameFormat::ColorSpace_BT2020:
        return SWS_CS_BT2020;
    default:
        // Untagged: HD is BT.709, SD BT.601, as players assume.
        return format.frameHeight() >= 720 ? SWS_CS_ITU709 : SWS_CS_ITU601;
    }
}

} // namespace

VideoFrameScaler::~VideoFrameScaler()
{
    sws_freeContext(m_context);
    av_free(m_buffer);
}

QSize VideoFrameScaler::evenWidth(const QSize &size)
{
    return {std::max(2, size.width() & ~1), size.height()};
}

bool VideoFrameScaler::isDirect(QVideoFrameFormat::PixelFormat format)
{
    return sourceFor(format).format != AV_PIX_FMT_NONE;
}

bool VideoFrameScaler::ensureBuffer(const QSize &size)
{
    if (size == m_bufferSize && m_buffer)
        return true;
    av_free(m_buffer);
    m_stride = (size.width() * 4 + kRowAlignment - 1) / kRowAlignment * kRowAlignment;
    m_buffer = static_cast<uchar *>(av_malloc(size_t(m_stride) * size_t(size.height())));
    m_bufferSize = m_buffer ? size : QSize();
    return m_buffer != nullptr;
}

QImage VideoFrameScaler::convert(const QVideoFrame &input, const QSize &size)
{
    if (!input.isValid() || size.isEmpty())
        return {};
    const Source source = sourceFor(input.pixelFormat());
    if (source.format == AV_PIX_FMT_NONE) {
        // Rare formats (hardware surfaces, JPEG): Qt's own conversion.
        const QImage image = input.toImage();
        return image.isNull() ? image
                              : image.scaled(size, Qt::IgnoreAspectRatio, Qt::SmoothTransformation)
                                    .convertToFormat(QImage::Format_RGB32);
    }

    QVideoFrame frame = input; // shallow: mapping needs a non-const frame
    if (!frame.map(QVideoFrame::ReadOnly))
        return {};
    const QSize from = frame.size();
    if (from.isEmpty() || !ensureBuffer(size)) {
        frame.unmap();
        return {};
    }
    SwsContext *context = sws_getCachedContext(
        m_context, from.width(), from.height(), source.format, size.width(), size.height(),
        kImageFormat, SWS_BILINEAR, nullptr, nullptr, nullptr);
    if (!context) {
        frame.unmap();
        return {};
    }
    m_context = context;
    if (source.yuv) {
        const QVideoFrameFormat format = frame.surfaceFormat();
        const int *coefficients = sws_getCoefficients(colourCoefficients(format));
        const int fullRange = format.colorRange() == QVideoFrameFormat::ColorRange_Full ? 1 : 0;
        // Cheap when nothing changed; the context may be a new one.
        int *invTable = nullptr;
        int *table = nullptr;
        int srcRange = 0;
        int dstRange = 0;
        int brightness = 0;
        int contrast = 0;
        int saturation = 0;
        sws_getColorspaceDetails(m_context, &invTable, &srcRange, &table, &dstRange, &brightness,
                                 &contrast, &saturation);
        if (srcRange != fullRange || dstRange != 1 || !invTable
            || !std::equal(coefficients, coefficients + 4, invTable)) {
            sws_setColorspaceDetails(m_context, coefficients, fullRange,
                                     sws_getCoefficients(SWS_CS_DEFAULT), 1, 0, 1 << 16, 1 << 16);
        }
    }

    std::array<const uint8_t *, 4> planes {};
    std::array<int, 4> strides {};
    const int planeCount = std::min(frame.planeCount(), 4);
    for (int i = 0; i < planeCount; ++i) {
        planes[size_t(i)] = frame.bits(i);
        strides[size_t(i)] = frame.bytesPerLine(i);
    }
    if (source.swapChroma) {
        std::swap(planes[1], planes[2]);
        std::swap(strides[1], strides[2]);
    }
    uint8_t *const out[4] = {m_buffer, nullptr, nullptr, nullptr};
    const int outStrides[4] = {m_stride, 0, 0, 0};
    const int rows
        = sws_scale(m_context, planes.data(), strides.data(), 0, from.height(), out, outStrides);
    frame.unmap();
    if (rows <= 0)
        return {};
    return QImage(m_buffer, size.width(), size.height(), m_stride, QImage::Format_RGB32);
}

} // namespace lockstep::ui
