#include "AppComposition.h"
#include "HostDialog.h"
#include "JoinDialog.h"
#include "MainWindow.h"
#include "ParticipantsModel.h"
#include "RoomPanel.h"
#include "Toast.h"
#include "WindowActions.h"
#include "player/TransportBar.h"
#include "player/VideoArea.h"
#include "room/InviteLink.h"
#include "room/RoomSession.h"
#include "room/Settings.h"
#include "server/SessionServer.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace lockstep;
using ui::MainWindow;

namespace {

bool isLoaded(const QMediaPlayer &player)
{
    const QMediaPlayer::MediaStatus status = player.mediaStatus();
    return status == QMediaPlayer::LoadedMedia || status == QMediaPlayer::BufferedMedia
        || status == QMediaPlayer::BufferingMedia;
}

int participantRows(const MainWindow &window)
{
    const auto *view = window.findChild<QAbstractItemView *>(QStringLiteral("participantsView"));
    return view && view->model() ? view->model()->rowCount() : -1;
}

QStringList participantNames(const MainWindow &window)
{
    QStringList names;
    for (const protocol::Participant &p : window.roomPanel()->participantsModel()->participants())
        names << p.name;
    return names;
}

room::HostOptions hostOptions(const QString &name)
{
    room::HostOptions options;
    options.port = 0; // any free port: tests run side by side
    options.name = name;
    options.inviteOnly = true;
    options.inviteExpiry = 3600;
    return options;
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void hostAndGuestPlayTogether();
    void joinErrorsAreExplained_data();
    void joinErrorsAreExplained();
    void settingsPersistAcrossRestart();
    void theRoomPanelLeavesTheSeekBarUsable();
    void bufferingLeavesTheRoomPanelItsWidth();
    void theVolumeSliderStaysUsableBesideAHostsPanel();
    void theOpenDialogStartsInAFolderThatExists();
    void toastsRenewRatherThanRepeatAndWrapWhole();
    void toastsStayOffOpenMenus();
    void stopHostingInTheHostDialogAsksFirst();

private:
    // Hosts a room with no media and returns its invite link.
    QString hostEmptyRoom(MainWindow &host);

    QTemporaryDir m_config;
    QTemporaryDir m_media;
    QString m_clip;
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_config.isValid());
    QVERIFY(m_media.isValid());
    // Keep the user's real settings out of it.
    qputenv("XDG_CONFIG_HOME", m_config.path().toLocal8Bit());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_config.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_config.path());

    const QString ffmpeg = QStandardPaths::findExecutable(QStringLiteral("ffmpeg"));
    if (ffmpeg.isEmpty())
        return;
    const QString clip = m_media.filePath(QStringLiteral("clip.mp4"));
    QProcess process;
    process.start(ffmpeg,
                  {QStringLiteral("-loglevel"), QStringLiteral("error"), QStringLiteral("-f"),
                   QStringLiteral("lavfi"), QStringLiteral("-i"),
                   QStringLiteral("testsrc=duration=20:size=320x240:rate=25"), QStringLiteral("-f"),
                   QStringLiteral("lavfi"), QStringLiteral("-i"),
                   QStringLiteral("sine=frequency=440:duration=20"), QStringLiteral("-c:v"),
                   QStringLiteral("libx264"), QStringLiteral("-pix_fmt"), QStringLiteral("yuv420p"),
                   QStringLiteral("-c:a"), QStringLiteral("aac"), QStringLiteral("-shortest"),
                   clip});
    QVERIFY(process.waitForFinished(120000));
    QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
    m_clip = clip;
}

QString TestMainWindow::hostEmptyRoom(MainWindow &host)
{
    QString error;
    if (!host.hostRoom(hostOptions(QStringLiteral("Alice")), &error)) {
        qWarning() << "cannot host:" << error;
        return {};
    }
    if (!QTest::qWaitFor([&] { return !host.roomSession().inviteLink().isEmpty(); }, 10000))
        return {};
    return host.roomSession().inviteLink();
}

