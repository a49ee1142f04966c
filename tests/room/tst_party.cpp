// Chat, the shared playlist and readiness as the app's controllers live them,
// in virtual time against the real server core: what a late joiner sees, what
// is refused before it is sent, matching each item to our own copy once, the
// countdown to the next item, and readiness in the list and across a start.
#include "SimRoom.h"
#include "room/ChatController.h"
#include "room/LocalCopies.h"
#include "room/PlaylistController.h"
#include "sim/SimNetwork.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTest>

using namespace lockstep;
using test::SimRoom;

namespace {

// A prober that knows every file's length at once (the app's reads it with a
// media player); names containing "broken" cannot be played.
room::PlaylistController::Prober instantProber(double duration)
{
    return [duration](const QUrl &url, std::function<void(std::optional<double>)> done) {
        if (url.toString().contains(QLatin1String("broken")))
            done(std::nullopt);
        else
            done(duration);
    };
}

QUrl writeFile(const QString &path, int bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(QByteArray(bytes, 'x'));
    return QUrl::fromLocalFile(path);
}

protocol::PlaylistItem itemOf(const QString &name, qint64 size, double duration)
{
    return protocol::PlaylistItem {name, name, name, protocol::MediaInfo {name, size, duration}};
}

QStringList lineTexts(const room::ChatController &chat)
{
    QStringList texts;
    for (const room::ChatLine &line : chat.lines())
        texts << line.name + QStringLiteral(": ") + line.text;
    return texts;
}

} // namespace

class TestParty : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { test::isolateSettings(); }

    void aLateJoinerSeesTheConversation();
    void ourMessageComesBackOnceAsOurs();
    void badMessagesAreRefusedBeforeSending();
    void theRateLimitIsExplainedAndNothingIsLost();
    void aRejoinBringsWhatWasMissedOnce();
    void aMessageSentIntoADeadLinkArrivesOnceBack();
    void chatTextIsNeverMarkup();

    void addedFilesAreReadAndShared();
    void aPlaylistStartedAroundTheFilmPlaysOn();
    void whatCannotPlayIsLeftOutAndSaid();
    void onlyWhoControlsPlaybackEditsThePlaylist();
    void movingAndRemovingKeepTheCurrentItem();
    void eachCopyIsChosenOnce();
    void theNextItemStartsAfterACountdown();

    void readinessIsSharedAndShown();
    void aHeldPlayStartsWhenEveryoneIsReady();
};

// ---------------------------------------------------------------- chat

void TestParty::aLateJoinerSeesTheConversation()
{
    SimRoom room;
    for (const char *text : {"hi", "popcorn ready?", "starting soon"}) {
        room.alice->client().sendChat(QString::fromLatin1(text));
        room.run(0.2);
    }
    room::ChatController chat(*room.session);
    QVERIFY(room.join());
    QCOMPARE(lineTexts(chat),
             QStringList({QStringLiteral("alice: hi"), QStringLiteral("alice: popcorn ready?"),
                          QStringLiteral("alice: starting soon")}));
    QVERIFY(!chat.lines().first().own);
}

void TestParty::ourMessageComesBackOnceAsOurs()
{
    SimRoom room;
    room::ChatController chat(*room.session);
    QVERIFY(room.join());
    QSignalSpy added(&chat, &room::ChatController::lineAdded);
    QSignalSpy aliceHears(&room.alice->client(), &client::SessionClient::chatReceived);
    QCOMPARE(chat.send(QStringLiteral("  hello there \n")), QString());
    room.run(0.5);
    QCOMPARE(added.size(), 1);
    QCOMPARE(chat.lines().size(), 1);
    QCOMPARE(chat.lines().first().text, QStringLiteral("hello there"));
    QCOMPARE(chat.lines().first().name, QStringLiteral("Bob"));
    QVERIFY(chat.lines().first().own);
    QCOMPARE(aliceHears.size(), 1);
}

void TestParty::badMessagesAreRefusedBeforeSending()
{
    SimRoom room;
    room::ChatController chat(*room.session);
    QCOMPARE(chat.send(QStringLiteral("too early")),
             QStringLiteral("You can chat once you are in a room."));
    QVERIFY(room.join());
    QSignalSpy aliceHears(&room.alice->client(), &client::SessionClient::chatReceived);
    QCOMPARE(chat.send(QStringLiteral("   ")), QStringLiteral("Type a message first."));
    QCOMPARE(chat.send(QString(501, QLatin1Char('a'))),
             QStringLiteral("A message can be at most 500 characters long; this one has 501."));
    QCOMPARE(chat.send(QStringLiteral("bell\a")),
             QStringLiteral("The message contains characters that cannot be sent."));
    // 500 characters, some outside the BMP, are fine.
    QCOMPARE(chat.send(QString(498, QLatin1Char('a')) + QStringLiteral("\U0001F37F")), QString());
    room.run(0.5);
    QCOMPARE(aliceHears.size(), 1);
}

