// The host's shared file over HTTP on the room's own port: real TLS over
// loopback, a real SessionServer sharing a real file, real sockets asking
// for it (docs/protocol.md, "Sharing the host's file").
#include "TestClient.h"
#include "auth/TokenService.h"
#include "protocol/Clock.h"
#include "room/HostCertificate.h"
#include "server/SessionServer.h"
#include "server/media/SharedFiles.h"

#include <QFile>
#include <QSemaphore>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace lockstep;
using protocol::Envelope;
using protocol::MediaInfo;
using protocol::RoomState;
using test::TestClient;

namespace {

constexpr int kDeadlineMs = 10000;
const QString kRoom = QStringLiteral("film-night");

// One HTTP/1.1 exchange over TLS, read as it arrives (or not at all while
// `reading` is false, to play a slow guest).
class HttpFetch : public QObject
{
public:
    HttpFetch(quint16 port, const QByteArray &head, bool reading = true) : m_reading(reading)
    {
        m_socket.setPeerVerifyMode(QSslSocket::VerifyNone);
        m_socket.setReadBufferSize(reading ? 0 : 16 * 1024);
        connect(&m_socket, &QSslSocket::encrypted, this, [this, head] { m_socket.write(head); });
        connect(&m_socket, &QSslSocket::readyRead, this, [this] {
            if (m_reading)
                m_data += m_socket.readAll();
        });
        connect(&m_socket, &QSslSocket::disconnected, this, [this] {
            m_data += m_socket.readAll();
            m_closed = true;
        });
        m_socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), port);
    }

    bool finish(int timeoutMs = kDeadlineMs)
    {
        m_reading = true;
        m_socket.setReadBufferSize(0);
        m_data += m_socket.readAll();
        return QTest::qWaitFor([this] { return m_closed; }, timeoutMs);
    }
    bool closed() const { return m_closed; }
    int status() const { return m_data.mid(9, 3).toInt(); }
    QByteArray header(const QByteArray &name) const
    {
        const QByteArray head = m_data.left(m_data.indexOf("\r\n\r\n"));
        for (const QByteArray &line : head.split('\n')) {
            const qsizetype colon = line.indexOf(':');
            if (colon > 0 && line.left(colon).trimmed().toLower() == name.toLower())
                return line.mid(colon + 1).trimmed();
        }
        return {};
    }
    QByteArray body() const
    {
        const qsizetype end = m_data.indexOf("\r\n\r\n");
        return end < 0 ? QByteArray() : m_data.mid(end + 4);
    }

private:
    QSslSocket m_socket;
    QByteArray m_data;
    bool m_reading = true;
    bool m_closed = false;
};

QByteArray get(const QString &room, const QString &token, const QByteArray &extra = {},
               const QByteArray &method = "GET")
{
    return method + " /media/" + room.toLatin1() + "?token=" + token.toLatin1()
        + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extra + "\r\n";
}

QByteArray getSubtitle(const QString &room, const QString &id, const QString &token)
{
    return "GET /subtitles/" + room.toLatin1() + '/' + id.toLatin1() + "?token=" + token.toLatin1()
        + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
}

// Bytes that differ from place to place, so a wrong range shows.
QByteArray pattern(qint64 size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (qint64 i = 0; i < size; ++i)
        bytes[i] = char((i * 131 + i / 251) & 0xff);
    return bytes;
}

} // namespace

class TestMediaStream : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void roomStateCarriesStreamAndEachMembersOwnToken();
    void servesTheWholeFileAndRanges();
    void refusesPastTheEnd();
    void refusesWithoutTheRightToken_data();
    void refusesWithoutTheRightToken();
    void refusesAFormerMember();
    void refusesPathsLeavingTheSharedFile_data();
    void refusesPathsLeavingTheSharedFile();
    void aChangedFileEndsStreamsInFlight();
    void aWithdrawnFileEndsStreamsInFlight();
    void theSameFileNamedAgainKeepsStreams();
    void aPlaylistMoveToASharedFileTellsTheMoverToo();
    void limitsConcurrentStreams();
    void throttlesASlowGuest();
    void aSlowDiskDoesNotHoldTheRoom();
    void reportsUploadRates();
    void aServerWithoutSharingNeverStreams();
    void servesTheSubtitlesTheHostShares();

