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
    const auto it = m_index.find(clientId);
    return it == m_index.end() ? nullptr : &m_members[it->second];
}

const Member *Room::member(const QString &clientId) const
{
    const auto it = m_index.find(clientId);
    return it == m_index.end() ? nullptr : &m_members[it->second];
}

Member &Room::addMember(Member member)
{
    member.joinOrder = m_nextJoinOrder++;
    m_index[member.clientId] = m_members.size();
    m_members.push_back(std::move(member));
    return m_members.back();
}

std::optional<Member> Room::removeMember(const QString &clientId)
{
    const auto found = m_index.find(clientId);
    if (found == m_index.end())
        return std::nullopt;
    const std::size_t at = found->second;
    m_index.erase(found);
    Member removed = std::move(m_members[at]);
    m_members.erase(m_members.begin() + std::ptrdiff_t(at));
    for (std::size_t i = at; i < m_members.size(); ++i)
        m_index[m_members[i].clientId] = i;
    waitingFor.remove(clientId);
    return removed;
}

QList<Participant> Room::participants(int limit) const
{
    QList<Participant> list;
    const std::size_t count = std::min(m_members.size(), std::size_t(std::max(limit, 1)));
    list.reserve(qsizetype(count));
    for (std::size_t i = 0; i < count; ++i) {
        const Member *m = &m_members[i];
        if (i + 1 == count && count < m_members.size()) {
            // The host always appears: past the cut it takes the last place.
            if (const auto host = m_index.find(hostId);
                host != m_index.end() && host->second >= count)
                m = &m_members[host->second];
        }
        Participant p;
        p.clientId = m->clientId;
        p.name = m->name;
        p.isHost = m->clientId == hostId;
        p.playState = m->playState;
        p.driftMs = m->driftMs;
        p.rttMs = m->rttMs;
        p.ready = m->ready;
        list.append(std::move(p));
    }
    return list;
}

std::optional<double> Room::duration() const
{
    if (media && media->duration && *media->duration > 0.0)
        return media->duration;
    return std::nullopt;
}

std::optional<Departed> Room::takeDeparted(const QString &clientId, const QByteArray &resumeToken)
{
    const auto it = std::find_if(departed.begin(), departed.end(), [&](const Departed &d) {
        return d.clientId == clientId && d.resumeToken == resumeToken;
    });
    if (it == departed.end())
        return std::nullopt;
    Departed found = *it;
    departed.erase(it);
    return found;
}

void Room::dropDepartedBefore(double time)
{
    departed.erase(departed.begin(),
                   std::find_if(departed.begin(), departed.end(),
                                [time](const Departed &d) { return d.leftAt >= time; }));
}

bool Room::everyoneReady() const
{
    return std::all_of(m_members.cbegin(), m_members.cend(),
                       [](const Member &m) { return m.ready; });
}

TimelineState Room::stateAt(double t) const
{
    return {timeline.positionAt(t), timeline.state, timeline.speed};
}

RoomState Room::stateFor(const Member &member, double t, int listLimit) const
{
    RoomState state;
    state.room = m_id;
    state.hostId = hostId;
    state.mediaUrl = mediaUrl;
    state.options = m_options;
    state.state = stateAt(t);
    state.participants = participants(listLimit);
    state.participantCount = int(m_members.size());
    state.media = media;
    if (state.media)
        state.media->subtitles = subtitles;
    state.resumeToken = QString::fromLatin1(member.resumeToken);
    state.chat = QList<ChatEntry>(chat.cbegin(), chat.cend());
    state.playlist = playlist;
    return state;
}

void Room::setTimeline(const Timeline &next, double settle)
{
    timeline = next;
    for (Member &m : m_members)
        m.judgeAfter = next.at + settle + m.rttMs.value_or(0.0) / 1000.0;
}

} // namespace lockstep::server
