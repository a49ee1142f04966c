#include "SharedFiles.h"

#include <QFileInfo>

#include <algorithm>

namespace lockstep::server::media {

bool SharedFiles::offer(const QString &path)
{
    const QFileInfo info(path);
    if (!info.isFile() || !info.isReadable())
        return false;
    const QString canonical = info.canonicalFilePath();
    const auto it = std::find_if(m_files.begin(), m_files.end(),
                                 [&](const File &f) { return f.path == canonical; });
    const File file {canonical, info.fileName(), info.size()};
    if (it != m_files.end()) {
        if (it->name == file.name && it->size == file.size)
            return true;
        *it = file;
    } else {
        m_files.push_back(file);
    }
    emit changed();
    return true;
}

void SharedFiles::withdraw(const QString &path)
{
    const QString canonical = QFileInfo(path).canonicalFilePath();
    const auto end = std::remove_if(m_files.begin(), m_files.end(), [&](const File &f) {
        return f.path == canonical || f.path == path;
    });
    if (end == m_files.end())
        return;
    m_files.erase(end, m_files.end());
    emit changed();
}

void SharedFiles::clear()
{
    if (m_files.empty())
        return;
    m_files.clear();
    emit changed();
}

std::optional<QString> SharedFiles::pathFor(const std::optional<protocol::MediaInfo> &media) const
{
    if (!media || !media->size)
        return std::nullopt;
    for (const File &f : m_files) {
        if (f.name == media->name && f.size == *media->size)
            return f.path;
    }
    return std::nullopt;
}

bool SharedFiles::isOffered(const QString &path) const
{
    return std::any_of(m_files.begin(), m_files.end(),
                       [&](const File &f) { return f.path == path; });
}

void SharedFiles::offerSubtitles(QHash<QString, QByteArray> texts)
{
    m_subtitles = std::move(texts);
}

std::optional<QByteArray> SharedFiles::subtitleText(const QString &id) const
{
    const auto it = m_subtitles.constFind(id);
    if (it == m_subtitles.cend())
        return std::nullopt;
    return *it;
}

} // namespace lockstep::server::media
