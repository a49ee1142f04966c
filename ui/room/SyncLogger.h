#pragma once

#include <QFile>
#include <QObject>

class QTimer;

namespace lockstep::ui {

class RoomSession;

// --sync-log: once a second, one JSON line about the sync engine (local and
// estimated server time, where the player is, where the timeline says it
// should be, and what correction is under way), for measuring a session
// after the fact.
class SyncLogger : public QObject
{
    Q_OBJECT

public:
    explicit SyncLogger(const RoomSession &session, QObject *parent = nullptr);

    bool open(const QString &path, QString *error);
    // Writes one line now.
    void writeLine();

private:
    const RoomSession &m_session;
    QFile m_file;
    QTimer *m_timer;
};

} // namespace lockstep::ui
