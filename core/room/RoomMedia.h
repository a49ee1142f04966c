#pragma once

#include "protocol/Messages.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace lockstep::room {

// What a room plays: a stream everyone opens by URL, or a local file that
// each participant opens from their own disk, known by name, size and
// length (protocol extension `media`, whose `media_url` is the file name).
class RoomMedia
{
    Q_DECLARE_TR_FUNCTIONS(lockstep::room::RoomMedia)

public:
    RoomMedia() = default;
    static RoomMedia fromRoom(const QString &mediaUrl,
                              const std::optional<protocol::MediaInfo> &info);
    // `duration` in seconds; 0 when not known.
    static RoomMedia forLocalFile(const QString &path, double duration);
    static RoomMedia forStream(const QUrl &url);
    // A URL the room can share (http, https, rtsp...) rather than a local file.
    static bool isStreamUrl(const QUrl &url);

    bool isEmpty() const { return m_mediaUrl.isEmpty() && !m_info; }
    bool isStream() const;
    bool isLocalFile() const { return !isEmpty() && !isStream(); }
    QUrl streamUrl() const;
    QString mediaUrl() const { return m_mediaUrl; }
    const std::optional<protocol::MediaInfo> &info() const { return m_info; }
    // The name to show: the file name, or the stream's URL.
    QString displayName() const;
    // "film.mkv (1:47:01, 2.1 GB)".
    QString describe() const;
    protocol::MediaChange toMediaChange() const;

    // Whether a local file is the room's: same name, and the same size where
    // both sizes are known.
    static bool sameFile(const protocol::MediaInfo &local, const protocol::MediaInfo &room);
    // Sentences about how `local` differs from the room's file chosen by
    // `owner` (the host's when `ownerIsHost`); empty when nothing differs.
    static QStringList differences(const protocol::MediaInfo &local,
                                   const protocol::MediaInfo &room, const QString &owner,
                                   bool ownerIsHost);

private:
    QString m_mediaUrl;
    std::optional<protocol::MediaInfo> m_info;
};

} // namespace lockstep::room
