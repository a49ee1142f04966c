// The party in real windows: two MainWindows in one process, a room hosted
// in the first over loopback, real players on clips made with ffmpeg. Chat
// typed into the panel and into the full-screen line, the shared playlist
// with its countdown, readiness in the list and a held start, and a link
// dropped on the window.
#include "AppComposition.h"
#include "JoinDialog.h"
#include "MainWindow.h"
#include "ParticipantsModel.h"
#include "RoomPanel.h"
#include "WindowActions.h"
#include "party/ChatOverlay.h"
#include "party/ChatPane.h"
#include "party/PlaylistPane.h"
#include "room/ChatController.h"
#include "room/PlaylistController.h"
#include "room/RoomSession.h"

#include <QAction>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMimeData>
#include <QProcess>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

using namespace lockstep;
using ui::MainWindow;

namespace {

room::HostOptions hostOptions(bool startWhenReady = false)
{
    room::HostOptions options;
    options.port = 0;
    options.name = QStringLiteral("Alice");
    options.inviteOnly = true;
    options.inviteExpiry = 3600;
    options.startWhenReady = startWhenReady;
    return options;
}

bool isPlaying(const QMediaPlayer &player)
{
    return player.playbackState() == QMediaPlayer::PlayingState;
}

} // namespace

class TestPartyGui : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void chatInThePanel();
    void chatInFullScreen();
    void playlistMovesOnForEveryone();
    void readinessHoldsTheStart();
    void aGuestJoiningARoomPausedAtTheStartSeesItsFrame();
    void aDroppedLinkJoins();

private:
    // Hosts a room in `host` and joins it from `guest` as Bob.
    bool meet(MainWindow &host, MainWindow &guest, bool startWhenReady = false);
    QString makeClip(const QString &name, int seconds);

    QTemporaryDir m_config;
    QTemporaryDir m_media;
    bool m_haveFfmpeg = false;
};

void TestPartyGui::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_config.isValid());
    qputenv("XDG_CONFIG_HOME", m_config.path().toLocal8Bit());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_config.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_config.path());
    m_haveFfmpeg = !QStandardPaths::findExecutable(QStringLiteral("ffmpeg")).isEmpty();
}

QString TestPartyGui::makeClip(const QString &name, int seconds)
{
    const QString clip = m_media.filePath(name);
    QProcess process;
    process.start(QStringLiteral("ffmpeg"),
                  {QStringLiteral("-y"), QStringLiteral("-loglevel"), QStringLiteral("error"),
                   QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                   QStringLiteral("testsrc=size=160x120:rate=25:duration=%1").arg(seconds),
                   QStringLiteral("-c:v"), QStringLiteral("libx264"), QStringLiteral("-pix_fmt"),
                   QStringLiteral("yuv420p"), clip});
    if (!process.waitForFinished(120000) || process.exitCode() != 0)
        return {};
    return clip;
}

bool TestPartyGui::meet(MainWindow &host, MainWindow &guest, bool startWhenReady)
{
    QString error;
    if (!host.hostRoom(hostOptions(startWhenReady), &error)) {
        qWarning() << "cannot host:" << error;
        return false;
    }
    if (!QTest::qWaitFor([&] { return !host.roomSession().inviteLink().isEmpty(); }, 10000))
        return false;
    guest.joinLink(host.roomSession().inviteLink(), QStringLiteral("Bob"));
    return QTest::qWaitFor(
        [&] {
            return guest.roomSession().connection().inRoom()
                && host.roomSession().connection().participantCount() == 2;
        },
        10000);
}