private:
    // Creates kRoom naming `file` with the host client; the guest joins.
    void openRoom(const QString &file);
    QString guestToken() const;

    QTemporaryDir m_dir;
    QString m_certificate;
    QString m_key;
    QSslCertificate m_cert;
    QString m_small; // 1 MiB + 3 bytes
    QString m_large; // 24 MiB
    std::unique_ptr<server::SessionServer> m_server;
    std::unique_ptr<TestClient> m_host;
    std::unique_ptr<TestClient> m_guest;
};

void TestMediaStream::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    QString error;
    const auto certificate
        = room::HostCertificate::loadOrCreate(m_dir.filePath(QStringLiteral("tls")), &error);
    QVERIFY2(certificate, qPrintable(error));
    m_certificate = certificate->certificatePath();
    m_key = certificate->keyPath();
    m_cert = certificate->certificate();

    m_small = m_dir.filePath(QStringLiteral("film.mkv"));
    QFile small(m_small);
    QVERIFY(small.open(QIODevice::WriteOnly));
    small.write(pattern(1024 * 1024 + 3));
    small.close();
    m_large = m_dir.filePath(QStringLiteral("long film.mp4"));
    QFile large(m_large);
    QVERIFY(large.open(QIODevice::WriteOnly));
    const QByteArray block = pattern(1024 * 1024);
    for (int i = 0; i < 24; ++i)
        large.write(block);
    large.close();
}

void TestMediaStream::init()
{
    server::SessionServerConfig config;
    config.address = QHostAddress::LocalHost;
    config.port = 0;
    config.tlsCertificatePath = m_certificate;
    config.tlsKeyPath = m_key;
    config.shareMedia = true;
    config.media.maxStreams = 2;
    m_server = std::make_unique<server::SessionServer>(config);
    QVERIFY(m_server->start());
    QVERIFY(m_server->sharedFiles()->offer(m_small));
    QVERIFY(m_server->sharedFiles()->offer(m_large));
    m_host = std::make_unique<TestClient>();
    m_guest = std::make_unique<TestClient>();
    m_host->trust(m_cert);
    m_guest->trust(m_cert);
    QVERIFY(m_host->open(m_server->loopbackUrl()));
    QVERIFY(m_guest->open(m_server->loopbackUrl()));
}

void TestMediaStream::cleanup()
{
    m_host.reset();
    m_guest.reset();
    m_server.reset();
}

void TestMediaStream::openRoom(const QString &file)
{
    const QFileInfo info(file);
    protocol::CreateRoom create;
    create.mediaUrl = info.fileName();
    create.media = MediaInfo {info.fileName(), info.size(), 60.0};
    create.name = QStringLiteral("Alice");
    m_host->send(create, kRoom, QStringLiteral("alice"));
    QVERIFY(m_host->waitFor("room_state"));
    m_host->next("room_state");
    QVERIFY(m_guest->joinRoom(kRoom, QStringLiteral("bob"), QStringLiteral("Bob")));
}

QString TestMediaStream::guestToken() const
{
    return m_guest->lastRoomState().as<RoomState>()->mediaToken.value_or(QString());
}

