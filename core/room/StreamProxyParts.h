#pragma once

// StreamProxy's parts on the proxy's thread: the worker (the loopback
// server, the host connections, the cache) and one relay per request of the
// player. Private to StreamProxy.cpp and StreamRelay.cpp.

#include "RangeCache.h"
#include "StreamProxy.h"

#include <QLoggingCategory>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <functional>
#include <utility>
#include <vector>

Q_DECLARE_LOGGING_CATEGORY(lcStream)

namespace lockstep::room::stream {

constexpr qsizetype kMaxHeadBytes = 16 * 1024;
constexpr qint64 kChunkBytes = 64 * 1024;
constexpr char kVerified[] = "lockstepPinnedVerified";
// The host drops a connection that sends nothing for 10 s; a spare is
// replaced before that.
constexpr int kSpareLifetimeMs = 7000;

// A header's value in an HTTP head (`name` in lower case); empty when absent.
QByteArray headerValue(const QByteArray &head, const QByteArray &name);

} // namespace lockstep::room::stream

namespace lockstep::room {

// The proxy itself, on the proxy's own thread: everything below runs there.
class StreamProxy::Worker : public QObject
{
public:
    explicit Worker(std::function<void(int)> failed);
    ~Worker() override;

    QUrl start(const QUrl &upstream, const QByteArray &pinnedSha256, const QString &fileName);
    void stop();
    bool isActive() const;
    void accept();
    void dropRelays();
    // A TLS connection to the host, checked against the pinned certificate
    // (property "lockstepPinnedVerified" once it passed).
    QSslSocket *openHost(QObject *parent);
    // One connection is kept open ahead (handshake done), replaced before
    // the host would drop it as idle; a request takes it.
    void prepareSpare();
    QSslSocket *takeSpare();
    // The file's size and type, as the host's latest answer gave them; a
    // size other than the one known means another file: the cache is cleared.
    void learnFile(qint64 size, const QByteArray &contentType);
    void forgetFile();

    const std::function<void(int)> m_failed; // tells the proxy's owner, on its thread
    QTcpServer *m_server;
    QUrl m_upstream;
    QByteArray m_pinned;
    QByteArray m_secretPath;
    QUrl m_localUrl;
    std::vector<Relay *> m_relays;
    QSslSocket *m_spare = nullptr;
    QTimer *m_spareTimer;
    QString m_fileName;
    RangeCache m_cache;
    qint64 m_fileSize = -1; // -1 until the host answered a request with a body
    QByteArray m_contentType;
    int m_upstreamRequests = 0;
};

// One request of the player: its socket, the host's, and what lies between.
// Forwarded, the host's answer goes to the player as it came, its body also
// into the cache. Served from the cache (its first byte is there), the
// proxy answers itself, sends what the cache holds and then what the host
// sends for the rest, asked for once the player nears the cached part's end.
class StreamProxy::Relay : public QObject
{
public:
    Relay(Worker &proxy, QTcpSocket *player);

    void end();

private:
    // What the host sent ahead of the player, up to kReadAheadBytes, goes
    // into the cache rather than away with the connection: a player that
    // leaves a request has mostly seeked, and the sync engine's seeks (a
    // parked start, a correction) land a second or two further on, inside it.
    void keepReadAhead();

    void readRequest();

    // Answers the request itself when its first byte is cached: the player
    // gets bytes at once, and the host is asked only for what follows the
    // cached part (nothing at all when the cache holds the whole range).
    bool serveFromCache(const QByteArray &range);

    // (Again) asks the host for the rest of a cached answer, from `offset`.
    void fetchFrom(qint64 offset);

    void forward(const QByteArray &method, const QByteArray &range);

    bool playerHasRoom() const { return m_player->bytesToWrite() < kPlayerBufferBytes; }

    // Moves what the cache holds, then what the host sent, to the player
    // while the player keeps up.
    void pump();

    // The cached part of a cached answer; true once it is all sent and the
    // host's bytes come next.
    bool pumpCached();

    // The host's status line and headers, once they are all here (they may
    // come over several reads): a refusal tells the proxy's owner.
    // Forwarded, they go to the player unchanged, and a 200 or 206 says
    // where the body lies in the file, which the cache is told. For the rest
    // of a cached answer, whose head the player has had, they are checked
    // and dropped. False while more is to come, or when the answer ended.
    bool readHostHead();

    // Where a 200 or 206 answer's body lies: its first byte and the file's
    // size; {-1, -1} for any other answer.
    static std::pair<qint64, qint64> bodyPlace(const QByteArray &head, int status);

    void fail();

    void answer(int status, const QByteArray &reason);

    enum class Mode {
        None, // the request is not all here yet, or was refused
        Forward,
        Cached,
    };

    Worker &m_proxy;
    QTcpSocket *m_player;
    QSslSocket *m_host = nullptr;
    QByteArray m_head;
    Mode m_mode = Mode::None;
    bool m_requested = false;
    bool m_answered = false; // the player has a status line
    bool m_hostHeadRead = false;
    bool m_hostDone = false;
    bool m_ended = false;
    qint64 m_next = -1; // the file offset of the next body byte; -1: not known (not cached)
    qint64 m_end = -1; // cached answers: one past the range's last byte
    qint64 m_fetchFrom = -1; // cached answers: where the cached part ends, the host's starts
};

} // namespace lockstep::room