void TestPartyGui::chatInThePanel()
{
    app::AppComposition hostApp;
    MainWindow &host = hostApp.window();
    app::AppComposition guestApp;
    MainWindow &guest = guestApp.window();
    host.show();
    guest.show();
    QVERIFY(meet(host, guest));
    QVERIFY(guest.roomPanel()->isVisible());
    ui::ChatPane *pane = guest.roomPanel()->chatPane();
    QCOMPARE(guest.roomPanel()->tabs()->currentWidget(), pane);

    // Typed and sent with Enter; markup stays text.
    QTest::keyClicks(pane->input(), QStringLiteral("<b>hi</b> https://example.com"));
    QTest::keyClick(pane->input(), Qt::Key_Return);
    QCOMPARE(pane->input()->text(), QString());
    ui::ChatPane *hostPane = host.roomPanel()->chatPane();
    QTRY_VERIFY(hostPane->view()->toPlainText().contains(QStringLiteral("Bob <b>hi</b>")));
    QVERIFY(hostPane->view()->toHtml().contains(QStringLiteral("href=\"https://example.com\"")));
    QVERIFY(pane->view()->toPlainText().contains(QStringLiteral("Bob (you) <b>hi</b>")));

    // The host looks at the playlist: the chat tab counts what came in.
    host.roomPanel()->tabs()->setCurrentWidget(host.roomPanel()->playlistPane());
    QVERIFY(host.chatOverlay()->isActive());
    QVERIFY(guest.chat()->send(QStringLiteral("are you there?")).isEmpty());
    QTRY_COMPARE(host.roomPanel()->unreadChat(), 1);
    const QTabWidget *tabs = host.roomPanel()->tabs();
    QCOMPARE(tabs->tabText(tabs->indexOf(hostPane)), QStringLiteral("Chat (1)"));
    host.roomPanel()->showChat();
    QCOMPARE(host.roomPanel()->unreadChat(), 0);
    QVERIFY(!host.chatOverlay()->isActive());

    // Past the limit: told why, and the text stays to send later.
    for (int i = 0; i < 3; ++i)
        QVERIFY(guest.chat()->send(QStringLiteral("spam %1").arg(i)).isEmpty());
    QTest::keyClicks(pane->input(), QStringLiteral("one more"));
    QTest::keyClick(pane->input(), Qt::Key_Return);
    QCOMPARE(pane->input()->text(), QStringLiteral("one more"));
    QVERIFY2(pane->refusal().startsWith(QStringLiteral("You can send 5 messages every 10 seconds")),
             qPrintable(pane->refusal()));

    // A late joiner reads the conversation so far.
    app::AppComposition lateApp;
    MainWindow &late = lateApp.window();
    late.show();
    late.joinLink(host.roomSession().inviteLink(), QStringLiteral("Carol"));
    QTRY_VERIFY_WITH_TIMEOUT(late.roomSession().connection().inRoom(), 10000);
    QTRY_COMPARE(late.chat()->lines().size(), 5);
    QVERIFY(late.roomPanel()->chatPane()->view()->toPlainText().contains(
        QStringLiteral("are you there?")));
}

void TestPartyGui::chatInFullScreen()
{
    app::AppComposition hostApp;
    MainWindow &host = hostApp.window();
    app::AppComposition guestApp;
    MainWindow &guest = guestApp.window();
    host.show();
    guest.show();
    QVERIFY(meet(host, guest));
    host.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&host));

    QTest::keyClick(&host, Qt::Key_F);
    QTRY_VERIFY(host.isFullScreen());
    // Full screen hides the panel: messages show over the video instead.
    QTRY_VERIFY(!host.roomPanel()->isVisible());
    QTRY_VERIFY(host.chatOverlay()->isActive());

    // Enter opens a line under the video; Enter sends, and the line goes.
    QTest::keyClick(&host, Qt::Key_Return);
    QVERIFY(host.chatInputBar()->isVisible());
    QTest::keyClicks(host.chatInputBar()->input(), QStringLiteral("popcorn?"));
    QTest::keyClick(host.chatInputBar()->input(), Qt::Key_Return);
    QVERIFY(!host.chatInputBar()->isVisible());
    QTRY_VERIFY(guest.roomPanel()->chatPane()->view()->toPlainText().contains(
        QStringLiteral("Alice popcorn?")));

    // The guest's answer appears over the host's video.
    QVERIFY(guest.chat()->send(QStringLiteral("yes please")).isEmpty());
    QTRY_COMPARE(host.chatOverlay()->visibleLines().size(), 2);
    QVERIFY(host.chatOverlay()->visibleLines().at(0).contains(QStringLiteral("popcorn?")));
    QVERIFY(host.chatOverlay()->visibleLines().at(1).contains(QStringLiteral("yes please")));
    QVERIFY(host.chatOverlay()->isVisible());

    // Escape closes the line without sending.
    QTest::keyClick(&host, Qt::Key_Return);
    QTest::keyClicks(host.chatInputBar()->input(), QStringLiteral("never mind"));
    QTest::keyClick(host.chatInputBar()->input(), Qt::Key_Escape);
    QVERIFY(!host.chatInputBar()->isVisible());
    QVERIFY(host.isFullScreen());
    QTest::qWait(300);
    QVERIFY(!guest.roomPanel()->chatPane()->view()->toPlainText().contains(
        QStringLiteral("never mind")));
}

