// The frame decoder on its own: client bytes in, the events out, written as
// short strings ("text:hello", "close:1000:bye", "fail:1002"). Every row is
// fed whole, a byte at a time and split at every point.
#include "server/net/FrameDecoder.h"

#include <QTest>

using lockstep::server::net::FrameDecoder;
using Kind = FrameDecoder::Kind;

namespace {

constexpr std::size_t kLimit = 1000;
const QByteArray kMask = "\x37\xfa\x21\x3d";

enum : quint8 {
    Fin = 0x80,
    Continuation = 0x0,
    Text = 0x1,
    Binary = 0x2,
    Close = 0x8,
    Ping = 0x9,
    Pong = 0xA,
};

// A frame's header: first byte as given, the length in its shortest form
// (or the 64-bit form when `longForm`), masked unless told otherwise.
QByteArray header(quint8 first, quint64 length, bool masked = true, bool longForm = false)
{
    QByteArray out(1, char(first));
    const char maskBit = masked ? char(0x80) : char(0);
    if (length < 126 && !longForm) {
        out += char(maskBit | char(length));
    } else if (length < 65536 && !longForm) {
        out += char(maskBit | 126);
        out += char(length >> 8);
        out += char(length & 0xff);
    } else {
        out += char(maskBit | 127);
        for (int shift = 56; shift >= 0; shift -= 8)
            out += char((length >> shift) & 0xff);
    }
    if (masked)
        out += kMask;
    return out;
}

QByteArray frame(quint8 first, const QByteArray &payload, bool masked = true, bool longForm = false)
{
    QByteArray out = header(first, quint64(payload.size()), masked, longForm);
    for (qsizetype i = 0; i < payload.size(); ++i)
        out += masked ? char(payload.at(i) ^ kMask.at(i % 4)) : payload.at(i);
    return out;
}

QByteArray closeFrame(quint16 code, const QByteArray &reason = {})
{
    QByteArray payload;
    payload += char(code >> 8);
    payload += char(code & 0xff);
    return frame(Fin | Close, payload + reason);
}

QByteArray describe(const FrameDecoder::Event &e)
{
    const QByteArray payload(e.payload.data(), qsizetype(e.payload.size()));
    switch (e.kind) {
    case Kind::NeedMore:
        break;
    case Kind::Text:
        return "text:" + payload;
    case Kind::Binary:
        return "binary:" + QByteArray::number(payload.size());
    case Kind::Ping:
        return "ping:" + payload;
    case Kind::Pong:
        return "pong:" + payload;
    case Kind::Close:
        return "close:" + QByteArray::number(e.code) + ':' + payload;
    case Kind::TooLarge:
        return "toolarge:" + QByteArray::number(e.code);
    case Kind::Fail:
        return "fail:" + QByteArray::number(e.code);
    }
    return {};
}

// Feeds `bytes` in pieces of the given sizes (the rest in one piece).
QByteArrayList decode(QByteArray bytes, bool closing, const QList<qsizetype> &pieces)
{
    FrameDecoder decoder(kLimit);
    if (closing)
        decoder.discardData();
    QByteArrayList events;
    qsizetype at = 0;
    qsizetype piece = 0;
    while (at < bytes.size()) {
        const qsizetype end
            = piece < pieces.size() ? std::min(bytes.size(), at + pieces[piece++]) : bytes.size();
        while (at < end) {
            const FrameDecoder::Event e = decoder.decode(bytes.data() + at, std::size_t(end - at));
            at += qsizetype(e.consumed);
            if (e.kind == Kind::NeedMore) {
                if (at != end)
                    return {"NeedMore left bytes unread"};
                break;
            }
            events += describe(e);
        }
    }
    return events;
}

} // namespace

class TestFrameDecoder : public QObject
{
    Q_OBJECT

private slots:
    void decode_data();
    void decode();
    void utf8_data();
    void utf8();
};

