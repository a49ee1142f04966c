#pragma once

#include <QFile>
#include <QObject>

#include <functional>

class QTimer;

namespace lockstep::room {

class RoomSession;

// --sync-log: once a second, and whenever the engine's activity changes or
// the room tells the user something, one JSON line about the sync engine
// (local and estimated server time, where the player is, where the timeline
// says it should be, and what correction is under way) and the room (in it,
// host or not, whether the host is listed, the last notice), for measuring a
// session after the fact.
class SyncLogger : public QObject
{
    Q_OBJECT

public:
    explicit SyncLogger(const RoomSession &session, QObject *parent = nullptr);

    bool open(const QString &path, QString *error);
    // What the window shows as subtitles (the track's name, empty for none),
    // for the lines' `subtitles` field.
    void setSubtitleSource(std::function<QString()> source) { m_subtitles = std::move(source); }
    // Writes one line now.
    void writeLine();

private:
    void onNotice(const QString &text);

    const RoomSession &m_session;
    QFile m_file;
    QTimer *m_timer;
    QString m_lastNotice;
    int m_notices = 0;
    std::function<QString()> m_subtitles;
};

} // namespace lockstep::room
