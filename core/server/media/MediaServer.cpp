#include "MediaServer.h"

#include "auth/TokenService.h"
#include "protocol/Clock.h"
#include "server/ServerCore.h"

#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QMimeDatabase>
#include <QSslSocket>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>

#include <algorithm>

Q_DECLARE_LOGGING_CATEGORY(lcServer)

namespace lockstep::server::media {

struct MediaServer::Response {
    QByteArray head;
    QTimer *headTimer = nullptr;
    bool answered = false;
    QString room;
    QString client;
    quint64 stream = 0; // set while a body is being sent
    QString path;
    qint64 offset = 0; // of the next byte to read
    qint64 remaining = 0;
    bool reading = false; // a chunk is being read on the reading thread
    bool counted = false; // holds one of the maxStreams places
};

struct MediaServer::ReaderState {
    std::unordered_map<quint64, std::unique_ptr<QFile>> files;
};

namespace {

qint64 queuedBytes(QTcpSocket *socket)
{
    qint64 queued = socket->bytesToWrite();
    if (auto *ssl = qobject_cast<QSslSocket *>(socket))
        queued += ssl->encryptedBytesToWrite();
    return queued;
}

QByteArray statusLine(int status, const QByteArray &reason)
{
    return "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\n";
}

} // namespace

MediaServer::MediaServer(ServerCore &core, const auth::TokenService &tokens,
                         const protocol::Clock &clock, MediaServerLimits limits, QObject *parent)
    : QObject(parent), m_core(core), m_tokens(tokens), m_clock(clock), m_limits(limits),
      m_rateTimer(new QTimer(this)), m_readerThread(new QThread(this)), m_reader(new QObject),
      m_readerState(std::make_shared<ReaderState>())
{
    m_readerThread->setObjectName(QStringLiteral("lockstep media reads"));
    m_reader->moveToThread(m_readerThread);
    connect(m_readerThread, &QThread::finished, m_reader, &QObject::deleteLater);
    m_readerThread->start();
    m_rateTimer->setInterval(1000);
    connect(m_rateTimer, &QTimer::timeout, this, &MediaServer::sampleRates);
    connect(&m_core, &ServerCore::roomMediaChanged, this, &MediaServer::revoke);
}

MediaServer::~MediaServer()
{
    for (auto &[socket, response] : m_responses)
        socket->disconnect(this);
    // Reads in flight finish; what they post back to this object is dropped
    // with it.
    m_readerThread->quit();
    m_readerThread->wait();
}

void MediaServer::handle(QTcpSocket *socket)
{
    socket->setParent(this);
    auto response = std::make_unique<Response>();
    response->headTimer = new QTimer(socket);
    response->headTimer->setSingleShot(true);
    connect(response->headTimer, &QTimer::timeout, socket, &QTcpSocket::abort);
    response->headTimer->start(int(m_limits.headTimeout * 1000));
    m_responses.emplace(socket, std::move(response));

    connect(socket, &QTcpSocket::readyRead, this, [this, socket] { readHead(socket); });
    connect(socket, &QTcpSocket::bytesWritten, this, [this, socket] { pump(socket); });
    if (auto *ssl = qobject_cast<QSslSocket *>(socket))
        connect(ssl, &QSslSocket::encryptedBytesWritten, this, [this, socket] { pump(socket); });
    connect(socket, &QTcpSocket::disconnected, this, [this, socket] { finish(socket); });
    if (!m_rateTimer->isActive())
        m_rateTimer->start();
    if (socket->bytesAvailable() > 0)
        readHead(socket);
}

void MediaServer::readHead(QTcpSocket *socket)
{
    const auto it = m_responses.find(socket);
    if (it == m_responses.end())
        return;
    Response &r = *it->second;
    if (r.answered) {
        socket->readAll(); // one request per connection: the rest is ignored
        return;
    }
    r.head += socket->read(kMaxHeadBytes + 1 - r.head.size());
    MediaRequest request;
    qsizetype headBytes = 0;
    switch (parseMediaRequest(r.head, &request, &headBytes)) {
    case HeadStatus::Incomplete:
        return;
    case HeadStatus::TooLarge:
        r.answered = true;
        refuse(socket, 431, "Request Header Fields Too Large",
               QStringLiteral("The request head is too large."));
        return;
    case HeadStatus::Malformed:
        r.answered = true;
        refuse(socket, 400, "Bad Request", QStringLiteral("This is not an HTTP/1.1 request."));
        return;
    case HeadStatus::Complete:
        r.answered = true;
        r.headTimer->stop();
        answer(socket, request);
        return;
    }
}

void MediaServer::answer(QTcpSocket *socket, const MediaRequest &request)
{
    if (request.method == MediaRequest::Method::Other) {
        refuse(socket, 405, "Method Not Allowed",
               QStringLiteral("Only GET and HEAD are served here."), "Allow: GET, HEAD\r\n");
        return;
    }
    if (!request.pathValid) {
        refuse(socket, 404, "Not Found", QStringLiteral("There is no such file here."));
        return;
    }
    const double now = m_clock.now();
    const auto verdict = m_tokens.verifyMediaToken(request.token, request.room, now);
    if (const auto *error = std::get_if<protocol::ProtocolError>(&verdict)) {
        qCInfo(lcServer).noquote()
            << "media request for room" << request.room << "refused:" << error->message;
        refuse(socket, 403, "Forbidden",
               request.token.isEmpty() ? QStringLiteral("A media token is required.")
                                       : error->message);
        return;
    }
    const auto &claims = std::get<auth::MediaClaims>(verdict);
    if (!m_core.isMember(request.room, claims.client)) {
        refuse(socket, 403, "Forbidden",
               QStringLiteral("The media token's holder is not in the room."));
        return;
    }
    if (request.resource == MediaRequest::Resource::Subtitles) {
        answerSubtitles(socket, request);
        return;
    }
    const auto path = m_core.sharedPath(request.room);
    if (!path) {
        refuse(socket, 404, "Not Found", QStringLiteral("The room does not offer its file now."));
        return;
    }
    // Its size and whether it is readable: the one look at the file on this
    // thread (the reads themselves run on the reading thread).
    const QFileInfo info(*path);
    if (!info.isFile() || !info.isReadable()) {
        refuse(socket, 404, "Not Found", QStringLiteral("The shared file cannot be read."));
        return;
    }
    const qint64 size = info.size();
    const RangeAnswer range = resolveRange(request.range, size);
    if (range.kind == RangeAnswer::Kind::Unsatisfiable) {
        refuse(socket, 416, "Range Not Satisfiable",
               QStringLiteral("The range starts past the end of the file."),
               "Content-Range: bytes */" + QByteArray::number(size) + "\r\n");
        return;
    }
    const bool body = request.method == MediaRequest::Method::Get && range.length() > 0;
    if (body && m_activeStreams >= m_limits.maxStreams) {
        refuse(socket, 503, "Service Unavailable",
               QStringLiteral("The host serves as many streams as it can; try again shortly."),
               "Retry-After: 2\r\n");
        return;
    }

    const bool partial = range.kind == RangeAnswer::Kind::Partial;
    QByteArray head = partial ? statusLine(206, "Partial Content") : statusLine(200, "OK");
    static const QMimeDatabase mimeTypes;
    head += "Content-Type: "
        + mimeTypes.mimeTypeForFile(*path, QMimeDatabase::MatchExtension).name().toLatin1()
        + "\r\n";
    head += "Accept-Ranges: bytes\r\n";
    head += "Content-Length: " + QByteArray::number(range.length()) + "\r\n";
    if (partial) {
        head += "Content-Range: bytes " + QByteArray::number(range.first) + '-'
            + QByteArray::number(range.last) + '/' + QByteArray::number(size) + "\r\n";
    }
    head += "Cache-Control: no-store\r\nConnection: close\r\n\r\n";
    socket->write(head);

    Response &r = *m_responses.at(socket);
    r.room = request.room;
    r.client = claims.client;
    if (!body) {
        socket->disconnectFromHost();
        return;
    }
    r.stream = m_nextStream++;
    m_streams.emplace(r.stream, socket);
    r.path = *path;
    r.offset = range.first;
    r.remaining = range.length();
    r.counted = true;
    ++m_activeStreams;
    qCInfo(lcServer).noquote() << "streaming room" << r.room << "to" << r.client << "bytes"
                               << range.first << "-" << range.last << "of" << size;
    pump(socket);
}

void MediaServer::answerSubtitles(QTcpSocket *socket, const MediaRequest &request)
{
    const auto track = m_core.sharedSubtitle(request.room, request.subtitle);
    const auto text = m_core.sharedSubtitleText(request.room, request.subtitle);
    if (!track || !text) {
        refuse(socket, 404, "Not Found",
               QStringLiteral("The room shares no subtitle track '%1'.").arg(request.subtitle));
        return;
    }
    QByteArray type;
    switch (track->format) {
    case protocol::SubtitleFormat::Srt:
        type = "application/x-subrip";
        break;
    case protocol::SubtitleFormat::Vtt:
        type = "text/vtt";
        break;
    case protocol::SubtitleFormat::Ass:
        type = "text/x-ssa";
        break;
    }
    // Small and in memory: written whole, whatever the Range header says.
    QByteArray head = statusLine(200, "OK");
    head += "Content-Type: " + type + "; charset=utf-8\r\n";
    head += "Content-Length: " + QByteArray::number(text->size()) + "\r\n";
    head += "Cache-Control: no-store\r\nConnection: close\r\n\r\n";
    socket->write(head);
    if (request.method == MediaRequest::Method::Get)
        socket->write(*text);
    qCInfo(lcServer).noquote() << "room" << request.room << "serves subtitle track"
                               << request.subtitle << "(" << text->size() << "bytes)";
    socket->disconnectFromHost();
}

void MediaServer::refuse(QTcpSocket *socket, int status, const QByteArray &reason,
                         const QString &sentence, const QByteArray &extraHeaders)
{
    const QByteArray body = sentence.toUtf8() + '\n';
    socket->write(statusLine(status, reason) + "Content-Type: text/plain; charset=utf-8\r\n"
                  + "Content-Length: " + QByteArray::number(body.size()) + "\r\n" + extraHeaders
                  + "Connection: close\r\n\r\n" + body);
    socket->disconnectFromHost();
}

void MediaServer::pump(QTcpSocket *socket)
{
    const auto it = m_responses.find(socket);
    if (it == m_responses.end() || it->second->stream == 0)
        return;
    Response &r = *it->second;
    if (r.reading || r.remaining == 0 || queuedBytes(socket) >= m_limits.highWaterBytes)
        return;
    r.reading = true;
    const qint64 length = std::min(m_limits.chunkBytes, r.remaining);
    QMetaObject::invokeMethod(
        m_reader,
        [this, state = m_readerState, hook = m_readHook, stream = r.stream, path = r.path,
         offset = r.offset, length] {
            if (hook)
                hook();
            std::unique_ptr<QFile> &file = state->files[stream];
            if (!file) {
                file = std::make_unique<QFile>(path);
                if (!file->open(QIODevice::ReadOnly))
                    file.reset();
            }
            QByteArray data;
            if (file && file->seek(offset))
                data = file->read(length);
            QMetaObject::invokeMethod(
                this, [this, stream, data] { onChunkRead(stream, data); }, Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void MediaServer::onChunkRead(quint64 stream, const QByteArray &data)
{
    const auto found = m_streams.find(stream);
    if (found == m_streams.end())
        return; // ended meanwhile (revoked, or the guest went away)
    QTcpSocket *socket = found->second;
    Response &r = *m_responses.at(socket);
    r.reading = false;
    if (data.isEmpty()) {
        qCWarning(lcServer).noquote() << "the shared file ended early or cannot be read:" << r.path;
        socket->abort(); // the file shrank: the response cannot be completed
        finish(socket);
        return;
    }
    socket->write(data);
    r.offset += data.size();
    r.remaining -= data.size();
    m_sentSinceSample[r.client] += data.size();
    m_peakBuffered = std::max(m_peakBuffered, queuedBytes(socket));
    if (r.remaining > 0) {
        pump(socket);
        return;
    }
    m_streams.erase(r.stream);
    QMetaObject::invokeMethod(
        m_reader, [state = m_readerState, stream = r.stream] { state->files.erase(stream); });
    r.stream = 0;
    if (r.counted) {
        r.counted = false;
        --m_activeStreams;
    }
    socket->disconnectFromHost();
}

void MediaServer::finish(QTcpSocket *socket)
{
    const auto it = m_responses.find(socket);
    if (it == m_responses.end())
        return;
    if (it->second->counted)
        --m_activeStreams;
    if (const quint64 stream = it->second->stream) {
        m_streams.erase(stream);
        QMetaObject::invokeMethod(m_reader,
                                  [state = m_readerState, stream] { state->files.erase(stream); });
    }
    m_responses.erase(it);
    socket->disconnect(this);
    socket->deleteLater();
}

void MediaServer::revoke(const QString &room)
{
    std::vector<QTcpSocket *> ended;
    for (const auto &[socket, response] : m_responses) {
        if (response->room == room)
            ended.push_back(socket);
    }
    for (QTcpSocket *socket : ended) {
        qCInfo(lcServer).noquote() << "ending a stream of room" << room << "(its file changed)";
        socket->abort();
        finish(socket); // abort() may not report a socket that never connected fully
    }
}

void MediaServer::sampleRates()
{
    const double seconds = m_rateTimer->interval() / 1000.0;
    QHash<QString, double> rates;
    for (auto it = m_sentSinceSample.cbegin(); it != m_sentSinceSample.cend(); ++it)
        rates.insert(it.key(), double(it.value()) / seconds);
    // A member that stopped reads 0 once, then leaves the list.
    for (auto it = m_rates.cbegin(); it != m_rates.cend(); ++it) {
        if (!rates.contains(it.key()) && it.value() > 0.0)
            rates.insert(it.key(), 0.0);
    }
    m_sentSinceSample.clear();
    const bool changed = rates != m_rates;
    m_rates = std::move(rates);
    if (changed)
        emit uploadRatesChanged();
    if (m_responses.empty() && m_rates.isEmpty())
        m_rateTimer->stop();
}

} // namespace lockstep::server::media