void TestFrameDecoder::decode_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("closing"); // the server has sent its close
    QTest::addColumn<QByteArrayList>("events");

    const auto row
        = [](const char *name, const QByteArray &bytes, const QByteArrayList &events,
             bool closing = false) { QTest::addRow("%s", name) << bytes << closing << events; };
    const QByteArray fail1002 = "fail:1002";
    const QByteArray tooLarge = "toolarge:1009";
    const QByteArray big(600, 'b');

    // Messages.
    row("text", frame(Fin | Text, "hello"), {"text:hello"});
    row("empty text", frame(Fin | Text, ""), {"text:"});
    row("binary", frame(Fin | Binary, "abc"), {"binary:3"});
    row("two messages", frame(Fin | Text, "a") + frame(Fin | Text, "b"), {"text:a", "text:b"});
    row("16-bit length", frame(Fin | Text, QByteArray(300, 'x')), {"text:" + QByteArray(300, 'x')});
    row("64-bit length for a short payload", frame(Fin | Text, "hi", true, true), {"text:hi"});
    row("invalid UTF-8 text reaches the core", frame(Fin | Text, "\xC0\xAF"), {"text:\xC0\xAF"});
    row("at the limit", frame(Fin | Binary, QByteArray(kLimit, 'x')), {"binary:1000"});

    // Fragmentation (RFC 6455 section 5.4).
    row("fragmented text", frame(Text, "hel") + frame(Fin | Continuation, "lo"), {"text:hello"});
    row("three fragments",
        frame(Text, "a") + frame(Continuation, "b") + frame(Fin | Continuation, "c"), {"text:abc"});
    row("empty fragments", frame(Binary, "") + frame(Fin | Continuation, ""), {"binary:0"});
    row("ping between fragments",
        frame(Text, "hel") + frame(Fin | Ping, "p") + frame(Fin | Continuation, "lo"),
        {"ping:p", "text:hello"});
    row("UTF-8 split across fragments", frame(Text, "\xE2\x82") + frame(Fin | Continuation, "\xAC"),
        {"text:\xE2\x82\xAC"});
    row("continuation without a message", frame(Fin | Continuation, "x"), {fail1002});
    row("text inside a fragmented message", frame(Text, "a") + frame(Fin | Text, "b"), {fail1002});
    row("binary inside a fragmented message", frame(Text, "a") + frame(Fin | Binary, "b"),
        {fail1002});

    // Frames that break the protocol.
    row("unmasked", frame(Fin | Text, "hello", false), {fail1002});
    row("unmasked empty", frame(Fin | Text, "", false), {fail1002});
    row("RSV1", frame(Fin | 0x40 | Text, "x"), {fail1002});
    row("RSV2", frame(Fin | 0x20 | Text, "x"), {fail1002});
    row("RSV3", frame(Fin | 0x10 | Text, "x"), {fail1002});
    for (const quint8 opcode : {0x3, 0x4, 0x5, 0x6, 0x7, 0xB, 0xC, 0xD, 0xE, 0xF})
        QTest::addRow("opcode 0x%X", opcode)
            << frame(quint8(Fin | opcode), "x") << false << QByteArrayList {fail1002};
    row("ping of 126 bytes", frame(Fin | Ping, QByteArray(126, 'p')), {fail1002});
    row("close of 126 bytes", frame(Fin | Close, QByteArray(126, 'c')), {fail1002});
    row("ping of 125 bytes", frame(Fin | Ping, QByteArray(125, 'p')),
        {"ping:" + QByteArray(125, 'p')});
    row("fragmented ping", frame(Ping, "p"), {fail1002});
    row("fragmented close", frame(Close, QByteArray("\x03\xe8", 2)), {fail1002});
    row("length with its top bit set", header(Fin | Binary, quint64(1) << 63), {fail1002});
    row("nothing after a failure", frame(Fin | Text, "a", false) + frame(Fin | Text, "b"),
        {fail1002});

    // Size: judged on the header, before any payload arrives.
    row("over the limit", frame(Fin | Binary, QByteArray(kLimit + 1, 'x')), {tooLarge});
    row("header of a huge frame alone", header(Fin | Text, quint64(1) << 40), {tooLarge});
    row("fragments over the limit", frame(Text, big) + frame(Fin | Continuation, big), {tooLarge});

    // Control frames.
    row("ping and pong", frame(Fin | Ping, "x") + frame(Fin | Pong, "y"), {"ping:x", "pong:y"});
    row("close without a code", frame(Fin | Close, ""), {"close:0:"});
    row("close with a reason", closeFrame(1000, "bye"), {"close:1000:bye"});
    row("close with a UTF-8 reason", closeFrame(1001, "\xC3\xA9t\xC3\xA9"),
        {"close:1001:\xC3\xA9t\xC3\xA9"});
    row("close of one byte", frame(Fin | Close, "\x03"), {fail1002});
    row("nothing after a close", closeFrame(1000) + frame(Fin | Text, "late"), {"close:1000:"});
    for (const quint16 code :
         {1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 1012, 1013, 1014, 3000, 4000, 4999})
        QTest::addRow("close code %d", code)
            << closeFrame(code) << false
            << QByteArrayList {"close:" + QByteArray::number(code) + ':'};
    // RFC 6455 section 7.4: reserved, never to be sent, or out of range.
    for (const quint16 code : {0, 999, 1004, 1005, 1006, 1015, 1016, 1100, 2000, 2999, 5000, 65535})
        QTest::addRow("bad close code %d", code)
            << closeFrame(code) << false << QByteArrayList {fail1002};
    for (const char *reason :
         {"\xC3\x28", "\xC0\xAF", "\xED\xA0\x80", "\xE2\x82", "\xF4\x90\x80\x80", "\xFF"})
        QTest::addRow("close reason %s", QByteArray(reason).toHex().constData())
            << closeFrame(1000, reason) << false << QByteArrayList {"fail:1007"};

    // While closing every rule and limit still holds; data is not delivered.
    row("closing: text is not delivered", frame(Fin | Text, "x"), {}, true);
    row("closing: fragments are not delivered", frame(Text, "a") + frame(Fin | Continuation, "b"),
        {}, true);
    row("closing: the peer's close", frame(Fin | Text, "x") + closeFrame(1000), {"close:1000:"},
        true);
    row("closing: ping", frame(Fin | Ping, "p"), {"ping:p"}, true);
    row("closing: over the limit", frame(Fin | Binary, QByteArray(kLimit + 1, 'x')), {tooLarge},
        true);
    row("closing: huge header", header(Fin | Binary, quint64(1) << 40), {tooLarge}, true);
    row("closing: fragments over the limit", frame(Text, big) + frame(Fin | Continuation, big),
        {tooLarge}, true);
    row("closing: unmasked", frame(Fin | Text, "x", false), {fail1002}, true);
    row("closing: reserved bits", frame(Fin | 0x40 | Text, "x"), {fail1002}, true);
    row("closing: unknown opcode", frame(Fin | 0x3, "x"), {fail1002}, true);
    row("closing: ping of 126 bytes", frame(Fin | Ping, QByteArray(126, 'p')), {fail1002}, true);
    row("closing: continuation without a message", frame(Fin | Continuation, "x"), {fail1002},
        true);
    row("closing: bad close code", closeFrame(1005), {fail1002}, true);
    row("closing: close reason not UTF-8", closeFrame(1000, "\xC0\xAF"), {"fail:1007"}, true);
}

