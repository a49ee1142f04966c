#pragma once

#include "LocalCopies.h"
#include "protocol/Messages.h"

#include <QList>
#include <QObject>
#include <QUrl>

#include <functional>
#include <optional>

namespace lockstep::room {

class PlaybackController;
class RoomSession;
class Settings;

// The room's shared playlist as the user edits it: adding files and web
// addresses (each is read first, for its length, so that the room knows
// where each item ends), moving, removing and playing an item for everyone,
// and the countdown before the next item starts by itself. Each local item is
// matched to this user's own copy once (LocalCopies), so the room moves from
// one episode to the next without asking anyone for a file again.
class PlaylistController : public QObject
{
    Q_OBJECT

public:
    // Reads a media's length in the background and calls `done` with it (in
    // seconds, 0 when the media has none, e.g. a live stream), or with
    // nothing when the media cannot be played.
    using Prober = std::function<void(const QUrl &url,
                                      std::function<void(std::optional<double> duration)> done)>;

    PlaylistController(RoomSession &session, PlaybackController &playback, Settings &settings,
                       QObject *parent = nullptr);

    void setProber(Prober prober) { m_prober = std::move(prober); }

    const protocol::Playlist &playlist() const;
    int count() const { return int(playlist().items.size()); }
    // Whether this user may change the playlist; editRefusal() says why not.
    bool canEdit() const;
    QString editRefusal() const;

    // Adds files and web addresses before `row` (-1: at the end), once each
    // has been read; what cannot be played is left out and said.
    void add(const QList<QUrl> &urls, int row = -1);
    // Files and addresses still being read.
    int pendingCount() const { return m_pending; }
    bool move(int from, int to);
    bool remove(int row);
    // Makes the item the room's media and, once it has loaded here, plays
    // it for everyone from its start.
    bool play(int row);

    // Our copy of a local item: empty for streams and for a file not matched yet.
    QString localCopy(int row) const;
    // Whether this player can play the item (a stream, or a matched copy).
    bool isPlayable(int row) const;
    void chooseLocalCopy(int row, const QString &path);

    // Seconds until the next item starts by itself; nothing when no item waits.
    std::optional<double> countdown() const;

signals:
    void changed();
    void notice(const QString &text, bool warning);
    // The next item starts by itself in `seconds` (unless someone acts).
    void countdownStarted(const QString &title, double seconds);
    // The countdown ended: the item started, or someone acted first.
    void countdownEnded();

private:
    struct Probed {
        QUrl url;
        std::optional<double> duration;
        bool done = false;
    };
    struct Batch {
        QList<Probed> entries;
        int row = -1;
        int remaining = 0;
    };
    void finishBatch(const std::shared_ptr<Batch> &batch);
    std::optional<protocol::PlaylistItem> itemFor(const Probed &probed);
    bool replace(const QList<protocol::PlaylistItem> &items, int current);
    void onPlaylistChanged(const protocol::Playlist &playlist, const QString &from);
    void cancelCountdown();

    RoomSession &m_session;
    PlaybackController &m_playback;
    LocalCopies m_copies;
    Prober m_prober;
    int m_pending = 0;
    std::optional<double> m_countdownEndsAt; // session clock
};

} // namespace lockstep::room
