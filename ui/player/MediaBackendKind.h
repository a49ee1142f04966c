#pragma once

#include <QString>

namespace lockstep::ui {

// Which of Qt's media backends QMediaPlayer plays through in this process.
// They differ in what the sync engine must know: GStreamer (the default on
// Linux before Qt 6.5) reports its position to the millisecond and, before
// Qt 6.6, flushes on every rate change; FFmpeg (the default everywhere from
// Qt 6.5 on, the backend of the Windows and macOS builds) reports its
// position in 40-80 ms steps and changes its rate for free.
enum class MediaBackendKind { GStreamer, FFmpeg, Other };

// QT_MEDIA_BACKEND when set; otherwise Qt's own choice for this Qt version
// and the backend plugins installed.
MediaBackendKind mediaBackendKind();
QString mediaBackendName(MediaBackendKind kind);

} // namespace lockstep::ui
