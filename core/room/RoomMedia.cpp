#include "RoomMedia.h"

#include "TimeFormat.h"

#include <QFileInfo>
#include <QLocale>

#include <cmath>

namespace lockstep::room {

namespace {

// Container timestamps of the same file differ by a frame or two between
// demuxers; a second apart is the same film, a few seconds is another cut.
constexpr double kDurationTolerance = 1.0;

QString dataSize(qint64 bytes)
{
    // One decimal while it tells something ("1.5 GB"), none past ten units ("12 MB").
    double value = double(bytes);
    while (value >= 1024.0)
        value /= 1024.0;
    return QLocale().formattedDataSize(bytes, value < 10.0 ? 1 : 0,
                                       QLocale::DataSizeTraditionalFormat);
}

} // namespace

RoomMedia RoomMedia::fromRoom(const QString &mediaUrl,
                              const std::optional<protocol::MediaInfo> &info)
{
    RoomMedia media;
    media.m_mediaUrl = mediaUrl;
    media.m_info = info;
    if (media.isLocalFile() && (!media.m_info || media.m_info->name.isEmpty())) {
        // A client that follows the draft may send a file:// URL or a path.
        protocol::MediaInfo filled = info.value_or(protocol::MediaInfo {});
        const QUrl url(mediaUrl);
        filled.name = url.isLocalFile() ? QFileInfo(url.toLocalFile()).fileName()
                                        : QFileInfo(mediaUrl).fileName();
        media.m_info = filled;
    }
    return media;
}

RoomMedia RoomMedia::forLocalFile(const QString &path, double duration)
{
    const QFileInfo file(path);
    RoomMedia media;
    protocol::MediaInfo info;
    info.name = file.fileName();
    info.size = file.size();
    if (duration > 0.0)
        info.duration = duration;
    media.m_mediaUrl = info.name;
    media.m_info = info;
    return media;
}

RoomMedia RoomMedia::forStream(const QUrl &url)
{
    RoomMedia media;
    media.m_mediaUrl = url.toString(QUrl::FullyEncoded);
    return media;
}

bool RoomMedia::isStreamUrl(const QUrl &url)
{
    // Windows paths ("C:/film.mkv") parse as a one-letter scheme without a host.
    return url.isValid() && !url.isLocalFile() && url.scheme().size() > 1 && !url.host().isEmpty();
}

bool RoomMedia::isStream() const
{
    return isStreamUrl(QUrl(m_mediaUrl));
}

QUrl RoomMedia::streamUrl() const
{
    return isStream() ? QUrl(m_mediaUrl) : QUrl();
}

QString RoomMedia::displayName() const
{
    if (isStream())
        return QUrl(m_mediaUrl).toDisplayString();
    return m_info && !m_info->name.isEmpty() ? m_info->name : m_mediaUrl;
}

QString RoomMedia::describe() const
{
    QStringList details;
    if (m_info && m_info->duration && *m_info->duration > 0.0)
        details << formatMediaTime(*m_info->duration);
    if (m_info && m_info->size)
        details << dataSize(*m_info->size);
    if (details.isEmpty())
        return displayName();
    return tr("%1 (%2)").arg(displayName(), details.join(QStringLiteral(", ")));
}

protocol::MediaChange RoomMedia::toMediaChange() const
{
    return protocol::MediaChange {m_mediaUrl, m_info};
}

bool RoomMedia::sameFile(const protocol::MediaInfo &local, const protocol::MediaInfo &room)
{
    if (local.name != room.name)
        return false;
    return !local.size || !room.size || *local.size == *room.size;
}

QStringList RoomMedia::differences(const protocol::MediaInfo &local,
                                   const protocol::MediaInfo &room, const QString &owner,
                                   bool ownerIsHost)
{
    QStringList result;
    if (!room.name.isEmpty() && local.name != room.name) {
        result << (ownerIsHost
                       ? tr("Its name is not the same as the host's file (“%1”).").arg(room.name)
                       : tr("Its name is not the same as %1's file (“%2”).").arg(owner, room.name));
    }
    if (local.size && room.size && *local.size != *room.size) {
        const qint64 delta = *local.size - *room.size;
        const QString amount = dataSize(std::abs(delta));
        if (delta < 0)
            result << (ownerIsHost ? tr("This file is %1 smaller than the host's.").arg(amount)
                                   : tr("This file is %1 smaller than %2's.").arg(amount, owner));
        else
            result << (ownerIsHost ? tr("This file is %1 larger than the host's.").arg(amount)
                                   : tr("This file is %1 larger than %2's.").arg(amount, owner));
    }
    if (local.duration && room.duration
        && std::abs(*local.duration - *room.duration) > kDurationTolerance) {
        const double delta = *local.duration - *room.duration;
        const double magnitude = std::abs(delta);
        const QString amount = magnitude < 60.0 ? tr("%1 s").arg(std::lround(magnitude))
                                                : formatMediaTime(magnitude);
        if (delta < 0)
            result << (ownerIsHost ? tr("It is %1 shorter than the host's.").arg(amount)
                                   : tr("It is %1 shorter than %2's.").arg(amount, owner));
        else
            result << (ownerIsHost ? tr("It is %1 longer than the host's.").arg(amount)
                                   : tr("It is %1 longer than %2's.").arg(amount, owner));
    }
    return result;
}

} // namespace lockstep::room
