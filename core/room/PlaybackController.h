#pragma once

#include "LocalCopies.h"
#include "RoomMedia.h"
#include "protocol/Messages.h"

#include <QList>
#include <QObject>
#include <QUrl>

#include <functional>

class QTimer;

namespace lockstep::sync {
class PlayerBackend;
}

namespace lockstep::room {

class RoomActivity;
class RoomConnection;
class RoomSession;
class Settings;

// What plays and who moves it. Outside a room, play, pause and seek go to the
// player; in a room they go through the sync engine, which moves everyone's
// player. Opening media follows the room's rules (only whoever may control
// playback changes what the room watches; a guest picks their own copy of the
// room's file), and the media's loading is tracked so that hosting can wait
// for it. The player itself is loaded by whoever listens to loadRequested():
// this class knows the player only as a PlayerBackend.
class PlaybackController : public QObject
{
    Q_OBJECT

public:
    enum class Origin {
        User, // chosen from a menu, a drop, the command line
        RoomCopy, // the user's own copy of the room's file
        Room, // the room's stream, opened for the room
    };
    static constexpr double kSeekStep = 5.0; // s, Left/Right
    static constexpr int kSettleTimeoutMs = 15000;

    PlaybackController(RoomSession &session, sync::PlayerBackend &player, Settings &settings,
                       QObject *parent = nullptr);

    // Plays a local file or a stream; in a room, picks the room's file or
    // (for whoever may control playback) changes what the room watches.
    void open(const QUrl &url, Origin origin = Origin::User);
    // The player finished loading (duration in seconds), or could not.
    void onLoaded(double duration);
    void onDurationChanged(double duration);
    void onFailed();
    // The media's server refused a seek (an HTTP server without byte
    // ranges): alone, the media plays again from the start with seeking off;
    // in a room, which must seek to keep everyone in step, it is refused.
    void onSeekRefusedByServer();
    // Whether the current media can jump to a position (false once its
    // server refused).
    bool canSeek() const { return m_source.isEmpty() || m_source != m_cannotSeek; }

    QUrl source() const { return m_source; }
    bool isLoading() const { return m_loading; }
    bool isLoaded() const;
    // What this player has, as the room would know it; empty after a failure.
    RoomMedia currentMedia() const;
    RoomMedia localMedia() const { return m_localMedia; }
    // Runs `callback` once the media being loaded has loaded or failed (at
    // once when nothing loads), so that a room starts where the media is.
    void whenSettled(std::function<void()> callback);
    // Joining or hosting decides when playback starts.
    void cancelAutoplay() { m_autoplay = false; }

    // The room plays a local file this player has not got: the user is asked
    // for their own copy.
    bool isAwaitingRoomFile() const { return m_awaitingRoomFile; }
    void askForRoomFile();
    // A guest without a copy: play the host's own file, streamed from the
    // host's app (false when the host offers none).
    bool streamFromHost();
    bool isStreamingFromHost() const { return m_streaming; }

    void togglePlayPause();
    void seekBy(double seconds);
    // The room's speed (alone, the player's); refused with a notice where
    // only the host controls playback.
    void setSpeed(double speed);
    void seekTo(double seconds);
    double position() const;
    // Playing as the user sees it: the room's timeline when there is one.
    bool isPlayingIntent() const;

signals:
    void loadRequested(const QUrl &url);
    void unloadRequested();
    // The source, its loading or its identity changed.
    void mediaChanged();
    void playingChanged();
    void notice(const QString &text, bool warning);
    // A seek the room (or the media's server) refused: the slider goes back
    // to where the player is.
    void seekRefused(double position);
    void seekableChanged(bool seekable);
    // The media cannot be played here, and why (for the video area).
    void mediaRefused(const QString &title, const QString &reason);
    // Whether the user should be choosing their copy of the room's file.
    void awaitingRoomFileChanged(bool awaiting);
    // The user's copy differs from the room's file, in these ways.
    void roomFileMismatch(const QStringList &differences);
    // The room has no media: `canChoose` when this user may pick it.
    void nothingChosen(bool canChoose, const QString &hostName);

private:
    const RoomConnection &connection() const;
    // A local file the user opens that stands for the room's own film.
    bool isCopyOfRoomFile(const QUrl &url) const;
    void load(const QUrl &url);
    void unload();
    void setAwaitingRoomFile(bool awaiting);
    void runSettledCallbacks();
    void checkRoomFileMatch();
    void refusedControl();
    void onRoomMediaChanged(const RoomMedia &media, const QString &ownerId);
    void onRoomEnded();
    void onStreamFailed(int status);
    void setStreaming(bool streaming);
    void refuseUnseekableInRoom();
    QString cannotWatchTogether() const;

    RoomSession &m_session;
    sync::PlayerBackend &m_player;
    Settings &m_settings;
    LocalCopies m_copies;
    QTimer *m_settleTimeout;

    QUrl m_source;
    RoomMedia m_localMedia;
    bool m_loading = false;
    bool m_failed = false;
    bool m_autoplay = false;
    bool m_announcePending = false;
    bool m_awaitingRoomFile = false;
    bool m_checkMatchPending = false;
    QList<std::function<void()>> m_settledCallbacks;
    RoomMedia m_roomCopyOf; // the room's file our copy stands in for
    QUrl m_cannotSeek; // a source whose server refused to seek
    bool m_streaming = false; // the source is the host's stream
    RoomActivity *m_activity; // what others do, as sentences
};

} // namespace lockstep::room