void TestFrameDecoder::decode()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, closing);
    QFETCH(QByteArrayList, events);

    QCOMPARE(::decode(bytes, closing, {}), events);
    QCOMPARE(::decode(bytes, closing, QList<qsizetype>(bytes.size(), 1)), events);
    for (qsizetype split = 1; split < bytes.size(); ++split)
        QCOMPARE(::decode(bytes, closing, {split}), events);
}

void TestFrameDecoder::utf8_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("valid");

    QTest::addRow("empty") << QByteArray() << true;
    QTest::addRow("ASCII") << QByteArray("hello") << true;
    QTest::addRow("two bytes") << QByteArray("\xC3\xA9") << true;
    QTest::addRow("three bytes") << QByteArray("\xE2\x82\xAC") << true;
    QTest::addRow("four bytes") << QByteArray("\xF0\x9F\x98\x80") << true;
    QTest::addRow("U+10FFFF") << QByteArray("\xF4\x8F\xBF\xBF") << true;
    QTest::addRow("past U+10FFFF") << QByteArray("\xF4\x90\x80\x80") << false;
    QTest::addRow("overlong slash") << QByteArray("\xC0\xAF") << false;
    QTest::addRow("overlong three bytes") << QByteArray("\xE0\x80\xAF") << false;
    QTest::addRow("surrogate") << QByteArray("\xED\xA0\x80") << false;
    QTest::addRow("lone continuation") << QByteArray("\x80") << false;
    QTest::addRow("truncated") << QByteArray("a\xE2\x82") << false;
    QTest::addRow("bad continuation") << QByteArray("\xE2\x28\xA1") << false;
    QTest::addRow("FE") << QByteArray("\xFE") << false;
}

void TestFrameDecoder::utf8()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, valid);
    QCOMPARE(FrameDecoder::isValidUtf8(std::string_view(text.constData(), text.size())), valid);
}

QTEST_GUILESS_MAIN(TestFrameDecoder)
#include "tst_frame_decoder.moc"