void TestMediaStream::roomStateCarriesStreamAndEachMembersOwnToken()
{
    openRoom(m_small);
    const RoomState *state = m_guest->lastRoomState().as<RoomState>();
    QVERIFY(state && state->media);
    QVERIFY(state->media->stream);
    QVERIFY(state->mediaToken);

    // The token names its holder and room, is a media token, lasts 12 h.
    const auth::TokenService &tokens = m_server->tokens();
    const double now = protocol::SystemClock::instance().now();
    const auto claims = tokens.verifyMediaToken(*state->mediaToken, kRoom, now);
    QVERIFY(std::holds_alternative<auth::MediaClaims>(claims));
    QCOMPARE(std::get<auth::MediaClaims>(claims).client, QStringLiteral("bob"));
    QVERIFY(std::get<auth::MediaClaims>(claims).expiresAt >= now + 12 * 3600 - 2);
    // Never an auth token.
    QVERIFY(std::holds_alternative<protocol::ProtocolError>(
        tokens.verifyAuthToken(*state->mediaToken, now)));

    // Only the guest ever received its token.
    QVERIFY(m_host->sync());
    for (const Envelope &e : m_host->received())
        QVERIFY(!QString::fromUtf8(protocol::encode(e)).contains(*state->mediaToken));
}

void TestMediaStream::servesTheWholeFileAndRanges()
{
    openRoom(m_small);
    const QByteArray file = pattern(1024 * 1024 + 3);
    const quint16 port = m_server->port();

    HttpFetch whole(port, get(kRoom, guestToken()));
    QVERIFY(whole.finish());
    QCOMPARE(whole.status(), 200);
    QCOMPARE(whole.header("Accept-Ranges"), QByteArray("bytes"));
    QCOMPARE(whole.header("Content-Length").toLongLong(), file.size());
    QCOMPARE(whole.body(), file);

    HttpFetch middle(port, get(kRoom, guestToken(), "Range: bytes=1000-1999\r\n"));
    QVERIFY(middle.finish());
    QCOMPARE(middle.status(), 206);
    QCOMPARE(middle.header("Content-Range"), "bytes 1000-1999/" + QByteArray::number(file.size()));
    QCOMPARE(middle.header("Content-Length"), QByteArray("1000"));
    QCOMPARE(middle.body(), file.mid(1000, 1000));

    HttpFetch open(port, get(kRoom, guestToken(), "Range: bytes=1048000-\r\n"));
    QVERIFY(open.finish());
    QCOMPARE(open.status(), 206);
    QCOMPARE(open.body(), file.mid(1048000));

    HttpFetch suffix(port, get(kRoom, guestToken(), "Range: bytes=-500\r\n"));
    QVERIFY(suffix.finish());
    QCOMPARE(suffix.status(), 206);
    QCOMPARE(suffix.header("Content-Range"),
             "bytes " + QByteArray::number(file.size() - 500) + '-'
                 + QByteArray::number(file.size() - 1) + '/' + QByteArray::number(file.size()));
    QCOMPARE(suffix.body(), file.right(500));

    HttpFetch head(port, get(kRoom, guestToken(), "Range: bytes=10-19\r\n", "HEAD"));
    QVERIFY(head.finish());
    QCOMPARE(head.status(), 206);
    QCOMPARE(head.header("Content-Length"), QByteArray("10"));
    QVERIFY(head.body().isEmpty());
}

void TestMediaStream::refusesPastTheEnd()
{
    openRoom(m_small);
    const qint64 size = QFileInfo(m_small).size();
    const QList<QByteArray> ranges {QByteArray("bytes=" + QByteArray::number(size) + "-"),
                                    QByteArray("bytes=99999999-99999999"), QByteArray("bytes=-0")};
    for (const QByteArray &range : ranges) {
        HttpFetch past(m_server->port(), get(kRoom, guestToken(), "Range: " + range + "\r\n"));
        QVERIFY(past.finish());
        QCOMPARE(past.status(), 416);
        QCOMPARE(past.header("Content-Range"), "bytes */" + QByteArray::number(size));
        QVERIFY(!past.body().contains(pattern(64)));
    }
}

