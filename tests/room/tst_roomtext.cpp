#include "room/RoomMedia.h"
#include "room/ServerErrorText.h"
#include "room/Settings.h"

#include <QLocale>
#include <QTest>

Q_DECLARE_METATYPE(lockstep::protocol::MediaInfo)

using lockstep::protocol::Error;
using lockstep::protocol::MediaInfo;
using lockstep::room::RoomMedia;
using lockstep::room::ServerErrorText;
using lockstep::room::Settings;

class TestRoomText : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void everyServerErrorIsASentence_data();
    void everyServerErrorIsASentence();
    void unknownCodesKeepTheServersMessage();
    void connectionProblems();
    void roomMediaKinds();
    void mismatchWarnings_data();
    void mismatchWarnings();
    void aDefaultNameIsNeverGuestNorRoot_data();
    void aDefaultNameIsNeverGuestNorRoot();
};

void TestRoomText::initTestCase()
{
    QLocale::setDefault(QLocale::c());
}

void TestRoomText::everyServerErrorIsASentence_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("text");

    const auto row = [](const char *code, const char *text) {
        QTest::newRow(code) << QString::fromLatin1(code) << QString::fromUtf8(text);
    };
    row("invite_invalid", "This invite link is not valid.");
    row("invite_expired", "This invite has expired. Ask the host for a new link.");
    row("room_full", "This room is full. Ask the host whether someone can make space for you.");
    row("room_not_found", "This room does not exist (any more). The host may have closed it.");
    row("room_exists", "A room with this name already exists on the server.");
    row("auth_required", "You need an invite to enter this room. Ask the host for an invite link.");
    row("auth_invalid",
        "The server did not accept your access token. It may have expired, or be "
        "meant for another server or room.");
    row("client_id_taken",
        "You are already in this room from another connection. Try again in a "
        "moment.");
    row("forbidden", "The room does not allow you to do that.");
    row("rate_limited",
        "The server is busy, or too much was sent too quickly. Try again in a "
        "moment.");
    row("already_in_room", "This connection is already in a room.");
    row("not_in_room", "You are not in a room any more.");
    row("too_large",
        "The server does not understand this version of Lockstep. Check for an update.");
    row("unknown_type",
        "The server does not understand this version of Lockstep. Check for an "
        "update.");
    row("bad_request", "The server did not accept the request: payload.name is missing.");
    row("internal", "Something went wrong on the server. Try again.");
}

void TestRoomText::everyServerErrorIsASentence()
{
    QFETCH(QString, code);
    QFETCH(QString, text);
    QCOMPARE(ServerErrorText::describe(Error {code, QStringLiteral("payload.name is missing.")}),
             text);
}

void TestRoomText::unknownCodesKeepTheServersMessage()
{
    QCOMPARE(ServerErrorText::describe(
                 Error {QStringLiteral("maintenance"), QStringLiteral("Back at noon.")}),
             QStringLiteral("The server refused the request: Back at noon."));
    QCOMPARE(ServerErrorText::describe(Error {QStringLiteral("maintenance"), QString()}),
             QStringLiteral("The server refused the request (maintenance)."));
}

void TestRoomText::connectionProblems()
{
    const QString refused = ServerErrorText::connectionFailed(
        QUrl(QStringLiteral("ws://192.168.1.20:8765/")), QStringLiteral("Connection refused"));
    QVERIFY(refused.startsWith(QStringLiteral("Could not connect to 192.168.1.20:8765.")));
    QVERIFY(refused.contains(QStringLiteral("Nothing answers at that address")));
    QVERIFY(!refused.contains(QStringLiteral("Connection refused")));
    // A web server where the room should be: a sentence, not Qt's internals.
    const QString web = ServerErrorText::connectionFailed(
        QUrl(QStringLiteral("ws://example.org:8000/")),
        QStringLiteral("QWebSocketPrivate::processHandshake: Unhandled http status code: 200 "
                       "(OK)."));
    QCOMPARE(web,
             QStringLiteral("Could not connect to example.org:8000. There is a web server at that "
                            "address, not a Lockstep room. Check the invite link."));
    // Words it does not know are left out rather than shown.
    const QString odd = ServerErrorText::connectionFailed(
        QUrl(QStringLiteral("ws://example.org:8000/")),
        QStringLiteral("QAbstractSocket::SomethingInternal (42)"));
    QVERIFY(!odd.contains(QStringLiteral("QAbstractSocket")));
    QVERIFY(!odd.contains(QLatin1Char('(')));
    QVERIFY(ServerErrorText::connectionFailed(QUrl(QStringLiteral("wss://h:1/")),
                                              QStringLiteral("SSL handshake failed"))
                .contains(QStringLiteral("secure connection")));
    QCOMPARE(ServerErrorText::connectionLost(1006, QStringLiteral("Connection reset by peer")),
             QStringLiteral("The connection to the server was lost. The host ended the "
                            "connection at once."));
    QCOMPARE(ServerErrorText::connectionLost(4000, QStringLiteral("Replaced")),
             QStringLiteral("You joined this room again from somewhere else, so this window left "
                            "it."));
    QCOMPARE(ServerErrorText::connectionLost(1006, QString()),
             QStringLiteral("The connection to the server was lost."));
}

