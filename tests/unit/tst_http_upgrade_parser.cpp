// The HTTP upgrade parser on its own: byte strings in, the outcome out. Every
// request is fed whole, a byte at a time and split at every point, since the
// network may deliver it in any pieces.
#include "server/net/HttpUpgradeParser.h"

#include <QTest>

using lockstep::server::net::HttpUpgradeParser;
using Outcome = HttpUpgradeParser::Outcome;

namespace {

const QByteArray kKey = "dGhlIHNhbXBsZSBub25jZQ==";

QByteArray request(const QByteArray &requestLine, const QByteArray &headers)
{
    return requestLine + "\r\n" + headers + "\r\n";
}

QByteArray upgradeHeaders(const QByteArray &extra = {})
{
    return "Host: 127.0.0.1:8765\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
           "Sec-WebSocket-Key: "
        + kKey + "\r\nSec-WebSocket-Version: 13\r\n" + extra;
}

QByteArray validRequest(const QByteArray &extra = {})
{
    return request("GET /?room=abc HTTP/1.1", upgradeHeaders(extra));
}

// A valid request whose head is `size` bytes, padded with a long header.
QByteArray requestOfSize(std::size_t size)
{
    const QByteArray base = validRequest("X-Padding: ");
    QByteArray padded = base;
    padded.chop(2); // the empty line
    padded += QByteArray(qsizetype(size) - base.size() - 2, 'p') + "\r\n\r\n";
    return padded;
}

// The status of the refusal, 0 for an upgrade, -1 while more is needed.
int statusAfter(HttpUpgradeParser &parser, const QList<QByteArray> &pieces,
                std::size_t *consumed = nullptr)
{
    for (const QByteArray &piece : pieces) {
        const auto result = parser.feed(std::string_view(piece.constData(), piece.size()));
        if (consumed)
            *consumed += result.consumed;
        if (result.outcome == Outcome::Upgrade)
            return 0;
        if (result.outcome == Outcome::Refuse)
            return result.refusal.status;
    }
    return -1;
}

QList<QByteArray> chunks(const QByteArray &bytes, qsizetype size)
{
    QList<QByteArray> pieces;
    for (qsizetype at = 0; at < bytes.size(); at += size)
        pieces.append(bytes.mid(at, size));
    return pieces;
}

} // namespace

class TestHttpUpgradeParser : public QObject
{
    Q_OBJECT

private slots:
    void judge_data();
    void judge();
    void headLimitHoldsHoweverTheHeadIsSplit_data();
    void headLimitHoldsHoweverTheHeadIsSplit();
    void bytesAfterTheHeadAreLeftForFrames();
    void answers();
    void keys_data();
    void keys();
};

