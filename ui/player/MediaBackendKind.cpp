#include "MediaBackendKind.h"

#include <QDir>
#include <QLibraryInfo>
#include <QtGlobal>

namespace lockstep::ui {

namespace {

bool pluginInstalled(const QString &name)
{
    const QDir dir(QLibraryInfo::path(QLibraryInfo::PluginsPath) + QLatin1String("/multimedia"));
    return !dir.entryList({QLatin1Char('*') + name + QLatin1Char('*')}, QDir::Files).isEmpty();
}

MediaBackendKind detect()
{
    const QString wanted = qEnvironmentVariable("QT_MEDIA_BACKEND").trimmed().toLower();
    if (wanted == QLatin1String("gstreamer"))
        return MediaBackendKind::GStreamer;
    if (wanted == QLatin1String("ffmpeg"))
        return MediaBackendKind::FFmpeg;
    if (!wanted.isEmpty())
        return MediaBackendKind::Other;
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    // From 6.5 on Qt prefers FFmpeg wherever its plugin is installed.
    if (pluginInstalled(QStringLiteral("ffmpeg")))
        return MediaBackendKind::FFmpeg;
    if (pluginInstalled(QStringLiteral("gstreamer")))
        return MediaBackendKind::GStreamer;
    return MediaBackendKind::Other;
#else
    // Before 6.5 Linux plays through GStreamer; FFmpeg is opt-in.
    if (pluginInstalled(QStringLiteral("gstreamer")))
        return MediaBackendKind::GStreamer;
    return pluginInstalled(QStringLiteral("ffmpeg")) ? MediaBackendKind::FFmpeg
                                                     : MediaBackendKind::Other;
#endif
}

} // namespace

MediaBackendKind mediaBackendKind()
{
    static const MediaBackendKind kind = detect();
    return kind;
}

QString mediaBackendName(MediaBackendKind kind)
{
    switch (kind) {
    case MediaBackendKind::GStreamer:
        return QStringLiteral("gstreamer");
    case MediaBackendKind::FFmpeg:
        return QStringLiteral("ffmpeg");
    case MediaBackendKind::Other:
        break;
    }
    return QStringLiteral("other");
}

} // namespace lockstep::ui
