#include "SubtitleRenderer.h"

#include <QLoggingCategory>

#include <ass/ass.h>

#include <cstdarg>
#include <cstdio>

namespace lockstep::subtitles {

namespace {

Q_LOGGING_CATEGORY(lcLibass, "lockstep.subtitles.libass", QtWarningMsg)

void forwardLibassMessage(int level, const char *format, va_list args, void *)
{
    // libass is chatty at levels above 2 (font matching, cache sizes).
    if (level > 2 || !lcLibass().isWarningEnabled())
        return;
    char buffer[512];
    std::vsnprintf(buffer, sizeof buffer, format, args);
    qCWarning(lcLibass) << buffer;
}

void blend(QImage &target, const ASS_Image *image)
{
    const int width = target.width();
    const int height = target.height();
    for (; image; image = image->next) {
        if (image->w <= 0 || image->h <= 0)
            continue;
        const uint32_t color = image->color;
        const uint r = (color >> 24) & 0xFF;
        const uint g = (color >> 16) & 0xFF;
        const uint b = (color >> 8) & 0xFF;
        const uint opacity = 255 - (color & 0xFF);
        for (int y = 0; y < image->h; ++y) {
            const int ty = image->dst_y + y;
            if (ty < 0 || ty >= height)
                continue;
            const unsigned char *source = image->bitmap + y * image->stride;
            auto *line = reinterpret_cast<QRgb *>(target.scanLine(ty));
            for (int x = 0; x < image->w; ++x) {
                const int tx = image->dst_x + x;
                if (tx < 0 || tx >= width)
                    continue;
                const uint k = source[x] * opacity / 255;
                if (k == 0)
                    continue;
                const QRgb under = line[tx];
                const uint keep = 255 - k;
                // Premultiplied: the source's colour times its coverage, over
                // what is already there.
                line[tx] = qRgba(int((r * k + qRed(under) * keep) / 255),
                                 int((g * k + qGreen(under) * keep) / 255),
                                 int((b * k + qBlue(under) * keep) / 255),
                                 int((255 * k + qAlpha(under) * keep) / 255));
            }
        }
    }
}

} // namespace

SubtitleRenderer::SubtitleRenderer() : m_library(ass_library_init())
{
    if (!m_library)
        return;
    ass_set_message_cb(m_library, forwardLibassMessage, nullptr);
    m_renderer = ass_renderer_init(m_library);
    if (!m_renderer)
        return;
    // The platform's font provider; "sans-serif" when a script's font is missing.
    ass_set_fonts(m_renderer, nullptr, "sans-serif", ASS_FONTPROVIDER_AUTODETECT, nullptr, 1);
}

SubtitleRenderer::~SubtitleRenderer()
{
    clear();
    if (m_renderer)
        ass_renderer_done(m_renderer);
    if (m_library)
        ass_library_done(m_library);
}

void SubtitleRenderer::clear()
{
    if (m_track)
        ass_free_track(m_track);
    m_track = nullptr;
    m_last = QImage();
}

bool SubtitleRenderer::setScript(const QByteArray &script)
{
    clear();
    if (script.isEmpty() || !m_library)
        return script.isEmpty();
    QByteArray copy = script;
    m_track = ass_read_memory(m_library, copy.data(), size_t(copy.size()), nullptr);
    m_settingsChanged = true;
    return m_track != nullptr;
}

void SubtitleRenderer::setFontScale(double scale)
{
    if (qFuzzyCompare(scale, m_fontScale))
        return;
    m_fontScale = scale;
    m_settingsChanged = true;
}

void SubtitleRenderer::setLinePosition(double percent)
{
    if (qFuzzyCompare(percent + 1.0, m_linePosition + 1.0))
        return;
    m_linePosition = percent;
    m_settingsChanged = true;
}

void SubtitleRenderer::setStorageSize(const QSize &size)
{
    if (size == m_storageSize)
        return;
    m_storageSize = size;
    m_settingsChanged = true;
}

QImage SubtitleRenderer::render(qint64 ms, const QSize &size, bool *changed)
{
    const auto result = [this, changed](const QImage &image, bool differs) {
        if (changed)
            *changed = differs;
        m_last = image;
        return image;
    };
    if (!m_track || !m_renderer || size.isEmpty())
        return result(QImage(), !m_last.isNull());
    if (size != m_frameSize || m_settingsChanged) {
        m_frameSize = size;
        ass_set_frame_size(m_renderer, size.width(), size.height());
        const QSize storage = m_storageSize.isEmpty() ? size : m_storageSize;
        ass_set_storage_size(m_renderer, storage.width(), storage.height());
        ass_set_font_scale(m_renderer, m_fontScale);
        ass_set_line_position(m_renderer, m_linePosition);
        m_settingsChanged = false;
        m_last = QImage(); // forces a redraw
    }
    int detectChange = 0;
    ASS_Image *images = ass_render_frame(m_renderer, m_track, ms, &detectChange);
    if (!images)
        return result(QImage(), !m_last.isNull());
    if (detectChange == 0 && !m_last.isNull() && m_last.size() == size)
        return result(m_last, false);
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    blend(image, images);
    return result(image, true);
}

} // namespace lockstep::subtitles