void TestHttpUpgradeParser::judge_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QStringList>("allowedOrigins");
    QTest::addColumn<int>("status"); // 0: upgrade

    const QStringList any;
    QTest::addRow("valid") << validRequest() << any << 0;
    QTest::addRow("header names in any case")
        << request("GET / HTTP/1.1",
                   "host: x\r\nUPGRADE: WebSocket\r\nconnection: keep-alive, Upgrade\r\n"
                   "sec-websocket-key: "
                       + kKey + "\r\nsec-websocket-version: 13\r\n")
        << any << 0;
    QTest::addRow("no Host") << request("GET / HTTP/1.1",
                                        "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                                        "Sec-WebSocket-Key: "
                                            + kKey + "\r\nSec-WebSocket-Version: 13\r\n")
                             << any << 400;
    QTest::addRow("empty Host") << request("GET / HTTP/1.1", "Host:\r\n" + upgradeHeaders().mid(22))
                                << any << 400;
    QTest::addRow("two Host headers") << validRequest("Host: other\r\n") << any << 400;
    QTest::addRow("POST") << request("POST / HTTP/1.1", upgradeHeaders()) << any << 405;
    QTest::addRow("lower-case get") << request("get / HTTP/1.1", upgradeHeaders()) << any << 405;
    QTest::addRow("HTTP/1.0") << request("GET / HTTP/1.0", upgradeHeaders()) << any << 400;
    QTest::addRow("no target") << request("GET HTTP/1.1", upgradeHeaders()) << any << 400;
    QTest::addRow("two spaces") << request("GET  / HTTP/1.1", upgradeHeaders()) << any << 400;
    QTest::addRow("not HTTP") << QByteArray("\x16\x03\x01\x02\x05\r\n\r\n") << any << 400;
    QTest::addRow("empty head") << QByteArray("\r\n\r\n") << any << 400;
    QTest::addRow("header without colon") << validRequest("Broken header\r\n") << any << 400;
    QTest::addRow("space before colon") << validRequest("X-Thing : 1\r\n") << any << 400;
    QTest::addRow("folded header") << validRequest(" folded\r\n") << any << 400;
    QTest::addRow("no Upgrade") << request("GET / HTTP/1.1",
                                           "Host: x\r\nConnection: Upgrade\r\nSec-WebSocket-Key: "
                                               + kKey + "\r\nSec-WebSocket-Version: 13\r\n")
                                << any << 426;
    QTest::addRow("a browser's plain GET")
        << request("GET / HTTP/1.1", "Host: x\r\nAccept: text/html\r\n") << any << 426;
    QTest::addRow("version 8") << request("GET / HTTP/1.1",
                                          "Host: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                                          "Sec-WebSocket-Key: "
                                              + kKey + "\r\nSec-WebSocket-Version: 8\r\n")
                               << any << 426;
    QTest::addRow("no version") << request(
        "GET / HTTP/1.1",
        "Host: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        "Sec-WebSocket-Key: "
            + kKey + "\r\n") << any
                                << 426;
    QTest::addRow("two versions") << validRequest("Sec-WebSocket-Version: 13\r\n") << any << 426;
    QTest::addRow("no Connection: upgrade")
        << request("GET / HTTP/1.1",
                   "Host: x\r\nUpgrade: websocket\r\nConnection: keep-alive\r\n"
                   "Sec-WebSocket-Key: "
                       + kKey + "\r\nSec-WebSocket-Version: 13\r\n")
        << any << 400;
    QTest::addRow("no key") << request("GET / HTTP/1.1",
                                       "Host: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                                       "Sec-WebSocket-Version: 13\r\n")
                            << any << 400;
    QTest::addRow("short key") << request("GET / HTTP/1.1",
                                          "Host: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                                          "Sec-WebSocket-Key: dGhlIHNhbXBsZQ==\r\n"
                                          "Sec-WebSocket-Version: 13\r\n")
                               << any << 400;
    QTest::addRow("two keys") << validRequest("Sec-WebSocket-Key: " + kKey + "\r\n") << any << 400;

    const QStringList allowed {QStringLiteral("https://lockstep.app")};
    QTest::addRow("allowed Origin")
        << validRequest("Origin: https://lockstep.app\r\n") << allowed << 0;
    QTest::addRow("other Origin") << validRequest("Origin: https://evil.example\r\n") << allowed
                                  << 403;
    // Browsers always send Origin; the app and other native clients send none.
    QTest::addRow("no Origin with an allow-list") << validRequest() << allowed << 0;
    QTest::addRow("any Origin without a list")
        << validRequest("Origin: https://evil.example\r\n") << any << 0;
}

void TestHttpUpgradeParser::judge()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QStringList, allowedOrigins);
    QFETCH(int, status);

    HttpUpgradeParser whole(allowedOrigins);
    QCOMPARE(statusAfter(whole, {bytes}), status);
    HttpUpgradeParser byteByByte(allowedOrigins);
    QCOMPARE(statusAfter(byteByByte, chunks(bytes, 1)), status);
    for (qsizetype split = 1; split < bytes.size(); ++split) {
        HttpUpgradeParser parser(allowedOrigins);
        QCOMPARE(statusAfter(parser, {bytes.left(split), bytes.mid(split)}), status);
    }
    if (status == 0)
        QCOMPARE(whole.key(), kKey);
}

void TestHttpUpgradeParser::headLimitHoldsHoweverTheHeadIsSplit_data()
{
    QTest::addColumn<int>("headSize");
    QTest::addColumn<int>("status");

    constexpr int limit = int(HttpUpgradeParser::kMaxHead);
    QTest::addRow("at the limit") << limit << 0;
    QTest::addRow("one byte over") << limit + 1 << 431;
    QTest::addRow("a kilobyte over") << limit + 1024 << 431;
}

