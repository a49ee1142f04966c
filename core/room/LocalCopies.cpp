#include "LocalCopies.h"

#include "Settings.h"

#include <QDir>
#include <QFileInfo>

namespace lockstep::room {

QString LocalCopies::keyFor(const protocol::MediaInfo &room)
{
    if (room.name.isEmpty())
        return {};
    return room.size ? QStringLiteral("%1|%2").arg(room.name).arg(*room.size) : room.name;
}

QString LocalCopies::find(const protocol::MediaInfo &room) const
{
    const QString key = keyFor(room);
    if (key.isEmpty())
        return {};
    const QString remembered = m_settings.localCopy(key);
    if (!remembered.isEmpty() && QFileInfo(remembered).isFile())
        return remembered;
    // Only a plain file name can be looked for in a folder.
    if (room.name.contains(QLatin1Char('/')) || room.name.contains(QLatin1Char('\\'))
        || room.name == QLatin1String("..") || room.name == QLatin1String("."))
        return {};
    QStringList folders = m_settings.localCopyFolders();
    const QString last = m_settings.lastDirectory();
    if (!last.isEmpty() && !folders.contains(last))
        folders << last;
    for (const QString &folder : std::as_const(folders)) {
        const QFileInfo candidate(QDir(folder).filePath(room.name));
        if (candidate.isFile() && (!room.size || candidate.size() == *room.size))
            return candidate.absoluteFilePath();
    }
    return {};
}

void LocalCopies::remember(const protocol::MediaInfo &room, const QString &path)
{
    const QFileInfo file(path);
    if (!file.isFile())
        return;
    m_settings.setLocalCopy(keyFor(room), file.absoluteFilePath());
}

} // namespace lockstep::room