void TestPartyGui::playlistMovesOnForEveryone()
{
    if (!m_haveFfmpeg)
        QSKIP("ffmpeg is not installed, so there are no clips to play (apt-get install ffmpeg).");
    const QString one = makeClip(QStringLiteral("episode1.mp4"), 2);
    const QString two = makeClip(QStringLiteral("episode2.mp4"), 4);
    QVERIFY(!one.isEmpty() && !two.isEmpty());

    app::AppComposition hostApp;

    MainWindow &host = hostApp.window();
    app::AppComposition guestApp;
    MainWindow &guest = guestApp.window();
    host.show();
    guest.show();
    QVERIFY(meet(host, guest));

    host.playlist()->add({QUrl::fromLocalFile(one), QUrl::fromLocalFile(two)});
    QListView *hostList = host.roomPanel()->playlistPane()->view();
    QListView *guestList = guest.roomPanel()->playlistPane()->view();
    QTRY_COMPARE_WITH_TIMEOUT(hostList->model()->rowCount(), 2, 20000);
    QTRY_COMPARE(guestList->model()->rowCount(), 2);
    QCOMPARE(guestList->model()->index(0, 0).data(ui::PlaylistModel::IsCurrentRole).toBool(), true);
    QVERIFY(
        guestList->model()->index(0, 0).data().toString().startsWith(QStringLiteral("episode1")));
    // Both players load the first item (the guest's copy is this user's file).
    QTRY_COMPARE_WITH_TIMEOUT(host.player().source(), QUrl::fromLocalFile(one), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(guest.player().source(), QUrl::fromLocalFile(one), 10000);

    // Play it for everyone; at its end the next item is counted down and starts.
    hostList->setCurrentIndex(hostList->model()->index(0, 0));
    host.roomPanel()->playlistPane()->playSelected();
    QTRY_VERIFY_WITH_TIMEOUT(isPlaying(guest.player()), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(
        guest.chatOverlay()->banner().startsWith(QStringLiteral("Next: episode2 starts in")),
        10000);
    QTRY_COMPARE_WITH_TIMEOUT(guest.player().source(), QUrl::fromLocalFile(two), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(isPlaying(guest.player()) && isPlaying(host.player()), 10000);
    QTRY_COMPARE(guest.chatOverlay()->banner(), QString());
    QCOMPARE(guestList->model()->index(1, 0).data(ui::PlaylistModel::IsCurrentRole).toBool(), true);

    // Everyone may control playback here: a removal reaches the guest.
    hostList->setCurrentIndex(hostList->model()->index(0, 0));
    host.roomPanel()->playlistPane()->removeSelected();
    QTRY_COMPARE(guestList->model()->rowCount(), 1);
}

void TestPartyGui::readinessHoldsTheStart()
{
    if (!m_haveFfmpeg)
        QSKIP("ffmpeg is not installed, so there is no clip to play (apt-get install ffmpeg).");
    const QString clip = makeClip(QStringLiteral("ready.mp4"), 10);
    QVERIFY(!clip.isEmpty());
    app::AppComposition hostApp;
    MainWindow &host = hostApp.window();
    app::AppComposition guestApp;
    MainWindow &guest = guestApp.window();
    host.show();
    guest.show();
    host.openMedia(QUrl::fromLocalFile(clip));
    QTRY_VERIFY_WITH_TIMEOUT(host.player().mediaStatus() == QMediaPlayer::LoadedMedia
                                 || host.player().mediaStatus() == QMediaPlayer::BufferedMedia,
                             15000);
    QVERIFY(meet(host, guest, true));
    QTRY_COMPARE_WITH_TIMEOUT(guest.player().source(), QUrl::fromLocalFile(clip), 10000);

    auto *hostReady = host.roomPanel()->findChild<QCheckBox *>(QStringLiteral("readyCheckBox"));
    QVERIFY(hostReady);
    QVERIFY(hostReady->isEnabled());
    hostReady->click();
    // The guest's list shows the host as ready.
    const ui::ParticipantsModel *guestModel = guest.roomPanel()->participantsModel();
    QTRY_VERIFY([&] {
        for (int row = 0; row < guestModel->rowCount(); ++row) {
            const QModelIndex index = guestModel->index(row, ui::ParticipantsModel::ReadyColumn);
            if (index.data(ui::ParticipantsModel::IsHostRole).toBool())
                return index.data().toString() == QStringLiteral("Ready");
        }
        return false;
    }());

    // Play is held until Bob is ready too.
    host.playPauseAction()->trigger();
    QTRY_VERIFY(host.notifications().contains(
        QStringLiteral("The room starts as soon as everyone is ready.")));
    QTest::qWait(500);
    QVERIFY(!isPlaying(host.player()));
    QVERIFY(!isPlaying(guest.player()));
    ui::findAction(guest, QStringLiteral("readyAction"))->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(isPlaying(host.player()) && isPlaying(guest.player()), 10000);
}

void TestPartyGui::aGuestJoiningARoomPausedAtTheStartSeesItsFrame()
{
    if (!m_haveFfmpeg)
        QSKIP("ffmpeg is not installed, so there is no clip to play (apt-get install ffmpeg).");
    const QString clip = makeClip(QStringLiteral("start.mp4"), 5);
    QVERIFY(!clip.isEmpty());
    app::AppComposition hostApp;
    MainWindow &host = hostApp.window();
    app::AppComposition guestApp;
    MainWindow &guest = guestApp.window();
    host.show();
    guest.show();
    QString error;
    QVERIFY2(host.hostRoom(hostOptions(false), &error), qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(!host.roomSession().inviteLink().isEmpty(), 10000);
    // The host chooses the film in the room: paused at 0 for everyone.
    host.openMedia(QUrl::fromLocalFile(clip));
    QTRY_VERIFY_WITH_TIMEOUT(host.roomSession().connection().roomMedia().info().has_value(), 15000);
    guest.joinLink(host.roomSession().inviteLink(), QStringLiteral("Bob"));
    // Both windows share one user's settings here, so the copy is known.
    QTRY_COMPARE_WITH_TIMEOUT(guest.player().source(), QUrl::fromLocalFile(clip), 10000);
    QVERIFY(!host.roomSession().connection().timelinePlaying());
    // Paused on the first frame, not stopped (a stopped player shows nothing).
    QTRY_COMPARE_WITH_TIMEOUT(guest.player().playbackState(), QMediaPlayer::PausedState, 10000);
}

void TestPartyGui::aDroppedLinkJoins()
{
    app::AppComposition hostApp;
    MainWindow &host = hostApp.window();
    app::AppComposition guestApp;
    MainWindow &guest = guestApp.window();
    host.show();
    guest.show();
    QString error;
    QVERIFY(host.hostRoom(hostOptions(), &error));
    QTRY_VERIFY(!host.roomSession().inviteLink().isEmpty());
    const QString link = host.roomSession().inviteLink();

    // As a browser drags a link: a URL and its text, dropped on the video.
    QMimeData data;
    data.setUrls({QUrl(link)});
    data.setText(link);
    QWidget *target = guest.childAt(guest.rect().center());
    QVERIFY(target);
    const QPoint at = target->mapFrom(&guest, guest.rect().center());
    QDragEnterEvent enter(at, Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(target, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(at), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(target, &drop);
    QVERIFY(drop.isAccepted());
    QTRY_VERIFY_WITH_TIMEOUT(guest.roomSession().connection().inRoom(), 10000);
    QCOMPARE(guest.roomSession().connection().roomId(), host.roomSession().connection().roomId());
}

QTEST_MAIN(TestPartyGui)
#include "tst_party_gui.moc"
