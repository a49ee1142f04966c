#pragma once

#include "protocol/Messages.h"

#include <QString>

namespace lockstep::room {

class Settings;

// Which of this user's files is their copy of a room's file, so that each is
// chosen once: a copy picked for a room (or a file the user put in the room
// themselves) is remembered by the room's name and size for the file, and
// found again the next time any room plays it, even under another name. A
// file never chosen is still found when one of the same name and size sits
// in a folder where earlier copies were: pick the first episode of a series,
// and the others follow.
class LocalCopies
{
public:
    explicit LocalCopies(Settings &settings) : m_settings(settings) { }

    // What identifies a room's file: its name and, when known, its size.
    static QString keyFor(const protocol::MediaInfo &room);

    // The path of our copy of the room's file, or empty when there is none.
    QString find(const protocol::MediaInfo &room) const;
    void remember(const protocol::MediaInfo &room, const QString &path);

private:
    Settings &m_settings;
};

} // namespace lockstep::room
