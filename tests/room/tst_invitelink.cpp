#include "room/InviteLink.h"

#include <QTest>

using lockstep::room::InviteLink;

namespace {
// 32 bytes of 0xab as an `fp`: base64url, no padding.
const QString kFp = QStringLiteral("q6urq6urq6urq6urq6urq6urq6urq6urq6urq6urq6s");
} // namespace

class TestInviteLink : public QObject
{
    Q_OBJECT

private slots:
    void parsesValidLinks_data();
    void parsesValidLinks();
    void refusesInvalidLinks_data();
    void refusesInvalidLinks();
    void buildsPercentEncodedLinks();
    void roundTrips_data();
    void roundTrips();
    void recognisesLinks();
    void carriesTheCertificateFingerprint();
};

void TestInviteLink::parsesValidLinks_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QUrl>("server");
    QTest::addColumn<QString>("room");
    QTest::addColumn<QString>("invite");

    QTest::addRow("encoded, as the app writes it")
        << QStringLiteral("lockstep://join?server=ws%3A%2F%2F192.168.1.20%3A8765%2F"
                          "&room=movie-night&invite=eyJh.eyJ0.c2ln")
        << QUrl(QStringLiteral("ws://192.168.1.20:8765/")) << QStringLiteral("movie-night")
        << QStringLiteral("eyJh.eyJ0.c2ln");
    QTest::addRow("wss, unencoded server")
        << QStringLiteral("lockstep://join?server=wss://watch.example.org/&room=abc_DEF.1~x")
        << QUrl(QStringLiteral("wss://watch.example.org/")) << QStringLiteral("abc_DEF.1~x")
        << QString();
    QTest::addRow("IPv6 server") << QStringLiteral(
        "lockstep://join?server=ws%3A%2F%2F%5Bfd00%3A%3A2%5D%3A8765%2F&room=r")
                                 << QUrl(QStringLiteral("ws://[fd00::2]:8765/"))
                                 << QStringLiteral("r") << QString();
    QTest::addRow("pasted with spaces and angle brackets")
        << QStringLiteral("  <lockstep://join?server=ws%3A%2F%2Fh%3A1%2F&room=r&invite=t>\n")
        << QUrl(QStringLiteral("ws://h:1/")) << QStringLiteral("r") << QStringLiteral("t");
    QTest::addRow("upper-case scheme and host")
        << QStringLiteral("LOCKSTEP://JOIN?server=ws%3A%2F%2Fh%2F&room=r")
        << QUrl(QStringLiteral("ws://h/")) << QStringLiteral("r") << QString();
    QTest::addRow("unknown parameters ignored")
        << QStringLiteral("lockstep://join?v=2&server=ws%3A%2F%2Fh%2F&room=r&invite=t&x=y")
        << QUrl(QStringLiteral("ws://h/")) << QStringLiteral("r") << QStringLiteral("t");
}

void TestInviteLink::parsesValidLinks()
{
    QFETCH(QString, text);
    QFETCH(QUrl, server);
    QFETCH(QString, room);
    QFETCH(QString, invite);

    QString error;
    const std::optional<InviteLink> link = InviteLink::parse(text, &error);
    QVERIFY2(link, qPrintable(error));
    QCOMPARE(link->server(), server);
    QCOMPARE(link->room(), room);
    QCOMPARE(link->invite(), invite);
}

void TestInviteLink::refusesInvalidLinks_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("error");

    QTest::addRow("empty") << QString() << QStringLiteral("Paste the invite link you were sent.");
    QTest::addRow("web link") << QStringLiteral("https://lockstep.app/join?room=r")
                              << QStringLiteral("This is not a Lockstep invite link. Invite "
                                                "links start with lockstep://join.");
    QTest::addRow("not join") << QStringLiteral("lockstep://host?server=ws%3A%2F%2Fh%2F&room=r")
                              << QStringLiteral("This Lockstep link does not lead to a room.");
    QTest::addRow("a path") << QStringLiteral("lockstep://join/extra?server=ws%3A%2F%2Fh%2F&room=r")
                            << QStringLiteral("This Lockstep link does not lead to a room.");
    QTest::addRow("no server") << QStringLiteral("lockstep://join?room=r&invite=t")
                               << QStringLiteral("The link does not say which server the room "
                                                 "is on.");
    QTest::addRow("http server")
        << QStringLiteral("lockstep://join?server=http%3A%2F%2Fh%2F&room=r")
        << QStringLiteral("The server in the link must be a ws:// or wss:// address.");
    QTest::addRow("server without host")
        << QStringLiteral("lockstep://join?server=ws%3A%2F%2F%2F&room=r")
        << QStringLiteral("The server in the link must be a ws:// or wss:// address.");
    QTest::addRow("no room") << QStringLiteral("lockstep://join?server=ws%3A%2F%2Fh%2F")
                             << QStringLiteral("The link does not say which room to join.");
    QTest::addRow("bad room") << QStringLiteral("lockstep://join?server=ws%3A%2F%2Fh%2F&room=a%20b")
                              << QStringLiteral("The room in the link is not a valid room name.");
    QTest::addRow("room too long") << QStringLiteral("lockstep://join?server=ws%3A%2F%2Fh%2F&room=")
            + QString(65, u'r') << QStringLiteral("The room in the link is not a valid room name.");
    QTest::addRow("fingerprint too short")
        << QStringLiteral("lockstep://join?server=wss%3A%2F%2Fh%2F&room=r&fp=") + kFp.left(42)
        << QStringLiteral("The link's certificate fingerprint (fp) is damaged. Ask the host to "
                          "send the link again.");
    QTest::addRow("fingerprint padded")
        << QStringLiteral("lockstep://join?server=wss%3A%2F%2Fh%2F&room=r&fp=") + kFp
            + QStringLiteral("%3D")
        << QStringLiteral("The link's certificate fingerprint (fp) is damaged. Ask the host to "
                          "send the link again.");
    QTest::addRow("empty fingerprint")
        << QStringLiteral("lockstep://join?server=wss%3A%2F%2Fh%2F&room=r&fp=")
        << QStringLiteral("The link's certificate fingerprint (fp) is damaged. Ask the host to "
                          "send the link again.");
    QTest::addRow("fingerprint with a ws server")
        << QStringLiteral("lockstep://join?server=ws%3A%2F%2Fh%2F&room=r&fp=") + kFp
        << QStringLiteral("The link names a certificate fingerprint but an unencrypted ws:// "
                          "server. Ask the host to send the link again.");
}