void TestParty::theRateLimitIsExplainedAndNothingIsLost()
{
    SimRoom room;
    room::ChatController chat(*room.session);
    QVERIFY(room.join());
    for (int i = 0; i < 5; ++i) {
        QCOMPARE(chat.send(QStringLiteral("message %1").arg(i)), QString());
        room.run(0.3);
    }
    const QString refusal = chat.send(QStringLiteral("one more"));
    QVERIFY2(refusal.startsWith(QStringLiteral("You can send 5 messages every 10 seconds. Wait ")),
             qPrintable(refusal));
    room.run(11.0);
    QCOMPARE(chat.send(QStringLiteral("one more")), QString());
    room.run(0.5);
    QCOMPARE(chat.lines().size(), 6);
    QCOMPARE(chat.lines().last().text, QStringLiteral("one more"));
}

void TestParty::aRejoinBringsWhatWasMissedOnce()
{
    SimRoom room;
    room::ChatController chat(*room.session);
    QVERIFY(room.join());
    room.alice->client().sendChat(QStringLiteral("before"));
    room.run(0.5);
    QCOMPARE(chat.lines().size(), 1);

    room.world.network().cut(room.transport->connectionId(), 0.1, 0.1);
    room.run(0.3);
    QVERIFY(!room.session->connection().inRoom());
    room.alice->client().sendChat(QStringLiteral("while you were away"));
    for (int i = 0; i < 200 && !room.session->connection().inRoom(); ++i)
        room.run(0.1);
    QVERIFY(room.session->connection().inRoom());
    room.run(0.5);
    QCOMPARE(lineTexts(chat),
             QStringList(
                 {QStringLiteral("alice: before"), QStringLiteral("alice: while you were away")}));
}

void TestParty::aMessageSentIntoADeadLinkArrivesOnceBack()
{
    SimRoom room;
    room::ChatController chat(*room.session);
    QVERIFY(room.join());
    QSignalSpy aliceHears(&room.alice->client(), &client::SessionClient::chatReceived);

    // The link dies silently; we write before noticing (the input clears).
    room.world.network().cut(room.transport->connectionId(), 3.0, 3.0);
    room.run(0.2);
    QVERIFY(room.session->connection().inRoom());
    QCOMPARE(chat.send(QStringLiteral("are you still there?")), QString());
    QCOMPARE(room.session->party().pendingChat(),
             QStringList {QStringLiteral("are you still there?")});
    QVERIFY2(chat.pendingText().contains(QStringLiteral("are you still there?")),
             qPrintable(chat.pendingText()));
    room.run(1.0);
    QCOMPARE(aliceHears.count(), 0);

    // The drop is noticed; back in the room, it goes again, once, and is no
    // longer pending.
    for (int i = 0; i < 300 && room.session->connection().inRoom(); ++i)
        room.run(0.1);
    QVERIFY(!room.session->connection().inRoom());
    QCOMPARE(room.session->party().pendingChat().size(), 1);
    for (int i = 0; i < 300 && !room.session->connection().inRoom(); ++i)
        room.run(0.1);
    QVERIFY(room.session->connection().inRoom());
    room.run(1.0);
    QCOMPARE(aliceHears.count(), 1);
    QCOMPARE(aliceHears.first().first().value<protocol::ChatEntry>().text,
             QStringLiteral("are you still there?"));
    QVERIFY(room.session->party().pendingChat().isEmpty());
    QVERIFY(chat.pendingText().isEmpty());
    QCOMPARE(lineTexts(chat), QStringList {QStringLiteral("Bob: are you still there?")});

    // A message the room confirmed is not sent again after a later drop.
    room.world.network().cut(room.transport->connectionId(), 0.1, 0.1);
    room.run(0.3);
    for (int i = 0; i < 300 && !room.session->connection().inRoom(); ++i)
        room.run(0.1);
    room.run(1.0);
    QCOMPARE(aliceHears.count(), 1);
}

