// PlaybackController in virtual time: what the user's play, pause and seek do
// outside and inside a room, the room's rules for opening media, and which of
// the others' actions are news.
#include "SimRoom.h"
#include "room/RoomActivity.h"

#include <QSignalSpy>
#include <QTest>

using namespace lockstep;
using test::SimRoom;

namespace {

QStringList notices(const QSignalSpy &spy)
{
    QStringList texts;
    for (const QList<QVariant> &arguments : spy)
        texts << arguments.at(0).toString();
    return texts;
}

// Alice changes what the room watches, as the app does (the server puts the
// room at 0, paused, and tells only the others).
void aliceChoosesAStream(SimRoom &room)
{
    room.alice->client().changeMedia(
        room::RoomMedia::forStream(QUrl(QStringLiteral("https://example.org/film.m3u8")))
            .toMediaChange());
    room.alice->controller().mediaChangedLocally();
}

} // namespace

class TestPlaybackController : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { test::isolateSettings(); }
    void outsideARoomTheControlsMoveThePlayer();
    void openingWaitsForTheMediaToSettle();
    void aPauseRightAfterAMediaChangeIsNotNews();
    void aLaterPauseAtTheStartIsNews();
    void theEndOfTheMediaIsSaidAsSuch();
    void aGuestCannotChangeWhatAHostOnlyRoomWatches();
    void aGuestIsAskedForTheRoomFile();
    void aRenamedCopyIsKeptAfterAReconnect();
    void theRoomsFilmOpenedAgainIsOurCopyNotAChange();
    void aStreamThatCannotSeekPlaysFromTheStartAlone();
    void aStreamThatCannotSeekIsRefusedInARoom();
};

void TestPlaybackController::outsideARoomTheControlsMoveThePlayer()
{
    SimRoom room;
    room::PlaybackController &playback = *room.playback;
    QSignalSpy loads(&playback, &room::PlaybackController::loadRequested);
    playback.open(room.mediaFile());
    QCOMPARE(loads.size(), 1);
    QVERIFY(playback.isLoading());
    playback.onLoaded(100.0);
    QVERIFY(playback.isLoaded());
    // Opened by the user outside a room: it starts playing.
    QCOMPARE(room.player.state(), sync::PlayerBackend::State::Playing);
    QVERIFY(playback.isPlayingIntent());

    playback.togglePlayPause();
    QCOMPARE(room.player.state(), sync::PlayerBackend::State::Paused);
    QVERIFY(!playback.isPlayingIntent());

    playback.seekTo(42.0);
    room.run(0.2);
    QCOMPARE(room.player.seeks(), 1);
    QVERIFY(std::abs(room.player.position() - 42.0) < 0.01);
    // Past the end: clamped to the media's length.
    playback.seekTo(1.0e6);
    room.run(0.2);
    QVERIFY(std::abs(room.player.position() - room.player.duration()) < 0.01);
}

void TestPlaybackController::openingWaitsForTheMediaToSettle()
{
    SimRoom room;
    room::PlaybackController &playback = *room.playback;
    int settled = 0;
    playback.whenSettled([&] { ++settled; });
    QCOMPARE(settled, 1); // nothing loading: at once
    playback.open(room.mediaFile());
    playback.whenSettled([&] { ++settled; });
    QCOMPARE(settled, 1);
    playback.onLoaded(12.0);
    QCOMPARE(settled, 2);
    QCOMPARE(playback.currentMedia().info()->duration, 12.0);

    playback.open(room.mediaFile(QStringLiteral("broken.mkv")));
    playback.whenSettled([&] { ++settled; });
    playback.onFailed();
    QCOMPARE(settled, 3);
    QVERIFY(!playback.isLoaded());
    QVERIFY(playback.currentMedia().isEmpty());
}

void TestPlaybackController::aPauseRightAfterAMediaChangeIsNotNews()
{
    SimRoom room;
    QVERIFY(room.join());
    QSignalSpy spy(room.playback.get(), &room::PlaybackController::notice);
    aliceChoosesAStream(room);
    room.run(0.3);
    room.alice->controller().pause();
    room.run(0.5);
    const QStringList texts = notices(spy);
    QVERIFY2(texts.filter(QStringLiteral("alice chose")).size() == 1,
             qPrintable(texts.join(QLatin1Char('|'))));
    QVERIFY2(texts.filter(QStringLiteral("paused")).isEmpty(),
             qPrintable(texts.join(QLatin1Char('|'))));
}

void TestPlaybackController::aLaterPauseAtTheStartIsNews()
{
    SimRoom room;
    QVERIFY(room.join());
    QSignalSpy spy(room.playback.get(), &room::PlaybackController::notice);
    aliceChoosesAStream(room);
    room.run(room::RoomActivity::kMediaChangeSettle + 0.5);
    room.alice->controller().pause();
    room.run(0.5);
    QCOMPARE(notices(spy).filter(QStringLiteral("alice paused at 0:00")).size(), 1);
}

