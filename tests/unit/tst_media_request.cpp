// The shared-file endpoint's request and range rules, fed byte strings
// (docs/protocol.md, "Sharing the host's file").
#include "server/media/MediaRequest.h"

#include <QTest>

using namespace lockstep::server::media;
using Kind = RangeAnswer::Kind;

Q_DECLARE_METATYPE(RangeAnswer::Kind)

namespace {

MediaRequest parsed(const QByteArray &head)
{
    MediaRequest request;
    qsizetype headBytes = 0;
    const HeadStatus status = parseMediaRequest(head, &request, &headBytes);
    if (status != HeadStatus::Complete)
        qFatal("the head did not parse");
    return request;
}

} // namespace

class TestMediaRequest : public QObject
{
    Q_OBJECT

private slots:
    void routesByTheFirstBytes();
    void parsesARequest();
    void waitsForTheBlankLine();
    void refusesWhatIsNotHttp();
    void refusesAnOversizedHead();
    void paths_data();
    void paths();
    void ranges_data();
    void ranges();
};

void TestMediaRequest::routesByTheFirstBytes()
{
    QVERIFY(looksLikeMediaRequest("GET /media/r1?token=x HTTP/1.1\r\n"));
    QVERIFY(looksLikeMediaRequest("HEAD /media/r1 HTTP/1.1\r\n"));
    QVERIFY(!looksLikeMediaRequest("GET / HTTP/1.1\r\nUpgrade: websocket\r\n"));
    QVERIFY(!looksLikeMediaRequest("GET /?room=media HTTP/1.1\r\n"));
    QVERIFY(!looksLikeMediaRequest("POST /media/r1 HTTP/1.1\r\n"));
    // A few bytes may still become either.
    QVERIFY(mayBecomeMediaRequest("GET /me"));
    QVERIFY(mayBecomeMediaRequest("HE"));
    QVERIFY(!mayBecomeMediaRequest("GET /?"));
    QVERIFY(!mayBecomeMediaRequest("PUT"));
    // The host's shared subtitles, on the same port.
    QVERIFY(looksLikeMediaRequest("GET /subtitles/r1/en?token=x HTTP/1.1\r\n"));
    QVERIFY(looksLikeMediaRequest("HEAD /subtitles/r1/en HTTP/1.1\r\n"));
    QVERIFY(mayBecomeMediaRequest("HEAD /subti"));

    const MediaRequest subtitle = parsed("GET /subtitles/Room_1/en-2?token=t HTTP/1.1\r\n\r\n");
    QCOMPARE(subtitle.resource, MediaRequest::Resource::Subtitles);
    QVERIFY(subtitle.pathValid);
    QCOMPARE(subtitle.room, QStringLiteral("Room_1"));
    QCOMPARE(subtitle.subtitle, QStringLiteral("en-2"));
    QCOMPARE(subtitle.token, QStringLiteral("t"));
    for (const char *path : {"/subtitles/r1", "/subtitles/r1/", "/subtitles//en",
                             "/subtitles/r1/en/x", "/subtitles/r1/e.n", "/subtitles/r1/%2E%2E"}) {
        const MediaRequest bad = parsed(QByteArray("GET ") + path + " HTTP/1.1\r\n\r\n");
        QVERIFY2(!bad.pathValid, path);
    }
}

void TestMediaRequest::parsesARequest()
{
    const QByteArray head = "GET /media/Room_1-a?x=1&token=abc.def%2Eghi HTTP/1.1\r\n"
                            "Host: 127.0.0.1:8765\r\n"
                            "rAnGe:  bytes=10-20 \r\n"
                            "\r\n";
    MediaRequest request;
    qsizetype headBytes = 0;
    QCOMPARE(parseMediaRequest(QByteArray(head + "trailing"), &request, &headBytes),
             HeadStatus::Complete);
    QCOMPARE(headBytes, head.size());
    QCOMPARE(request.method, MediaRequest::Method::Get);
    QVERIFY(request.pathValid);
    QCOMPARE(request.room, QStringLiteral("Room_1-a"));
    QCOMPARE(request.token, QStringLiteral("abc.def.ghi"));
    QCOMPARE(request.range, std::optional<QByteArray>("bytes=10-20"));

    const MediaRequest head2 = parsed("HEAD /media/r HTTP/1.0\r\n\r\n");
    QCOMPARE(head2.method, MediaRequest::Method::Head);
    QVERIFY(head2.token.isEmpty());
    QVERIFY(!head2.range);
    QCOMPARE(parsed("DELETE /media/r HTTP/1.1\r\n\r\n").method, MediaRequest::Method::Other);
}

void TestMediaRequest::waitsForTheBlankLine()
{
    MediaRequest request;
    qsizetype headBytes = -1;
    QCOMPARE(parseMediaRequest("GET /media/r HTTP/1.1\r\nHost: x\r\n", &request, &headBytes),
             HeadStatus::Incomplete);
    QCOMPARE(headBytes, -1);
}

void TestMediaRequest::refusesWhatIsNotHttp()
{
    MediaRequest request;
    qsizetype headBytes = 0;
    QCOMPARE(parseMediaRequest("GET /media/r\r\n\r\n", &request, &headBytes),
             HeadStatus::Malformed);
    QCOMPARE(parseMediaRequest("GET /media/r SPDY/3\r\n\r\n", &request, &headBytes),
             HeadStatus::Malformed);
    QCOMPARE(
        parseMediaRequest("GET /media/r HTTP/1.1\r\nno colon here\r\n\r\n", &request, &headBytes),
        HeadStatus::Malformed);
}

