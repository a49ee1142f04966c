#pragma once

#include <QObject>
#include <QString>

class QTimer;

namespace lockstep::room {

class PlaybackController;
class RoomSession;

// What the status bar says about the room: the connection ("Hosting · 3
// watching", "Reconnecting…"), the round trip, the clock offset, this
// player's drift and what the sync engine is doing ("In sync", "Adjusting
// speed (1.020×)"). Refreshed on every change of the room and twice a second
// for the figures that move on their own.
class StatusController : public QObject
{
    Q_OBJECT

public:
    struct Status {
        QString connection;
        // Shown in a room only; the drift only once there is media to drift.
        QString rtt;
        QString offset;
        QString drift;
        QString activity;
        // Shown while not 1x / while set, in a room or not.
        QString speed;
        QString audioDelay;
        bool inRoom = false;
        bool showDrift = false;
    };
    static constexpr int kRefreshMs = 500;

    StatusController(const RoomSession &session, const PlaybackController &playback,
                     QObject *parent = nullptr);

    const Status &status() const { return m_status; }
    // Recomputes the status now; changed() follows when it differs.
    void refresh();

signals:
    void changed(const lockstep::room::StatusController::Status &status);

private:
    QString connectionText() const;

    const RoomSession &m_session;
    const PlaybackController &m_playback;
    QTimer *m_timer;
    Status m_status;
};

} // namespace lockstep::room
