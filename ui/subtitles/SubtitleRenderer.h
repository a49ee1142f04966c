#pragma once

#include <QByteArray>
#include <QImage>
#include <QSize>

struct ass_library;
struct ass_renderer;
struct ass_track;

namespace lockstep::subtitles {

// Draws an ASS script (see SubtitleDocument) with libass into transparent
// ARGB images the size of the picture. Fonts come from the system's font
// provider (fontconfig on Linux, DirectWrite on Windows, Core Text on
// macOS); where none answers, libass falls back to the first font it finds
// and text still shows. Fonts embedded in Matroska files are not used.
class SubtitleRenderer
{
public:
    SubtitleRenderer();
    ~SubtitleRenderer();
    SubtitleRenderer(const SubtitleRenderer &) = delete;
    SubtitleRenderer &operator=(const SubtitleRenderer &) = delete;

    // Replaces what is shown; an empty script shows nothing. False when
    // libass cannot read the script (nothing is shown then).
    bool setScript(const QByteArray &script);
    void clear();
    bool hasScript() const { return m_track != nullptr; }

    // 1.0 is the script's own size.
    void setFontScale(double scale);
    // Where plain subtitles sit: 0 at the bottom (the default) to 100 at the top.
    void setLinePosition(double percent);
    // The video's own frame size, so that scripts keep their aspect.
    void setStorageSize(const QSize &size);

    // The subtitles showing at `ms`, drawn into a transparent image of
    // `size`: a null image when none shows. `changed` says whether the
    // result differs from the previous call's.
    QImage render(qint64 ms, const QSize &size, bool *changed = nullptr);

private:
    ass_library *m_library = nullptr;
    ass_renderer *m_renderer = nullptr;
    ass_track *m_track = nullptr;
    QSize m_frameSize;
    QSize m_storageSize;
    double m_fontScale = 1.0;
    double m_linePosition = 0.0;
    bool m_settingsChanged = true;
    QImage m_last;
};

} // namespace lockstep::subtitles
