#include "PlaybackController.h"

#include "RoomActivity.h"

#include "RoomSession.h"
#include "Settings.h"
#include "StreamProxy.h"
#include "TimeFormat.h"
#include "protocol/Clock.h"
#include "sync/PlayerBackend.h"

#include <QDir>
#include <QFileInfo>
#include <QTimer>

#include <algorithm>
#include <utility>

namespace lockstep::room {

PlaybackController::PlaybackController(RoomSession &session, sync::PlayerBackend &player,
                                       Settings &settings, QObject *parent)
    : QObject(parent), m_session(session), m_player(player), m_settings(settings),
      m_copies(settings), m_settleTimeout(new QTimer(this))
{
    m_settleTimeout->setSingleShot(true);
    m_settleTimeout->setInterval(kSettleTimeoutMs);
    connect(m_settleTimeout, &QTimer::timeout, this, &PlaybackController::runSettledCallbacks);

    connect(&session, &RoomSession::roomMediaChanged, this,
            &PlaybackController::onRoomMediaChanged);
    m_activity = new RoomActivity(session, this);
    connect(m_activity, &RoomActivity::notice, this,
            [this](const QString &text) { emit notice(text, false); });
    // Someone else played, paused or sought: the play button may change.
    connect(&session, &RoomSession::remotePlayerEvent, this, &PlaybackController::playingChanged);
    connect(&session, &RoomSession::ended, this, &PlaybackController::onRoomEnded);
    connect(&session, &RoomSession::joined, this, [this](bool rejoined) {
        if (!rejoined && !m_source.isEmpty() && !canSeek())
            refuseUnseekableInRoom();
    });
    connect(&session, &RoomSession::timelineChanged, this, &PlaybackController::playingChanged);
    connect(&session.sharing().streamProxy(), &StreamProxy::upstreamFailed, this,
            &PlaybackController::onStreamFailed);
}

const RoomConnection &PlaybackController::connection() const
{
    return m_session.connection();
}

bool PlaybackController::isLoaded() const
{
    return !m_source.isEmpty() && !m_loading && !m_failed
        && m_player.state() != sync::PlayerBackend::State::NoMedia;
}

RoomMedia PlaybackController::currentMedia() const
{
    if (m_source.isEmpty() || m_failed || !canSeek())
        return {};
    return m_localMedia;
}

double PlaybackController::position() const
{
    return m_player.position();
}

void PlaybackController::open(const QUrl &url, Origin origin)
{
    if (url.isEmpty() || !url.isValid())
        return;
    if (url.isLocalFile() && !QFileInfo::exists(url.toLocalFile())) {
        emit notice(
            tr("The file %1 does not exist.").arg(QDir::toNativeSeparators(url.toLocalFile())),
            true);
        return;
    }
    if (origin == Origin::User && connection().isActive()) {
        if (url.isLocalFile() && connection().inRoom() && isCopyOfRoomFile(url)) {
            // The room's own film, opened again or in place of the host's
            // stream: our copy of it, never a change of what the room watches.
            origin = Origin::RoomCopy;
        } else if (m_awaitingRoomFile && url.isLocalFile()) {
            origin = Origin::RoomCopy;
        } else if (!connection().inRoom()) {
            emit notice(tr("Wait until you are in the room to choose what it watches."), true);
            return;
        } else if (!connection().canControl()) {
            emit notice(tr("Only the host can change what the room watches."), true);
            return;
        } else {
            m_announcePending = true;
        }
    }
    if (origin == Origin::User && !connection().isActive())
        m_autoplay = true;
    if (origin == Origin::RoomCopy) {
        m_checkMatchPending = true;
        // Chosen once: the next time this file plays in a room, it is found.
        if (const RoomMedia room = connection().roomMedia(); room.info())
            m_copies.remember(*room.info(), url.toLocalFile());
    }
    // Remembered so that a rejoin does not ask for the room's file again
    // when our copy has another name or size.
    m_roomCopyOf = origin == Origin::RoomCopy ? connection().roomMedia() : RoomMedia();
    setAwaitingRoomFile(false);

    if (origin != Origin::Room) {
        if (url.isLocalFile()) {
            const QFileInfo file(url.toLocalFile());
            m_settings.addRecentMedia(file.absoluteFilePath());
            m_settings.setLastDirectory(file.absolutePath());
        } else {
            m_settings.addRecentMedia(url.toString());
        }
    }
    load(url);
}

bool PlaybackController::isCopyOfRoomFile(const QUrl &url) const
{
    const RoomMedia room = connection().roomMedia();
    if (!room.info() || room.info()->name.isEmpty())
        return false;
    const RoomMedia local = RoomMedia::forLocalFile(url.toLocalFile(), 0.0);
    if (local.info() && RoomMedia::sameFile(*local.info(), *room.info()))
        return true;
    // Streaming, a guest who may not change the film can only mean its copy
    // (another name, say); whether it is the same film is checked once it
    // has loaded, as for any copy.
    return m_streaming && !connection().canControl();
}

void PlaybackController::load(const QUrl &url)
{
    setStreaming(false);
    // Offered to guests whenever this app hosts with sharing on; only the
    // file the room names is ever served.
    if (url.isLocalFile())
        m_session.offerLocalFile(url.toLocalFile());
    m_source = url;
    m_localMedia = url.isLocalFile() ? RoomMedia::forLocalFile(url.toLocalFile(), 0.0)
                                     : RoomMedia::forStream(url);
    m_loading = true;
    m_failed = false;
    // The speed carries over to the next file, as the room's does.
    m_player.setPlaybackRate(connection().speed());
    emit loadRequested(url);
    emit seekableChanged(canSeek());
    m_settleTimeout->start();
    emit mediaChanged();
}

void PlaybackController::unload()
{
    setStreaming(false);
    m_roomCopyOf = RoomMedia();
    m_source.clear();
    m_localMedia = RoomMedia();
    m_announcePending = false;
    m_checkMatchPending = false;
    m_autoplay = false;
    m_failed = false;
    emit unloadRequested();
    emit mediaChanged();
}

void PlaybackController::onDurationChanged(double duration)
{
    if (m_localMedia.isLocalFile() && duration > 0.0 && m_source.isLocalFile())
        m_localMedia = RoomMedia::forLocalFile(m_source.toLocalFile(), duration);
}

void PlaybackController::onLoaded(double duration)
{
    if (!m_loading)
        return;
    m_loading = false;
    if (m_source.isLocalFile())
        m_localMedia = RoomMedia::forLocalFile(m_source.toLocalFile(), duration);

    if (m_announcePending && connection().inRoom() && !canSeek()) {
        m_announcePending = false;
        refuseUnseekableInRoom();
        runSettledCallbacks();
        return;
    }
    if (m_announcePending && connection().inRoom() && connection().canControl()) {
        m_session.changeMedia(m_localMedia);
        if (m_localMedia.info() && m_source.isLocalFile())
            m_copies.remember(*m_localMedia.info(), m_source.toLocalFile());
        emit notice(tr("Everyone in the room now watches %1.").arg(m_localMedia.displayName()),
                    false);
    }
    m_announcePending = false;
    if (m_checkMatchPending) {
        m_checkMatchPending = false;
        checkRoomFileMatch();
    }
    if (m_autoplay && !connection().isActive())
        m_player.play();
    // In a paused room the player is paused, not stopped: a stopped one
    // shows nothing (a guest who joined a room paused at 0 saw black).
    if (connection().inRoom() && !connection().timelinePlaying()
        && m_player.state() == sync::PlayerBackend::State::Paused)
        m_player.pause();
    m_autoplay = false;
    emit mediaChanged();
    runSettledCallbacks();
}

void PlaybackController::onFailed()
{
    m_loading = false;
    m_failed = true;
    m_announcePending = false;
    m_autoplay = false;
    emit mediaChanged();
    runSettledCallbacks();
}

QString PlaybackController::cannotWatchTogether() const
{
    return tr("%1 cannot be watched together: its server does not let players jump to a "
              "position (it does not support byte ranges), and keeping everyone in step needs "
              "that. Download it and open the file, or serve it from a server that supports "
              "ranges.")
        .arg(m_localMedia.displayName());
}

void PlaybackController::onSeekRefusedByServer()
{
    if (m_source.isEmpty())
        return;
    const bool first = m_cannotSeek != m_source;
    m_cannotSeek = m_source;
    emit seekableChanged(false);
    if (connection().isActive()) {
        refuseUnseekableInRoom();
        return;
    }
    // The failed seek broke the stream: start it again, from the start.
    if (first)
        emit notice(tr("%1 plays from the start only: its server does not let players jump to a "
                       "position.")
                        .arg(m_localMedia.displayName()),
                    true);
    m_autoplay = true;
    load(m_source);
}

void PlaybackController::refuseUnseekableInRoom()
{
    const QString text = cannotWatchTogether();
    const QString title = tr("Cannot watch %1 together").arg(m_localMedia.displayName());
    emit notice(text, true);
    unload();
    emit mediaRefused(title, text);
}

void PlaybackController::whenSettled(std::function<void()> callback)
{
    if (!m_loading) {
        callback();
        return;
    }
    m_settledCallbacks.append(std::move(callback));
}

void PlaybackController::runSettledCallbacks()
{
    m_settleTimeout->stop();
    const QList<std::function<void()>> callbacks = std::exchange(m_settledCallbacks, {});
    for (const auto &callback : callbacks)
        callback();
}

bool PlaybackController::isPlayingIntent() const
{
    if (connection().inRoom() && connection().hasTimeline())
        return connection().timelinePlaying();
    const sync::PlayerBackend::State state = m_player.state();
    return state == sync::PlayerBackend::State::Playing
        || state == sync::PlayerBackend::State::Buffering;
}

void PlaybackController::togglePlayPause()
{
    if (!isLoaded())
        return;
    if (connection().inRoom()) {
        if (!m_session.togglePlayPause())
            refusedControl();
        emit playingChanged();
        return;
    }
    if (isPlayingIntent())
        m_player.pause();
    else
        m_player.play();
    emit playingChanged();
}

void PlaybackController::seekBy(double seconds)
{
    // From where the room is: a player ahead for its late sound is not
    // further on in the film, and in a quick run of jumps, where the player
    // lands only on the last (SyncConfig::stormQuiet), each counts from the
    // one before.
    if (!isLoaded())
        return;
    const double from = connection().inRoom() && connection().hasTimeline()
        ? connection().roomPosition()
        : connection().playerRoomPosition(m_player.position());
    seekTo(from + seconds);
}

void PlaybackController::setSpeed(double speed)
{
    if (!m_session.setSpeed(speed))
        refusedControl();
}

void PlaybackController::seekTo(double seconds)
{
    if (!isLoaded())
        return;
    if (!canSeek()) {
        emit notice(tr("This video cannot jump to a position: its server does not allow it."),
                    true);
        emit seekRefused(m_player.position());
        return;
    }
    const double duration = m_player.duration();
    seconds = std::max(0.0, duration > 0.0 ? std::min(seconds, duration) : seconds);
    if (connection().inRoom()) {
        if (!m_session.seek(seconds)) {
            refusedControl();
            emit seekRefused(m_player.position());
        }
        return;
    }
    m_player.seek(seconds);
}

void PlaybackController::refusedControl()
{
    emit notice(tr("Only the host controls playback in this room"), true);
}

void PlaybackController::setAwaitingRoomFile(bool awaiting)
{
    if (m_awaitingRoomFile == awaiting)
        return;
    m_awaitingRoomFile = awaiting;
    emit awaitingRoomFileChanged(awaiting);
}

void PlaybackController::askForRoomFile()
{
    if (connection().inRoom())
        setAwaitingRoomFile(true);
}

void PlaybackController::onRoomMediaChanged(const RoomMedia &media, const QString &ownerId)
{
    if (!connection().inRoom())
        return;
    if (ownerId == connection().clientId() && !media.isEmpty()
        && media.mediaUrl() == m_localMedia.mediaUrl() && !m_source.isEmpty())
        return; // our own choice, already playing
    setAwaitingRoomFile(false);

    if (media.isEmpty()) {
        unload();
        emit nothingChosen(connection().canControl(), connection().nameOf(connection().hostId()));
        return;
    }
    if (media.isStream()) {
        if (m_source != media.streamUrl())
            load(media.streamUrl());
        return;
    }
    const bool offered = media.info() && media.info()->stream;
    if (m_streaming) {
        if (offered && m_localMedia.info()
            && RoomMedia::sameFile(*m_localMedia.info(), *media.info()))
            return; // still the stream of this very file
        if (!offered && m_localMedia.info()
            && RoomMedia::sameFile(*m_localMedia.info(), *media.info()))
            emit notice(tr("%1 stopped sharing %2. Choose your copy to keep watching.")
                            .arg(connection().nameOf(connection().hostId()), media.displayName()),
                        true);
    }
    // A local file: keep ours if it is the same one, open the copy chosen
    // for it before, else stream the host's, else ask for ours.
    if (m_source.isLocalFile() && m_localMedia.info() && media.info()
        && RoomMedia::sameFile(*m_localMedia.info(), *media.info()) && !m_failed)
        return;
    // Or the copy we picked for this very file (another name, say).
    if (!m_source.isEmpty() && !m_failed && m_roomCopyOf.info() && media.info()
        && RoomMedia::sameFile(*m_roomCopyOf.info(), *media.info()))
        return;
    const QString copy = media.info() ? m_copies.find(*media.info()) : QString();
    if (!copy.isEmpty()) {
        // Known by the room's name and size, or chosen (and checked) before.
        if (m_source == QUrl::fromLocalFile(copy) && !m_failed)
            return;
        load(QUrl::fromLocalFile(copy));
        return;
    }
    if (streamFromHost())
        return;
    unload();
    setAwaitingRoomFile(true);
}

bool PlaybackController::streamFromHost()
{
    const QUrl url = m_session.hostStreamUrl();
    if (url.isEmpty())
        return false;
    setAwaitingRoomFile(false);
    m_roomCopyOf = RoomMedia();
    if (m_source != url || m_failed)
        load(url);
    // Known as the room's file, so that a rejoin or a relayed change of the
    // same file keeps the stream playing.
    m_localMedia = connection().roomMedia();
    setStreaming(true);
    return true;
}

void PlaybackController::setStreaming(bool streaming)
{
    m_streaming = streaming;
    m_session.setPlaysHostStream(streaming);
}

void PlaybackController::onStreamFailed(int status)
{
    if (!m_streaming || !connection().inRoom())
        return;
    const RoomMedia media = connection().roomMedia();
    if (status == 0)
        emit notice(tr("The stream from %1 broke off. Choose your copy of %2, or stream again.")
                        .arg(connection().nameOf(connection().hostId()), media.displayName()),
                    true);
    else
        emit notice(tr("%1 stopped sharing %2. Choose your copy to keep watching.")
                        .arg(connection().nameOf(connection().hostId()), media.displayName()),
                    true);
    unload();
    setAwaitingRoomFile(true);
}

void PlaybackController::checkRoomFileMatch()
{
    const RoomMedia room = connection().roomMedia();
    if (!room.info() || !m_localMedia.info())
        return;
    const QString ownerId = connection().mediaOwnerId();
    const QStringList differences
        = RoomMedia::differences(*m_localMedia.info(), *room.info(), connection().nameOf(ownerId),
                                 ownerId == connection().hostId());
    if (differences.isEmpty())
        return;
    emit notice(differences.join(QLatin1Char(' ')), true);
    emit roomFileMismatch(differences);
}

void PlaybackController::onRoomEnded()
{
    setAwaitingRoomFile(false);
    // The host's stream ends with the room.
    if (m_streaming)
        unload();
    m_announcePending = false;
    // The engine may have left the player nudged.
    if (!qFuzzyCompare(m_player.playbackRate(), connection().speed()))
        m_player.setPlaybackRate(connection().speed());
    emit playingChanged();
}

} // namespace lockstep::room
