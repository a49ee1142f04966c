#pragma once

#include "NetworkThread.h"

#include <QByteArray>
#include <QObject>
#include <QUrl>

namespace lockstep::room {

// How a guest's player reaches the host's shared file. The player (Qt
// Multimedia) cannot pin a certificate, so it asks this loopback proxy
// instead: plain HTTP on 127.0.0.1 at a random port and an unguessable path
// (other users of the machine cannot read the film through it), each
// request forwarded with its Range to the host over TLS pinned to the
// invite's certificate. The answer flows back as the player reads, through
// a bounded read-ahead buffer per request (kReadAheadBytes): the proxy never
// holds more, and a player that stops reading stops the host's sending.
// What came from the host is also kept, up to RangeCache::kDefaultCapacity
// in all (least recently used first out), so that a seek back into it is
// answered at once: entirely from memory when all of it is there, or from
// memory first while the rest is fetched from where the cached bytes end.
// It runs on a thread of its own (NetworkThread): a seek on Qt 6.4's
// GStreamer backend blocks the GUI thread while the player waits for the very
// data this proxy serves, and it is served all the same.
class StreamProxy : public QObject
{
    Q_OBJECT

public:
    static constexpr qint64 kReadAheadBytes = 4 * 1024 * 1024;
    static constexpr qint64 kPlayerBufferBytes = 512 * 1024;

    explicit StreamProxy(QObject *parent = nullptr);
    ~StreamProxy() override;

    // Serves `upstream` (https://HOST:PORT/media/ROOM?token=...) to the
    // player as a local URL ending in `fileName`; `pinnedSha256` empty: the
    // host's certificate is checked the usual way. Empty URL when the
    // loopback port cannot be opened. A later call replaces the upstream
    // (new requests go there; those in flight end).
    QUrl start(const QUrl &upstream, const QByteArray &pinnedSha256, const QString &fileName);
    void stop();
    bool isActive() const;
    QUrl localUrl() const;
    QUrl upstream() const;
    int openRequests() const;
    // Requests sent to the host since the proxy was made: a request served
    // from the cache sends none.
    int upstreamRequests() const;
    // What the cache of the file's recently fetched ranges holds.
    qint64 cachedBytes() const;

signals:
    // The host answered a request with this status (403: not allowed any
    // more; 404: it no longer offers the file), or could not be reached (0).
    void upstreamFailed(int status);

private:
    class Relay;
    class Worker;

    mutable NetworkThread m_thread;
    Worker *m_worker = nullptr; // lives on m_thread
};

} // namespace lockstep::room
