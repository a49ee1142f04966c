#include "RoomController.h"

#include "PlaybackController.h"
#include "RoomSession.h"
#include "TimeFormat.h"

#include <QSaveFile>

namespace lockstep::room {

RoomController::RoomController(RoomSession &session, PlaybackController &playback, QObject *parent)
    : QObject(parent), m_session(session), m_playback(playback)
{
    connect(&session, &RoomSession::activeChanged, this, [this](bool active) {
        if (active)
            emit panelWanted();
    });
    connect(&session, &RoomSession::joined, this, &RoomController::onJoined);
    connect(&session, &RoomSession::participantJoined, this,
            [this](const QString &, const QString &name) {
                emit notice(tr("%1 joined").arg(name), false);
            });
    connect(&session, &RoomSession::participantLeft, this,
            [this](const QString &, const QString &name) {
                emit notice(tr("%1 left").arg(name), false);
            });
    connect(&session, &RoomSession::hostChanged, this, &RoomController::onHostChanged);
    connect(&session, &RoomSession::participantStopped, this,
            [this](const QString &, const QString &name, double position) {
                emit notice(tr("%1's copy ended at %2.").arg(name, formatMediaTime(position)),
                            false);
            });
    connect(&session, &RoomSession::resynced, this, [this](double position) {
        emit notice(tr("The room put you back in step, at %1.").arg(formatMediaTime(position)),
                    false);
    });
    connect(&session, &RoomSession::notice, this,
            [this](const QString &text) { emit notice(text, true); });
    connect(&session, &RoomSession::ended, this, &RoomController::onEnded);
    connect(&session, &RoomSession::inviteLinkChanged, this, &RoomController::writeInviteFile);
}

bool RoomController::host(const HostOptions &options, QString *error)
{
    if (!m_session.startServer(options, error))
        return false;
    m_playback.cancelAutoplay();
    emit panelWanted();
    // The room starts where the host is, once the media's length is known,
    // and plays on if the host was watching: hosting does not pause anyone.
    m_playback.whenSettled([this] {
        if (m_session.isHosting() && !m_session.connection().isActive())
            m_session.createRoom(m_playback.currentMedia(), m_playback.position(),
                                 m_playback.isPlayingIntent());
    });
    return true;
}

void RoomController::stopHosting()
{
    if (!m_session.isHosting())
        return;
    m_session.stopHosting();
}

void RoomController::leave()
{
    if (m_session.isHosting()) {
        stopHosting();
        return;
    }
    m_session.leave();
}

bool RoomController::othersWouldNotice() const
{
    return m_session.connection().participants().size() >= 2;
}

bool RoomController::resyncEveryone()
{
    if (!m_session.resyncEveryone())
        return false;
    emit notice(tr("You asked everyone to resync."), false);
    return true;
}

bool RoomController::canRetry() const
{
    return m_session.canRetry();
}

bool RoomController::retry()
{
    if (!m_session.retry())
        return false;
    emit notice(tr("Trying to reach the room again…"), false);
    return true;
}

void RoomController::dismissRetry()
{
    m_session.dismissRetry();
}

bool RoomController::handOverHost(const QString &clientId)
{
    if (clientId == m_session.connection().clientId())
        return false;
    return m_session.handOverHost(clientId);
}

void RoomController::onJoined(bool rejoined)
{
    if (rejoined) {
        emit notice(tr("Back in the room."), false);
        return;
    }
    emit panelWanted();
    emit notice(m_session.connection().isHost()
                    ? tr("Your room is open.")
                    : tr("You joined %1's room.")
                          .arg(m_session.connection().nameOf(m_session.connection().hostId())),
                false);
}

void RoomController::onHostChanged(const QString &hostId)
{
    if (hostId == m_session.connection().clientId())
        emit notice(tr("You are now the host."), false);
    else
        emit notice(tr("%1 is now the host.").arg(m_session.connection().nameOf(hostId)), false);
}

void RoomController::onEnded(const QString &message, bool onPurpose)
{
    emit ended(message, !onPurpose);
}

void RoomController::writeInviteFile(const QString &link)
{
    if (m_inviteFilePath.isEmpty() || link.isEmpty())
        return;
    QSaveFile file(m_inviteFilePath);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text)) {
        emit notice(
            tr("Cannot write the invite link to %1: %2").arg(m_inviteFilePath, file.errorString()),
            true);
        return;
    }
    file.write(link.toUtf8() + '\n');
    file.commit();
}

} // namespace lockstep::room