void TestRoomText::roomMediaKinds()
{
    const RoomMedia stream = RoomMedia::fromRoom(QStringLiteral("https://example.org/v.m3u8"), {});
    QVERIFY(stream.isStream());
    QCOMPARE(stream.streamUrl(), QUrl(QStringLiteral("https://example.org/v.m3u8")));

    const RoomMedia file = RoomMedia::fromRoom(
        QStringLiteral("film.mkv"), MediaInfo {QStringLiteral("film.mkv"), 2'147'483'648, 6421.5});
    QVERIFY(file.isLocalFile());
    QCOMPARE(file.displayName(), QStringLiteral("film.mkv"));
    QCOMPARE(file.describe(), QStringLiteral("film.mkv (1:47:01, 2.0 GB)"));

    // A client that follows the draft literally sends a file:// URL and no media info.
    const RoomMedia draft
        = RoomMedia::fromRoom(QStringLiteral("file:///home/ann/Videos/a.mkv"), {});
    QVERIFY(draft.isLocalFile());
    QCOMPARE(draft.displayName(), QStringLiteral("a.mkv"));

    QVERIFY(RoomMedia::fromRoom(QString(), {}).isEmpty());
    QVERIFY(!RoomMedia::isStreamUrl(QUrl(QStringLiteral("C:/Videos/film.mkv"))));
}

void TestRoomText::mismatchWarnings_data()
{
    QTest::addColumn<MediaInfo>("local");
    QTest::addColumn<bool>("ownerIsHost");
    QTest::addColumn<QStringList>("warnings");

    const MediaInfo room {QStringLiteral("film.mkv"), 100 * 1024 * 1024, 6000.0};
    QTest::addRow("same") << room << true << QStringList();
    QTest::addRow("a frame apart")
        << MediaInfo {room.name, room.size, 6000.04} << true << QStringList();
    QTest::addRow("smaller") << MediaInfo {room.name, 88 * 1024 * 1024, 6000.0} << true
                             << QStringList {
                                    QStringLiteral("This file is 12 MB smaller than the host's.")};
    QTest::addRow("larger, someone else's")
        << MediaInfo {room.name, 101 * 1024 * 1024, 6000.0} << false
        << QStringList {QStringLiteral("This file is 1.0 MB larger than Carol's.")};
    QTest::addRow("renamed and shorter")
        << MediaInfo {QStringLiteral("film (1).mkv"), room.size, 5990.0} << true
        << QStringList {QStringLiteral("Its name is not the same as the host's file (“film.mkv”)."),
                        QStringLiteral("It is 10 s shorter than the host's.")};
    QTest::addRow("much longer") << MediaInfo {room.name, room.size, 6125.0} << true
                                 << QStringList {
                                        QStringLiteral("It is 2:05 longer than the host's.")};
}

void TestRoomText::mismatchWarnings()
{
    QFETCH(MediaInfo, local);
    QFETCH(bool, ownerIsHost);
    QFETCH(QStringList, warnings);
    const MediaInfo room {QStringLiteral("film.mkv"), 100 * 1024 * 1024, 6000.0};
    QCOMPARE(RoomMedia::differences(local, room, QStringLiteral("Carol"), ownerIsHost), warnings);
    QCOMPARE(RoomMedia::sameFile(local, room), local.name == room.name && local.size == room.size);
}

void TestRoomText::aDefaultNameIsNeverGuestNorRoot_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("fullName");
    QTest::addColumn<QString>("hostName");
    QTest::addColumn<QString>("name");
    const auto row = [](const char *tag, const char *user, const char *fullName,
                        const char *hostName, const char *name) {
        QTest::newRow(tag) << QString::fromUtf8(user) << QString::fromUtf8(fullName)
                           << QString::fromUtf8(hostName) << QString::fromUtf8(name);
    };
    row("full name", "ann", "Ann Smith", "laptop", "Ann Smith");
    row("login", "ann", "", "laptop", "Ann");
    row("root", "root", "root", "kitchen-pc.lan", "Kitchen-pc");
    row("no user", "", "", "den", "Den");
    row("nothing at all", "root", "", "localhost", "Lockstep host");
}

void TestRoomText::aDefaultNameIsNeverGuestNorRoot()
{
    QFETCH(QString, user);
    QFETCH(QString, fullName);
    QFETCH(QString, hostName);
    QFETCH(QString, name);
    QCOMPARE(Settings::chooseDisplayName(user, fullName, hostName), name);
    const QString actual = Settings::defaultDisplayName();
    QVERIFY(!actual.isEmpty());
    QVERIFY(actual != QStringLiteral("Guest") && actual != QStringLiteral("root"));
}

QTEST_GUILESS_MAIN(TestRoomText)
#include "tst_roomtext.moc"