void TestPlaybackController::theEndOfTheMediaIsSaidAsSuch()
{
    SimRoom room;
    QVERIFY(room.join());
    room.alice->client().changeMedia(protocol::MediaChange {
        QStringLiteral("https://example.org/short.mp4"),
        protocol::MediaInfo {QStringLiteral("short.mp4"), std::nullopt, 20.0}});
    room.alice->controller().mediaChangedLocally();
    room.run(room::RoomActivity::kMediaChangeSettle + 0.5);
    QSignalSpy spy(room.playback.get(), &room::PlaybackController::notice);
    room.alice->controller().seek(19.0);
    room.alice->controller().play();
    room.run(2.0);
    const QStringList texts = notices(spy);
    QCOMPARE(texts.filter(QStringLiteral("The video reached its end at 0:20")).size(), 1);
    QVERIFY2(texts.filter(QStringLiteral("Someone")).isEmpty(), qPrintable(texts.join(u'|')));
}

void TestPlaybackController::aGuestCannotChangeWhatAHostOnlyRoomWatches()
{
    SimRoom room(protocol::Json {{"control", "host"}});
    QVERIFY(room.join());
    QSignalSpy spy(room.playback.get(), &room::PlaybackController::notice);
    QSignalSpy loads(room.playback.get(), &room::PlaybackController::loadRequested);
    room.playback->open(room.mediaFile());
    QCOMPARE(loads.size(), 0);
    QCOMPARE(notices(spy),
             QStringList {QStringLiteral("Only the host can change what the room watches.")});

    QVERIFY(room.becomeHost());
    room.playback->open(room.mediaFile());
    QCOMPARE(loads.size(), 1);
    room.playback->onLoaded(30.0);
    room.run(0.5);
    QCOMPARE(room.alice->client().room().mediaUrl, QStringLiteral("film.mkv"));
}

void TestPlaybackController::aGuestIsAskedForTheRoomFile()
{
    SimRoom room;
    QVERIFY(room.join());
    QSignalSpy asked(room.playback.get(), &room::PlaybackController::awaitingRoomFileChanged);
    const QUrl file = room.mediaFile();
    room.alice->client().changeMedia(
        room::RoomMedia::forLocalFile(file.toLocalFile(), 30.0).toMediaChange());
    room.run(0.5);
    QVERIFY(room.playback->isAwaitingRoomFile());
    QCOMPARE(asked.size(), 1);
    // Opening a file now picks our copy; it does not change the room's media.
    QSignalSpy mismatch(room.playback.get(), &room::PlaybackController::roomFileMismatch);
    QSignalSpy aliceSees(&room.alice->client(), &client::SessionClient::mediaChanged);
    room.playback->open(room.mediaFile(QStringLiteral("other.mkv")));
    QVERIFY(!room.playback->isAwaitingRoomFile());
    room.playback->onLoaded(31.0);
    QCOMPARE(mismatch.size(), 1);
    room.run(0.5);
    QCOMPARE(aliceSees.size(), 0);
}

void TestPlaybackController::aRenamedCopyIsKeptAfterAReconnect()
{
    SimRoom room;
    QVERIFY(room.join());
    const QUrl file = room.mediaFile();
    room.alice->client().changeMedia(
        room::RoomMedia::forLocalFile(file.toLocalFile(), 30.0).toMediaChange());
    room.run(0.5);
    QVERIFY(room.playback->isAwaitingRoomFile());
    const QUrl ours = room.mediaFile(QStringLiteral("film (copy).mkv"));
    room.playback->open(ours);
    room.playback->onLoaded(30.0);
    QVERIFY(!room.playback->isAwaitingRoomFile());

    // The connection drops and comes back mid-film: our copy stays.
    QSignalSpy asked(room.playback.get(), &room::PlaybackController::awaitingRoomFileChanged);
    QSignalSpy unloads(room.playback.get(), &room::PlaybackController::unloadRequested);
    QSignalSpy joined(room.session.get(), &room::RoomSession::joined);
    room.world.network().cut(room.transport->connectionId(), 0.5, 1.0);
    room.run(6.0);
    QCOMPARE(joined.size(), 1);
    QCOMPARE(joined.at(0).at(0).toBool(), true);
    QCOMPARE(asked.size(), 0);
    QCOMPARE(unloads.size(), 0);
    QCOMPARE(room.playback->source(), ours);

    // A different film chosen by the host, of which we have no copy, still asks.
    room.alice->client().changeMedia(protocol::MediaChange {
        QStringLiteral("sequel.mkv"),
        protocol::MediaInfo {QStringLiteral("sequel.mkv"), 123456789, 50.0}});
    room.run(0.5);
    QVERIFY(room.playback->isAwaitingRoomFile());
}