void TestMediaStream::refusesWithoutTheRightToken_data()
{
    QTest::addColumn<QString>("which");
    QTest::newRow("no token") << QStringLiteral("none");
    QTest::newRow("garbage") << QStringLiteral("garbage");
    QTest::newRow("another server's") << QStringLiteral("foreign");
    QTest::newRow("expired") << QStringLiteral("expired");
    QTest::newRow("an invite") << QStringLiteral("invite");
    QTest::newRow("an auth token") << QStringLiteral("auth");
    QTest::newRow("another room's") << QStringLiteral("other room");
    QTest::newRow("tampered") << QStringLiteral("tampered");
}

void TestMediaStream::refusesWithoutTheRightToken()
{
    QFETCH(QString, which);
    openRoom(m_small);
    const double now = protocol::SystemClock::instance().now();
    auth::TokenService &tokens = m_server->tokens();
    QString token;
    if (which == QLatin1String("garbage")) {
        token = QStringLiteral("not-a-token");
    } else if (which == QLatin1String("foreign")) {
        token = auth::TokenService(QByteArray(40, 'x'))
                    .issueMediaToken(kRoom, QStringLiteral("bob"), now);
    } else if (which == QLatin1String("expired")) {
        token = tokens.issueMediaToken(kRoom, QStringLiteral("bob"), now - 13 * 3600);
    } else if (which == QLatin1String("invite")) {
        m_host->send(protocol::CreateInvite {3600});
        QVERIFY(m_host->waitFor("invite_created"));
        token = m_host->next("invite_created").as<protocol::InviteCreated>()->inviteToken;
    } else if (which == QLatin1String("auth")) {
        token = tokens.issueUserToken(QStringLiteral("bob"), {}, kRoom, 3600, now);
    } else if (which == QLatin1String("other room")) {
        // A member of another room on the same server, with its own token.
        TestClient other;
        other.trust(m_cert);
        QVERIFY(other.open(m_server->loopbackUrl()));
        protocol::CreateRoom create;
        create.mediaUrl = QStringLiteral("film.mkv");
        create.media = MediaInfo {QStringLiteral("film.mkv"), QFileInfo(m_small).size(), {}};
        other.send(create, QStringLiteral("other"), QStringLiteral("carol"));
        QVERIFY(other.waitFor("room_state"));
        token = other.next("room_state").as<RoomState>()->mediaToken.value_or(QString());
        QVERIFY(!token.isEmpty());
        // It works for its own room...
        HttpFetch own(m_server->port(),
                      get(QStringLiteral("other"), token, "Range: bytes=0-9\r\n"));
        QVERIFY(own.finish());
        QCOMPARE(own.status(), 206);
    } else if (which == QLatin1String("tampered")) {
        // The guest's own token with its room claim rewritten: the signature fails.
        const QList<QString> parts = guestToken().split(QLatin1Char('.'));
        QByteArray claims = QByteArray::fromBase64(
            parts[1].toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        claims.replace("\"bob\"", "\"eve\"");
        token = parts[0] + QLatin1Char('.')
            + QString::fromLatin1(
                    claims.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals))
            + QLatin1Char('.') + parts[2];
    }
    HttpFetch refused(m_server->port(), get(kRoom, token));
    QVERIFY(refused.finish());
    QCOMPARE(refused.status(), 403);
    QVERIFY(refused.body().size() < 200);
    QVERIFY(!refused.body().contains(pattern(16)));
}

void TestMediaStream::refusesAFormerMember()
{
    openRoom(m_small);
    const QString token = guestToken();
    m_guest->close();
    QVERIFY(m_guest->waitForDisconnected());
    QVERIFY(QTest::qWaitFor(
        [&] { return !m_server->core().isMember(kRoom, QStringLiteral("bob")); }, kDeadlineMs));
    HttpFetch refused(m_server->port(), get(kRoom, token));
    QVERIFY(refused.finish());
    QCOMPARE(refused.status(), 403);
}

