#pragma once

#include "Corrector.h"
#include "PlayerBackend.h"
#include "protocol/Clock.h"
#include "protocol/Timeline.h"

#include <QObject>

class QTimer;

#include <optional>

namespace lockstep::client {
class SessionClient;
}

namespace lockstep::sync {

using protocol::Clock;
using protocol::Timeline;

struct SyncConfig {
    CorrectorConfig corrector;
    double stateUpdateInterval = 1.0; // s between state_update reports
    double initialSeekLag = 0.050; // s a seek while playing lands behind its target
    double initialStartLag = 0.030; // s from play() until the position advances
    double initialRateStall = 0.040; // s lost per rate change on a flushing backend
    double pausedTolerance = 0.005; // s: a paused player this close is where it should be
    double learnDelay = 0.300; // s after an action before its outcome is measured
    // During a burst of seeks (a held arrow key) the room hears the latest
    // one at most this often; the last of a burst is always sent.
    double seekInterval = 0.200; // s
    // The last position a player is sent to: a little before the end, so
    // that every player shows the same decoded frame there (a seek to the
    // very end leaves whatever frame the player last decoded on screen).
    double endMargin = 0.050; // s
    // A follower that must start (a play, a seek, a join) first parks its
    // player on the frame where the timeline will be, then starts it on the
    // tick at which the timeline gets there: one jump instead of a start and
    // then corrections. This is how long the parked seek gets to decode.
    double prerollLead = 0.200; // s
    // A player whose every correction is costly is corrected only for an
    // error beyond this: one corrected by parking (see m_correctByParking)
    // freezes its picture for the whole lead, seconds when it streams, and
    // one whose rate changes flush is corrected by a seek, whose landing
    // scatters by more than the few ms it would mend.
    double costlyDeadband = 0.010; // s
    // The first lead of a player known to stream (setMediaStreams): a fetch
    // of a few hundred kilobytes across a home connection, with room to spare.
    double streamLead = 1.0; // s
    // A storm of seeks (someone scrubbing, or a burst that queued while the
    // player held the thread): a change this soon after the last, by the
    // server's clock, is not chased; the player acts on the newest once the
    // room's last change is this old.
    double stormQuiet = 0.300; // s
};

// What the engine is doing, for the status bar and the sync log.
enum class SyncActivity { NotInRoom, NoMedia, Paused, InSync, Nudging, Seeking, Buffering };

struct SyncSnapshot {
    double localTime = 0.0;
    double serverTime = 0.0;
    double position = 0.0;
    double expected = 0.0;
    double error = 0.0; // s, actual - expected
    double rate = 1.0; // the player's own rate, nudges included
    double speed = 1.0; // the room's speed
    double audioDelay = 0.0; // s this player is ahead for its late sound
    double offset = 0.0;
    double rtt = 0.0;
    SyncActivity activity = SyncActivity::NotInRoom;
};

// Keeps one player on the room's timeline. Local user actions become
// player_event frames; remote player_event / room_state / force_resync move the
// timeline; every tick the error against the timeline is measured and corrected
// (deadband, bounded proportional rate nudge, or a seek aimed where the
// timeline will be when it lands). The player's seek and start latencies and
// the cost of a rate change are learned as it plays.
class SyncController : public QObject
{
    Q_OBJECT

public:
    SyncController(const Clock &clock, client::SessionClient &client, PlayerBackend &player,
                   SyncConfig config = {}, QObject *parent = nullptr);

    // User actions. They return false when the room lets only the host control playback.
    bool play();
    bool pause();
    bool seek(double position);
    bool togglePlayPause();
    // The room's playback speed (0.5-2.0; player_event "speed"). Alone, the
    // player's own speed until a room says otherwise.
    bool setSpeed(double speed);
    double speed() const { return m_timeline.speed; }
    bool canControl() const;
    // How late this person's sound reaches their ears (Bluetooth, a TV's
    // processing), 0 to 1 s: the player is aimed that far ahead of the
    // room's timeline, and reports its position less that.
    void setAudioDelay(double seconds);
    double audioDelay() const { return m_audioDelay; }
    static constexpr double kMaxAudioDelay = 1.0; // s
    // This client changed the room's media (media_change): the server put the
    // timeline at 0, paused, and tells only the others.
    void mediaChangedLocally();
    // The room this client is creating should play on from where the player
    // is (a host who starts hosting mid-film): its player is never paused.
    void setPlayWhenCreated(bool play) { m_playWhenCreated = play; }
    // A pre-rolled start on a timer of its own, to the millisecond, rather
    // than on the next tick (whose timing a blocking player call can shift).
    // For real time only: on a virtual clock the ticks are exact.
    void setPreciseStart(bool precise);
    // The player streams its media over a network (the host's file), so
    // that each of its seeks waits for a fetch; false: it plays a file of
    // its own. Known up front, a streaming player is corrected by parking
    // from its first start, with a lead that covers a usual fetch
    // (SyncConfig::streamLead; learned from there). Either way what was
    // learned about the previous media's seeks is forgotten.
    void setMediaStreams(bool streams);

    void tick();