void TestMainWindow::hostAndGuestPlayTogether()
{
    if (m_clip.isEmpty())
        QSKIP("ffmpeg is not installed, so there is no clip to play (apt-get install ffmpeg).");

    app::AppComposition hostApp;

    MainWindow &host = hostApp.window();
    host.show();
    host.openMedia(QUrl::fromLocalFile(m_clip));
    QTRY_VERIFY_WITH_TIMEOUT(isLoaded(host.player()), 15000);

    QString error;
    QVERIFY2(host.hostRoom(hostOptions(QStringLiteral("Alice")), &error), qPrintable(error));
    QVERIFY(host.roomSession().isHosting());
    QVERIFY(host.roomSession().hosting().serverPort() != 0);
    QTRY_VERIFY_WITH_TIMEOUT(!host.roomSession().inviteLink().isEmpty(), 10000);
    const QString link = host.roomSession().inviteLink();
    const std::optional<room::InviteLink> parsed = room::InviteLink::parse(link);
    QVERIFY2(parsed, qPrintable(link));
    QCOMPARE(parsed->server().port(), int(host.roomSession().hosting().serverPort()));
    QVERIFY(!parsed->invite().isEmpty());
    // The room knows the host's file, so that guests can find theirs.
    QCOMPARE(host.roomSession().connection().roomMedia().mediaUrl(), QStringLiteral("clip.mp4"));
    QVERIFY(host.roomSession().connection().roomMedia().info());
    QCOMPARE(host.roomSession().connection().roomMedia().info()->size, QFileInfo(m_clip).size());

    app::AppComposition guestApp;

    MainWindow &guest = guestApp.window();
    guest.show();
    guest.joinLink(link, QStringLiteral("Bob"));
    QTRY_VERIFY_WITH_TIMEOUT(guest.roomSession().connection().inRoom(), 10000);
    // The room plays a local file that this user already has (both windows
    // share one user's settings here, where the host's file is remembered):
    // the copy opens without asking.
    QTRY_VERIFY_WITH_TIMEOUT(isLoaded(guest.player()), 15000);
    QCOMPARE(guest.player().source(), QUrl::fromLocalFile(m_clip));
    QCOMPARE(guest.videoArea()->page(), ui::VideoArea::Page::Video);

    // Both panels list both people.
    QTRY_COMPARE_WITH_TIMEOUT(participantRows(host), 2, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(participantRows(guest), 2, 10000);
    QCOMPARE(participantNames(host),
             (QStringList {QStringLiteral("Alice"), QStringLiteral("Bob")}));
    QCOMPARE(participantNames(guest),
             (QStringList {QStringLiteral("Alice"), QStringLiteral("Bob")}));
    QTRY_VERIFY(host.notifications().contains(QStringLiteral("Bob joined")));

    // Hosting did not pause the host's film: the room plays on, and the
    // guest's player follows.
    QTRY_COMPARE_WITH_TIMEOUT(host.player().playbackState(), QMediaPlayer::PlayingState, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(guest.player().playbackState(), QMediaPlayer::PlayingState, 10000);
    QVERIFY(host.playPauseAction()->isEnabled());
    host.playPauseAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(guest.player().playbackState(), QMediaPlayer::PausedState, 10000);

    // Play in the host's window: the guest's player follows.
    host.playPauseAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(host.player().playbackState(), QMediaPlayer::PlayingState, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(guest.player().playbackState(), QMediaPlayer::PlayingState, 10000);
    QTRY_VERIFY(guest.notifications().filter(QStringLiteral("Alice pressed play")).size() == 1);
    QTRY_VERIFY_WITH_TIMEOUT(std::abs(host.player().position() - guest.player().position()) < 1000,
                             10000);

    // Pausing in the guest's window pauses the host (control: everyone).
    guest.playPauseAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(host.player().playbackState(), QMediaPlayer::PausedState, 10000);
    QTRY_VERIFY(host.notifications().filter(QStringLiteral("Bob paused at")).size() == 1);

    // Closing the room tells the guest why it ended.
    host.roomSession().stopHosting();
    QTRY_COMPARE_WITH_TIMEOUT(guest.roomPanel()->endMessage(),
                              QStringLiteral("The host closed the room."), 10000);
    QVERIFY(!guest.roomSession().connection().isActive());
    QVERIFY(!host.roomSession().isHosting());
}

void TestMainWindow::joinErrorsAreExplained_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<QString>("message");

    QTest::newRow("forged invite")
        << QStringLiteral("invite") << QStringLiteral("This invite link is not valid.");
    QTest::newRow("no invite") << QStringLiteral("no-invite")
                               << QStringLiteral("You need an invite to enter this room. Ask the "
                                                 "host for an invite link.");
    QTest::newRow("unknown room") << QStringLiteral("room")
                                  << QStringLiteral("This room does not exist (any more). The "
                                                    "host may have closed it.");
    QTest::newRow("nobody listening")
        << QStringLiteral("server") << QStringLiteral("Could not connect to 127.0.0.1:1.");
}

void TestMainWindow::joinErrorsAreExplained()
{
    QFETCH(QString, change);
    QFETCH(QString, message);

    app::AppComposition hostApp;

    MainWindow &host = hostApp.window();
    const QString good = hostEmptyRoom(host);
    QVERIFY(!good.isEmpty());
    const room::InviteLink link = *room::InviteLink::parse(good);
    room::InviteLink bad;
    // The host's certificate stays named: these are about what the server says.
    if (change == QLatin1String("invite"))
        bad = room::InviteLink(link.server(), link.room(),
                               QStringLiteral("eyJhbGciOiJIUzI1NiJ9.e30.x"), link.fingerprint());
    else if (change == QLatin1String("no-invite"))
        bad = room::InviteLink(link.server(), link.room(), {}, link.fingerprint());
    else if (change == QLatin1String("room"))
        bad = room::InviteLink(link.server(), QStringLiteral("no-such-room"), link.invite(),
                               link.fingerprint());
    else
        bad = room::InviteLink(QUrl(QStringLiteral("ws://127.0.0.1:1/")), link.room(),
                               link.invite());

    app::AppComposition guestApp;

    MainWindow &guest = guestApp.window();
    guest.show();
    guest.joinLink(bad.toString(), QStringLiteral("Mallory"));
    QVERIFY(guest.joinDialog());
    QTRY_VERIFY_WITH_TIMEOUT(!guest.joinDialog()->isBusy(), 10000);
    QVERIFY2(guest.joinDialog()->statusText().startsWith(message),
             qPrintable(guest.joinDialog()->statusText()));
    QVERIFY(guest.joinDialog()->isVisible());
    QVERIFY(!guest.roomSession().connection().isActive());
    QCOMPARE(participantNames(host), QStringList {QStringLiteral("Alice")});
}

void TestMainWindow::settingsPersistAcrossRestart()
{
    const QString file = m_clip.isEmpty() ? QString() : m_clip;
    {
        app::AppComposition windowApp;
        MainWindow &window = windowApp.window();
        window.show();
        // Within the offscreen platform's 800x600 screen: Qt 6.8 keeps a
        // restored window inside the screen's available area.
        window.resize(720, 520);
        window.transportBar()->setVolume(37);
        ui::findAction(window, QStringLiteral("muteAction"))->setChecked(true);
        if (!file.isEmpty())
            window.openMedia(QUrl::fromLocalFile(file));
        room::Settings().setDisplayName(QStringLiteral("Zoë"));
        room::Settings().addRecentServer(QStringLiteral("ws://192.168.1.20:8765/"));
        QVERIFY(window.close());
    }
    app::AppComposition windowApp;
    MainWindow &window = windowApp.window();
    window.show();
    QCOMPARE(window.transportBar()->volume(), 37);
    QVERIFY(ui::findAction(window, QStringLiteral("muteAction"))->isChecked());
    QCOMPARE(window.size(), QSize(720, 520));
    QCOMPARE(window.displayName(), QStringLiteral("Zoë"));
    const room::Settings settings;
    QCOMPARE(settings.recentServers().value(0), QStringLiteral("ws://192.168.1.20:8765/"));
    if (!file.isEmpty())
        QCOMPARE(settings.recentMedia().value(0), QFileInfo(file).absoluteFilePath());
}

void TestMainWindow::theOpenDialogStartsInAFolderThatExists()
{
    // The folder last opened from has since gone (and this user may have no
    // videos folder either): the dialog must not start there, where it would
    // offer the folder's name as the file to open.
    QTemporaryDir gone;
    const QString goneFolder = gone.filePath(QStringLiteral("Films"));
    QVERIFY(QDir().mkpath(goneFolder));
    room::Settings().setLastDirectory(goneFolder);
    QVERIFY(QDir(goneFolder).removeRecursively());
    const QString start = room::Settings().browseDirectory();
    QVERIFY2(QFileInfo(start).isDir(), qPrintable(start));

    app::AppComposition windowApp;

    MainWindow &window = windowApp.window();
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QString shownFolder;
    QString shownName = QStringLiteral("(no dialog)");
    QTimer::singleShot(0, &window, [&] {
        QTRY_VERIFY(QApplication::activeModalWidget() != nullptr);
        auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        shownFolder = dialog->directory().absolutePath();
        auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"));
        shownName = name ? name->text() : QStringLiteral("(no name field)");
        dialog->reject();
    });
    ui::findAction(window, QStringLiteral("openFileAction"))->trigger();
    QCOMPARE(shownName, QString());
    QCOMPARE(shownFolder, QDir(start).absolutePath());

    // A folder that exists is where it starts.
    room::Settings().setLastDirectory(m_media.path());
    QCOMPARE(room::Settings().browseDirectory(), m_media.path());
}

void TestMainWindow::theRoomPanelLeavesTheSeekBarUsable()
{
    app::AppComposition windowApp;
    MainWindow &window = windowApp.window();
    window.resize(800, 600);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *panel = window.findChild<QDockWidget *>();
    QVERIFY(panel);
    panel->show();
    auto *slider = window.findChild<QWidget *>(QStringLiteral("seekSlider"));
    QVERIFY(slider);
    QTRY_VERIFY(panel->isVisible());
    QTest::qWait(100);
    const int least = slider->fontMetrics().averageCharWidth() * 20;
    QVERIFY2(slider->width() >= least,
             qPrintable(QStringLiteral("seek bar %1 px in a %2 px window, panel %3 px")
                            .arg(slider->width())
                            .arg(window.width())
                            .arg(panel->width())));
    QVERIFY2(window.width() <= 820, qPrintable(QString::number(window.width())));
}

void TestMainWindow::theVolumeSliderStaysUsableBesideAHostsPanel()
{
    // A host's panel (invite link, buttons, the list's columns) is the
    // widest; in an 800 px window the transport bar beside it must still
    // leave the volume slider long enough to set a level with the mouse.
    app::AppComposition windowApp;
    MainWindow &window = windowApp.window();
    window.resize(800, 600);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(!hostEmptyRoom(window).isEmpty());
    auto *panel = window.findChild<QDockWidget *>();
    QVERIFY(panel);
    QTRY_VERIFY(panel->isVisible());
    QTest::qWait(100);
    auto *volume = window.findChild<QWidget *>(QStringLiteral("volumeSlider"));
    QVERIFY(volume);
    const int least = volume->fontMetrics().horizontalAdvance(QLatin1Char('M')) * 4;
    QVERIFY2(volume->width() >= least,
             qPrintable(QStringLiteral("volume %1 px, panel %2 px, window %3 px")
                            .arg(volume->width())
                            .arg(panel->width())
                            .arg(window.width())));
    QVERIFY2(window.width() <= 820, qPrintable(QString::number(window.width())));
}

void TestMainWindow::bufferingLeavesTheRoomPanelItsWidth()
{
    // A moment's buffering shows its progress in the transport bar. If that
    // made the bar's least width grow, a window at its size would narrow the
    // room panel for it, and the panel would stay narrowed (names elided, the
    // list scrolling sideways) after the buffering ended.
    app::AppComposition windowApp;
    MainWindow &window = windowApp.window();
    window.resize(800, 600);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *panel = window.findChild<QDockWidget *>();
    QVERIFY(panel);
    panel->show();
    QTRY_VERIFY(panel->isVisible());
    ui::TransportBar *bar = window.transportBar();
    const int least = bar->minimumSizeHint().width();
    const int panelWidth = panel->width();
    for (const double progress : {-1.0, 0.0, 0.45, 1.0}) {
        bar->setBuffering(true, progress);
        QCoreApplication::processEvents();
        QCOMPARE(bar->minimumSizeHint().width(), least);
        const auto *indicator = bar->findChild<QWidget *>(QStringLiteral("bufferingIndicator"));
        QVERIFY(indicator && indicator->isVisibleTo(bar));
    }
    bar->setBuffering(false);
    QCoreApplication::processEvents();
    QCOMPARE(bar->minimumSizeHint().width(), least);
    QCOMPARE(panel->width(), panelWidth);
}

void TestMainWindow::toastsRenewRatherThanRepeatAndWrapWhole()
{
    QWidget window;
    window.resize(400, 300);
    auto *anchor = new QWidget(&window);
    anchor->resize(400, 300);
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    ui::Toast toast(anchor);
    toast.showMessage(QStringLiteral("Bob joined"));
    toast.showMessage(QStringLiteral("Bob joined"));
    QCOMPARE(toast.messages(), QStringList {QStringLiteral("Bob joined")});
    const QString longText = QStringLiteral(
        "Hana (the host) cannot be reached. The server stopped answering. Reconnecting; your "
        "video keeps playing, and this sentence is long enough to wrap over several lines.");
    toast.showMessage(longText, true);
    QCOMPARE(toast.messages().size(), 2);
    QTRY_VERIFY(toast.isVisible());
    // Every wrapped line fits: the toast is as tall as its text needs.
    const QList<QLabel *> labels = toast.findChildren<QLabel *>(QStringLiteral("toastText"));
    QCOMPARE(labels.size(), 2);
    for (QLabel *label : labels) {
        QVERIFY2(label->height() >= label->heightForWidth(label->width()),
                 qPrintable(QStringLiteral("%1 px for %2 px of text")
                                .arg(label->height())
                                .arg(label->heightForWidth(label->width()))));
    }
}

void TestMainWindow::toastsStayOffOpenMenus()
{
    QWidget window;
    window.resize(400, 300);
    auto *anchor = new QWidget(&window);
    anchor->resize(400, 300);
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    ui::Toast toast(anchor);
    toast.showMessage(QStringLiteral("Bob joined"));
    QTRY_VERIFY(toast.isVisible());

    QMenu menu(&window);
    menu.addAction(QStringLiteral("Leave room"));
    menu.popup(window.mapToGlobal(QPoint(10, 10)));
    QTRY_VERIFY(QApplication::activePopupWidget() == &menu);
    QTRY_VERIFY(!toast.isVisible());
    toast.showMessage(QStringLiteral("Carol joined"));
    QVERIFY(!toast.isVisible());
    menu.close();
    QTRY_VERIFY(toast.isVisible());
}

void TestMainWindow::stopHostingInTheHostDialogAsksFirst()
{
    // With a guest in the room, the Host dialog's Stop Hosting asks, as
    // Room > Stop Hosting does: Cancel keeps the room open, Yes closes it.
    app::AppComposition hostApp;
    MainWindow &host = hostApp.window();
    host.show();
    const QString link = hostEmptyRoom(host);
    app::AppComposition guestApp;
    MainWindow &guest = guestApp.window();
    guest.show();
    guest.joinLink(link, QStringLiteral("Bob"));
    QTRY_VERIFY_WITH_TIMEOUT(guest.roomSession().connection().inRoom(), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(participantRows(host), 2, 10000);

    // Room > Invite People… opens the Host dialog on its hosting page.
    ui::findAction(host, QStringLiteral("inviteAction"))->trigger();
    auto *dialog = host.findChild<ui::HostDialog *>();
    QVERIFY(dialog && dialog->isVisible());
    auto *stop = dialog->findChild<QPushButton *>(QStringLiteral("stopHostingButton"));
    QVERIFY(stop && stop->isVisible());

    const auto answer = [](QMessageBox::StandardButton button, QString *asked) {
        QTimer::singleShot(0, [button, asked] {
            for (QWidget *w : QApplication::topLevelWidgets()) {
                if (auto *box = qobject_cast<QMessageBox *>(w); box && box->isVisible()) {
                    *asked = box->text();
                    box->button(button)->click();
                }
            }
        });
    };
    QString asked;
    answer(QMessageBox::Cancel, &asked);
    stop->click();
    QVERIFY2(asked.contains(QStringLiteral("Stop hosting")), qPrintable(asked));
    QVERIFY(host.roomSession().isHosting());

    asked.clear();
    answer(QMessageBox::Yes, &asked);
    stop->click();
    QVERIFY(!asked.isEmpty());
    QVERIFY(!host.roomSession().isHosting());
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