void TestMediaStream::refusesPathsLeavingTheSharedFile_data()
{
    QTest::addColumn<QByteArray>("path");
    QTest::newRow("parent") << QByteArray("/media/../../etc/passwd");
    QTest::newRow("below the room") << QByteArray("/media/film-night/../../etc/passwd");
    QTest::newRow("a file name") << QByteArray("/media/film-night/film.mkv");
    QTest::newRow("encoded") << QByteArray("/media/film-night%2F..%2F..%2Fetc%2Fpasswd");
    QTest::newRow("encoded dots") << QByteArray("/media/%2e%2e%2f%2e%2e%2fetc%2fpasswd");
    QTest::newRow("no room") << QByteArray("/media/");
    QTest::newRow("an absolute path") << QByteArray("/media//etc/passwd");
}

void TestMediaStream::refusesPathsLeavingTheSharedFile()
{
    QFETCH(QByteArray, path);
    openRoom(m_small);
    HttpFetch refused(m_server->port(),
                      "GET " + path + "?token=" + guestToken().toLatin1()
                          + " HTTP/1.1\r\nHost: x\r\n\r\n");
    QVERIFY(refused.finish());
    QCOMPARE(refused.status(), 404);
    QVERIFY(!refused.body().contains("root:"));
}

void TestMediaStream::aChangedFileEndsStreamsInFlight()
{
    openRoom(m_large);
    HttpFetch slow(m_server->port(), get(kRoom, guestToken()), false);
    QVERIFY(QTest::qWaitFor([&] { return m_server->mediaServer()->activeStreams() == 1; },
                            kDeadlineMs));
    // The host moves on to a file it does not share.
    protocol::MediaChange change {QStringLiteral("other.mkv"),
                                  MediaInfo {QStringLiteral("other.mkv"), 1234, 10.0}};
    m_host->send(change);
    QVERIFY(m_guest->waitFor("media_change"));
    QVERIFY(!m_guest->next("media_change").as<protocol::MediaChange>()->media->stream);
    QVERIFY(QTest::qWaitFor([&] { return m_server->mediaServer()->activeStreams() == 0; },
                            kDeadlineMs));
    // The guest, reading on, gets the connection closed short of the file.
    QVERIFY(slow.finish());
    QVERIFY(slow.body().size() < QFileInfo(m_large).size());

    // And the old token asks in vain: the room offers nothing now.
    HttpFetch after(m_server->port(), get(kRoom, guestToken(), "Range: bytes=0-9\r\n"));
    QVERIFY(after.finish());
    QCOMPARE(after.status(), 404);

    // Back to a shared file: the same token streams it again.
    const QFileInfo small(m_small);
    m_host->send(
        protocol::MediaChange {small.fileName(), MediaInfo {small.fileName(), small.size(), 5.0}});
    QVERIFY(m_guest->waitFor("media_change"));
    QVERIFY(m_guest->next("media_change").as<protocol::MediaChange>()->media->stream);
    HttpFetch again(m_server->port(), get(kRoom, guestToken(), "Range: bytes=0-9\r\n"));
    QVERIFY(again.finish());
    QCOMPARE(again.status(), 206);
    QCOMPARE(again.body(), pattern(10));
}

void TestMediaStream::aWithdrawnFileEndsStreamsInFlight()
{
    openRoom(m_large);
    HttpFetch slow(m_server->port(), get(kRoom, guestToken()), false);
    QVERIFY(QTest::qWaitFor([&] { return m_server->mediaServer()->activeStreams() == 1; },
                            kDeadlineMs));
    m_server->sharedFiles()->withdraw(m_large);
    QVERIFY(QTest::qWaitFor([&] { return m_server->mediaServer()->activeStreams() == 0; },
                            kDeadlineMs));
    QVERIFY(slow.finish());
    QVERIFY(slow.body().size() < QFileInfo(m_large).size());
    QVERIFY(!m_server->core().room(kRoom)->media->stream);
    HttpFetch after(m_server->port(), get(kRoom, guestToken(), "Range: bytes=0-9\r\n"));
    QVERIFY(after.finish());
    QCOMPARE(after.status(), 404);
}