void TestInviteLink::refusesInvalidLinks()
{
    QFETCH(QString, text);
    QFETCH(QString, error);

    QString why;
    QVERIFY(!InviteLink::parse(text, &why));
    QCOMPARE(why, error);
}

void TestInviteLink::buildsPercentEncodedLinks()
{
    const InviteLink link(QUrl(QStringLiteral("wss://watch.example.org/")),
                          QStringLiteral("movie-night"), QStringLiteral("eyJh.eyJ0.c2ln"));
    QCOMPARE(link.toString(),
             QStringLiteral("lockstep://join?server=wss%3A%2F%2Fwatch.example.org"
                            "%2F&room=movie-night&invite=eyJh.eyJ0.c2ln"));
    QVERIFY(link.toUrl().isValid());
    QCOMPARE(link.toUrl().scheme(), QStringLiteral("lockstep"));

    const InviteLink open(QUrl(QStringLiteral("ws://10.0.0.5:8765/")), QStringLiteral("r"));
    QCOMPARE(open.toString(),
             QStringLiteral("lockstep://join?server=ws%3A%2F%2F10.0.0.5%3A8765%2F&room=r"));
}

void TestInviteLink::roundTrips_data()
{
    QTest::addColumn<QUrl>("server");
    QTest::addColumn<QString>("room");
    QTest::addColumn<QString>("invite");

    QTest::addRow("lan") << QUrl(QStringLiteral("ws://192.168.1.20:8765/"))
                         << QStringLiteral("S9dPo7r7vERiangd") << QStringLiteral("a.b.c");
    QTest::addRow("ipv6") << QUrl(QStringLiteral("ws://[fd00::2]:8765/")) << QStringLiteral("r")
                          << QStringLiteral("x");
    QTest::addRow("proxy path") << QUrl(QStringLiteral("wss://example.org/lockstep?room=r"))
                                << QStringLiteral("r") << QString();
    QTest::addRow("token with reserved characters")
        << QUrl(QStringLiteral("ws://h/")) << QStringLiteral("r")
        << QStringLiteral("a+b/c=d&e?f%g");
}

void TestInviteLink::roundTrips()
{
    QFETCH(QUrl, server);
    QFETCH(QString, room);
    QFETCH(QString, invite);

    const InviteLink link(server, room, invite);
    const std::optional<InviteLink> parsed = InviteLink::parse(link.toString());
    QVERIFY(parsed);
    QCOMPARE(*parsed, link);
}

void TestInviteLink::recognisesLinks()
{
    QVERIFY(InviteLink::looksLikeLink(QStringLiteral("lockstep://join?room=x")));
    QVERIFY(InviteLink::looksLikeLink(QStringLiteral(" <Lockstep://anything")));
    QVERIFY(!InviteLink::looksLikeLink(QStringLiteral("/home/ann/film.mkv")));
    QVERIFY(!InviteLink::looksLikeLink(QStringLiteral("https://example.org/v.mp4")));
}

void TestInviteLink::carriesTheCertificateFingerprint()
{
    const InviteLink link(QUrl(QStringLiteral("wss://203.0.113.7:8765/")), QStringLiteral("r"),
                          QStringLiteral("t"), kFp);
    QCOMPARE(link.toString(),
             QStringLiteral("lockstep://join?server=wss%3A%2F%2F203.0.113.7%3A8765%2F&room=r"
                            "&invite=t&fp=")
                 + kFp);
    const std::optional<InviteLink> parsed = InviteLink::parse(link.toString());
    QVERIFY(parsed);
    QCOMPARE(*parsed, link);
    QCOMPARE(parsed->certificateDigest(), QByteArray(32, '\xab'));
    // No fp: nothing pinned.
    QVERIFY(InviteLink::parse(QStringLiteral("lockstep://join?server=wss%3A%2F%2Fh%2F&room=r"))
                ->certificateDigest()
                .isEmpty());
}

QTEST_GUILESS_MAIN(TestInviteLink)
#include "tst_invitelink.moc"