void TestParty::chatTextIsNeverMarkup()
{
    QCOMPARE(room::ChatController::toHtml(QStringLiteral("<b>hi</b> & <script>x</script>")),
             QStringLiteral("&lt;b&gt;hi&lt;/b&gt; &amp; &lt;script&gt;x&lt;/script&gt;"));
    QCOMPARE(
        room::ChatController::toHtml(QStringLiteral("see https://example.com/a?b=1&c=\"2\".\nok")),
        QStringLiteral("see <a href=\"https://example.com/a?b=1&amp;c=\">"
                       "https://example.com/a?b=1&amp;c=</a>&quot;2&quot;.<br>ok"));
    QCOMPARE(room::ChatController::toHtml(QStringLiteral("javascript:alert(1) file:///etc/passwd")),
             QStringLiteral("javascript:alert(1) file:///etc/passwd"));
    QCOMPARE(
        room::ChatController::links(QStringLiteral("(http://a.example/x), https://b.example!")),
        QStringList({QStringLiteral("http://a.example/x"), QStringLiteral("https://b.example")}));
}

// ---------------------------------------------------------------- playlist

void TestParty::addedFilesAreReadAndShared()
{
    SimRoom room;
    QVERIFY(room.join());
    room::PlaylistController playlist(*room.session, *room.playback, *room.settings);
    playlist.setProber(instantProber(42.0));
    QSignalSpy loads(room.playback.get(), &room::PlaybackController::loadRequested);
    const QUrl one = writeFile(room.files.filePath(QStringLiteral("s01e01.mkv")), 1000);
    const QUrl two = writeFile(room.files.filePath(QStringLiteral("s01e02.mkv")), 2000);
    playlist.add({one, two});
    room.run(0.5);

    const protocol::Playlist &shared = room.alice->client().room().playlist;
    QCOMPARE(shared.items.size(), 2);
    QCOMPARE(shared.current, 0);
    QCOMPARE(shared.items.at(0).title, QStringLiteral("s01e01"));
    QCOMPARE(shared.items.at(0).mediaUrl, QStringLiteral("s01e01.mkv"));
    QCOMPARE(shared.items.at(1).media->size, std::optional<qint64>(2000));
    QCOMPARE(shared.items.at(1).media->duration, std::optional<double>(42.0));
    QCOMPARE(playlist.count(), 2);
    // The first item is the room's media now, and our own file plays it.
    QCOMPARE(room.alice->client().room().mediaUrl, QStringLiteral("s01e01.mkv"));
    QCOMPARE(loads.size(), 1);
    QCOMPARE(loads.first().first().toUrl(), one);
    QVERIFY(playlist.isPlayable(1));
}

void TestParty::aPlaylistStartedAroundTheFilmPlaysOn()
{
    SimRoom room;
    QVERIFY(room.join());
    const QUrl film = writeFile(room.files.filePath(QStringLiteral("film.mkv")), 5000);
    room.playback->open(film);
    room.playback->onLoaded(100.0);
    room.run(0.5);
    room.alice->client().sendPlayerEvent({protocol::PlayerAction::Play, 10.0});
    room.run(1.0);
    QVERIFY(room.session->connection().timelinePlaying());

    room::PlaylistController playlist(*room.session, *room.playback, *room.settings);
    playlist.setProber(instantProber(30.0));
    QSignalSpy loads(room.playback.get(), &room::PlaybackController::loadRequested);
    playlist.add({writeFile(room.files.filePath(QStringLiteral("extras.mkv")), 10)});
    room.run(1.0);
    const protocol::Playlist &shared = room.alice->client().room().playlist;
    QCOMPARE(shared.items.size(), 2);
    QCOMPARE(shared.current, 0);
    QCOMPARE(shared.items.at(0).mediaUrl, QStringLiteral("film.mkv"));
    QCOMPARE(shared.items.at(0).title, QStringLiteral("film"));
    QVERIFY(room.session->connection().timelinePlaying());
    QCOMPARE(loads.size(), 0);
}

