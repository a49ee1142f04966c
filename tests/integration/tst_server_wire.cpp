// The native network layer's answers on the wire, over real loopback sockets:
// handshakes it refuses and the close codes it echoes or fails with. A raw
// QTcpSocket plays the client, since a WebSocket library would not send what
// these tests need. (QWebSocketServer answers differently; docs/protocol.md
// says where.)
#include "TestClient.h"
#include "TestServer.h"

#include "server/net/HttpUpgradeParser.h"

#include <QTcpSocket>
#include <QTest>

using namespace lockstep;
using lockstep::test::TestClient;

namespace {

const QByteArray kUpgrade = "GET /?room=wire HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                            "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                            "Sec-WebSocket-Version: 13\r\n\r\n";

QByteArray maskedFrame(quint8 first, const QByteArray &payload)
{
    const QByteArray mask = "\x0a\x0b\x0c\x0d";
    QByteArray frame(1, char(first));
    frame += char(0x80 | payload.size()); // the tests' payloads are under 126 bytes
    frame += mask;
    for (qsizetype i = 0; i < payload.size(); ++i)
        frame += char(payload.at(i) ^ mask.at(i % 4));
    return frame;
}

QByteArray closePayload(quint16 code, const QByteArray &reason = {})
{
    QByteArray payload;
    payload += char(code >> 8);
    payload += char(code & 0xff);
    return payload + reason;
}

} // namespace

class TestServerWire : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void refusedHandshake_data();
    void refusedHandshake();
    void framesRightBehindTheRequest();
    void closeFrame_data();
    void closeFrame();

private:
    bool connectSocket(QTcpSocket &socket);
    bool upgrade(QTcpSocket &socket);
    // Reads the server's next frame; false on timeout.
    bool nextFrame(QTcpSocket &socket, quint8 *first, QByteArray *payload);

    std::unique_ptr<server::SessionServer> m_server;
    QByteArray m_received;
};

void TestServerWire::init()
{
    m_server = test::startLoopbackServer();
    QVERIFY(m_server);
    if (!m_server->isNative())
        QSKIP("These answers are the native network layer's.");
    m_received.clear();
}

void TestServerWire::cleanup()
{
    m_server.reset();
}

bool TestServerWire::connectSocket(QTcpSocket &socket)
{
    socket.connectToHost(QHostAddress::LocalHost, m_server->port());
    return socket.waitForConnected(TestClient::kTimeoutMs);
}

bool TestServerWire::upgrade(QTcpSocket &socket)
{
    if (!connectSocket(socket))
        return false;
    socket.write(kUpgrade);
    const bool answered
        = QTest::qWaitFor([&] { return (m_received += socket.readAll()).contains("\r\n\r\n"); },
                          TestClient::kTimeoutMs);
    if (!answered || !m_received.startsWith("HTTP/1.1 101 "))
        return false;
    m_received.remove(0, m_received.indexOf("\r\n\r\n") + 4);
    return true;
}

bool TestServerWire::nextFrame(QTcpSocket &socket, quint8 *first, QByteArray *payload)
{
    // The server's frames here are short: a 2-byte header.
    const auto complete = [&] {
        m_received += socket.readAll();
        return m_received.size() >= 2 && m_received.size() >= 2 + (quint8(m_received.at(1)) & 0x7f);
    };
    if (!QTest::qWaitFor(complete, TestClient::kTimeoutMs))
        return false;
    const qsizetype length = quint8(m_received.at(1)) & 0x7f;
    *first = quint8(m_received.at(0));
    *payload = m_received.mid(2, length);
    m_received.remove(0, 2 + length);
    return true;
}

void TestServerWire::refusedHandshake_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("pieceSize"); // written in pieces of this size
    QTest::addColumn<QByteArray>("statusLine");
    QTest::addColumn<QByteArray>("header"); // must be in the answer

    const auto swap
        = [](const char *from, const char *to) { return QByteArray(kUpgrade).replace(from, to); };
    QTest::addRow("no Host") << swap("Host: 127.0.0.1\r\n", "") << 1000
                             << QByteArray("HTTP/1.1 400 Bad Request") << QByteArray();
    QTest::addRow("POST") << swap("GET /", "POST /") << 1000
                          << QByteArray("HTTP/1.1 405 Method Not Allowed")
                          << QByteArray("Allow: GET\r\n");
    QTest::addRow("version 8") << swap("Version: 13", "Version: 8") << 1000
                               << QByteArray("HTTP/1.1 426 Upgrade Required")
                               << QByteArray("Sec-WebSocket-Version: 13\r\n");
    QTest::addRow("a browser's plain GET")
        << QByteArray("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/html\r\n\r\n") << 1000
        << QByteArray("HTTP/1.1 426 Upgrade Required") << QByteArray("Upgrade: websocket\r\n");
    QTest::addRow("bad key") << swap("dGhlIHNhbXBsZSBub25jZQ==", "short") << 1000
                             << QByteArray("HTTP/1.1 400 Bad Request") << QByteArray();
    // A head that reaches the limit without ending, however it is split: the
    // server has then read every byte sent, so its answer is not lost to a
    // reset.
    QByteArray endless = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: ";
    endless
        += QByteArray(qsizetype(server::net::HttpUpgradeParser::kMaxHead) - endless.size(), 'p');
    for (const int piece : {8192, 1000, 100})
        QTest::addRow("8 KiB head in pieces of %d", piece)
            << endless << piece << QByteArray("HTTP/1.1 431 Request Header Fields Too Large")
            << QByteArray();
}