void TestMediaStream::theSameFileNamedAgainKeepsStreams()
{
    openRoom(m_large);
    HttpFetch slow(m_server->port(), get(kRoom, guestToken()), false);
    QVERIFY(QTest::qWaitFor([&] { return m_server->mediaServer()->activeStreams() == 1; },
                            kDeadlineMs));
    const QFileInfo large(m_large);
    m_host->send(
        protocol::MediaChange {large.fileName(), MediaInfo {large.fileName(), large.size(), 60.0}});
    QVERIFY(m_guest->waitFor("media_change"));
    QVERIFY(m_guest->next("media_change").as<protocol::MediaChange>()->media->stream);
    QVERIFY(m_host->sync());
    QCOMPARE(m_server->mediaServer()->activeStreams(), 1);
    QVERIFY(slow.finish(60000));
    QCOMPARE(slow.body().size(), large.size());
    QCOMPARE(slow.body().left(4096), pattern(4096));
}

void TestMediaStream::aPlaylistMoveToASharedFileTellsTheMoverToo()
{
    // The guest moves the playlist on. A media_change goes to the others
    // only, but the guest cannot know that the host offers the new item's
    // file: when it does, the guest is told too, and may stream it.
    openRoom(m_small);
    const auto item = [](const QString &id, const QString &file, qint64 size) {
        return protocol::PlaylistItem {id, file, file, MediaInfo {file, size, 60.0}};
    };
    const QFileInfo small(m_small);
    const QFileInfo large(m_large);
    const QList<protocol::PlaylistItem> items {
        item(QStringLiteral("a"), small.fileName(), small.size()),
        item(QStringLiteral("b"), large.fileName(), large.size()),
        item(QStringLiteral("c"), QStringLiteral("not shared.mkv"), 1234)};
    m_guest->send(protocol::PlaylistUpdate {items, 0, std::nullopt});
    QVERIFY(m_guest->waitFor("playlist_update"));
    m_guest->next("playlist_update");
    QVERIFY(m_guest->sync());
    QCOMPARE(m_guest->pendingCount("media_change"), 0); // the film it already plays

    m_guest->send(protocol::PlaylistUpdate {items, 1, std::nullopt});
    QVERIFY(m_guest->waitFor("playlist_update"));
    QVERIFY(m_guest->waitFor("media_change"));
    const Envelope told = m_guest->next("media_change");
    QCOMPARE(told.client, QStringLiteral("bob"));
    QVERIFY(told.as<protocol::MediaChange>()->media->stream);
    QVERIFY(m_host->waitFor("media_change"));
    QVERIFY(m_host->next("media_change").as<protocol::MediaChange>()->media->stream);
    // And the guest's token streams it.
    HttpFetch fetch(m_server->port(), get(kRoom, guestToken(), "Range: bytes=0-9\r\n"));
    QVERIFY(fetch.finish());
    QCOMPARE(fetch.status(), 206);

    // A file the host does not share: the others hear of it, the mover not.
    m_guest->send(protocol::PlaylistUpdate {items, 2, std::nullopt});
    QVERIFY(m_host->waitFor("media_change"));
    QVERIFY(!m_host->next("media_change").as<protocol::MediaChange>()->media->stream);
    QVERIFY(m_guest->sync());
    QCOMPARE(m_guest->pendingCount("media_change"), 0);
}

void TestMediaStream::limitsConcurrentStreams()
{
    openRoom(m_large);
    HttpFetch first(m_server->port(), get(kRoom, guestToken()), false);
    HttpFetch second(m_server->port(), get(kRoom, guestToken(), "Range: bytes=1000-\r\n"), false);
    QVERIFY(QTest::qWaitFor([&] { return m_server->mediaServer()->activeStreams() == 2; },
                            kDeadlineMs));
    HttpFetch third(m_server->port(), get(kRoom, guestToken(), "Range: bytes=0-99\r\n"));
    QVERIFY(third.finish());
    QCOMPARE(third.status(), 503);
    QVERIFY(!third.header("Retry-After").isEmpty());
    // A HEAD costs no stream.
    HttpFetch head(m_server->port(), get(kRoom, guestToken(), {}, "HEAD"));
    QVERIFY(head.finish());
    QCOMPARE(head.status(), 200);
}

