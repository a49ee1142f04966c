#include "SessionClient.h"

#include "protocol/Clock.h"
#include "protocol/CloseCode.h"
#include "protocol/Codec.h"
#include "protocol/Limits.h"

#include <QLoggingCategory>
#include <QUuid>

#include <algorithm>
#include <cmath>
#include <utility>

Q_LOGGING_CATEGORY(lcClient, "lockstep.client", QtInfoMsg)

namespace lockstep::client {

using namespace protocol;

namespace {

// Errors that end an attempt to enter a room for good. Codes this version
// does not know are not: a retry costs little and may meet a newer server.
bool isPermanent(const Error &error)
{
    const std::optional<ErrorCode> code = error.errorCode();
    if (!code)
        return false;
    switch (*code) {
    case ErrorCode::AuthRequired:
    case ErrorCode::AuthInvalid:
    case ErrorCode::InviteInvalid:
    case ErrorCode::InviteExpired:
    case ErrorCode::RoomFull:
    case ErrorCode::RoomExists:
    case ErrorCode::Forbidden:
    case ErrorCode::BadRequest:
        return true;
    default:
        return false;
    }
}

} // namespace

SessionClient::SessionClient(const protocol::Clock &clock,
                             std::unique_ptr<ClientTransport> transport, QObject *parent)
    : QObject(parent), m_clock(clock), m_transport(std::move(transport)),
      m_clientId(QUuid::createUuid().toString(QUuid::WithoutBraces)),
      m_random(QRandomGenerator::global()->generate())
{
    connect(m_transport.get(), &ClientTransport::opened, this, &SessionClient::onOpened);
    connect(m_transport.get(), &ClientTransport::closed, this, &SessionClient::onClosed);
    connect(m_transport.get(), &ClientTransport::textReceived, this, &SessionClient::onText);
    connect(m_transport.get(), &ClientTransport::keepalivePingSent, this,
            [this](double clientTs, double sentAt) {
                m_clockSync.pingSentElsewhere(clientTs, sentAt);
            });
}

SessionClient::~SessionClient()
{
    m_transport->disconnect(this);
    m_transport->close();
}

QString SessionClient::participantName(const QString &clientId) const
{
    for (const Participant &p : m_room.participants) {
        if (p.clientId == clientId)
            return p.name;
    }
    return {};
}

void SessionClient::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

void SessionClient::start(const SessionSpec &spec)
{
    m_spec = spec;
    m_room = RoomState {};
    if (!m_outbox.isEmpty()) {
        m_outbox.clear(); // another room's
        emit pendingChatChanged();
    }
    m_everJoined = false;
    m_wasHost = spec.create;
    m_attempt = 0;
    m_pending.reset();
    m_resumeToken.clear();
    m_canRetry = false;
    setState(State::Connecting);
    connectNow();
}

bool SessionClient::retry(double forSeconds)
{
    if (!canRetry())
        return false;
    m_canRetry = false;
    m_attempt = 0;
    // The give-up clock runs from the loss; start it so that attempts go on
    // for `forSeconds` from now.
    m_lostAt = m_clock.now() - std::max(0.0, m_timeouts.giveUp - forSeconds);
    setState(State::Reconnecting);
    connectNow();
    return true;
}

void SessionClient::connectNow()
{
    qCInfo(lcClient).noquote() << "connecting to" << m_spec.server.toString();
    m_connecting = true;
    m_connectStartedAt = m_clock.now();
    m_transport->open(m_spec.server);
}

// Gives up the current connection or attempt as if it had failed: the
// transport will not report it any more.
void SessionClient::dropConnection(LossCause cause)
{
    m_transport->close();
    m_lossCause = cause;
    onClosed(closeCodeValue(CloseCode::Abnormal), QString());
}

void SessionClient::leave()
{
    if (m_state == State::Idle) {
        m_canRetry = false;
        return;
    }
    m_transport->close();
    m_connecting = false;
    m_canRetry = false;
    m_pending.reset();
    setState(State::Idle);
    emit ended(SessionEnd {SessionEnd::Reason::Left, 0, {}, {}});
}

void SessionClient::onOpened()
{
    const double now = m_clock.now();
    m_connecting = false;
    m_lastHeardAt = now;
    m_clockSync.reset(now);
    // The first ping goes ahead of the join, so its pong (answered at once)
    // arrives before room_state and the first timeline is read with an offset.
    Envelope ping;
    ping.client = m_clientId;
    ping.message = Ping {m_clockSync.pingSent(now)};
    m_transport->sendText(encode(ping));
    setState(State::Joining);
    Envelope envelope;
    envelope.client = m_clientId;
    envelope.ts = m_clock.now();
    const bool create = m_recreating || (m_spec.create && !m_everJoined);
    if (create) {
        CreateRoom create = m_spec.createParams;
        create.hostId = m_clientId;
        if (!m_spec.name.isEmpty())
            create.name = m_spec.name;
        if (!m_spec.authToken.isEmpty())
            create.authToken = m_spec.authToken;
        envelope.room = m_everJoined ? m_room.room : m_spec.room;
        if (m_recreating && m_timelineProvider)
            create.startPos = m_timelineProvider().position;
        if (m_everJoined) {
            create.mediaUrl = m_room.mediaUrl;
            create.media = m_room.media;
            create.options = m_room.options;
        }
        envelope.message = std::move(create);
    } else {
        JoinRoom join;
        join.name = m_spec.name;
        if (!m_spec.inviteToken.isEmpty())
            join.inviteToken = m_spec.inviteToken;
        if (!m_spec.authToken.isEmpty())
            join.authToken = m_spec.authToken;
        if (!m_resumeToken.isEmpty())
            join.resumeToken = m_resumeToken;
        envelope.room = m_everJoined ? m_room.room : m_spec.room;
        envelope.message = std::move(join);
    }
    m_transport->sendText(encode(envelope));
}

void SessionClient::onClosed(quint16 code, const QString &reason)
{
    m_connecting = false;
    const LossCause cause = std::exchange(m_lossCause, LossCause::Closed);
    if (m_state == State::Idle)
        return;
    qCInfo(lcClient).noquote() << "connection closed" << code << reason;
    if (!m_everJoined && m_state != State::Reconnecting) {
        setState(State::Idle);
        emit ended(SessionEnd {SessionEnd::Reason::CouldNotConnect, code, reason, {}});
        return;
    }
    if (m_state == State::Reconnecting && closeEndsSession(code)) {
        // e.g. another certificate than the invite's: no attempt will do better.
        m_transport->close();
        setState(State::Idle);
        emit ended(SessionEnd {SessionEnd::Reason::Closed, code, reason, {}});
        return;
    }
    if (m_state == State::Reconnecting) {
        // Another attempt failed: the loss was reported once already. Past
        // the give-up time the server (for a room hosted in an app: the
        // host) is taken to be gone.
        if (m_clock.now() - m_lostAt >= m_timeouts.giveUp) {
            qCInfo(lcClient).noquote() << "giving up after" << m_attempt << "attempts";
            m_transport->close();
            m_canRetry = true;
            setState(State::Idle);
            emit ended(SessionEnd {SessionEnd::Reason::Unreachable, code, reason, {}});
            return;
        }
        scheduleReconnect();
        return;
    }
    m_lostAt = m_clock.now();
    emit connectionLost(ConnectionLoss {cause, code, reason});
    if (m_state == State::Idle)
        return; // a handler chose to leave
    // Replaced by our own newer connection, closed for misbehaving, or the
    // room is gone: reconnecting would not help.
    if (closeEndsSession(code)) {
        m_transport->close();
        setState(State::Idle);
        emit ended(SessionEnd {SessionEnd::Reason::Closed, code, reason, {}});
        return;
    }
    scheduleReconnect();
}

void SessionClient::scheduleReconnect()
{
    const double base
        = std::min(m_backoff.max, m_backoff.initial * std::pow(m_backoff.factor, m_attempt));
    const double jitter = 1.0 + m_backoff.jitter * (2.0 * m_random.generateDouble() - 1.0);
    m_reconnectAt = m_clock.now() + base * jitter;
    ++m_attempt;
    setState(State::Reconnecting);
}

void SessionClient::tick()
{
    const double now = m_clock.now();
    // Ticks come every few tens of milliseconds. A long gap means this
    // process was stopped, not that the server went quiet: frames it sent
    // meanwhile are waiting to be read, so the silence and connect timers
    // start again and the clock estimate is checked at once.
    if (m_lastTickAt > 0.0 && now - m_lastTickAt > m_timeouts.stall) {
        qCInfo(lcClient).noquote() << "this process did not run for" << now - m_lastTickAt << "s";
        m_lastHeardAt = std::max(m_lastHeardAt, now);
        m_connectStartedAt = std::max(m_connectStartedAt, now);
        if (m_transport->isOpen())
            m_clockSync.burst(now);
    }
    m_lastTickAt = now;
    if (m_state == State::Reconnecting) {
        // One attempt at a time: a handshake may take longer than a tick.
        if (m_connecting) {
            if (now - m_connectStartedAt > m_timeouts.connect)
                dropConnection(LossCause::ConnectTimeout);
        } else if (now >= m_reconnectAt && !m_transport->isOpen()) {
            connectNow();
        }
        return;
    }
    if (m_transport->isOpen() && (m_state == State::Joining || m_state == State::InRoom)
        && now - m_lastHeardAt > m_timeouts.silence) {
        dropConnection(LossCause::Silence);
        return;
    }
    if (m_transport->isOpen() && m_clockSync.pingDue(now)) {
        Envelope envelope;
        envelope.room = m_room.room;
        envelope.client = m_clientId;
        envelope.message = Ping {m_clockSync.pingSent(now)};
        m_transport->sendText(encode(envelope));
    }
}

bool SessionClient::sendMessage(Message message)
{
    if (m_state != State::InRoom)
        return false;
    Envelope envelope;
    envelope.room = m_room.room;
    envelope.client = m_clientId;
    envelope.ts = m_clock.now();
    envelope.message = std::move(message);
    m_transport->sendText(encode(envelope));
    return true;
}

void SessionClient::sendPlayerEvent(const PlayerEvent &event)
{
    if (m_state == State::InRoom) {
        sendMessage(event);
        return;
    }
    if (m_everJoined)
        m_pending = Pending {event, m_clock.now()};
}

void SessionClient::flushPending()
{
    if (!m_pending)
        return;
    PlayerEvent event = m_pending->event;
    m_pending.reset();
    // The player kept going while we were away: send where it is now.
    if (m_timelineProvider) {
        const TimelineState local = m_timelineProvider();
        event.position = local.position;
        if (local.playState == PlayState::Playing)
            event.position += oneWayLatency();
    }
    sendMessage(event);
}

bool SessionClient::sendStateUpdate(const StateUpdate &update)
{
    return sendMessage(update);
}

bool SessionClient::requestResyncAll()
{
    return sendMessage(ForceResync {});
}

bool SessionClient::handOverHost(const QString &clientId)
{
    return sendMessage(HostChange {clientId});
}

bool SessionClient::createInvite(int expiresInSeconds)
{
    return sendMessage(CreateInvite {expiresInSeconds});
}

bool SessionClient::changeMedia(const MediaChange &change)
{
    return sendMessage(change);
}

bool SessionClient::sendChat(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (m_state != State::InRoom && !(m_everJoined && m_state != State::Idle))
        return false;
    m_outbox.append(trimmed);
    emit pendingChatChanged();
    if (m_state == State::InRoom) {
        sendMessage(ChatMessage {trimmed, std::nullopt, std::nullopt});
        m_lastChatSentAt = m_clock.now();
    }
    return true;
}

void SessionClient::resendPendingChat()
{
    if (m_outbox.isEmpty())
        return;
    // What the room's history shows from us has arrived: the rest is sent
    // again, in order.
    QStringList unconfirmed = m_outbox;
    for (const ChatEntry &entry : std::as_const(m_room.chat)) {
        if (entry.client == m_clientId)
            unconfirmed.removeOne(entry.text);
    }
    if (unconfirmed != m_outbox) {
        m_outbox = unconfirmed;
        emit pendingChatChanged();
    }
    for (const QString &text : std::as_const(m_outbox))
        sendMessage(ChatMessage {text, std::nullopt, std::nullopt});
    m_lastChatSentAt = m_clock.now();
}

bool SessionClient::sendPlaylist(const PlaylistUpdate &update)
{
    return sendMessage(PlaylistUpdate {update.items, update.current, std::nullopt});
}

bool SessionClient::shareSubtitles(const QList<SharedSubtitle> &subtitles)
{
    m_offeredSubtitles = subtitles;
    if (m_state != State::InRoom || !isHost())
        return false;
    return sendMessage(SubtitlesUpdate {subtitles});
}

QList<SharedSubtitle> SessionClient::sharedSubtitles() const
{
    return m_room.media ? m_room.media->subtitles : QList<SharedSubtitle>();
}

void SessionClient::setReady(bool ready)
{
    m_wantReady = ready;
    if (m_state == State::InRoom && isReady() != ready) {
        sendMessage(ReadyState {ready});
        // The server's relay confirms it; until then the list says what we said.
        setParticipantReady(m_clientId, ready);
    }
}

bool SessionClient::isReady() const
{
    if (m_state != State::InRoom)
        return false;
    for (const Participant &p : m_room.participants) {
        if (p.clientId == m_clientId)
            return p.ready;
    }
    // A large room's list may leave us out: what we asked for stands.
    return m_wantReady;
}

void SessionClient::setParticipantReady(const QString &clientId, bool ready)
{
    for (Participant &p : m_room.participants) {
        if (p.clientId == clientId)
            p.ready = ready;
    }
}

void SessionClient::onText(const QByteArray &frame)
{
    m_lastHeardAt = m_clock.now();
    // Server frames may be larger than what the server accepts from us
    // (participant lists of big rooms).
    DecodeResult decoded = decode(frame, DecodeOptions {16 * 1024 * 1024});
    if (!decoded) {
        qCWarning(lcClient).noquote()
            << "ignored a frame the server sent:" << decoded.error().message;
        return;
    }
    handle(decoded.envelope());
}

void SessionClient::handle(const Envelope &e)
{
    const double serverTs = e.serverTs.value_or(m_clockSync.toServerTime(m_clock.now()));
    if (const auto *pong = e.as<Pong>()) {
        // When it arrived, not when this thread got to it: a late read is
        // not a long round trip.
        const double at = m_transport->frameReceivedAt();
        const double receivedAt = at >= 0.0 ? at : m_clock.now();
        if (e.serverTs && m_clockSync.pongReceived(pong->clientTs, *e.serverTs, receivedAt))
            emit pongReceived(m_clockSync.latestRtt());
        return;
    }
    if (const auto *state = e.as<RoomState>()) {
        const bool rejoined = m_everJoined;
        const bool recreated = m_recreating;
        m_room = *state;
        if (state->resumeToken)
            m_resumeToken = *state->resumeToken;
        m_everJoined = true;
        m_recreating = false;
        m_attempt = 0;
        m_wasHost = isHost();
        setState(State::InRoom);
        qCInfo(lcClient).noquote()
            << (rejoined ? "rejoined" : "joined") << "room" << m_room.room << "as" << m_clientId;
        // A room brought back starts paused. If we were playing, we play on
        // from where we are: decided before anyone hears of the join, so
        // that the paused room_state does not stop our player first.
        if (recreated && m_timelineProvider && !m_pending
            && m_timelineProvider().playState == PlayState::Playing)
            m_pending = Pending {PlayerEvent {PlayerAction::Play, 0.0}, m_clock.now()};
        emit joined(m_room, serverTs, rejoined);
        emit participantsChanged(m_room.participants);
        emit sharedSubtitlesChanged(sharedSubtitles());
        flushPending();
        resendPendingChat();
        // The host's subtitles, for a room that lost or never had them.
        if (isHost() && !m_offeredSubtitles.isEmpty() && m_room.media
            && m_room.media->subtitles != m_offeredSubtitles)
            sendMessage(SubtitlesUpdate {m_offeredSubtitles});
        // A room that was re-created, or that we entered anew, has us as not
        // ready; say it again.
        if (m_wantReady) {
            const auto self
                = std::find_if(m_room.participants.cbegin(), m_room.participants.cend(),
                               [this](const Participant &p) { return p.clientId == m_clientId; });
            if (self == m_room.participants.cend() || !self->ready) {
                sendMessage(ReadyState {true});
                setParticipantReady(m_clientId, true);
            }
        }
        return;
    }
    if (const auto *error = e.as<Error>()) {
        if (m_state == State::Joining) {
            if (m_everJoined && error->errorCode() == ErrorCode::RoomNotFound && m_wasHost) {
                // The server lost the room (restarted): the host brings it back.
                m_recreating = true;
                m_transport->close();
                m_reconnectAt = m_clock.now();
                setState(State::Reconnecting);
                return;
            }
            if (!m_everJoined || isPermanent(*error)) {
                m_transport->close();
                setState(State::Idle);
                emit joinFailed(*error);
                emit ended(SessionEnd {SessionEnd::Reason::Refused, 0, error->message, *error});
                return;
            }
            // room_not_found or client_id_taken on a rejoin: the host may be
            // re-creating the room, or the server has not seen our old link drop yet.
            m_transport->close();
            scheduleReconnect();
            return;
        }
        // A chat message the room refused (too many too quickly) will never
        // be relayed: it is no longer pending (the window hands it back).
        constexpr double kChatRefusalWindow = 5.0; // s, as the window's
        if (error->errorCode() == ErrorCode::RateLimited && !m_outbox.isEmpty()
            && m_clock.now() - m_lastChatSentAt < kChatRefusalWindow) {
            m_outbox.removeLast();
            emit pendingChatChanged();
        }
        emit errorReceived(*error);
        return;
    }
    if (m_state != State::InRoom)
        return;
    if (const auto *event = e.as<PlayerEvent>()) {
        emit playerEventReceived(e.client, *event, serverTs);
    } else if (const auto *resync = e.as<ForceResync>()) {
        emit forceResyncReceived(*resync, serverTs);
    } else if (const auto *update = e.as<ParticipantsUpdate>()) {
        m_room.participants = update->participants;
        m_room.participantCount = update->participantCount;
        emit participantsChanged(m_room.participants);
    } else if (const auto *joinedMsg = e.as<ClientJoined>()) {
        emit clientJoined(e.client, joinedMsg->name);
    } else if (const auto *left = e.as<ClientLeft>()) {
        m_room.participants.removeIf([&](const Participant &p) { return p.clientId == e.client; });
        emit clientLeft(e.client, left->name);
    } else if (const auto *host = e.as<HostChange>()) {
        const QString previous = m_room.hostId;
        m_room.hostId = host->hostId;
        for (Participant &p : m_room.participants)
            p.isHost = p.clientId == host->hostId;
        m_wasHost = isHost();
        emit hostChanged(host->hostId, previous);
        emit participantsChanged(m_room.participants);
    } else if (const auto *invite = e.as<InviteCreated>()) {
        emit inviteCreated(invite->inviteToken, invite->expiresAt);
    } else if (const auto *media = e.as<MediaChange>()) {
        const bool hadSubtitles = !sharedSubtitles().isEmpty();
        m_room.mediaUrl = media->mediaUrl;
        m_room.media = media->media;
        if (m_room.media)
            m_room.media->subtitles.clear(); // the server empties the list
        // What we offered was for the file before.
        m_offeredSubtitles.clear();
        emit mediaChanged(e.client, *media, serverTs);
        if (hadSubtitles)
            emit sharedSubtitlesChanged({});
    } else if (const auto *chat = e.as<ChatMessage>()) {
        ChatEntry entry {chat->id.value_or(0), e.client,
                         chat->name.value_or(participantName(e.client)), chat->text, serverTs};
        m_room.chat.append(entry);
        if (m_room.chat.size() > limits::kChatHistory)
            m_room.chat.remove(0, m_room.chat.size() - limits::kChatHistory);
        // Our own, relayed: no longer pending.
        if (e.client == m_clientId && m_outbox.removeOne(chat->text))
            emit pendingChatChanged();
        emit chatReceived(entry);
    } else if (const auto *playlist = e.as<PlaylistUpdate>()) {
        m_room.playlist = Playlist {playlist->items, playlist->current,
                                    playlist->version.value_or(m_room.playlist.version + 1)};
        emit playlistChanged(m_room.playlist,
                             e.client == QLatin1String("server") ? QString() : e.client);
    } else if (const auto *ready = e.as<ReadyState>()) {
        setParticipantReady(e.client, ready->ready);
        emit readyChanged(e.client, ready->ready);
        emit participantsChanged(m_room.participants);
    } else if (const auto *subtitles = e.as<SubtitlesUpdate>()) {
        if (m_room.media)
            m_room.media->subtitles = subtitles->subtitles;
        emit sharedSubtitlesChanged(subtitles->subtitles);
    }
}

} // namespace lockstep::client
