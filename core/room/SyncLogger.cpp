#include "SyncLogger.h"

#include "RoomSession.h"
#include "sync/SyncController.h"

#include <QTimer>

#include <algorithm>
#include <cmath>

#include <nlohmann/json.hpp>

namespace lockstep::room {

namespace {

const char *activityName(sync::SyncActivity activity)
{
    switch (activity) {
    case sync::SyncActivity::NotInRoom:
        return "not_in_room";
    case sync::SyncActivity::NoMedia:
        return "no_media";
    case sync::SyncActivity::Paused:
        return "paused";
    case sync::SyncActivity::InSync:
        return "in_sync";
    case sync::SyncActivity::Nudging:
        return "nudging";
    case sync::SyncActivity::Seeking:
        return "seeking";
    case sync::SyncActivity::Buffering:
        return "buffering";
    }
    return "unknown";
}

const char *correctionName(sync::SyncActivity activity)
{
    switch (activity) {
    case sync::SyncActivity::Nudging:
        return "rate";
    case sync::SyncActivity::Seeking:
        return "seek";
    default:
        return "none";
    }
}

} // namespace

SyncLogger::SyncLogger(const RoomSession &session, QObject *parent)
    : QObject(parent), m_session(session), m_timer(new QTimer(this))
{
    m_timer->setInterval(1000);
    connect(m_timer, &QTimer::timeout, this, &SyncLogger::writeLine);
    connect(&session, &RoomSession::syncActivityChanged, this, &SyncLogger::writeLine);
    connect(&session, &RoomSession::notice, this, &SyncLogger::onNotice);
    connect(&session, &RoomSession::ended, this,
            [this](const QString &message, bool) { onNotice(message); });
}

void SyncLogger::onNotice(const QString &text)
{
    m_lastNotice = text;
    ++m_notices;
    writeLine();
}

bool SyncLogger::open(const QString &path, QString *error)
{
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text)) {
        if (error)
            *error = m_file.errorString();
        return false;
    }
    m_timer->start();
    return true;
}

void SyncLogger::writeLine()
{
    if (!m_file.isOpen())
        return;
    const sync::SyncSnapshot s = m_session.connection().syncSnapshot();
    const QString host = m_session.connection().hostId();
    const QList<protocol::Participant> &everyone = m_session.connection().participants();
    const bool hostListed = !host.isEmpty()
        && std::any_of(everyone.begin(), everyone.end(),
                       [&host](const protocol::Participant &p) { return p.clientId == host; });
    nlohmann::json line {
        {"local_time", s.localTime},
        {"server_time", s.serverTime},
        {"in_room", m_session.connection().inRoom()},
        {"position", s.position},
        {"expected", s.expected},
        {"error_ms", s.error * 1000.0},
        {"rate", s.rate},
        {"speed", s.speed},
        {"audio_delay_ms", std::lround(s.audioDelay * 1000.0)},
        {"offset_ms", s.offset * 1000.0},
        {"rtt_ms", s.rtt * 1000.0},
        {"activity", activityName(s.activity)},
        {"correction", correctionName(s.activity)},
        {"corrections", m_session.connection().correctionCount()},
        {"is_host", m_session.connection().inRoom() && m_session.connection().isHost()},
        {"hosting", m_session.isHosting()},
        {"host_stream", m_session.sharing().playsHostStream()},
        {"timeline_playing", m_session.connection().timelinePlaying()},
        {"participants", m_session.connection().participants().size()},
        {"host_listed", hostListed},
        {"notices", m_notices},
        {"last_notice", m_lastNotice.toStdString()},
        {"subtitles", m_subtitles ? m_subtitles().toStdString() : std::string()},
    };
    const std::string text = line.dump() + '\n';
    m_file.write(text.data(), qint64(text.size()));
    m_file.flush();
}

} // namespace lockstep::room
