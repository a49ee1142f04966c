#include "StatusController.h"

#include "PlaybackController.h"
#include "RoomSession.h"
#include "TimeFormat.h"
#include "sync/SyncController.h"

#include <QLocale>
#include <QTimer>

namespace lockstep::room {

namespace {

bool operator==(const StatusController::Status &a, const StatusController::Status &b)
{
    return a.connection == b.connection && a.rtt == b.rtt && a.offset == b.offset
        && a.drift == b.drift && a.activity == b.activity && a.inRoom == b.inRoom
        && a.showDrift == b.showDrift && a.speed == b.speed && a.audioDelay == b.audioDelay;
}

} // namespace

StatusController::StatusController(const RoomSession &session, const PlaybackController &playback,
                                   QObject *parent)
    : QObject(parent), m_session(session), m_playback(playback), m_timer(new QTimer(this))
{
    m_timer->setInterval(kRefreshMs);
    connect(m_timer, &QTimer::timeout, this, &StatusController::refresh);
    m_timer->start();
    const auto refreshNow = [this] { refresh(); };
    connect(&session, &RoomSession::stateChanged, this, refreshNow);
    connect(&session, &RoomSession::activeChanged, this, refreshNow);
    connect(&session, &RoomSession::participantsChanged, this, refreshNow);
    connect(&session, &RoomSession::hostingChanged, this, refreshNow);
    connect(&session, &RoomSession::syncActivityChanged, this, refreshNow);
    connect(&session, &RoomSession::ended, this, refreshNow);
    connect(&session, &RoomSession::speedChanged, this, refreshNow);
    connect(&playback, &PlaybackController::mediaChanged, this, refreshNow);
    m_status.connection = connectionText();
}

QString StatusController::connectionText() const
{
    using State = RoomSession::State;
    switch (m_session.connection().state()) {
    case State::Idle:
        return tr("Not in a room");
    case State::Connecting:
        return tr("Connecting…");
    case State::Joining:
        return tr("Entering the room…");
    case State::InRoom: {
        const QString room = m_session.isHosting()
            ? tr("Hosting · %1 watching").arg(m_session.connection().participants().size())
            : tr("In a room · %1 watching").arg(m_session.connection().participants().size());
        // Only where the server showed the certificate its invite names.
        return m_session.connection().connectionVerified()
            ? tr("%1 · Encrypted and verified").arg(room)
            : room;
    }
    case State::Reconnecting:
        return tr("Reconnecting…");
    }
    return {};
}

void StatusController::refresh()
{
    Status status;
    status.connection = connectionText();
    status.inRoom = m_session.connection().inRoom();
    status.showDrift
        = status.inRoom && m_session.connection().hasTimeline() && m_playback.isLoaded();
    if (std::abs(m_session.connection().speed() - 1.0) > 1e-9)
        status.speed = tr("Speed %1").arg(formatSpeed(m_session.connection().speed()));
    if (m_session.connection().audioDelay() > 0.0) {
        status.audioDelay
            = tr("Sound delay %1")
                  .arg(formatMilliseconds(m_session.connection().audioDelay() * 1000.0, false));
    }
    if (status.inRoom) {
        const sync::SyncSnapshot snapshot = m_session.connection().syncSnapshot();
        status.rtt = tr("RTT %1").arg(formatMilliseconds(snapshot.rtt * 1000.0, false));
        status.offset = tr("Clock %1").arg(formatMilliseconds(snapshot.offset * 1000.0));
        status.drift = tr("Drift %1").arg(formatMilliseconds(snapshot.error * 1000.0));
        switch (snapshot.activity) {
        case sync::SyncActivity::NotInRoom:
            status.activity = tr("Not synced");
            break;
        case sync::SyncActivity::NoMedia:
            status.activity = tr("No media");
            break;
        case sync::SyncActivity::Paused:
            status.activity = tr("Paused with the room");
            break;
        case sync::SyncActivity::InSync:
            status.activity = tr("In sync");
            break;
        case sync::SyncActivity::Nudging:
            status.activity
                = tr("Adjusting speed (%1×)").arg(QLocale().toString(snapshot.rate, 'f', 3));
            break;
        case sync::SyncActivity::Seeking:
            status.activity = tr("Catching up");
            break;
        case sync::SyncActivity::Buffering:
            status.activity = tr("Buffering");
            break;
        }
    }
    if (status == m_status)
        return;
    m_status = status;
    emit changed(m_status);
}

} // namespace lockstep::room
