#pragma once

#include "protocol/Messages.h"

#include <QHash>
#include <QObject>
#include <QString>

#include <optional>
#include <vector>

namespace lockstep::server::media {

// The files the host's own app offers to its rooms' members (the in-process
// server only; a headless lockstep-server has none). A file is known to a
// room by its name and size, exactly as the room's `media` names it; the
// app offers a file before it names it to the room.
class SharedFiles : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    // Offers the local file at `path`; false (and nothing changes) when it
    // is not a readable regular file.
    bool offer(const QString &path);
    // Stops offering `path` (or everything); responses in flight for it close.
    void withdraw(const QString &path);
    void clear();

    // The offered file that `media` names (same name and size), if any.
    std::optional<QString> pathFor(const std::optional<protocol::MediaInfo> &media) const;
    bool isOffered(const QString &path) const;
    int count() const { return int(m_files.size()); }

    // The texts of the subtitle tracks the host shares, by track id, as
    // `GET /subtitles/<room>/<id>` serves them (the room's subtitles_update
    // names them). Replaces what was offered before.
    void offerSubtitles(QHash<QString, QByteArray> texts);
    std::optional<QByteArray> subtitleText(const QString &id) const;

signals:
    // Files were offered or withdrawn.
    void changed();

private:
    struct File {
        QString path;
        QString name;
        qint64 size = 0;
    };
    std::vector<File> m_files;
    QHash<QString, QByteArray> m_subtitles;
};

} // namespace lockstep::server::media