void TestMediaRequest::refusesAnOversizedHead()
{
    MediaRequest request;
    qsizetype headBytes = 0;
    const QByteArray endless = "GET /media/r HTTP/1.1\r\nX: " + QByteArray(kMaxHeadBytes, 'a');
    QCOMPARE(parseMediaRequest(endless, &request, &headBytes), HeadStatus::TooLarge);
    QCOMPARE(parseMediaRequest(QByteArray(endless + "\r\n\r\n"), &request, &headBytes),
             HeadStatus::TooLarge);
}

void TestMediaRequest::paths_data()
{
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<bool>("valid");
    QTest::newRow("the room") << QByteArray("/media/abc123?token=t") << true;
    QTest::newRow("no query") << QByteArray("/media/abc123") << true;
    QTest::newRow("no room") << QByteArray("/media/?token=t") << false;
    QTest::newRow("dot dot") << QByteArray("/media/../etc/passwd?token=t") << false;
    QTest::newRow("below the room") << QByteArray("/media/abc/../../x?token=t") << false;
    QTest::newRow("a sub path") << QByteArray("/media/abc/film.mkv?token=t") << false;
    QTest::newRow("encoded slash") << QByteArray("/media/abc%2F..%2Fx?token=t") << false;
    QTest::newRow("encoded dots") << QByteArray("/media/%2E%2E?token=t") << false;
    QTest::newRow("a dot") << QByteArray("/media/.?token=t") << false;
    QTest::newRow("backslash") << QByteArray("/media/abc\\..\\x?token=t") << false;
    QTest::newRow("absolute form") << QByteArray("http://h/media/abc?token=t") << false;
    QTest::newRow("double slash") << QByteArray("//media/abc?token=t") << false;
    QTest::newRow("too long") << "/media/" + QByteArray(65, 'a') << false;
}

void TestMediaRequest::paths()
{
    QFETCH(QByteArray, target);
    QFETCH(bool, valid);
    const MediaRequest request = parsed("GET " + target + " HTTP/1.1\r\n\r\n");
    QCOMPARE(request.pathValid, valid);
    QCOMPARE(request.room.isEmpty(), !valid);
}

void TestMediaRequest::ranges_data()
{
    QTest::addColumn<QByteArray>("range"); // empty: no Range header
    QTest::addColumn<qint64>("size");
    QTest::addColumn<RangeAnswer::Kind>("kind");
    QTest::addColumn<qint64>("first");
    QTest::addColumn<qint64>("last");

    QTest::newRow("none") << QByteArray() << 1000LL << Kind::Whole << 0LL << 999LL;
    QTest::newRow("a-b") << QByteArray("bytes=0-99") << 1000LL << Kind::Partial << 0LL << 99LL;
    QTest::newRow("a-b past the end")
        << QByteArray("bytes=900-5000") << 1000LL << Kind::Partial << 900LL << 999LL;
    QTest::newRow("a-") << QByteArray("bytes=500-") << 1000LL << Kind::Partial << 500LL << 999LL;
    QTest::newRow("the last byte")
        << QByteArray("bytes=999-") << 1000LL << Kind::Partial << 999LL << 999LL;
    QTest::newRow("suffix") << QByteArray("bytes=-100") << 1000LL << Kind::Partial << 900LL
                            << 999LL;
    QTest::newRow("suffix larger than the file")
        << QByteArray("bytes=-5000") << 1000LL << Kind::Partial << 0LL << 999LL;
    QTest::newRow("suffix of zero")
        << QByteArray("bytes=-0") << 1000LL << Kind::Unsatisfiable << 0LL << -1LL;
    QTest::newRow("starts at the end")
        << QByteArray("bytes=1000-") << 1000LL << Kind::Unsatisfiable << 0LL << -1LL;
    QTest::newRow("starts past the end")
        << QByteArray("bytes=5000-6000") << 1000LL << Kind::Unsatisfiable << 0LL << -1LL;
    QTest::newRow("an empty file")
        << QByteArray("bytes=0-") << 0LL << Kind::Unsatisfiable << 0LL << -1LL;
    QTest::newRow("spaces") << QByteArray(" bytes= 5 - 9 ") << 1000LL << Kind::Partial << 5LL
                            << 9LL;
    // Invalid or unsupported: ignored, the whole file (RFC 9110).
    QTest::newRow("reversed") << QByteArray("bytes=9-5") << 1000LL << Kind::Whole << 0LL << 999LL;
    QTest::newRow("several") << QByteArray("bytes=0-1,5-6") << 1000LL << Kind::Whole << 0LL
                             << 999LL;
    QTest::newRow("other unit") << QByteArray("items=0-1") << 1000LL << Kind::Whole << 0LL << 999LL;
    QTest::newRow("negative") << QByteArray("bytes=-5-9") << 1000LL << Kind::Whole << 0LL << 999LL;
    QTest::newRow("garbage") << QByteArray("bytes=x-y") << 1000LL << Kind::Whole << 0LL << 999LL;
    QTest::newRow("no dash") << QByteArray("bytes=12") << 1000LL << Kind::Whole << 0LL << 999LL;
    QTest::newRow("overflow") << QByteArray("bytes=99999999999999999999-") << 1000LL << Kind::Whole
                              << 0LL << 999LL;
}

void TestMediaRequest::ranges()
{
    QFETCH(QByteArray, range);
    QFETCH(qint64, size);
    QFETCH(RangeAnswer::Kind, kind);
    QFETCH(qint64, first);
    QFETCH(qint64, last);
    const RangeAnswer answer
        = resolveRange(range.isNull() ? std::nullopt : std::optional<QByteArray>(range), size);
    QCOMPARE(answer.kind, kind);
    QCOMPARE(answer.first, first);
    QCOMPARE(answer.last, last);
    if (kind == Kind::Partial)
        QCOMPARE(answer.length(), last - first + 1);
}

QTEST_APPLESS_MAIN(TestMediaRequest)
#include "tst_media_request.moc"