void TestPlaybackController::theRoomsFilmOpenedAgainIsOurCopyNotAChange()
{
    SimRoom room;
    QVERIFY(room.join());
    QVERIFY(room.session->connection().canControl());
    const QUrl file = room.mediaFile();
    room.alice->client().changeMedia(
        room::RoomMedia::forLocalFile(file.toLocalFile(), 30.0).toMediaChange());
    room.alice->controller().mediaChangedLocally();
    room.run(0.5);
    room.playback->open(file);
    room.playback->onLoaded(30.0);
    room.alice->controller().play();
    room.run(3.0);
    QVERIFY(room.alice->controller().timeline().isPlaying());

    // File > Open of that same film again (say, to get back to it after
    // streaming the host's): our copy of the room's film, not a new film
    // for everyone at 0.
    QSignalSpy aliceSees(&room.alice->client(), &client::SessionClient::mediaChanged);
    room.playback->open(file);
    room.playback->onLoaded(30.0);
    room.run(1.0);
    QCOMPARE(aliceSees.size(), 0);
    QVERIFY(room.alice->controller().timeline().isPlaying());
    QVERIFY(room.alice->controller().expectedPosition() > 3.0);
}

void TestPlaybackController::aStreamThatCannotSeekPlaysFromTheStartAlone()
{
    SimRoom room;
    room::PlaybackController &playback = *room.playback;
    const QUrl stream(QStringLiteral("http://example.org/film.mp4"));
    playback.open(stream);
    playback.onLoaded(30.0);
    QVERIFY(playback.canSeek());
    QVERIFY(!playback.currentMedia().isEmpty());

    QSignalSpy spy(&playback, &room::PlaybackController::notice);
    QSignalSpy loads(&playback, &room::PlaybackController::loadRequested);
    QSignalSpy seekable(&playback, &room::PlaybackController::seekableChanged);
    playback.onSeekRefusedByServer();
    QCOMPARE(notices(spy),
             QStringList {QStringLiteral(
                 "http://example.org/film.mp4 plays from the start only: its server does not "
                 "let players jump to a position.")});
    // Started again from the start, with seeking off.
    QCOMPARE(loads.size(), 1);
    QCOMPARE(loads.at(0).at(0).toUrl(), stream);
    QVERIFY(!seekable.isEmpty());
    QCOMPARE(seekable.last().at(0).toBool(), false);
    QVERIFY(!playback.canSeek());
    playback.onLoaded(30.0);
    QCOMPARE(room.player.state(), sync::PlayerBackend::State::Playing);

    // A jump is refused with a sentence and changes nothing.
    QSignalSpy refused(&playback, &room::PlaybackController::seekRefused);
    const int seeks = room.player.seeks();
    playback.seekTo(12.0);
    QCOMPARE(room.player.seeks(), seeks);
    QCOMPARE(refused.size(), 1);
    QCOMPARE(notices(spy).last(),
             QStringLiteral("This video cannot jump to a position: its server does not allow "
                            "it."));
    // Nor can a room be made from it.
    QVERIFY(playback.currentMedia().isEmpty());

    // Other media can seek again.
    playback.open(room.mediaFile());
    playback.onLoaded(30.0);
    QVERIFY(playback.canSeek());
    QCOMPARE(seekable.last().at(0).toBool(), true);
}

void TestPlaybackController::aStreamThatCannotSeekIsRefusedInARoom()
{
    SimRoom room;
    QVERIFY(room.join());
    aliceChoosesAStream(room);
    room.run(0.5);
    room::PlaybackController &playback = *room.playback;
    QCOMPARE(playback.source(), QUrl(QStringLiteral("https://example.org/film.m3u8")));
    playback.onLoaded(30.0);

    QSignalSpy spy(&playback, &room::PlaybackController::notice);
    QSignalSpy unloads(&playback, &room::PlaybackController::unloadRequested);
    QSignalSpy refused(&playback, &room::PlaybackController::mediaRefused);
    playback.onSeekRefusedByServer();
    const QString sentence = QStringLiteral(
        "https://example.org/film.m3u8 cannot be watched together: its server does not let players "
        "jump to a "
        "position (it does not support byte ranges), and keeping everyone in step needs that. "
        "Download it and open the file, or serve it from a server that supports ranges.");
    QCOMPARE(notices(spy), QStringList {sentence});
    QCOMPARE(unloads.size(), 1);
    QCOMPARE(refused.size(), 1);
    QCOMPARE(refused.at(0).at(0).toString(),
             QStringLiteral("Cannot watch https://example.org/film.m3u8 together"));
    QCOMPARE(refused.at(0).at(1).toString(), sentence);
    QVERIFY(playback.source().isEmpty());
}

QTEST_GUILESS_MAIN(TestPlaybackController)
#include "tst_playbackcontroller.moc"