void TestServerWire::refusedHandshake()
{
    QFETCH(QByteArray, request);
    QFETCH(int, pieceSize);
    QFETCH(QByteArray, statusLine);
    QFETCH(QByteArray, header);

    QTcpSocket socket;
    QVERIFY(connectSocket(socket));
    for (qsizetype at = 0; at < request.size(); at += pieceSize) {
        socket.write(request.mid(at, pieceSize));
        QVERIFY(socket.waitForBytesWritten(TestClient::kTimeoutMs));
    }
    // The whole answer, then the server closes.
    const auto closed = [&] {
        m_received += socket.readAll();
        return socket.state() == QAbstractSocket::UnconnectedState;
    };
    QTRY_VERIFY_WITH_TIMEOUT(closed(), TestClient::kTimeoutMs);
    m_received += socket.readAll();
    QVERIFY2(m_received.startsWith(QByteArray(statusLine + "\r\n")), m_received.constData());
    QVERIFY2(m_received.contains(QByteArray("\r\n" + header)), m_received.constData());
    QTRY_COMPARE(m_server->connectionCount(), 0);
}

void TestServerWire::framesRightBehindTheRequest()
{
    // A client may send its first frames without waiting for the 101.
    QTcpSocket socket;
    QVERIFY(connectSocket(socket));
    socket.write(kUpgrade + maskedFrame(0x89, "hi"));
    QTRY_VERIFY((m_received += socket.readAll()).contains("\r\n\r\n"));
    QVERIFY(m_received.startsWith("HTTP/1.1 101 "));
    m_received.remove(0, m_received.indexOf("\r\n\r\n") + 4);
    quint8 first = 0;
    QByteArray payload;
    QVERIFY(nextFrame(socket, &first, &payload));
    QCOMPARE(first, quint8(0x8A)); // pong
    QCOMPARE(payload, QByteArray("hi"));
}

void TestServerWire::closeFrame_data()
{
    QTest::addColumn<QByteArray>("payload"); // of the client's close frame
    QTest::addColumn<int>("answer"); // the code of the server's close

    QTest::addRow("no code") << QByteArray() << 1000;
    for (const int code : {1000, 1001, 1003, 1011, 1014, 3000, 4999})
        QTest::addRow("%d is echoed", code) << closePayload(quint16(code)) << code;
    // RFC 6455 section 7.4: never sent on the wire, or out of range.
    for (const int code : {999, 1004, 1005, 1006, 1015, 1016, 1100, 2000, 2999, 5000})
        QTest::addRow("%d fails with 1002", code) << closePayload(quint16(code)) << 1002;
    QTest::addRow("one byte") << QByteArray(1, '\x03') << 1002;
    QTest::addRow("reason not UTF-8") << closePayload(1000, "\xC0\xAF") << 1007;
}

void TestServerWire::closeFrame()
{
    QFETCH(QByteArray, payload);
    QFETCH(int, answer);

    QTcpSocket socket;
    QVERIFY(upgrade(socket));
    QTRY_COMPARE(m_server->connectionCount(), 1);
    socket.write(maskedFrame(0x88, payload));
    quint8 first = 0;
    QByteArray reply;
    QVERIFY(nextFrame(socket, &first, &reply));
    QCOMPARE(first, quint8(0x88));
    QVERIFY(reply.size() >= 2);
    QCOMPARE((quint8(reply.at(0)) << 8) | quint8(reply.at(1)), answer);
    if (answer != 1002 && answer != 1007)
        QTRY_COMPARE(socket.state(), QAbstractSocket::UnconnectedState);
    socket.abort();
    QTRY_COMPARE(m_server->connectionCount(), 0);
}

QTEST_GUILESS_MAIN(TestServerWire)
#include "tst_server_wire.moc"
