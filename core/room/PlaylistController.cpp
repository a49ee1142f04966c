#include "PlaylistController.h"

#include "PlaybackController.h"
#include "RoomMedia.h"
#include "RoomSession.h"
#include "protocol/Clock.h"
#include "protocol/Limits.h"

#include <QDir>
#include <QFileInfo>
#include <QPointer>
#include <QUuid>

#include <memory>

namespace lockstep::room {

namespace {

QString newItemId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString titleFor(const QUrl &url)
{
    if (url.isLocalFile())
        return QFileInfo(url.toLocalFile()).completeBaseName();
    const QString file = url.fileName();
    return (file.isEmpty() ? url.toDisplayString() : file).left(protocol::limits::kMaxTitleLength);
}

} // namespace

PlaylistController::PlaylistController(RoomSession &session, PlaybackController &playback,
                                       Settings &settings, QObject *parent)
    : QObject(parent), m_session(session), m_playback(playback), m_copies(settings)
{
    connect(&session, &RoomSession::playlistChanged, this, &PlaylistController::onPlaylistChanged);
    connect(&session, &RoomSession::joined, this, [this] {
        cancelCountdown();
        emit changed();
    });
    connect(&session, &RoomSession::activeChanged, this, [this] {
        cancelCountdown();
        emit changed();
    });
    connect(&session, &RoomSession::hostChanged, this, &PlaylistController::changed);
    connect(&session, &RoomSession::remotePlayerEvent, this, &PlaylistController::cancelCountdown);
    connect(&session, &RoomSession::timelineChanged, this, [this] {
        if (m_countdownEndsAt && m_session.connection().hasTimeline()
            && m_session.connection().timelinePlaying())
            cancelCountdown();
    });
}

const protocol::Playlist &PlaylistController::playlist() const
{
    static const protocol::Playlist empty;
    return m_session.connection().inRoom() ? m_session.party().playlist() : empty;
}

bool PlaylistController::canEdit() const
{
    return m_session.connection().inRoom() && m_session.connection().canControl();
}

QString PlaylistController::editRefusal() const
{
    if (!m_session.connection().inRoom())
        return tr("The playlist belongs to a room: host or join one first.");
    if (!m_session.connection().canControl())
        return tr("Only the host changes the playlist in this room.");
    return {};
}

void PlaylistController::add(const QList<QUrl> &urls, int row)
{
    if (!canEdit()) {
        emit notice(editRefusal(), true);
        return;
    }
    auto batch = std::make_shared<Batch>();
    batch->row = row;
    QStringList missing;
    for (const QUrl &url : urls) {
        if (url.isLocalFile()) {
            const QFileInfo file(url.toLocalFile());
            if (!file.isFile()) {
                missing << QDir::toNativeSeparators(url.toLocalFile());
                continue;
            }
        } else if (!RoomMedia::isStreamUrl(url) || url.scheme() == QLatin1String("lockstep")) {
            missing << url.toDisplayString();
            continue;
        }
        batch->entries.append(Probed {url, std::nullopt, false});
    }
    if (!missing.isEmpty())
        emit notice(tr("Not added, because it is not a file or a web address: %1")
                        .arg(missing.join(QStringLiteral(", "))),
                    true);
    const int room = protocol::limits::kMaxPlaylistItems - count() - m_pending;
    if (batch->entries.size() > room) {
        emit notice(tr("A playlist holds at most %1 items; %n were left out.", "",
                       int(batch->entries.size() - std::max(room, 0)))
                        .arg(protocol::limits::kMaxPlaylistItems),
                    true);
        batch->entries.resize(std::max(room, 0));
    }
    if (batch->entries.isEmpty())
        return;
    batch->remaining = int(batch->entries.size());
    m_pending += batch->remaining;
    emit changed();
    for (int i = 0; i < batch->entries.size(); ++i) {
        QPointer<PlaylistController> self(this);
        auto done = [self, batch, i](std::optional<double> duration) {
            if (!self || batch->entries[i].done)
                return;
            batch->entries[i].done = true;
            batch->entries[i].duration = duration;
            if (--batch->remaining == 0)
                self->finishBatch(batch);
        };
        if (m_prober)
            m_prober(batch->entries.at(i).url, done);
        else
            done(0.0);
    }
}

std::optional<protocol::PlaylistItem> PlaylistController::itemFor(const Probed &probed)
{
    if (!probed.duration)
        return std::nullopt;
    protocol::PlaylistItem item;
    item.id = newItemId();
    item.title = titleFor(probed.url);
    if (probed.url.isLocalFile()) {
        const RoomMedia media = RoomMedia::forLocalFile(probed.url.toLocalFile(), *probed.duration);
        item.mediaUrl = media.mediaUrl();
        item.media = media.info();
        // The one who adds a file has it: their copy is that file, which
        // guests without one stream when this app hosts.
        m_copies.remember(*media.info(), probed.url.toLocalFile());
        m_session.offerLocalFile(probed.url.toLocalFile());
    } else {
        item.mediaUrl = probed.url.toString(QUrl::FullyEncoded);
        if (*probed.duration > 0.0)
            item.media = protocol::MediaInfo {titleFor(probed.url), std::nullopt, *probed.duration};
    }
    return item;
}

void PlaylistController::finishBatch(const std::shared_ptr<Batch> &batch)
{
    m_pending -= int(batch->entries.size());
    QList<protocol::PlaylistItem> added;
    QStringList unplayable;
    for (const Probed &probed : std::as_const(batch->entries)) {
        if (auto item = itemFor(probed))
            added << *item;
        else
            unplayable << (probed.url.isLocalFile() ? QFileInfo(probed.url.toLocalFile()).fileName()
                                                    : probed.url.toDisplayString());
    }
    if (!unplayable.isEmpty())
        emit notice(tr("Lockstep cannot play %1, so it was not added to the playlist.")
                        .arg(unplayable.join(QStringLiteral(", "))),
                    true);
    if (added.isEmpty()) {
        emit changed();
        return;
    }
    if (!canEdit()) {
        emit notice(editRefusal(), true);
        emit changed();
        return;
    }
    QList<protocol::PlaylistItem> items = playlist().items;
    int current = playlist().current;
    if (items.isEmpty() && current < 0) {
        const RoomMedia now = m_session.connection().roomMedia();
        if (!now.isEmpty()) {
            // What the room watches now becomes the first item and plays on.
            protocol::PlaylistItem first;
            first.id = newItemId();
            first.title = now.info() && now.isLocalFile()
                ? QFileInfo(now.info()->name).completeBaseName()
                : now.displayName().left(protocol::limits::kMaxTitleLength);
            first.mediaUrl = now.mediaUrl();
            first.media = now.info();
            items << first;
        }
        current = 0; // the room's media, or else the first item added
    }
    const int at = batch->row < 0 || batch->row > items.size() ? int(items.size()) : batch->row;
    // The current item keeps its place in the order (an empty playlist's
    // first item added is the current one).
    if (!playlist().items.isEmpty() && current >= at)
        current += int(added.size());
    for (int i = 0; i < added.size(); ++i)
        items.insert(at + i, added.at(i));
    replace(items, current);
    emit notice(added.size() == 1 ? tr("Added %1 to the playlist.").arg(added.first().title)
                                  : tr("Added %n items to the playlist.", "", int(added.size())),
                false);
}

bool PlaylistController::move(int from, int to)
{
    QList<protocol::PlaylistItem> items = playlist().items;
    if (!canEdit() || from < 0 || from >= items.size() || to < 0 || to >= items.size()
        || from == to)
        return false;
    const int current = playlist().current;
    const QString currentId = current >= 0 ? items.at(current).id : QString();
    items.move(from, to);
    int newCurrent = -1;
    for (int i = 0; i < items.size(); ++i) {
        if (items.at(i).id == currentId)
            newCurrent = i;
    }
    return replace(items, newCurrent);
}

bool PlaylistController::remove(int row)
{
    QList<protocol::PlaylistItem> items = playlist().items;
    if (!canEdit() || row < 0 || row >= items.size())
        return false;
    int current = playlist().current;
    items.removeAt(row);
    // The item playing now plays on; the playlist then has no current item.
    if (row == current)
        current = -1;
    else if (row < current)
        --current;
    return replace(items, current);
}

bool PlaylistController::play(int row)
{
    const QList<protocol::PlaylistItem> items = playlist().items;
    if (!canEdit() || row < 0 || row >= items.size())
        return false;
    const QString id = items.at(row).id;
    if (row == playlist().current) {
        if (!m_session.seek(0.0))
            return false;
    } else if (!replace(items, row)) {
        return false;
    }
    // Start once the item has loaded here (at once when nothing loads).
    QPointer<PlaylistController> self(this);
    m_playback.whenSettled([self, id] {
        if (!self || !self->m_session.connection().inRoom())
            return;
        const protocol::Playlist &now = self->playlist();
        if (now.current < 0 || now.items.at(now.current).id != id)
            return;
        if (self->m_playback.isLoaded() && !self->m_playback.isPlayingIntent())
            self->m_playback.togglePlayPause();
    });
    return true;
}

bool PlaylistController::replace(const QList<protocol::PlaylistItem> &items, int current)
{
    if (!m_session.setPlaylist(items, current)) {
        emit notice(editRefusal().isEmpty() ? tr("The playlist could not be changed.")
                                            : editRefusal(),
                    true);
        return false;
    }
    return true;
}

QString PlaylistController::localCopy(int row) const
{
    if (row < 0 || row >= count())
        return {};
    const protocol::PlaylistItem &item = playlist().items.at(row);
    const RoomMedia media = RoomMedia::fromRoom(item.mediaUrl, item.media);
    if (!media.isLocalFile() || !media.info())
        return {};
    return m_copies.find(*media.info());
}

bool PlaylistController::isPlayable(int row) const
{
    if (row < 0 || row >= count())
        return false;
    const protocol::PlaylistItem &item = playlist().items.at(row);
    return RoomMedia::fromRoom(item.mediaUrl, item.media).isStream() || !localCopy(row).isEmpty();
}

void PlaylistController::chooseLocalCopy(int row, const QString &path)
{
    if (row < 0 || row >= count() || !QFileInfo(path).isFile())
        return;
    const protocol::PlaylistItem &item = playlist().items.at(row);
    const RoomMedia media = RoomMedia::fromRoom(item.mediaUrl, item.media);
    if (!media.isLocalFile() || !media.info())
        return;
    m_copies.remember(*media.info(), path);
    // The room waits for this very file: open it now.
    if (row == playlist().current && m_playback.isAwaitingRoomFile())
        m_playback.open(QUrl::fromLocalFile(path), PlaybackController::Origin::RoomCopy);
    emit changed();
}

std::optional<double> PlaylistController::countdown() const
{
    if (!m_countdownEndsAt)
        return std::nullopt;
    const double left = *m_countdownEndsAt - m_session.connection().clock().now();
    if (left <= 0.0)
        return std::nullopt;
    return left;
}

void PlaylistController::onPlaylistChanged(const protocol::Playlist &playlist, const QString &from)
{
    if (from.isEmpty() && playlist.current >= 0 && playlist.current < playlist.items.size()) {
        // The server moved on by itself: the next item starts after a pause.
        m_countdownEndsAt
            = m_session.connection().clock().now() + protocol::limits::kPlaylistAdvanceDelay;
        emit countdownStarted(playlist.items.at(playlist.current).title,
                              protocol::limits::kPlaylistAdvanceDelay);
    } else {
        cancelCountdown();
    }
    emit changed();
}

void PlaylistController::cancelCountdown()
{
    if (!m_countdownEndsAt)
        return;
    m_countdownEndsAt.reset();
    emit countdownEnded();
}

} // namespace lockstep::room