    bool hasTimeline() const { return m_hasTimeline; }
    const Timeline &timeline() const { return m_timeline; }
    // Where this player should be now: the room's timeline plus the audio delay.
    double expectedPosition() const;
    // The room's timeline now, clamped to the media.
    double roomPosition() const;
    SyncActivity activity() const { return m_activity; }
    SyncSnapshot snapshot() const;
    double lastError() const { return m_error; }
    double learnedSeekLag() const { return m_seekLag; }
    double learnedStartLag() const { return m_startLag; }
    double learnedRateStall() const { return m_rateStall; }
    int correctionCount() const { return m_corrections; }
    // A seek of a burst that waits for its turn to be sent to the room.
    bool hasPendingSeek() const { return m_pendingSeek.has_value(); }
    // Where the local playback stands, for re-creating a lost room.
    protocol::TimelineState localState() const;

signals:
    void activityChanged(lockstep::sync::SyncActivity activity);
    void timelineChanged(const lockstep::protocol::Timeline &timeline);

private:
    enum class Measure { None, Start, Seek, Rate };

    void onJoined(const protocol::RoomState &room, double serverTs, bool rejoined);
    void onPlayerEvent(const QString &from, const protocol::PlayerEvent &event, double serverTs);
    void onForceResync(const protocol::ForceResync &resync, double serverTs);
    void onMediaChanged(const QString &from, double serverTs);

    void forgetMediaTraits();
    // The corrector's settings for this player (wider when it parks).
    CorrectorConfig corrector() const;
    void applyTimeline(const Timeline &timeline, bool force);
    void sendAction(protocol::PlayerAction action, double position, protocol::PlayState state);
    void sendSeek(double position, double seekedAt, double now);
    // `shortLead` > 0: this once, park that far ahead (a retry whose data
    // is near) rather than by the learned lead.
    void startPlayback(double now, double expected, double shortLead = 0.0);
    void finishPreroll(double now);
    void retryMissedPreroll(double now);
    // A streaming player's lead follows its fetches down (retryMissedPreroll
    // raises it).
    void shortenFetchLead(double fetching);
    void correctiveSeek(double now, double expected);
    void setRate(double now, double rate);
    // The player's rate back to the room's speed (no nudge).
    void resetRate();
    // The player's position on the room's timeline (less the audio delay).
    double playerRoomPosition() const;
    void learn(double now, double error);
    void report(double now, bool force);
    void setActivity(SyncActivity activity);
    double serverNow() const;
    double clampToMedia(double position) const;
    protocol::PlayState reportedState() const;

    const Clock &m_clock;
    client::SessionClient &m_client;
    PlayerBackend &m_player;
    SyncConfig m_config;

    Timeline m_timeline;
    bool m_hasTimeline = false;
    double m_lastLocalActionAt = -1.0e18; // server time our last action reaches the server
    int m_unacknowledged = 0; // our actions whose echo has not come back

    double m_seekLag;
    double m_startLag;
    double m_rateStall;

    int m_ticksOutside = 0;
    double m_lastCorrectionAt = -1.0e18;
    double m_settleUntil = -1.0e18;
    Measure m_measure = Measure::None;
    double m_measureAt = 0.0;
    double m_measureStartError = 0.0;
    double m_measureStartTime = 0.0;
    double m_measureRate = 1.0;
    double m_error = 0.0;
    int m_corrections = 0;
    // A remote change that arrived while our own seek was still landing; the
    // player acts on the newest timeline once it has settled.
    bool m_correctAfterSettle = false;
    // Timelines came in quick succession: the player lands on the newest
    // once they stop coming (SyncConfig::stormQuiet).
    bool m_applyWhenQuiet = false;
    // This player is corrected by parking and starting, never by seeking
    // while it plays: its seeks wait for data (it streams its media), or they
    // land too far from where they were aimed for a seek to correct anything
    // (a seek that decodes from a keyframe seconds back on a busy computer).
    bool m_correctByParking = false;
    int m_seekMisses = 0; // corrective seeks in a row that landed outside the deadband
    double m_lastMissError = 0.0; // where the last of them landed, s
    bool m_playWhenCreated = false;
    bool m_everyoneControls = true; // the room's control option, as last received
    double m_audioDelay = 0.0; // s, see setAudioDelay()

    struct Preroll {
        double target = 0.0; // where the paused player was sent
        double startAt = 0.0; // local time at which to start it
        double seekedAt = 0.0; // local time of that seek
        // The moment to start came while the player still fetched its frame.
        bool missed = false;
        // When the player had its frame (first tick not waiting for data).
        double readyAt = -1.0;
        // A retry after a missed start, parked close ahead.
        bool retry = false;
        // What its fetch took tells the lead for the room's next changes:
        // not so for a retry, nor for a correction near where the player
        // already is (its data came with the last fetch).
        bool learnsLead = true;
    };
    std::optional<Preroll> m_preroll;
    double m_measureStartOffset = 0.0; // how late a pre-rolled start was, s
    double m_lastTickAt = 0.0;
    double m_tickInterval = 0.050; // measured between ticks
    QTimer *m_startTimer = nullptr; // see setPreciseStart()
    // How long before the start a pre-roll parks the player, from a paused
    // and from a playing player; grown when a seek held the thread longer.
    double m_leadFromPaused;
    double m_leadFromPlaying;

    struct PendingSeek {
        double position = 0.0; // where the local player was sent
        double at = 0.0; // local time of that seek
    };
    std::optional<PendingSeek> m_pendingSeek;
    double m_lastSeekSentAt = -1.0e18;

    double m_lastReportAt = -1.0e18;
    std::optional<protocol::PlayState> m_lastReported;
    SyncActivity m_activity = SyncActivity::NotInRoom;
};

} // namespace lockstep::sync
