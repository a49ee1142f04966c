#pragma once

#include "MediaRequest.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>
#include <unordered_map>

class QTcpSocket;
class QThread;
class QTimer;

namespace lockstep::auth {
class TokenService;
}
namespace lockstep::protocol {
class Clock;
}

namespace lockstep::server {
class ServerCore;
}

namespace lockstep::server::media {

struct MediaServerLimits {
    int maxStreams = 8; // responses with a body at once; beyond: 503 with Retry-After
    qint64 chunkBytes = 64 * 1024; // read from the file at a time
    // Bytes a response may have queued in its socket (TLS included) before
    // the next read waits for the socket to drain: a slow guest is
    // throttled here instead of buffered.
    qint64 highWaterBytes = 256 * 1024;
    double headTimeout = 10.0; // s for the request head to arrive
};

// The HTTP side of "Sharing the host's file" (docs/protocol.md): answers
// `GET`/`HEAD /media/<room>?token=...` (and `/subtitles/<room>/<id>`) on a connection the network
// layer hands over, one request per connection. Reads the file in chunks as the socket drains,
// never more than highWaterBytes + chunkBytes per stream. The reads run on a thread of their own,
// one chunk per stream at a time: a slow disk (or a file on a network share) never holds the event
// loop, which also runs the room's WebSocket traffic and, in the app, the window.
class MediaServer : public QObject
{
    Q_OBJECT

public:
    MediaServer(ServerCore &core, const auth::TokenService &tokens, const protocol::Clock &clock,
                MediaServerLimits limits = {}, QObject *parent = nullptr);
    ~MediaServer() override;

    // Takes over `socket` (its request unread) and answers it.
    void handle(QTcpSocket *socket);

    int activeStreams() const { return m_activeStreams; }
    const MediaServerLimits &limits() const { return m_limits; }
    // What each member downloaded per second lately (bytes/s), by client id;
    // members that stopped fall to 0 and then out of the list.
    QHash<QString, double> uploadRates() const { return m_rates; }
    // The most bytes any response held at once in its own buffer and its
    // socket's (a bound the benchmarks and tests check).
    qint64 peakBufferedBytes() const { return m_peakBuffered; }
    // Runs on the reading thread before each read. For tests: a slow disk.
    void setReadHook(std::function<void()> hook) { m_readHook = std::move(hook); }

signals:
    void uploadRatesChanged();

private:
    struct Response;
    struct ReaderState;

    void readHead(QTcpSocket *socket);
    void answer(QTcpSocket *socket, const MediaRequest &request);
    void answerSubtitles(QTcpSocket *socket, const MediaRequest &request);
    void refuse(QTcpSocket *socket, int status, const QByteArray &reason, const QString &sentence,
                const QByteArray &extraHeaders = {});
    void pump(QTcpSocket *socket);
    void onChunkRead(quint64 stream, const QByteArray &data);
    void finish(QTcpSocket *socket);
    // Ends the room's responses in flight (its file changed or stopped).
    void revoke(const QString &room);
    void sampleRates();

    ServerCore &m_core;
    const auth::TokenService &m_tokens;
    const protocol::Clock &m_clock;
    MediaServerLimits m_limits;
    std::unordered_map<QTcpSocket *, std::unique_ptr<Response>> m_responses;
    int m_activeStreams = 0;
    QHash<QString, qint64> m_sentSinceSample;
    QHash<QString, double> m_rates;
    QTimer *m_rateTimer;
    qint64 m_peakBuffered = 0;
    // The reading thread, a context object living there, and what only that
    // thread touches (the open files, by stream).
    QThread *m_readerThread;
    QObject *m_reader;
    std::shared_ptr<ReaderState> m_readerState;
    std::function<void()> m_readHook;
    quint64 m_nextStream = 1;
    std::unordered_map<quint64, QTcpSocket *> m_streams;
};

} // namespace lockstep::server::media