void TestMediaStream::throttlesASlowGuest()
{
    openRoom(m_large);
    HttpFetch slow(m_server->port(), get(kRoom, guestToken()), false);
    QVERIFY(QTest::qWaitFor([&] { return m_server->mediaServer()->activeStreams() == 1; },
                            kDeadlineMs));
    // Let the kernel's buffers fill: the server then stops reading the file.
    QTest::qWait(500);
    const auto &limits = m_server->mediaServer()->limits();
    QVERIFY2(m_server->mediaServer()->peakBufferedBytes()
                 <= limits.highWaterBytes + limits.chunkBytes + 64 * 1024,
             qPrintable(QString::number(m_server->mediaServer()->peakBufferedBytes())));
    QVERIFY(!slow.closed());
    // The slow guest still gets every byte, in order, once it reads.
    QVERIFY(slow.finish(60000));
    QCOMPARE(slow.status(), 200);
    QCOMPARE(slow.body().size(), QFileInfo(m_large).size());
    QCOMPARE(slow.body().left(4096), pattern(4096));
    QVERIFY(m_server->mediaServer()->peakBufferedBytes()
            <= limits.highWaterBytes + limits.chunkBytes + 64 * 1024);
}

void TestMediaStream::aSlowDiskDoesNotHoldTheRoom()
{
    // Every read of the file stalls (a sleeping disk, a network share) until
    // the test lets it go. The room goes on meanwhile: reads run on a
    // thread of their own, never on the event loop that carries the room.
    QSemaphore disk;
    std::atomic<QThread *> readingThread {nullptr};
    m_server->mediaServer()->setReadHook([&] {
        readingThread = QThread::currentThread();
        disk.tryAcquire(1, 5000);
    });
    openRoom(m_small);
    HttpFetch fetch(m_server->port(), get(kRoom, guestToken()));
    QVERIFY(QTest::qWaitFor([&] { return readingThread.load() != nullptr; }, kDeadlineMs));
    QVERIFY(readingThread.load() != QThread::currentThread());
    // A round trip through the server while the read is stalled.
    QVERIFY(m_host->sync(2000));
    QVERIFY(m_guest->sync(2000));
    QVERIFY(!fetch.closed());

    disk.release(1000);
    QVERIFY(fetch.finish());
    QCOMPARE(fetch.status(), 200);
    QCOMPARE(fetch.body(), pattern(QFileInfo(m_small).size()));
}

void TestMediaStream::reportsUploadRates()
{
    openRoom(m_large);
    HttpFetch fetch(m_server->port(), get(kRoom, guestToken()));
    QVERIFY(QTest::qWaitFor(
        [&] { return m_server->mediaServer()->uploadRates().value(QStringLiteral("bob")) > 0; },
        kDeadlineMs));
    QVERIFY(!m_server->mediaServer()->uploadRates().contains(QStringLiteral("alice")));
}

void TestMediaStream::aServerWithoutSharingNeverStreams()
{
    // What a headless lockstep-server is: it has no file.
    server::SessionServerConfig config;
    config.address = QHostAddress::LocalHost;
    config.port = 0;
    config.tlsCertificatePath = m_certificate;
    config.tlsKeyPath = m_key;
    server::SessionServer headless(config);
    QVERIFY(headless.start());
    TestClient host;
    host.trust(m_cert);
    QVERIFY(host.open(headless.loopbackUrl()));
    protocol::CreateRoom create;
    create.mediaUrl = QStringLiteral("film.mkv");
    // Even a client claiming a stream does not make one.
    create.media = MediaInfo {QStringLiteral("film.mkv"), 100, 1.0, true};
    host.send(create, kRoom, QStringLiteral("alice"));
    QVERIFY(host.waitFor("room_state"));
    const Envelope envelope = host.next("room_state");
    const RoomState *state = envelope.as<RoomState>();
    QVERIFY(!state->media->stream);
    QVERIFY(!state->mediaToken);
    HttpFetch nothing(headless.port(), get(kRoom, QStringLiteral("x")));
    QVERIFY(nothing.finish());
    QVERIFY(nothing.status() != 200 && nothing.status() != 206);
}