void TestHttpUpgradeParser::headLimitHoldsHoweverTheHeadIsSplit()
{
    QFETCH(int, headSize);
    QFETCH(int, status);

    const QByteArray bytes = requestOfSize(std::size_t(headSize));
    QCOMPARE(bytes.size(), headSize);
    for (qsizetype size = 1; size <= bytes.size(); ++size) {
        HttpUpgradeParser parser;
        std::size_t consumed = 0;
        QCOMPARE(statusAfter(parser, chunks(bytes, size), &consumed), status);
        // Never more than the limit is taken in.
        QVERIFY(consumed <= HttpUpgradeParser::kMaxHead);
    }
    // A head that never ends is refused as soon as the limit is reached.
    HttpUpgradeParser endless;
    QCOMPARE(statusAfter(endless, {QByteArray(headSize, 'a')}), 431);
}

void TestHttpUpgradeParser::bytesAfterTheHeadAreLeftForFrames()
{
    const QByteArray head = validRequest();
    const QByteArray frames = "\x81\x80\x01\x02\x03\x04";
    for (qsizetype split = 1; split <= head.size(); ++split) {
        HttpUpgradeParser parser;
        const QByteArray first = head.left(split);
        const QByteArray second = head.mid(split) + frames;
        const auto a = parser.feed(std::string_view(first.constData(), first.size()));
        QCOMPARE(a.consumed, std::size_t(first.size()));
        if (a.outcome == Outcome::Upgrade) {
            QCOMPARE(second, frames);
            continue;
        }
        const auto b = parser.feed(std::string_view(second.constData(), second.size()));
        QCOMPARE(b.outcome, Outcome::Upgrade);
        QCOMPARE(qsizetype(b.consumed), head.size() - split);
    }
}

void TestHttpUpgradeParser::answers()
{
    // RFC 6455 section 1.3's example.
    const QByteArray accept = HttpUpgradeParser::acceptResponse(kKey);
    QVERIFY(accept.startsWith("HTTP/1.1 101 Switching Protocols\r\n"));
    QVERIFY(accept.contains("\r\nSec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n"));
    QVERIFY(accept.endsWith("\r\n\r\n"));

    const QByteArray upgradeRequired = HttpUpgradeParser::refusalResponse({426, "why"});
    QVERIFY(upgradeRequired.startsWith("HTTP/1.1 426 Upgrade Required\r\n"));
    QVERIFY(upgradeRequired.contains("\r\nSec-WebSocket-Version: 13\r\n"));
    QVERIFY(upgradeRequired.endsWith("\r\n\r\nwhy\n"));
    QVERIFY(upgradeRequired.contains("\r\nContent-Length: 4\r\n"));
    QVERIFY(HttpUpgradeParser::refusalResponse({405, "x"}).contains("\r\nAllow: GET\r\n"));
    QVERIFY(HttpUpgradeParser::refusalResponse({431, "x"})
                .startsWith("HTTP/1.1 431 Request Header Fields Too Large\r\n"));
}

void TestHttpUpgradeParser::keys_data()
{
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<bool>("valid");

    QTest::addRow("RFC example") << kKey << true;
    QTest::addRow("all A") << QByteArray("AAAAAAAAAAAAAAAAAAAAAA==") << true;
    QTest::addRow("plus and slash") << QByteArray("+/+/+/+/+/+/+/+/+/+/+w==") << true;
    QTest::addRow("empty") << QByteArray() << false;
    QTest::addRow("15 bytes") << QByteArray("AAAAAAAAAAAAAAAAAAAA") << false;
    QTest::addRow("17 bytes") << QByteArray("AAAAAAAAAAAAAAAAAAAAAAA=") << false;
    QTest::addRow("no padding") << QByteArray("AAAAAAAAAAAAAAAAAAAAAA") << false;
    QTest::addRow("stray bits in the last digit")
        << QByteArray("AAAAAAAAAAAAAAAAAAAAAB==") << false;
    QTest::addRow("not base64") << QByteArray("AAAAAAAAAAAAAAAAAAAA*A==") << false;
    QTest::addRow("url-safe alphabet") << QByteArray("-_AAAAAAAAAAAAAAAAAAAA==") << false;
}

void TestHttpUpgradeParser::keys()
{
    QFETCH(QByteArray, key);
    QFETCH(bool, valid);
    QCOMPARE(HttpUpgradeParser::isValidKey(std::string_view(key.constData(), key.size())), valid);
}

QTEST_GUILESS_MAIN(TestHttpUpgradeParser)
#include "tst_http_upgrade_parser.moc"
