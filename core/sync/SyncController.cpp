#include "SyncController.h"

#include "client/SessionClient.h"
#include "protocol/Clock.h"
#include "protocol/Limits.h"
#include "protocol/RoomOptions.h"

#include <QTimer>

#include <algorithm>
#include <cmath>
#include <utility>

namespace lockstep::sync {

using namespace protocol;
using State = PlayerBackend::State;

SyncController::SyncController(const Clock &clock, client::SessionClient &client,
                               PlayerBackend &player, SyncConfig config, QObject *parent)
    : QObject(parent), m_clock(clock), m_client(client), m_player(player), m_config(config),
      m_seekLag(config.initialSeekLag),
      m_startLag(player.startLatencyHint().value_or(config.initialStartLag)),
      m_rateStall(player.smoothRateChanges() ? 0.0 : config.initialRateStall),
      m_leadFromPaused(config.prerollLead), m_leadFromPlaying(config.prerollLead)
{
    using client::SessionClient;
    connect(&client, &SessionClient::joined, this, &SyncController::onJoined);
    connect(&client, &SessionClient::playerEventReceived, this, &SyncController::onPlayerEvent);
    connect(&client, &SessionClient::forceResyncReceived, this, &SyncController::onForceResync);
    connect(&client, &SessionClient::mediaChanged, this,
            [this](const QString &from, const MediaChange &, double serverTs) {
                onMediaChanged(from, serverTs);
            });
    connect(&client, &SessionClient::stateChanged, this, [this](SessionClient::State state) {
        if (state == SessionClient::State::Idle) {
            m_hasTimeline = false;
            setActivity(SyncActivity::NotInRoom);
        }
    });
    client.setTimelineProvider([this] { return localState(); });
}

void SyncController::setPreciseStart(bool precise)
{
    if (!precise) {
        delete m_startTimer;
        m_startTimer = nullptr;
        return;
    }
    if (m_startTimer)
        return;
    m_startTimer = new QTimer(this);
    m_startTimer->setSingleShot(true);
    m_startTimer->setTimerType(Qt::PreciseTimer);
    connect(m_startTimer, &QTimer::timeout, this, [this] {
        if (m_preroll && !m_preroll->missed && m_timeline.isPlaying())
            finishPreroll(m_clock.now());
    });
}

double SyncController::serverNow() const
{
    return m_client.clockSync().toServerTime(m_clock.now());
}

double SyncController::clampToMedia(double position) const
{
    const double duration = m_player.duration();
    position = std::max(0.0, position);
    return duration > 0.0 ? std::min(position, std::max(0.0, duration - m_config.endMargin))
                          : position;
}

double SyncController::expectedPosition() const
{
    // A player whose sound arrives late is that much ahead of the room.
    return clampToMedia(m_timeline.positionAt(serverNow()) + m_audioDelay);
}

double SyncController::roomPosition() const
{
    return clampToMedia(m_timeline.positionAt(serverNow()));
}

double SyncController::playerRoomPosition() const
{
    return std::max(0.0, m_player.position() - m_audioDelay);
}

TimelineState SyncController::localState() const
{
    const bool playing = m_player.state() == State::Playing || m_player.state() == State::Buffering;
    return {playerRoomPosition(), playing ? PlayState::Playing : PlayState::Paused,
            m_timeline.speed};
}

void SyncController::setAudioDelay(double seconds)
{
    seconds = std::clamp(seconds, 0.0, kMaxAudioDelay);
    if (std::abs(seconds - m_audioDelay) < 1e-9)
        return;
    m_audioDelay = seconds;
    // The player moves to its new place on the timeline at once.
    if (m_hasTimeline)
        applyTimeline(m_timeline, true);
}

bool SyncController::setSpeed(double speed)
{
    if (!canControl() || !std::isfinite(speed))
        return false;
    speed = std::clamp(speed, limits::kMinSpeed, limits::kMaxSpeed);
    if (!m_hasTimeline) {
        // Alone: the player's own speed, which a room replaces with its own.
        m_timeline.speed = speed;
        m_player.setPlaybackRate(speed);
        emit timelineChanged(m_timeline);
        return true;
    }
    if (std::abs(speed - m_timeline.speed) < 1e-9)
        return true;
    const double now = m_clock.now();
    m_pendingSeek.reset();
    const bool playing = m_timeline.isPlaying();
    // The room's timeline goes on from where it is, at the new pace; the
    // player keeps its place and only changes its rate.
    const double position = roomPosition() + (playing ? m_client.oneWayLatency() * speed : 0.0);
    m_timeline.speed = speed;
    if (m_preroll) {
        // A parked start aimed for the old pace: aim again.
        m_preroll.reset();
        if (playing)
            startPlayback(now, expectedPosition());
    } else if (m_player.state() == State::Playing || !playing) {
        m_player.setPlaybackRate(speed);
        m_measure = Measure::None;
        m_settleUntil = std::max(m_settleUntil, now + 0.15);
    }
    sendAction(PlayerAction::Speed, position, playing ? PlayState::Playing : PlayState::Paused);
    return true;
}

bool SyncController::canControl() const
{
    if (!m_client.inRoom())
        return true;
    return m_everyoneControls || m_client.isHost();
}

// ---------------------------------------------------------------- local actions

bool SyncController::play()
{
    if (!canControl())
        return false;
    const double now = m_clock.now();
    const double position = playerRoomPosition();
    m_pendingSeek.reset(); // the play carries the position
    m_preroll.reset();
    m_applyWhenQuiet = false;
    if (std::abs(m_player.playbackRate() - m_timeline.speed) > 1e-9)
        m_player.setPlaybackRate(m_timeline.speed);
    m_player.play();
    if (m_hasTimeline) {
        // The player starts moving after its start latency; the event says
        // where it will be when the server applies it.
        sendAction(PlayerAction::Play,
                   position + (m_client.oneWayLatency() - m_startLag) * m_timeline.speed,
                   PlayState::Playing);
        m_settleUntil = now + m_startLag + 0.15;
        m_measure = Measure::Start;
        m_measureAt = m_settleUntil + 0.1;
        m_measureStartOffset = 0.0;
    }
    report(now, true);
    return true;
}

bool SyncController::pause()
{
    if (!canControl())
        return false;
    const double now = m_clock.now();
    m_pendingSeek.reset(); // the pause carries the position
    m_preroll.reset();
    m_applyWhenQuiet = false;
    m_player.pause();
    resetRate();
    if (m_hasTimeline) {
        sendAction(PlayerAction::Pause, playerRoomPosition(), PlayState::Paused);
        m_measure = Measure::None;
    }
    report(now, true);
    return true;
}

bool SyncController::seek(double position)
{
    if (!canControl())
        return false;
    position = clampToMedia(position);
    const double now = m_clock.now();
    const bool playing = m_hasTimeline && m_timeline.isPlaying();
    // One of our own quick seeks (a key held, a slider dragged), moments
    // after the room's last change: the player lands on the newest once they
    // stop (tick()), not on each in turn.
    const bool storm = playing && serverNow() - m_timeline.at < m_config.stormQuiet;
    m_preroll.reset();
    m_applyWhenQuiet = storm;
    if (!playing)
        m_player.seek(clampToMedia(position + (m_hasTimeline ? m_audioDelay : 0.0)));
    if (!m_hasTimeline)
        return true;
    // While playing, the timeline runs on from `position` as of now, and our
    // own player pre-rolls onto it like everyone else's (a seek while playing
    // lands wherever the pipeline lets it, tens of ms off). That may hold the
    // thread for a while, so the room hears of it after, from where the
    // timeline has got to by then (a frame sent before would only leave then).
    if (playing && !storm)
        startPlayback(now, clampToMedia(position + m_audioDelay));
    else if (storm)
        setActivity(SyncActivity::Seeking);
    const double after = m_clock.now();
    if (after - m_lastSeekSentAt >= m_config.seekInterval) {
        sendSeek(position, now, after);
        return true;
    }
    // Part of a burst: the room hears only the latest seek, once the interval
    // since the last one sent is over (tick() sends it). Our own view of the
    // timeline follows at once.
    m_pendingSeek = PendingSeek {position, now};
    const double latency = m_client.oneWayLatency();
    const double arrival = serverNow() + latency;
    m_timeline
        = Timeline {playing ? position + (after - now + latency) * m_timeline.speed : position,
                    playing ? PlayState::Playing : PlayState::Paused, arrival, m_timeline.speed};
    m_lastLocalActionAt = arrival;
    m_correctAfterSettle = false;
    emit timelineChanged(m_timeline);
    return true;
}

void SyncController::sendSeek(double position, double seekedAt, double now)
{
    m_pendingSeek.reset();
    m_lastSeekSentAt = now;
    if (m_timeline.isPlaying()) {
        // The timeline runs from `position` as of the seek: where it is when
        // the server applies this.
        sendAction(PlayerAction::Seek,
                   position + (now - seekedAt + m_client.oneWayLatency()) * m_timeline.speed,
                   PlayState::Playing);
    } else {
        sendAction(PlayerAction::Seek, position, PlayState::Paused);
    }
}

void SyncController::sendAction(PlayerAction action, double position, PlayState state)
{
    position = std::max(0.0, position);
    const double arrival = serverNow() + m_client.oneWayLatency();
    // Our view of the timeline is exactly what the server will compute from
    // this event, by our estimates; the echo tells us what it really applied.
    m_timeline = Timeline {position, state, arrival, m_timeline.speed};
    m_lastLocalActionAt = arrival;
    ++m_unacknowledged;
    PlayerEvent event {action, position};
    event.echo = true;
    if (action == PlayerAction::Speed)
        event.speed = m_timeline.speed;
    m_client.sendPlayerEvent(event);
    emit timelineChanged(m_timeline);
}

void SyncController::mediaChangedLocally()
{
    forgetMediaTraits();
    m_lastLocalActionAt = serverNow() + m_client.oneWayLatency();
    applyTimeline(Timeline {0.0, PlayState::Paused, m_lastLocalActionAt, m_timeline.speed}, true);
}

bool SyncController::togglePlayPause()
{
    const bool playing
        = m_hasTimeline ? m_timeline.isPlaying() : m_player.state() == State::Playing;
    return playing ? pause() : play();
}

// ---------------------------------------------------------------- remote changes

void SyncController::onJoined(const RoomState &room, double serverTs, bool rejoined)
{
    m_unacknowledged = 0;
    // The room's options come with room_state only: read once per arrival.
    // Options that cannot be read leave control to the host, who can always
    // act; letting everyone act on a room that may be host-only would send
    // actions the server refuses.
    ProtocolError ignored;
    const auto options = RoomOptions::fromJson(room.options, &ignored);
    m_everyoneControls = options && options->control == ControlMode::Everyone;
    if (rejoined && m_client.hasPendingAction())
        return; // our own action taken while away wins; the client sends it now
    if (!rejoined && std::exchange(m_playWhenCreated, false) && m_client.isHost()
        && m_player.state() == State::Playing) {
        // The room was made paused where we were; it plays on from where we
        // are now, without pausing our player first.
        m_timeline = Timeline {room.state.position, PlayState::Paused, serverTs, room.state.speed};
        m_hasTimeline = true;
        play();
        return;
    }
    const PlayState state
        = room.state.playState == PlayState::Playing ? PlayState::Playing : PlayState::Paused;
    applyTimeline(Timeline {room.state.position, state, serverTs, room.state.speed}, !rejoined);
}

void SyncController::onPlayerEvent(const QString &from, const PlayerEvent &event, double serverTs)
{
    if (from == m_client.clientId()) {
        // The echo of our own action: the timeline the server really applied.
        // Adopt it quietly (the corrector takes care of any difference) unless
        // a later action of ours is still on its way.
        m_unacknowledged = std::max(0, m_unacknowledged - 1);
        if (m_unacknowledged > 0 || m_pendingSeek || serverTs < m_lastLocalActionAt - 1.0)
            return;
        m_lastLocalActionAt = serverTs;
        Timeline applied {event.position, m_timeline.state, serverTs,
                          event.speed.value_or(m_timeline.speed)};
        if (event.action == PlayerAction::Play)
            applied.state = PlayState::Playing;
        else if (event.action == PlayerAction::Pause)
            applied.state = PlayState::Paused;
        m_timeline = applied;
        emit timelineChanged(m_timeline);
        return;
    }
    // An event the server applied before our own later action is already superseded.
    if (serverTs < m_lastLocalActionAt - 0.001)
        return;
    Timeline next {event.position, m_timeline.state, serverTs,
                   event.speed.value_or(m_timeline.speed)};
    if (event.action == PlayerAction::Play)
        next.state = PlayState::Playing;
    else if (event.action == PlayerAction::Pause)
        next.state = PlayState::Paused;
    applyTimeline(next, false);
}

void SyncController::onForceResync(const ForceResync &resync, double serverTs)
{
    Timeline next = m_timeline;
    next.position = resync.targetPosition.value_or(m_timeline.positionAt(serverTs));
    next.at = serverTs;
    if (resync.playState)
        next.state
            = *resync.playState == PlayState::Playing ? PlayState::Playing : PlayState::Paused;
    applyTimeline(next, true);
}

void SyncController::onMediaChanged(const QString &from, double serverTs)
{
    // Our own change, told back (a playlist move whose file the host
    // streams): applied already when we made it.
    if (from == m_client.clientId())
        return;
    forgetMediaTraits();
    applyTimeline(Timeline {0.0, PlayState::Paused, serverTs, m_timeline.speed}, true);
}

void SyncController::setMediaStreams(bool streams)
{
    forgetMediaTraits();
    m_leadFromPaused = m_config.prerollLead;
    m_leadFromPlaying = m_config.prerollLead;
    if (!streams)
        return;
    m_correctByParking = true;
    m_leadFromPaused = std::max(m_leadFromPaused, m_config.streamLead);
    m_leadFromPlaying = std::max(m_leadFromPlaying, m_config.streamLead);
}

CorrectorConfig SyncController::corrector() const
{
    CorrectorConfig config = m_config.corrector;
    const bool costly = m_correctByParking || m_rateStall >= config.cheapRateStall;
    if (costly) {
        config.deadband = std::max(config.deadband, m_config.costlyDeadband);
        config.settleBand = std::max(config.settleBand, m_config.costlyDeadband / 2.0);
    }
    return config;
}

void SyncController::forgetMediaTraits()
{
    // Another file: whether it streams and how its seeks land is learned anew.
    m_correctByParking = false;
    m_seekMisses = 0;
    m_lastMissError = 0.0;
}

void SyncController::applyTimeline(const Timeline &timeline, bool force)
{
    const Timeline previous = m_timeline;
    const bool hadTimeline = m_hasTimeline;
    m_timeline = timeline;
    m_hasTimeline = true;
    m_ticksOutside = 0;
    // Whatever the room did later than our unsent seek wins over it.
    m_pendingSeek.reset();
    m_correctAfterSettle = false;
    emit timelineChanged(m_timeline);

    const double now = m_clock.now();
    m_applyWhenQuiet = false;
    const State state = m_player.state();
    if (state == State::NoMedia)
        return;
    resetRate();
    if (!timeline.isPlaying()) {
        m_preroll.reset();
        // Paused, not stopped: a stopped player decodes nothing and takes
        // far longer to start.
        if (state != State::Ended)
            m_player.pause();
        const double target = clampToMedia(timeline.position + m_audioDelay);
        if (force || std::abs(m_player.position() - target) > m_config.pausedTolerance)
            m_player.seek(target);
        m_measure = Measure::None;
        setActivity(SyncActivity::Paused);
        return;
    }
    // The same course as before (our own change told back): nothing new.
    const bool sameCourse = hadTimeline && previous.isPlaying() && previous.speed == timeline.speed
        && std::abs(previous.positionAt(timeline.at) - timeline.position) < 0.02;
    if (!force && hadTimeline && !sameCourse && timeline.at - previous.at < m_config.stormQuiet) {
        // A change moments after the last (by the server's clock, so however
        // late this thread got to it), which the player may still be landing
        // on: part of a storm (someone scrubbing). The player lands on the
        // newest once they stop coming, one jump instead of one per seek.
        m_preroll.reset();
        m_applyWhenQuiet = true;
        setActivity(SyncActivity::Seeking);
        return;
    }
    const double expected = expectedPosition();
    if (state != State::Playing || m_preroll) {
        // Not playing yet, or about to start on an older timeline: aim anew.
        startPlayback(now, expected);
        return;
    }
    if (!force && now < m_settleUntil) {
        // A seek of ours is still landing: one more now would queue behind it.
        // Act on the newest timeline once it has landed.
        m_correctAfterSettle = true;
        return;
    }
    if (force || std::abs(m_player.position() - expected) > corrector().deadband)
        startPlayback(now, expected);
}

// ---------------------------------------------------------------- correction

void SyncController::startPlayback(double now, double expected, double shortLead)
{
    // Park the player, paused, on the frame where the timeline will be when
    // it starts moving, then start it when the timeline gets there: on the
    // start timer (real time) or on the tick nearest that moment (ticks come
    // at a steady pace, and on a virtual clock exactly).
    const State state = m_player.state();
    const bool wasPlaying = state == State::Playing || state == State::Buffering;
    if (wasPlaying)
        m_player.pause();
    resetRate();
    double shortened = shortLead;
    double &lead = shortLead > 0.0 ? shortened : wasPlaying ? m_leadFromPlaying : m_leadFromPaused;
    for (int attempt = 0;; ++attempt) {
        // Without a start timer, the start falls on a tick: the first one
        // at least `lead` away, counted on from the last tick (this may run
        // between ticks, when a frame arrives).
        const double grid = m_lastTickAt > 0.0 ? m_lastTickAt : now;
        const int ticks = std::max(1, int(std::ceil((now + lead - grid) / m_tickInterval - 1e-9)));
        const double startAt = m_startTimer ? now + lead : grid + ticks * m_tickInterval;
        const double target
            = clampToMedia(expected + (startAt - now + m_startLag) * m_timeline.speed);
        m_player.seek(target);
        m_preroll = Preroll {target, startAt, now};
        m_preroll->retry = shortLead > 0.0;
        m_preroll->learnsLead = !m_preroll->retry;
        if (!m_startTimer)
            break;
        // A seek right after a pause can hold the thread (about 300 ms on
        // GStreamer, 2 ms on a player that was paused already). Past the
        // moment to start, aim again, once, with the lead that takes.
        const double after = m_clock.now();
        const double held = after - now;
        if (after <= startAt - 0.010 || attempt > 0) {
            m_startTimer->start(std::max(0, int(std::lround((startAt - after) * 1000.0))));
            break;
        }
        lead = std::max(lead, std::min(1.0, 1.5 * held + 0.050));
        expected += held * m_timeline.speed;
        now = after;
    }
    m_measure = Measure::None;
    m_lastCorrectionAt = now;
    m_ticksOutside = 0;
    ++m_corrections;
    setActivity(SyncActivity::Seeking);
}

void SyncController::finishPreroll(double now)
{
    if (m_player.isWaitingForData()) {
        // The parked player is still fetching the frame it was sent to (it
        // streams its media over a network). Started now, it would stall and
        // fall behind by the rest of the fetch: wait for the data instead,
        // then aim again with a lead that covers a fetch.
        m_preroll->missed = true;
        m_correctByParking = true;
        if (m_startTimer)
            m_startTimer->stop();
        setActivity(SyncActivity::Buffering);
        return;
    }
    const Preroll preroll = *m_preroll;
    m_preroll.reset();
    if (m_startTimer)
        m_startTimer->stop();
    if (m_correctByParking && preroll.readyAt >= 0.0 && preroll.learnsLead)
        shortenFetchLead(preroll.readyAt - preroll.seekedAt);
    m_player.play();
    m_lastCorrectionAt = now;
    m_settleUntil = now + m_startLag + 0.15;
    m_measure = Measure::Start;
    m_measureAt = m_settleUntil + 0.1;
    // A tick a little off its planned time leaves the player that much
    // behind; that is not the start latency's doing.
    m_measureStartOffset = now - preroll.startAt;
}

void SyncController::shortenFetchLead(double fetching)
{
    // Fetches that come quickly now (the stream proxy had the bytes, the
    // link got faster): the lead comes down halfway towards one and a half
    // of them at each start, so a join's slow first fetches do not slow
    // every later seek. It never goes below the engine's own lead.
    const double lead = std::max(1.5 * fetching + 0.1, m_config.prerollLead);
    for (double *current : {&m_leadFromPaused, &m_leadFromPlaying}) {
        if (lead < *current)
            *current = std::max(lead, 0.5 * (*current + lead));
    }
}

void SyncController::retryMissedPreroll(double now)
{
    // How long a fetch takes is what this wait shows; a lead of a fetch and
    // a little leaves the player parked and ready before its moment (and a
    // miss now costs only a short retry).
    // A first fetch can be slow (a fresh connection, the player buffering
    // from the start); the lead it teaches is capped, since a miss costs
    // only a short retry while a long lead slows every start.
    constexpr double kMaxFetchLead = 5.0; // s: waited for at most twice this
    constexpr double kMaxLearnedLead = 1.5; // s
    constexpr double kRetryLead = 0.5; // s
    const double fetching = now - m_preroll->seekedAt;
    if (m_player.isWaitingForData() && fetching < 2.0 * kMaxFetchLead)
        return;
    const double lead = std::clamp(fetching + 0.2, m_config.prerollLead, kMaxLearnedLead);
    m_leadFromPaused = std::max(m_leadFromPaused, lead);
    m_leadFromPlaying = std::max(m_leadFromPlaying, lead);
    // The data just fetched runs on past where the player was parked (the
    // player and the stream proxy read ahead), and the timeline has not gone
    // far beyond it: parked again close ahead, the frame is most likely at
    // hand. Only when that misses too does it wait out a whole fetch.
    const bool again = m_preroll->retry;
    m_preroll.reset();
    startPlayback(now, expectedPosition(), again ? 0.0 : kRetryLead);
}

void SyncController::correctiveSeek(double now, double expected)
{
    if (m_correctByParking) {
        // A seek while playing would stall for a fetch and land behind, or
        // land who knows where: park on the frame and start on time.
        startPlayback(now, expected);
        if (m_preroll)
            m_preroll->learnsLead = false;
        return;
    }
    m_player.seek(clampToMedia(expected + m_seekLag * m_timeline.speed));
    m_lastCorrectionAt = now;
    m_settleUntil = now + m_seekLag + 0.15;
    m_measure = Measure::Seek;
    m_measureAt = m_settleUntil + 0.1;
    m_ticksOutside = 0;
    ++m_corrections;
    setActivity(SyncActivity::Seeking);
}

void SyncController::resetRate()
{
    if (std::abs(m_player.playbackRate() - m_timeline.speed) > 1e-9)
        m_player.setPlaybackRate(m_timeline.speed);
}

void SyncController::setRate(double now, double rate)
{
    // `rate` is the corrector's nudge; the player runs at the room's speed times it.
    const double expected = expectedPosition();
    m_measureStartError = m_player.position() - expected;
    m_player.setPlaybackRate(rate * m_timeline.speed);
    m_measure = Measure::Rate;
    m_measureStartTime = now;
    m_measureRate = rate * m_timeline.speed;
    m_measureAt = now + m_config.learnDelay;
    ++m_corrections;
    setActivity(std::abs(rate - 1.0) > 1e-9 ? SyncActivity::Nudging : SyncActivity::InSync);
}

void SyncController::learn(double now, double error)
{
    constexpr double kWeight = 0.6;
    switch (m_measure) {
    case Measure::Start:
        // A start is measured cleanly (the player stood still before it),
        // so it is trusted more than a seek's landing.
        // The error is media time; the lag is the player's, in real time.
        m_startLag = std::clamp(
            m_startLag - 0.8 * (error / m_timeline.speed + m_measureStartOffset), 0.0, 1.0);
        m_measureStartOffset = 0.0;
        break;
    case Measure::Seek: {
        m_seekLag = std::clamp(m_seekLag - kWeight * error / m_timeline.speed, 0.0, 1.0);
        // A learned offset brings seeks that land alike into the deadband
        // within a seek or two, each miss well closer than the last (this
        // weight leaves 40 % of a steady offset). Seeks that miss twice in a
        // row and come no closer scatter: each one would only call for the
        // next, and a park lands where it is aimed.
        constexpr int kMissesBeforeParking = 2;
        const bool miss = std::abs(error) > corrector().deadband;
        const bool learning = m_seekMisses > 0 && std::abs(error) < 0.6 * std::abs(m_lastMissError);
        m_seekMisses = !miss ? 0 : learning ? 1 : m_seekMisses + 1;
        m_lastMissError = miss ? error : 0.0;
        if (m_seekMisses >= kMissesBeforeParking)
            m_correctByParking = true;
        break;
    }
    case Measure::Rate: {
        if (std::abs(m_player.playbackRate() - m_measureRate) > 1e-9)
            break; // the rate changed again meanwhile: no clean measurement
        const double predicted
            = m_measureStartError + (m_measureRate - m_timeline.speed) * (now - m_measureStartTime);
        const double stall = std::max(0.0, predicted - error) / m_timeline.speed;
        m_rateStall = std::clamp(0.5 * m_rateStall + 0.5 * stall, 0.0, 1.0);
        break;
    }
    case Measure::None:
        break;
    }
    m_measure = Measure::None;
}

void SyncController::tick()
{
    const double now = m_clock.now();
    if (m_lastTickAt > 0.0) {
        const double interval = now - m_lastTickAt;
        if (interval > 0.005 && interval < 0.2)
            m_tickInterval = 0.9 * m_tickInterval + 0.1 * interval;
    }
    m_lastTickAt = now;
    if (!m_hasTimeline) {
        setActivity(SyncActivity::NotInRoom);
        return;
    }
    report(now, false);
    const State state = m_player.state();
    if (state == State::NoMedia) {
        setActivity(SyncActivity::NoMedia);
        return;
    }
    if (m_pendingSeek && now - m_lastSeekSentAt >= m_config.seekInterval)
        sendSeek(m_pendingSeek->position, m_pendingSeek->at, now);
    if (m_applyWhenQuiet) {
        // Until the room's last change is stormQuiet old, by the server's
        // clock; then the player goes where the newest timeline is, once,
        // unless it is there already.
        if (serverNow() - m_timeline.at < m_config.stormQuiet)
            return;
        m_applyWhenQuiet = false;
        const double expected = expectedPosition();
        if (m_timeline.isPlaying()
            && (m_player.state() != State::Playing || m_preroll
                || std::abs(m_player.position() - expected) > corrector().deadband))
            startPlayback(now, expected);
        return;
    }
    if (m_preroll) {
        if (!m_timeline.isPlaying()) {
            m_preroll.reset();
        } else if (m_preroll->missed) {
            retryMissedPreroll(now);
            return;
        } else {
            if (m_preroll->readyAt < 0.0 && !m_player.isWaitingForData())
                m_preroll->readyAt = now;
            // The tick nearest the planned start starts the player (or the
            // start timer, which a tick only stands in for when it is late).
            const double due = m_startTimer ? m_preroll->startAt + m_tickInterval
                                            : m_preroll->startAt - m_tickInterval / 2.0;
            if (now >= due)
                finishPreroll(now);
            return;
        }
    }
    if (now < m_settleUntil)
        return;

    const double expected = expectedPosition();
    if (std::exchange(m_correctAfterSettle, false) && m_timeline.isPlaying()
        && state == State::Playing
        && std::abs(m_player.position() - expected) > corrector().deadband) {
        correctiveSeek(now, expected);
        return;
    }
    if (!m_timeline.isPlaying()) {
        if (state == State::Playing || state == State::Buffering)
            m_player.pause();
        resetRate();
        m_error = m_player.position() - expected;
        if (std::abs(m_error) > m_config.pausedTolerance && now - m_lastCorrectionAt > 0.3) {
            m_player.seek(expected);
            m_lastCorrectionAt = now;
            ++m_corrections;
        }
        setActivity(SyncActivity::Paused);
        return;
    }

    const double duration = m_player.duration();
    const bool pastEnd = duration > 0.0 && expected >= duration - 0.25;
    if (state == State::Buffering) {
        if (m_measure == Measure::Seek) {
            // The seek made it wait for data: it streams, and its seeks are
            // not measured as a landing.
            m_correctByParking = true;
            m_measure = Measure::None;
        }
        m_ticksOutside = 0;
        setActivity(SyncActivity::Buffering);
        return;
    }
    if (state == State::Paused || (state == State::Ended && !pastEnd)) {
        startPlayback(now, expected);
        return;
    }
    if (state == State::Ended || pastEnd) {
        setActivity(SyncActivity::InSync);
        return;
    }

    m_error = m_player.position() - expected;
    if (m_measure != Measure::None && now >= m_measureAt)
        learn(now, m_error);

    const CorrectorConfig config = corrector();
    m_ticksOutside = std::abs(m_error) > config.deadband ? m_ticksOutside + 1 : 0;
    // The corrector thinks in nudges around 1: the player's rate over the room's speed.
    const double nudge = m_player.playbackRate() / m_timeline.speed;
    const CorrectorAction action = decideCorrection(
        {m_error, nudge, m_ticksOutside, now - m_lastCorrectionAt, m_rateStall}, config);
    switch (action.kind) {
    case CorrectorAction::Kind::Seek:
        resetRate();
        correctiveSeek(now, expected);
        break;
    case CorrectorAction::Kind::SetRate:
        setRate(now, action.rate);
        break;
    case CorrectorAction::Kind::None:
        // "In sync" only when it is; an error still waiting out the
        // persistence or the gap between seeks keeps the current activity.
        if (std::abs(nudge - 1.0) < 1e-9 && std::abs(m_error) <= config.deadband)
            setActivity(SyncActivity::InSync);
        break;
    }
}

// ---------------------------------------------------------------- reporting

PlayState SyncController::reportedState() const
{
    // Paused by the room while short of data is still buffering: a room that
    // waits for everyone must not resume for a player that cannot go on yet.
    if (m_player.isWaitingForData())
        return PlayState::Buffering;
    switch (m_player.state()) {
    case State::Playing:
        return PlayState::Playing;
    case State::Buffering:
        return PlayState::Buffering;
    default:
        return PlayState::Paused;
    }
}

void SyncController::report(double now, bool force)
{
    if (!m_client.inRoom())
        return;
    const PlayState state = reportedState();
    if (!force && m_lastReported == state && now - m_lastReportAt < m_config.stateUpdateInterval)
        return;
    // A paused player where it should be reports the timeline's own
    // position: at the end it rests a frame short of the duration on purpose,
    // and the room's list should not show that as drift.
    // Reported on the room's timeline: a player ahead by its sound's delay
    // is where it should be.
    double position = playerRoomPosition();
    if (m_hasTimeline && !m_timeline.isPlaying() && state == PlayState::Paused
        && std::abs(m_player.position() - expectedPosition()) <= m_config.pausedTolerance)
        position = m_timeline.position;
    // A player parked ahead for a start (a lead of seconds when it streams)
    // will be on the timeline when it starts; its parked frame is not drift,
    // and the server must not resync it for that.
    if (m_preroll && !m_preroll->missed && m_timeline.isPlaying() && state == PlayState::Paused)
        position = roomPosition();
    if (m_client.sendStateUpdate(
            StateUpdate {position, state, m_client.oneWayLatency() * 1000.0})) {
        m_lastReported = state;
        m_lastReportAt = now;
    }
}

void SyncController::setActivity(SyncActivity activity)
{
    if (m_activity == activity)
        return;
    m_activity = activity;
    emit activityChanged(activity);
}

SyncSnapshot SyncController::snapshot() const
{
    SyncSnapshot s;
    s.localTime = m_clock.now();
    s.serverTime = serverNow();
    s.position = m_player.position();
    s.expected = m_hasTimeline ? expectedPosition() : s.position;
    s.error = s.position - s.expected;
    s.rate = m_player.playbackRate();
    s.speed = m_timeline.speed;
    s.audioDelay = m_audioDelay;
    s.offset = m_client.clockSync().offset();
    s.rtt = m_client.clockSync().smoothedRtt();
    s.activity = m_activity;
    return s;
}

} // namespace lockstep::sync