QTEST_MAIN(TestMediaStream)
void TestMediaStream::servesTheSubtitlesTheHostShares()
{
    openRoom(m_small);
    const QByteArray english = "1\n00:00:01,000 --> 00:00:02,000\nThe train leaves at midnight.\n";
    const QByteArray styled = "[Script Info]\nScriptType: v4.00+\n";
    m_server->sharedFiles()->offerSubtitles(
        {{QStringLiteral("en"), english}, {QStringLiteral("styled"), styled}});
    protocol::SubtitlesUpdate update;
    update.subtitles = {{QStringLiteral("en"), QStringLiteral("en"), QStringLiteral("English"),
                         protocol::SubtitleFormat::Srt},
                        {QStringLiteral("styled"), QStringLiteral("ja"), QStringLiteral("Signs"),
                         protocol::SubtitleFormat::Ass}};
    m_host->send(update, kRoom, QStringLiteral("alice"));
    const Envelope relayed = m_guest->next("subtitles_update");
    QCOMPARE(relayed.as<protocol::SubtitlesUpdate>()->subtitles, update.subtitles);
    const quint16 port = m_server->port();

    HttpFetch srt(port, getSubtitle(kRoom, QStringLiteral("en"), guestToken()));
    QVERIFY(srt.finish());
    QCOMPARE(srt.status(), 200);
    QCOMPARE(srt.header("Content-Type"), QByteArray("application/x-subrip; charset=utf-8"));
    QCOMPARE(srt.body(), english);
    HttpFetch ass(port, getSubtitle(kRoom, QStringLiteral("styled"), guestToken()));
    QVERIFY(ass.finish());
    QCOMPARE(ass.status(), 200);
    QCOMPARE(ass.body(), styled);

    // A wrong token, a token of another room, nothing: 403.
    HttpFetch wrong(port, getSubtitle(kRoom, QStringLiteral("en"), QStringLiteral("nonsense")));
    QVERIFY(wrong.finish());
    QCOMPARE(wrong.status(), 403);
    HttpFetch none(port, getSubtitle(kRoom, QStringLiteral("en"), {}));
    QVERIFY(none.finish());
    QCOMPARE(none.status(), 403);
    // An id the room does not list: 404, even with text offered under it.
    m_server->sharedFiles()->offerSubtitles({{QStringLiteral("en"), english},
                                             {QStringLiteral("styled"), styled},
                                             {QStringLiteral("secret"), QByteArray("x")}});
    HttpFetch unknown(port, getSubtitle(kRoom, QStringLiteral("secret"), guestToken()));
    QVERIFY(unknown.finish());
    QCOMPARE(unknown.status(), 404);
    HttpFetch malformed(port, getSubtitle(kRoom, QStringLiteral("en/../x"), guestToken()));
    QVERIFY(malformed.finish());
    QCOMPARE(malformed.status(), 404);

    // Another file: the list empties, and the track is gone.
    m_host->send(protocol::MediaChange {QStringLiteral("other.mkv"), std::nullopt}, kRoom,
                 QStringLiteral("alice"));
    QVERIFY(m_guest->waitFor("media_change"));
    HttpFetch gone(port, getSubtitle(kRoom, QStringLiteral("en"), guestToken()));
    QVERIFY(gone.finish());
    QCOMPARE(gone.status(), 404);
}

#include "tst_media_stream.moc"
