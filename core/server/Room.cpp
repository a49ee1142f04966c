#include "Room.h"

#include <algorithm>

namespace lockstep::server {

using namespace protocol;

Room::Room(QString id, Json options, RoomOptions typed, double now)
    : emptySince(now), m_id(std::move(id)), m_options(std::move(options)), m_typed(typed)
{
    timeline.at = now;
}

Member *Room::member(const QString &clientId)
{
    const auto it = std::find_if(m_members.begin(), m_members.end(),
                                 [&](const Member &m) { return m.clientId == clientId; });
    return it == m_members.end() ? nullptr : &*it;
}

Member &Room::addMember(Member member)
{
    member.joinOrder = m_nextJoinOrder++;
    m_members.push_back(std::move(member));
    return m_members.back();
}

std::optional<Member> Room::removeMember(const QString &clientId)
{
    const auto it = std::find_if(m_members.begin(), m_members.end(),
                                 [&](const Member &m) { return m.clientId == clientId; });
    if (it == m_members.end())
        return std::nullopt;
    Member removed = std::move(*it);
    m_members.erase(it);
    waitingFor.remove(clientId);
    return removed;
}

QList<Participant> Room::participants() const
{
    QList<Participant> list;
    list.reserve(qsizetype(m_members.size()));
    for (const Member &m : m_members) {
        Participant p;
        p.clientId = m.clientId;
        p.name = m.name;
        p.isHost = m.clientId == hostId;
        p.playState = m.playState;
        p.driftMs = m.driftMs;
        p.rttMs = m.rttMs;
        list.append(std::move(p));
    }
    return list;
}

TimelineState Room::stateAt(double t) const
{
    return {timeline.positionAt(t), timeline.state};
}

RoomState Room::stateFor(const Member &member, double t) const
{
    RoomState state;
    state.room = m_id;
    state.hostId = hostId;
    state.mediaUrl = mediaUrl;
    state.options = m_options;
    state.state = stateAt(t);
    state.participants = participants();
    state.participantCount = int(m_members.size());
    state.media = media;
    state.resumeToken = QString::fromLatin1(member.resumeToken);
    return state;
}

void Room::setTimeline(const Timeline &next, double settle)
{
    timeline = next;
    for (Member &m : m_members)
        m.judgeAfter = next.at + settle + m.rttMs.value_or(0.0) / 1000.0;
}

} // namespace lockstep::server