void TestParty::whatCannotPlayIsLeftOutAndSaid()
{
    SimRoom room;
    QVERIFY(room.join());
    room::PlaylistController playlist(*room.session, *room.playback, *room.settings);
    playlist.setProber(instantProber(10.0));
    QSignalSpy notices(&playlist, &room::PlaylistController::notice);
    playlist.add({writeFile(room.files.filePath(QStringLiteral("broken.txt")), 10),
                  QUrl::fromLocalFile(room.files.filePath(QStringLiteral("missing.mkv"))),
                  QUrl(QStringLiteral("lockstep://join?room=x"))});
    room.run(0.5);
    QCOMPARE(playlist.count(), 0);
    QCOMPARE(room.alice->client().room().playlist.version, 0);
    QStringList texts;
    for (const QList<QVariant> &n : notices)
        texts << n.first().toString();
    QVERIFY2(texts.join(QLatin1Char('|')).contains(QStringLiteral("missing.mkv")),
             qPrintable(texts.join(QLatin1Char('|'))));
    QVERIFY(texts.contains(
        QStringLiteral("Lockstep cannot play broken.txt, so it was not added to the playlist.")));
}

void TestParty::onlyWhoControlsPlaybackEditsThePlaylist()
{
    SimRoom room(protocol::Json {{"control", "host"}});
    QVERIFY(room.join());
    room::PlaylistController playlist(*room.session, *room.playback, *room.settings);
    playlist.setProber(instantProber(10.0));
    QVERIFY(!playlist.canEdit());
    QSignalSpy notices(&playlist, &room::PlaylistController::notice);
    playlist.add({writeFile(room.files.filePath(QStringLiteral("a.mkv")), 10)});
    room.run(0.5);
    QCOMPARE(notices.size(), 1);
    QCOMPARE(notices.first().first().toString(),
             QStringLiteral("Only the host changes the playlist in this room."));
    QCOMPARE(room.alice->client().room().playlist.version, 0);
    QVERIFY(room.becomeHost());
    QVERIFY(playlist.canEdit());
}

void TestParty::movingAndRemovingKeepTheCurrentItem()
{
    SimRoom room;
    QVERIFY(room.join());
    room.alice->client().sendPlaylist(
        {{itemOf(QStringLiteral("a.mkv"), 1, 10.0), itemOf(QStringLiteral("b.mkv"), 2, 10.0),
          itemOf(QStringLiteral("c.mkv"), 3, 10.0)},
         1,
         std::nullopt});
    room.run(0.5);
    room::PlaylistController playlist(*room.session, *room.playback, *room.settings);
    QCOMPARE(playlist.count(), 3);
    QVERIFY(playlist.move(1, 2)); // b goes last, and stays current
    room.run(0.5);
    QCOMPARE(room.alice->client().room().playlist.current, 2);
    QCOMPARE(room.alice->client().room().playlist.items.at(2).id, QStringLiteral("b.mkv"));
    QVERIFY(playlist.remove(0)); // a
    room.run(0.5);
    QCOMPARE(room.alice->client().room().playlist.current, 1);
    QVERIFY(playlist.remove(1)); // b, the current one: it plays on, nothing is current
    room.run(0.5);
    QCOMPARE(room.alice->client().room().playlist.items.size(), 1);
    QCOMPARE(room.alice->client().room().playlist.current, -1);
    QCOMPARE(room.session->connection().roomMedia().mediaUrl(), QStringLiteral("b.mkv"));
    QVERIFY(!playlist.remove(5));
    QVERIFY(!playlist.move(0, 0));
}

void TestParty::eachCopyIsChosenOnce()
{
    SimRoom room;
    // Bob's copies live in his own folder, the first under another name.
    const QUrl first = writeFile(room.files.filePath(QStringLiteral("mine/Episode One.mkv")), 100);
    writeFile(room.files.filePath(QStringLiteral("mine/e2.mkv")), 200);
    room.alice->client().sendPlaylist(
        {{itemOf(QStringLiteral("e1.mkv"), 100, 2.0), itemOf(QStringLiteral("e2.mkv"), 200, 2.0)},
         0,
         std::nullopt});
    room.run(0.5);
    QVERIFY(room.join());
    room::PlaylistController playlist(*room.session, *room.playback, *room.settings);
    QVERIFY(room.playback->isAwaitingRoomFile());
    QVERIFY(!playlist.isPlayable(0));

    QSignalSpy loads(room.playback.get(), &room::PlaybackController::loadRequested);
    playlist.chooseLocalCopy(0, first.toLocalFile());
    QCOMPARE(loads.size(), 1);
    QCOMPARE(loads.first().first().toUrl(), first);
    QVERIFY(!room.playback->isAwaitingRoomFile());
    room.playback->onLoaded(2.0);
    // The next episode sits beside the first: found without asking.
    QVERIFY(playlist.isPlayable(1));

    room.alice->client().sendPlayerEvent({protocol::PlayerAction::Play, 0.0});
    room.run(2.5);
    QCOMPARE(room.alice->client().room().playlist.current, 1);
    QCOMPARE(loads.size(), 2);
    QCOMPARE(loads.last().first().toUrl().fileName(), QStringLiteral("e2.mkv"));
    QVERIFY(!room.playback->isAwaitingRoomFile());

    // Another room playing the first episode finds the copy chosen for it.
    room::LocalCopies copies(*room.settings);
    QCOMPARE(copies.find(protocol::MediaInfo {QStringLiteral("e1.mkv"), 100, 2.0}),
             first.toLocalFile());
    QCOMPARE(copies.find(protocol::MediaInfo {QStringLiteral("e1.mkv"), 101, 2.0}), QString());
    QCOMPARE(copies.find(protocol::MediaInfo {QStringLiteral("../e2.mkv"), 200, 2.0}), QString());
}

