#include "ServerCore.h"

#include "protocol/CloseCode.h"

#include "auth/TokenService.h"
#include "protocol/Clock.h"
#include "server/media/SharedFiles.h"

#include <QLoggingCategory>
#include <QRandomGenerator>

#include <cmath>

Q_LOGGING_CATEGORY(lcServer, "lockstep.server", QtInfoMsg)

namespace lockstep::server {

using namespace protocol;

namespace {

constexpr quint16 kClosePolicyViolation = closeCodeValue(CloseCode::PolicyViolation);
constexpr quint16 kCloseTooBig = closeCodeValue(CloseCode::TooBig);
constexpr quint16 kCloseReplaced = closeCodeValue(CloseCode::Replaced);
constexpr quint16 kCloseServerFull = closeCodeValue(CloseCode::ServerFull);

// Unguessable ids for rooms and resume tokens: 96 random bits, URL-safe.
QByteArray randomToken()
{
    QByteArray bytes(12, Qt::Uninitialized);
    QRandomGenerator::system()->generate(bytes.begin(), bytes.end());
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QString describe(PlayerAction action, double position, double speed)
{
    const QString what = QStringLiteral("%1 at %2 s")
                             .arg(QString::fromUtf8(playerActionName(action).data()))
                             .arg(position, 0, 'f', 3);
    return action == PlayerAction::Speed ? what + QStringLiteral(" to %1x").arg(speed) : what;
}

} // namespace

struct ServerCore::Connection {
    QString peer;
    QString room; // bound room, empty before create/join
    QString client; // bound client id
    double openedAt = 0.0;
    bool engaged = false; // created, joined or pinged: not idle
    bool closing = false;
    double tokens = 0.0;
    double refilledAt = 0.0;
    double floodScore = 0.0;
    double floodAt = 0.0;
};

ServerCore::ServerCore(const ServerLimits &limits, const protocol::Clock &clock,
                       auth::TokenService &tokens, Transport &transport, QObject *parent)
    : QObject(parent), m_limits(limits), m_clock(clock), m_tokens(tokens), m_transport(transport),
      m_lastTickAt(clock.now())
{
}

void ServerCore::noticeStall(double now)
{
    const double gap = now - m_lastTickAt;
    if (gap <= m_limits.stallThreshold)
        return;
    qCWarning(lcServer).noquote() << "the server did not run for" << gap
                                  << "s; reports sent meanwhile are not judged";
    m_lastTickAt = now;
    for (auto &[id, room] : m_rooms) {
        for (Member &m : room->members()) {
            m.judgeAfter = std::max(m.judgeAfter,
                                    now + m_limits.resyncSettle + m.rttMs.value_or(0.0) / 1000.0);
        }
    }
}

ServerCore::~ServerCore() = default;

QStringList ServerCore::roomIds() const
{
    QStringList ids;
    for (const auto &[id, room] : m_rooms)
        ids.append(id);
    ids.sort();
    return ids;
}

const Room *ServerCore::room(const QString &id) const
{
    const auto it = m_rooms.find(id);
    return it == m_rooms.end() ? nullptr : it->second.get();
}

// ---------------------------------------------------------------- connections

void ServerCore::connectionOpened(ConnectionId id, const QString &peer)
{
    const double now = m_clock.now();
    Connection connection;
    connection.peer = peer;
    connection.openedAt = now;
    connection.tokens = m_limits.rateLimitBurst;
    connection.refilledAt = now;
    connection.floodAt = now;
    m_connections.emplace(id, std::move(connection));
    qCInfo(lcServer).noquote() << "connection" << id << "opened from" << peer;
    if (int(m_connections.size()) > m_limits.maxConnections) {
        sendError(id, ErrorCode::RateLimited,
                  QStringLiteral("The server is full; try again later."));
        m_connections[id].closing = true;
        m_transport.closeConnection(id, kCloseServerFull, QStringLiteral("Server full"));
    }
    emit connectionCountChanged(int(m_connections.size()));
}

void ServerCore::connectionClosed(ConnectionId id)
{
    const auto it = m_connections.find(id);
    if (it == m_connections.end())
        return;
    leaveRoom(it->second);
    qCInfo(lcServer).noquote() << "connection" << id << "closed";
    m_connections.erase(it);
    emit connectionCountChanged(int(m_connections.size()));
}

void ServerCore::closeAll(quint16 code, const QString &reason)
{
    std::vector<ConnectionId> ids;
    ids.reserve(m_connections.size());
    for (auto &[id, connection] : m_connections) {
        connection.closing = true;
        ids.push_back(id);
    }
    for (const ConnectionId id : ids)
        m_transport.closeConnection(id, code, reason);
}

bool ServerCore::admitFrame(ConnectionId id, Connection &c)
{
    const double now = m_clock.now();
    c.tokens = std::min(m_limits.rateLimitBurst,
                        c.tokens + (now - c.refilledAt) * m_limits.rateLimitPerSecond);
    c.refilledAt = now;
    if (c.tokens >= 1.0) {
        c.tokens -= 1.0;
        return true;
    }
    // Dropped frames decay at the sustained rate; a connection that keeps
    // flooding past that is closed.
    c.floodScore
        = std::max(0.0, c.floodScore - (now - c.floodAt) * m_limits.rateLimitPerSecond) + 1.0;
    c.floodAt = now;
    if (c.floodScore > m_limits.floodCloseScore) {
        qCWarning(lcServer).noquote() << "connection" << id << "closed for flooding";
        c.closing = true;
        m_transport.closeConnection(id, kClosePolicyViolation, QStringLiteral("Flooding"));
        return false;
    }
    sendError(id, ErrorCode::RateLimited,
              QStringLiteral("Too many messages: at most %1 per second; this one was dropped.")
                  .arg(m_limits.rateLimitPerSecond));
    return false;
}

void ServerCore::binaryReceived(ConnectionId id, qsizetype size)
{
    const auto it = m_connections.find(id);
    if (it == m_connections.end() || it->second.closing || !admitFrame(id, it->second))
        return;
    if (std::size_t(size) > m_limits.maxFrameBytes) {
        messageTooLarge(id);
        return;
    }
    sendError(id, ErrorCode::BadRequest,
              QStringLiteral("Binary frames are not part of the protocol; send JSON text frames."));
}

void ServerCore::messageTooLarge(ConnectionId id)
{
    const auto it = m_connections.find(id);
    if (it == m_connections.end() || it->second.closing)
        return;
    sendError(id, ErrorCode::TooLarge,
              QStringLiteral("The frame is larger than %1 bytes.").arg(m_limits.maxFrameBytes));
    it->second.closing = true;
    m_transport.closeConnection(id, kCloseTooBig, QStringLiteral("Frame too large"));
}

void ServerCore::textReceived(ConnectionId id, QByteArrayView frame)
{
    const auto it = m_connections.find(id);
    if (it == m_connections.end() || it->second.closing)
        return;
    Connection &connection = it->second;
    if (!admitFrame(id, connection))
        return;
    noticeStall(m_clock.now());
    DecodeResult decoded = decode(frame, DecodeOptions {m_limits.maxFrameBytes});
    if (!decoded) {
        const ProtocolError &error = decoded.error();
        if (error.code == ErrorCode::TooLarge) {
            messageTooLarge(id);
            return;
        }
        sendError(id, error.code, error.message);
        return;
    }
    handle(id, connection, std::move(decoded.envelope()));
}

// ---------------------------------------------------------------- dispatch

void ServerCore::handle(ConnectionId id, Connection &c, Envelope e)
{
    if (const auto *ping = e.as<Ping>()) {
        c.engaged = true;
        send(id, Pong {ping->clientTs}, c.room, c.client);
        return;
    }
    if (e.as<CreateRoom>()) {
        handleCreateRoom(id, c, e);
        return;
    }
    if (e.as<JoinRoom>()) {
        handleJoinRoom(id, c, e);
        return;
    }
    const bool clientToServer = e.as<PlayerEvent>() || e.as<StateUpdate>() || e.as<ForceResync>()
        || e.as<HostChange>() || e.as<CreateInvite>() || e.as<MediaChange>() || e.as<ChatMessage>()
        || e.as<PlaylistUpdate>() || e.as<ReadyState>() || e.as<SubtitlesUpdate>();
    if (!clientToServer) {
        sendError(id, ErrorCode::BadRequest,
                  QStringLiteral("'%1' is sent by the server, not to it.")
                      .arg(QString::fromUtf8(e.typeName().data())));
        return;
    }
    const auto roomIt = m_rooms.find(c.room);
    Member *member = roomIt == m_rooms.end() ? nullptr : roomIt->second->member(c.client);
    if (!member) {
        sendError(id, ErrorCode::NotInRoom, QStringLiteral("Create or join a room first."));
        return;
    }
    Room &room = *roomIt->second;
    if (const auto *m = e.as<PlayerEvent>()) {
        if (!mayControl(room, *member)) {
            sendError(id, ErrorCode::Forbidden,
                      QStringLiteral("Only the host controls playback in this room."));
            return;
        }
        handlePlayerEvent(room, *member, *m);
    } else if (const auto *m = e.as<StateUpdate>()) {
        handleStateUpdate(room, *member, *m);
    } else if (e.as<ForceResync>()) {
        handleForceResync(id, room, *member);
    } else if (const auto *m = e.as<HostChange>()) {
        handleHostChange(id, room, *member, *m);
    } else if (const auto *m = e.as<CreateInvite>()) {
        handleCreateInvite(id, room, *member, *m);
    } else if (const auto *m = e.as<MediaChange>()) {
        handleMediaChange(id, room, *member, *m);
    } else if (const auto *m = e.as<ChatMessage>()) {
        handleChatMessage(id, room, *member, *m);
    } else if (const auto *m = e.as<PlaylistUpdate>()) {
        handlePlaylistUpdate(id, room, *member, *m);
    } else if (const auto *m = e.as<ReadyState>()) {
        handleReadyState(room, *member, *m);
    } else if (const auto *m = e.as<SubtitlesUpdate>()) {
        handleSubtitlesUpdate(id, room, *member, *m);
    }
}

void ServerCore::handleCreateRoom(ConnectionId id, Connection &c, const Envelope &e)
{
    const auto &m = *e.as<CreateRoom>();
    const double now = m_clock.now();
    if (!c.room.isEmpty()) {
        sendError(id, ErrorCode::AlreadyInRoom,
                  QStringLiteral("This connection is already in a room."));
        return;
    }
    if (m.hostId && *m.hostId != e.client) {
        sendError(id, ErrorCode::BadRequest,
                  QStringLiteral("create_room: 'host_id' must be the creator's own client id."));
        return;
    }
    if (m.name && m.name->toUcs4().size() > m_limits.maxNameLength) {
        sendError(id, ErrorCode::BadRequest,
                  QStringLiteral("create_room: the name must be at most %1 characters.")
                      .arg(m_limits.maxNameLength));
        return;
    }
    ProtocolError optionsError;
    const auto typed = RoomOptions::fromJson(m.options, &optionsError);
    if (!typed) {
        sendError(id, optionsError.code, optionsError.message);
        return;
    }
    if (m_tokens.authRequired()) {
        if (!m.authToken) {
            sendError(id, ErrorCode::AuthRequired,
                      QStringLiteral("This server requires an auth token to create a room."));
            return;
        }
        const auto verified = m_tokens.verifyAuthToken(*m.authToken, now);
        if (const auto *error = std::get_if<ProtocolError>(&verified)) {
            sendError(id, error->code, error->message);
            return;
        }
        const auto &user = std::get<auth::UserClaims>(verified);
        if (!user.room.isEmpty() && user.room != e.room) {
            sendError(id, ErrorCode::AuthInvalid,
                      QStringLiteral("The auth token is for another room."));
            return;
        }
    }
    if (!e.room.isEmpty() && m_rooms.count(e.room)) {
        sendError(id, ErrorCode::RoomExists, QStringLiteral("A room with this id already exists."));
        return;
    }
    if (int(m_rooms.size()) >= m_limits.maxRooms) {
        sendError(id, ErrorCode::Forbidden,
                  QStringLiteral("This server already holds its limit of %1 rooms.")
                      .arg(m_limits.maxRooms));
        return;
    }

    QString roomId = e.room;
    while (roomId.isEmpty() || m_rooms.count(roomId))
        roomId = QString::fromLatin1(randomToken());
    auto room = std::make_unique<Room>(roomId, m.options, *typed, now);
    room->hostId = e.client;
    room->mediaUrl = m.mediaUrl;
    room->media = m.media;
    refreshStream(*room);
    room->timeline = Timeline {m.startPos, PlayState::Paused, now};
    Member creator;
    creator.clientId = e.client;
    creator.name = m.name.value_or(e.client);
    creator.connection = id;
    creator.resumeToken = randomToken();
    Member &host = room->addMember(std::move(creator));
    room->lastParticipantsAt = now;

    c.room = roomId;
    c.client = e.client;
    c.engaged = true;
    Room &ref = *room;
    m_rooms.emplace(roomId, std::move(room));
    qCInfo(lcServer).noquote() << "room" << roomId << "created by" << e.client << "on connection"
                               << id;

    send(id, roomStateFor(ref, host, now, std::numeric_limits<int>::max()), roomId, e.client, now);
    emit roomCreated(roomId);
    emit participantsChanged(roomId, ref.participants());
}

ServerCore::Credentials ServerCore::verifyCredentials(const JoinRoom &m, const QString &room,
                                                      double now) const
{
    Credentials c;
    if (m.inviteToken) {
        const auto invite = m_tokens.verifyInvite(*m.inviteToken, room, now);
        if (const auto *error = std::get_if<ProtocolError>(&invite))
            c.inviteError = *error;
        else
            c.inviteValid = true;
    }
    // Without JWT_SECRET an auth token grants nothing, so it is not read.
    if (m.authToken && m_tokens.authRequired()) {
        const auto user = m_tokens.verifyAuthToken(*m.authToken, now);
        if (const auto *error = std::get_if<ProtocolError>(&user)) {
            c.userError = *error;
        } else {
            c.userValid = true;
            c.userRoom = std::get<auth::UserClaims>(user).room;
        }
    }
    return c;
}

// Who may enter: an invite for this room always works; otherwise a server
// with JWT_SECRET wants an auth token (for this room, if it names one), and an
// invite-only room an invite. The first reason given is the most specific.
std::optional<ProtocolError> ServerCore::admissionRefusal(const Room &room,
                                                          const Credentials &c) const
{
    if (c.inviteValid)
        return std::nullopt;
    const bool inviteOnly = room.typedOptions().inviteOnly;
    if (!inviteOnly) {
        if (!m_tokens.authRequired())
            return std::nullopt; // an open room: a stale invite in the link does not matter
        if (c.userValid && (c.userRoom.isEmpty() || c.userRoom == room.id()))
            return std::nullopt;
    }
    if (c.inviteError)
        return c.inviteError;
    if (!inviteOnly && c.userError)
        return c.userError;
    if (!inviteOnly && c.userValid)
        return ProtocolError {ErrorCode::AuthInvalid,
                              QStringLiteral("The auth token is for another room.")};
    return inviteOnly
        ? ProtocolError {ErrorCode::AuthRequired,
                         QStringLiteral("This room is invite-only: join with an invite.")}
        : ProtocolError {ErrorCode::AuthRequired,
                         QStringLiteral("This server requires an auth token or an invite to join "
                                        "a room.")};
}

void ServerCore::handleJoinRoom(ConnectionId id, Connection &c, const Envelope &e)
{
    const auto &m = *e.as<JoinRoom>();
    const double now = m_clock.now();
    if (!c.room.isEmpty()) {
        sendError(id, ErrorCode::AlreadyInRoom,
                  QStringLiteral("This connection is already in a room."));
        return;
    }
    if (m.name.toUcs4().size() > m_limits.maxNameLength) {
        sendError(id, ErrorCode::BadRequest,
                  QStringLiteral("join_room: the name must be at most %1 characters.")
                      .arg(m_limits.maxNameLength));
        return;
    }
    // Each token is verified once; the admission rule below reads the result.
    const Credentials credentials = verifyCredentials(m, e.room, now);
    // On a server that wants credentials, nobody learns which rooms exist
    // without presenting some: they are checked before the room is looked up.
    if (m_tokens.authRequired() && !credentials.inviteValid && !credentials.userValid) {
        sendError(id,
                  credentials.inviteError.value_or(credentials.userError.value_or(ProtocolError {
                      ErrorCode::AuthRequired,
                      QStringLiteral("This server requires an auth token or an invite to join a "
                                     "room.")})));
        return;
    }
    const auto roomIt = m_rooms.find(e.room);
    if (roomIt == m_rooms.end()) {
        sendError(id, ErrorCode::RoomNotFound, QStringLiteral("There is no room with this id."));
        return;
    }
    Room &room = *roomIt->second;
    // A member that left within the resume grace comes back as itself: its
    // resume token shows it was let in, so an invite-only room needs no new invite.
    const auto resumeGraceStart = m_clock.now() - m_limits.resumeGrace;
    room.dropDepartedBefore(resumeGraceStart);
    std::optional<Departed> returning;
    if (m.resumeToken && !room.member(e.client))
        returning = room.takeDeparted(e.client, m.resumeToken->toLatin1());
    if (!returning) {
        if (const std::optional<ProtocolError> refusal = admissionRefusal(room, credentials)) {
            sendError(id, *refusal);
            return;
        }
    }

    bool resumed = false;
    if (Member *existing = room.member(e.client)) {
        // A live client id may only be taken over by its own resume token
        // (the client reconnected before the server noticed the old link drop).
        if (!m.resumeToken || m.resumeToken->toLatin1() != existing->resumeToken) {
            sendError(id, ErrorCode::ClientIdTaken,
                      QStringLiteral("Someone in this room already uses this client id."));
            return;
        }
        const ConnectionId old = existing->connection;
        existing->connection = id;
        if (existing->name != m.name) {
            // A new name on the way back in: everyone's list shows it.
            existing->name = m.name;
            markParticipantsDirty(room, e.client);
        }
        if (const auto oldIt = m_connections.find(old); oldIt != m_connections.end()) {
            oldIt->second.room.clear();
            oldIt->second.client.clear();
            oldIt->second.closing = true;
            m_transport.closeConnection(old, kCloseReplaced, QStringLiteral("Replaced"));
        }
        resumed = true;
        qCInfo(lcServer).noquote()
            << e.client << "resumed in room" << room.id() << "on connection" << id;
    } else {
        const int cap
            = std::min(m_limits.maxParticipants,
                       room.typedOptions().maxParticipants.value_or(m_limits.maxParticipants));
        if (int(room.members().size()) >= cap) {
            sendError(id, ErrorCode::RoomFull,
                      QStringLiteral("The room is full (%1 participants).").arg(cap));
            return;
        }
        Member member;
        member.clientId = e.client;
        member.name = m.name;
        member.connection = id;
        member.resumeToken = returning ? returning->resumeToken : randomToken();
        member.ready = returning && returning->ready;
        member.judgeAfter = now + m_limits.resyncSettle;
        room.addMember(std::move(member));
        if (room.hostId.isEmpty())
            room.hostId = e.client;
        if (returning && returning->wasHost && room.hostId != e.client) {
            // The host's link dropped (its process was stopped, say) and the
            // role passed on only for that: it is the host again.
            const QString previous = room.hostId;
            room.hostId = e.client;
            qCInfo(lcServer).noquote() << "room" << room.id() << "host role back to" << e.client;
            broadcast(room, HostChange {e.client}, previous, e.client);
        }
        qCInfo(lcServer).noquote()
            << e.client << "joined room" << room.id() << "on connection" << id;
    }
    c.room = room.id();
    c.client = e.client;
    c.engaged = true;

    send(id, roomStateFor(room, *room.member(e.client), now, m_limits.largeRoom), room.id(),
         e.client, now);
    if (!resumed) {
        announce(room, ClientJoined {m.name}, e.client);
        markParticipantsDirty(room, e.client);
    }
}

void ServerCore::leaveRoom(Connection &c)
{
    if (c.room.isEmpty())
        return;
    const auto roomIt = m_rooms.find(c.room);
    const QString clientId = c.client;
    c.room.clear();
    c.client.clear();
    if (roomIt == m_rooms.end())
        return;
    Room &room = *roomIt->second;
    const auto removed = room.removeMember(clientId);
    if (!removed)
        return;
    const double now = m_clock.now();
    qCInfo(lcServer).noquote() << clientId << "left room" << room.id();
    const bool wasHost = room.hostId == clientId;
    room.dropDepartedBefore(now - m_limits.resumeGrace);
    // Only the latest departed host has a claim on the role.
    for (Departed &d : room.departed)
        d.wasHost = d.wasHost && !wasHost;
    room.departed.push_back(
        Departed {clientId, removed->resumeToken, removed->ready, wasHost, now});
    announce(room, ClientLeft {removed->name}, clientId);
    if (room.hostId == clientId) {
        room.hostId = room.isEmpty() ? QString() : room.members().front().clientId;
        if (!room.hostId.isEmpty()) {
            qCInfo(lcServer).noquote() << "room" << room.id() << "host is now" << room.hostId;
            broadcast(room, HostChange {room.hostId}, room.hostId);
        }
    }
    if (room.isEmpty()) {
        room.emptySince = now;
        emit participantsChanged(room.id(), {});
        return;
    }
    if (room.autoPaused && room.waitingFor.isEmpty()) {
        room.autoPaused = false;
        applyTimeline(room, Timeline {room.timeline.position, PlayState::Playing, now});
        relayPlayerEvent(room, room.hostId, PlayerAction::Play, room.timeline.position, {});
    }
    // A member that was not ready leaving may be the one everyone waited for.
    startIfEveryoneReady(room);
    markParticipantsDirty(room);
}

void ServerCore::setSharedFiles(media::SharedFiles *files)
{
    if (m_shared)
        m_shared->disconnect(this);
    m_shared = files;
    if (!m_shared)
        return;
    // A withdrawn file stops its rooms' streams at once; an offer applies
    // from the next time a room names the file.
    connect(m_shared, &media::SharedFiles::changed, this, [this] {
        for (auto &[id, room] : m_rooms) {
            if (!room->media || !room->media->stream)
                continue;
            refreshStream(*room);
            if (!room->media->stream) {
                qCInfo(lcServer).noquote() << "room" << id << "no longer offers its file";
                emit roomMediaChanged(id);
            }
        }
    });
}

std::optional<QByteArray> ServerCore::sharedSubtitleText(const QString &id,
                                                         const QString &track) const
{
    if (!m_shared || !sharedSubtitle(id, track))
        return std::nullopt;
    return m_shared->subtitleText(track);
}

std::optional<QString> ServerCore::sharedPath(const QString &id) const
{
    const Room *r = room(id);
    if (!m_shared || !r || !r->media || !r->media->stream)
        return std::nullopt;
    return m_shared->pathFor(r->media);
}

bool ServerCore::isMember(const QString &roomId, const QString &client) const
{
    const Room *r = room(roomId);
    return r && r->member(client) != nullptr;
}

RoomState ServerCore::roomStateFor(const Room &room, const Member &member, double now,
                                   int listLimit) const
{
    RoomState state = room.stateFor(member, now, listLimit);
    if (m_shared)
        state.mediaToken = m_tokens.issueMediaToken(room.id(), member.clientId, now);
    return state;
}

void ServerCore::refreshStream(Room &room)
{
    if (room.media)
        room.media->stream = m_shared && m_shared->pathFor(room.media).has_value();
}

void ServerCore::removeRoom(const QString &id)
{
    if (m_rooms.erase(id)) {
        qCInfo(lcServer).noquote() << "room" << id << "removed";
        emit roomMediaChanged(id);
        emit roomRemoved(id);
    }
}

// ---------------------------------------------------------------- playback

bool ServerCore::mayControl(const Room &room, const Member &member) const
{
    return room.typedOptions().control == ControlMode::Everyone || member.clientId == room.hostId;
}

void ServerCore::applyTimeline(Room &room, Timeline timeline)
{
    // The speed is the room's: it stays across every change but its own.
    timeline.speed = room.timeline.speed;
    room.setTimeline(timeline, m_limits.resyncSettle);
}

void ServerCore::relayPlayerEvent(Room &room, const QString &from, PlayerAction action,
                                  double position, const QString &except)
{
    PlayerEvent event {action, position};
    if (action == PlayerAction::Speed)
        event.speed = room.timeline.speed;
    // Stamped with the time the timeline changed: the reference time of `position`.
    broadcast(room, event, from, except, room.timeline.at);
}

void ServerCore::handlePlayerEvent(Room &room, Member &sender, const PlayerEvent &event)
{
    const double now = m_clock.now();
    // Nothing plays past the end: a play or seek beyond it lands on it.
    const std::optional<double> duration = room.duration();
    const double position = duration ? std::min(event.position, *duration) : event.position;
    // A person's own action ends any automatic wait or start.
    room.autoStartAt.reset();
    if (event.action == PlayerAction::Play && room.typedOptions().startWhenReady
        && !room.everyoneReady()) {
        room.heldPlay = position;
        const auto waiting = std::count_if(room.members().cbegin(), room.members().cend(),
                                           [](const Member &m) { return !m.ready; });
        sendError(sender.connection, ErrorCode::WaitingForReady,
                  QStringLiteral("The room starts when everyone is ready; %1 not ready yet.")
                      .arg(waiting));
        return;
    }
    if (event.action == PlayerAction::Pause)
        room.heldPlay.reset();
    else if (room.heldPlay)
        room.heldPlay = position; // a seek moves where the held play will start
    Timeline next {position, room.timeline.state, now};
    if (event.action == PlayerAction::Play)
        next.state = PlayState::Playing;
    else if (event.action == PlayerAction::Pause)
        next.state = PlayState::Paused;
    room.autoPaused = false;
    room.waitingFor.clear();
    if (event.action == PlayerAction::Speed && event.speed)
        room.timeline.speed = *event.speed;
    applyTimeline(room, next);
    qCInfo(lcServer).noquote() << "room" << room.id() << sender.clientId
                               << describe(event.action, position, room.timeline.speed);
    relayPlayerEvent(room, sender.clientId, event.action, position,
                     event.echo ? QString() : sender.clientId);
    if (duration && next.state == PlayState::Playing && position >= *duration)
        endOfMedia(room, now);
}

void ServerCore::handleStateUpdate(Room &room, Member &sender, const StateUpdate &update)
{
    const double now = m_clock.now();
    const double latency = update.reportedLatency / 1000.0;
    const auto previousState = sender.playState;
    const auto previousDrift = sender.driftMs;
    const auto previousRtt = sender.rttMs;
    sender.playState = update.playState;
    sender.rttMs = update.reportedLatency * 2.0;

    const bool buffering = update.playState == PlayState::Buffering;
    if (!buffering) {
        const bool playing = update.playState == PlayState::Playing;
        // The report left the player `latency` ago: it has moved on by that
        // much, at the room's speed.
        const double actual = update.position + (playing ? latency * room.timeline.speed : 0.0);
        sender.driftMs = (actual - room.timeline.positionAt(now)) * 1000.0;
    }

    // The "wait" policy: the room pauses while anyone buffers.
    if (room.typedOptions().buffering == BufferingPolicy::Wait) {
        if (buffering && previousState != PlayState::Buffering
            && (room.timeline.state == PlayState::Playing || room.autoPaused)) {
            room.waitingFor.insert(sender.clientId);
            if (room.timeline.state == PlayState::Playing) {
                room.autoPaused = true;
                const double position = room.timeline.positionAt(now);
                applyTimeline(room, Timeline {position, PlayState::Paused, now});
                relayPlayerEvent(room, sender.clientId, PlayerAction::Pause, position, {});
            }
        } else if (!buffering && room.waitingFor.remove(sender.clientId)
                   && room.waitingFor.isEmpty() && room.autoPaused) {
            room.autoPaused = false;
            applyTimeline(room, Timeline {room.timeline.position, PlayState::Playing, now});
            relayPlayerEvent(room, sender.clientId, PlayerAction::Play, room.timeline.position, {});
        }
    }

    // Only the position is judged: a participant whose play state differs
    // (say, it missed a pause) drifts past the threshold soon enough.
    const double threshold = room.typedOptions().resyncThreshold * 1000.0;
    if (!buffering && now >= sender.judgeAfter
        && now - sender.lastResyncAt >= m_limits.resyncInterval
        && std::abs(sender.driftMs.value_or(0.0)) > threshold) {
        sender.lastResyncAt = now;
        const TimelineState state = room.stateAt(now);
        qCInfo(lcServer).noquote() << "room" << room.id() << "resyncing" << sender.clientId
                                   << "drift" << sender.driftMs.value_or(0.0) << "ms";
        send(sender.connection, ForceResync {state.position, state.playState}, room.id(),
             sender.clientId, now);
    }

    // The list shows drift and round trip to the user; finer changes are
    // jitter, and republishing them would cost every member a frame a second.
    constexpr double kShownPrecisionMs = 50.0;
    const auto moved = [](std::optional<double> a, std::optional<double> b) {
        return a.has_value() != b.has_value() || (a && std::abs(*a - *b) >= kShownPrecisionMs);
    };
    if (previousState != sender.playState || moved(previousDrift, sender.driftMs)
        || moved(previousRtt, sender.rttMs))
        markParticipantsDirty(room);
}

void ServerCore::handleForceResync(ConnectionId id, Room &room, Member &sender)
{
    if (sender.clientId != room.hostId) {
        sendError(id, ErrorCode::Forbidden, QStringLiteral("Only the host can resync everyone."));
        return;
    }
    const double now = m_clock.now();
    const TimelineState state = room.stateAt(now);
    qCInfo(lcServer).noquote() << "room" << room.id() << "host resyncs everyone";
    for (Member &member : room.members()) {
        member.lastResyncAt = now;
        send(member.connection, ForceResync {state.position, state.playState}, room.id(),
             member.clientId, now);
    }
}

void ServerCore::handleHostChange(ConnectionId id, Room &room, Member &sender, const HostChange &m)
{
    if (sender.clientId != room.hostId) {
        sendError(id, ErrorCode::Forbidden,
                  QStringLiteral("Only the host can hand over the host role."));
        return;
    }
    if (!room.member(m.hostId)) {
        sendError(id, ErrorCode::BadRequest,
                  QStringLiteral("There is no participant '%1' in this room.").arg(m.hostId));
        return;
    }
    room.hostId = m.hostId;
    for (Departed &d : room.departed)
        d.wasHost = false; // the role was given on purpose: nobody gets it back
    qCInfo(lcServer).noquote() << "room" << room.id() << "host handed over to" << m.hostId;
    broadcast(room, HostChange {m.hostId}, sender.clientId);
    markParticipantsDirty(room);
}

void ServerCore::handleCreateInvite(ConnectionId id, Room &room, Member &sender,
                                    const CreateInvite &m)
{
    const bool everyone = room.typedOptions().invites == InviteControl::Everyone;
    if (sender.clientId != room.hostId && !everyone) {
        sendError(id, ErrorCode::Forbidden,
                  QStringLiteral("Only the host can create invites in this room."));
        return;
    }
    const auto invite = m_tokens.issueInvite(room.id(), m.expiresIn, m_clock.now());
    if (invite.token.isEmpty()) {
        sendError(id, ErrorCode::Internal, QStringLiteral("The invite could not be signed."));
        return;
    }
    qCInfo(lcServer).noquote() << "room" << room.id() << "invite created by" << sender.clientId
                               << "for" << m.expiresIn << "s";
    send(id, InviteCreated {invite.token, invite.expiresAt}, room.id(), sender.clientId);
}

void ServerCore::handleMediaChange(ConnectionId id, Room &room, Member &sender,
                                   const MediaChange &m)
{
    if (!mayControl(room, sender)) {
        sendError(id, ErrorCode::Forbidden,
                  QStringLiteral("Only the host chooses the media in this room."));
        return;
    }
    room.autoStartAt.reset();
    setMedia(room, m.mediaUrl, m.media);
    qCInfo(lcServer).noquote() << "room" << room.id() << "media changed by" << sender.clientId;
    broadcast(room, MediaChange {room.mediaUrl, room.media}, sender.clientId, sender.clientId);
}

void ServerCore::setMedia(Room &room, const QString &url, const std::optional<MediaInfo> &media)
{
    const std::optional<QString> served = sharedPath(room.id());
    room.mediaUrl = url;
    room.media = media;
    if (room.media)
        room.media->subtitles.clear(); // the server's to set, from subtitles_update
    room.subtitles.clear();
    refreshStream(room);
    // Streams in flight end when the file they serve is no longer the room's
    // (the same file named again keeps them).
    if (served && sharedPath(room.id()) != served)
        emit roomMediaChanged(room.id());
    room.autoPaused = false;
    room.waitingFor.clear();
    room.heldPlay.reset();
    applyTimeline(room, Timeline {0.0, PlayState::Paused, m_clock.now()});
}

void ServerCore::endOfMedia(Room &room, double reachedAt)
{
    const double end = *room.duration();
    room.autoPaused = false;
    room.waitingFor.clear();
    applyTimeline(room, Timeline {end, PlayState::Paused, reachedAt});
    qCInfo(lcServer).noquote() << "room" << room.id() << "reached the end at" << end << "s";
    relayPlayerEvent(room, {}, PlayerAction::Pause, end, {});

    Playlist &playlist = room.playlist;
    if (playlist.current < 0 || playlist.current + 1 >= playlist.items.size())
        return;
    ++playlist.current;
    ++playlist.version;
    const PlaylistItem &item = playlist.items.at(playlist.current);
    broadcast(room, PlaylistUpdate {playlist.items, playlist.current, playlist.version}, {});
    setMedia(room, item.mediaUrl, item.media);
    broadcast(room, MediaChange {room.mediaUrl, room.media}, {});
    room.autoStartAt = m_clock.now() + limits::kPlaylistAdvanceDelay;
    qCInfo(lcServer).noquote() << "room" << room.id() << "moves on to playlist item" << item.id;
}

void ServerCore::startPlayback(Room &room, double position)
{
    room.heldPlay.reset();
    room.autoPaused = false;
    room.waitingFor.clear();
    applyTimeline(room, Timeline {position, PlayState::Playing, m_clock.now()});
    qCInfo(lcServer).noquote() << "room" << room.id() << "starts at" << position << "s";
    relayPlayerEvent(room, {}, PlayerAction::Play, position, {});
}

void ServerCore::startIfEveryoneReady(Room &room)
{
    if (room.heldPlay && !room.isEmpty() && room.everyoneReady())
        startPlayback(room, *room.heldPlay);
}

void ServerCore::tickRoom(Room &room, double now)
{
    if (const std::optional<double> duration = room.duration();
        duration && room.timeline.isPlaying() && room.timeline.positionAt(now) >= *duration)
        endOfMedia(room, room.timeline.timeOf(*duration));
    if (room.autoStartAt && now >= *room.autoStartAt) {
        room.autoStartAt.reset();
        if (room.typedOptions().startWhenReady && !room.everyoneReady())
            room.heldPlay = 0.0;
        else
            startPlayback(room, 0.0);
    }
}

// ---------------------------------------------------------------- chat, playlist, readiness

void ServerCore::handleChatMessage(ConnectionId id, Room &room, Member &sender,
                                   const ChatMessage &m)
{
    const double now = m_clock.now();
    std::vector<double> &times = sender.chatTimes;
    times.erase(times.begin(), std::find_if(times.begin(), times.end(), [&](double t) {
                    return now - t < limits::kChatWindow;
                }));
    if (int(times.size()) >= limits::kChatBurst) {
        sendError(id, ErrorCode::RateLimited,
                  QStringLiteral("At most %1 chat messages per %2 seconds; wait %3 s.")
                      .arg(limits::kChatBurst)
                      .arg(limits::kChatWindow)
                      .arg(std::ceil(limits::kChatWindow - (now - times.front()))));
        return;
    }
    times.push_back(now);
    ChatEntry entry {++room.lastChatId, sender.clientId, sender.name, m.text, now};
    room.chat.push_back(entry);
    if (int(room.chat.size()) > limits::kChatHistory)
        room.chat.erase(room.chat.begin(), room.chat.end() - limits::kChatHistory);
    broadcast(room, ChatMessage {entry.text, entry.id, entry.name}, sender.clientId, {}, now);
}

void ServerCore::handlePlaylistUpdate(ConnectionId id, Room &room, Member &sender,
                                      const PlaylistUpdate &m)
{
    if (!mayControl(room, sender)) {
        sendError(id, ErrorCode::Forbidden,
                  QStringLiteral("Only the host changes the playlist in this room."));
        return;
    }
    Playlist &playlist = room.playlist;
    const auto currentId = [](const QList<PlaylistItem> &items, int current) {
        return current >= 0 ? items.at(current).id : QString();
    };
    const bool currentChanged
        = currentId(playlist.items, playlist.current) != currentId(m.items, m.current);
    playlist.items = m.items;
    playlist.current = m.current;
    ++playlist.version;
    room.autoStartAt.reset();
    qCInfo(lcServer).noquote() << "room" << room.id() << "playlist of" << m.items.size()
                               << "items from" << sender.clientId << "version" << playlist.version;
    broadcast(room, PlaylistUpdate {playlist.items, playlist.current, playlist.version},
              sender.clientId);
    if (currentChanged && playlist.current >= 0) {
        const PlaylistItem &item = playlist.items.at(playlist.current);
        // A playlist started around what the room already plays keeps its
        // timeline: the media does not change, so nothing is reset or sent.
        // (`stream` is the server's own word, not part of what names the file.)
        std::optional<MediaInfo> named = item.media;
        if (named)
            named->stream = room.media && room.media->stream;
        if (!room.mediaUrl.isEmpty() && item.mediaUrl == room.mediaUrl && named == room.media)
            return;
        setMedia(room, item.mediaUrl, item.media);
        // The others learn of it as of any media_change. The sender knows
        // what it named, but not that the host offers that file: then it is
        // told too, so that without a copy of its own it can stream it.
        const bool streamed = room.media && room.media->stream;
        broadcast(room, MediaChange {room.mediaUrl, room.media}, sender.clientId,
                  streamed ? QString() : sender.clientId);
    }
}

void ServerCore::handleSubtitlesUpdate(ConnectionId id, Room &room, Member &sender,
                                       const SubtitlesUpdate &m)
{
    if (sender.clientId != room.hostId) {
        sendError(id, ErrorCode::Forbidden,
                  QStringLiteral("Only the host shares subtitles in this room."));
        return;
    }
    room.subtitles = m.subtitles;
    qCInfo(lcServer).noquote() << "room" << room.id() << "shares" << m.subtitles.size()
                               << "subtitle tracks";
    broadcast(room, SubtitlesUpdate {room.subtitles}, sender.clientId, sender.clientId);
}

std::optional<SharedSubtitle> ServerCore::sharedSubtitle(const QString &id,
                                                         const QString &track) const
{
    const Room *r = room(id);
    if (!r)
        return std::nullopt;
    for (const SharedSubtitle &s : r->subtitles) {
        if (s.id == track)
            return s;
    }
    return std::nullopt;
}

void ServerCore::handleReadyState(Room &room, Member &sender, const ReadyState &m)
{
    if (sender.ready == m.ready)
        return;
    sender.ready = m.ready;
    broadcast(room, ReadyState {m.ready}, sender.clientId);
    markParticipantsDirty(room);
    startIfEveryoneReady(room);
}

// ---------------------------------------------------------------- periodic work

void ServerCore::markParticipantsDirty(Room &room, const QString &upToDate)
{
    room.participantsDirty = true;
    ++room.listVersion;
    // The one whose room_state already carries this list does not need it.
    if (Member *member = upToDate.isEmpty() ? nullptr : room.member(upToDate))
        member->listSeen = room.listVersion;
    flushParticipants(room, false);
}

void ServerCore::flushParticipants(Room &room, bool force)
{
    const double now = m_clock.now();
    if (!room.participantsDirty || room.isEmpty())
        return;
    const double size = double(room.members().size());
    const double interval
        = m_limits.participantsInterval * std::max(1.0, size / std::max(1, m_limits.largeRoom));
    if (!force && now - room.lastParticipantsAt < interval)
        return;
    room.participantsDirty = false;
    room.lastParticipantsAt = now;
    const QList<Participant> participants = room.participants(m_limits.largeRoom);
    const QByteArray frame
        = encode(ParticipantsUpdate {participants, int(room.members().size())}, room.id(), {}, now);
    for (Member &member : room.members()) {
        if (member.listSeen < room.listVersion)
            m_transport.sendText(member.connection, frame);
        member.listSeen = room.listVersion;
    }
    emit participantsChanged(room.id(), participants);
}

void ServerCore::tick()
{
    const double now = m_clock.now();
    noticeStall(now);
    m_lastTickAt = now;
    QStringList expired;
    for (auto &[id, room] : m_rooms) {
        if (room->isEmpty()) {
            if (now - room->emptySince >= m_limits.emptyRoomGrace)
                expired.append(id);
            continue;
        }
        tickRoom(*room, now);
        flushParticipants(*room, false);
    }
    for (const QString &id : std::as_const(expired))
        removeRoom(id);

    std::vector<ConnectionId> idle;
    for (const auto &[id, connection] : m_connections) {
        if (!connection.engaged && !connection.closing
            && now - connection.openedAt >= m_limits.idleTimeout)
            idle.push_back(id);
    }
    for (const ConnectionId id : idle) {
        qCInfo(lcServer).noquote() << "connection" << id << "closed: idle";
        m_connections[id].closing = true;
        m_transport.closeConnection(id, kClosePolicyViolation,
                                    QStringLiteral("No room created or joined in time"));
    }
}

// ---------------------------------------------------------------- output

void ServerCore::sendError(ConnectionId id, ErrorCode code, const QString &message)
{
    qCDebug(lcServer).noquote() << "connection" << id << "error"
                                << QString::fromUtf8(errorCodeName(code).data()) << message;
    const auto it = m_connections.find(id);
    const QString room = it == m_connections.end() ? QString() : it->second.room;
    const QString client = it == m_connections.end() ? QString() : it->second.client;
    send(id, Error {QString::fromUtf8(errorCodeName(code).data()), message}, room, client);
}

void ServerCore::send(ConnectionId id, Message message, const QString &room, const QString &client,
                      std::optional<double> serverTs)
{
    m_transport.sendText(
        id, encode(std::move(message), room, client, serverTs.value_or(m_clock.now())));
}

void ServerCore::announce(Room &room, Message message, const QString &client)
{
    if (int(room.members().size()) <= m_limits.largeRoom) {
        broadcast(room, std::move(message), client, client);
        return;
    }
    // A large room: only the host hears of each arrival and departure.
    if (const Member *host = room.member(room.hostId); host && host->clientId != client)
        send(host->connection, std::move(message), room.id(), client);
}

void ServerCore::broadcast(Room &room, Message message, const QString &client,
                           const QString &except, std::optional<double> serverTs)
{
    const QByteArray frame
        = encode(std::move(message), room.id(), client, serverTs.value_or(m_clock.now()));
    for (const Member &member : room.members()) {
        if (member.clientId != except)
            m_transport.sendText(member.connection, frame);
    }
}

} // namespace lockstep::server