void TestParty::theNextItemStartsAfterACountdown()
{
    SimRoom room;
    QVERIFY(room.join());
    room::PlaylistController playlist(*room.session, *room.playback, *room.settings);
    QSignalSpy started(&playlist, &room::PlaylistController::countdownStarted);
    QSignalSpy ended(&playlist, &room::PlaylistController::countdownEnded);
    room.alice->client().sendPlaylist(
        {{itemOf(QStringLiteral("e1.mkv"), 1, 2.0), itemOf(QStringLiteral("e2.mkv"), 2, 20.0)},
         0,
         std::nullopt});
    room.run(0.5);
    QCOMPARE(started.size(), 0);
    room.alice->client().sendPlayerEvent({protocol::PlayerAction::Play, 0.0});
    room.run(2.5);
    QCOMPARE(started.size(), 1);
    QCOMPARE(started.first().at(0).toString(), QStringLiteral("e2.mkv"));
    QVERIFY(playlist.countdown());
    QVERIFY(*playlist.countdown() > 2.0 && *playlist.countdown() <= 3.0);
    QVERIFY(!room.session->connection().timelinePlaying());
    QCOMPARE(ended.size(), 0);
    room.run(3.0);
    QVERIFY(room.session->connection().timelinePlaying());
    QCOMPARE(ended.size(), 1);
    QVERIFY(!playlist.countdown());
}

// ---------------------------------------------------------------- readiness

void TestParty::readinessIsSharedAndShown()
{
    SimRoom room;
    QVERIFY(room.join());
    QVERIFY(!room.session->party().isReady());
    QSignalSpy aliceHears(&room.alice->client(), &client::SessionClient::readyChanged);
    room.session->setReady(true);
    room.run(0.5);
    QVERIFY(room.session->party().isReady());
    QCOMPARE(aliceHears.size(), 1);
    QCOMPARE(aliceHears.first().at(0).toString(), room.session->connection().clientId());
    const auto bob = std::find_if(room.alice->client().participants().cbegin(),
                                  room.alice->client().participants().cend(),
                                  [&](const protocol::Participant &p) {
                                      return p.clientId == room.session->connection().clientId();
                                  });
    QVERIFY(bob != room.alice->client().participants().cend());
    QVERIFY(bob->ready);
    // Saying it twice is not news.
    room.session->setReady(true);
    room.run(0.5);
    QCOMPARE(aliceHears.size(), 1);
    room.session->setReady(false);
    room.run(0.5);
    QVERIFY(!room.session->party().isReady());
    QCOMPARE(aliceHears.size(), 2);
}

void TestParty::aHeldPlayStartsWhenEveryoneIsReady()
{
    SimRoom room(protocol::Json {{"start_when_ready", true}});
    QVERIFY(room.join());
    const QUrl film = writeFile(room.files.filePath(QStringLiteral("film.mkv")), 10);
    room.playback->open(film);
    room.playback->onLoaded(100.0);
    room.run(0.5);
    QSignalSpy notices(room.session.get(), &room::RoomSession::notice);
    room.alice->client().setReady(true);
    room.run(0.3);
    room.playback->togglePlayPause();
    room.run(0.5);
    QVERIFY(!room.session->connection().timelinePlaying());
    QVERIFY(!notices.isEmpty());
    QVERIFY2(notices.last().first().toString().contains(QStringLiteral("ready")),
             qPrintable(notices.last().first().toString()));
    room.session->setReady(true);
    room.run(1.0);
    QVERIFY(room.session->connection().timelinePlaying());
}

QTEST_GUILESS_MAIN(TestParty)
#include "tst_party.moc"
