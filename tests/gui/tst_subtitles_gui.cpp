// Subtitles in the real window: a real QMediaPlayer plays dark clips made
// with ffmpeg, one with a SubRip file beside it and one (Matroska) with a
// subtitle track inside; the test grabs the video area and looks for the
// light pixels of the text where subtitles go, during a cue and not after,
// playing, paused and after seeks. Then the menus: tracks by language and
// title, Off, Load Subtitles…, dropping a file, the delay actions, broken
// files, and the choice remembered per file.
#include "AppComposition.h"
#include "MainWindow.h"
#include "Toast.h"
#include "player/SubtitleOverlay.h"
#include "player/TrackMenu.h"
#include "player/TracksBinding.h"
#include "player/VideoArea.h"
#include "room/Settings.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QFileDialog>
#include <QMimeData>
#include <QProcess>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace lockstep;
using ui::MainWindow;
using ui::TrackMenu;
using ui::TracksBinding;

namespace {

bool isLoaded(const QMediaPlayer &player)
{
    const QMediaPlayer::MediaStatus status = player.mediaStatus();
    return status == QMediaPlayer::LoadedMedia || status == QMediaPlayer::BufferedMedia
        || status == QMediaPlayer::BufferingMedia || status == QMediaPlayer::EndOfMedia;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

// Light pixels (the white text) in the lower third of the picture, where
// plain subtitles sit, in a grab of the whole video area.
int lightPixelsUnderThePicture(MainWindow &window)
{
    ui::VideoArea *area = window.videoArea();
    const QImage grab = area->grab().toImage().convertToFormat(QImage::Format_RGB32);
    const ui::SubtitleOverlay *overlay = window.tracks()->overlay();
    const QRect picture(overlay->parentWidget()->mapTo(area, overlay->geometry().topLeft()),
                        overlay->geometry().size());
    const qreal ratio = grab.devicePixelRatio();
    const QRect band(picture.left(), picture.top() + picture.height() * 2 / 3, picture.width(),
                     picture.height() / 3);
    int light = 0;
    for (int y = int(band.top() * ratio); y < int(band.bottom() * ratio); ++y) {
        for (int x = int(band.left() * ratio); x < int(band.right() * ratio); ++x) {
            if (qGray(grab.pixel(x, y)) > 200)
                ++light;
        }
    }
    return light;
}

QStringList labels(const TrackMenu *menu)
{
    QStringList result;
    for (const TrackMenu::Entry &entry : menu->entries())
        result << entry.label;
    return result;
}

} // namespace

class TestSubtitlesGui : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void anExternalFileBesideTheVideoIsDrawnAtItsTime();
    void anEmbeddedTrackIsDrawnAndLabelledByLanguage();
    void theMenuLoadsDropsAndRemembers();
    void delayActionsShiftTheSubtitles();
    void brokenFilesSayWhyAndChangeNothing();

private:
    void openAndWait(MainWindow &window, const QString &path);
    // Pauses at `ms` and waits until the subtitles have caught up with it.
    void pauseAt(MainWindow &window, qint64 ms);

    QTemporaryDir m_config;
    QTemporaryDir m_media;
    QString m_clip; // clip.mp4, with clip.srt beside it
    QString m_mkv; // tracks.mkv: two audio tracks and a German subtitle track
};

void TestSubtitlesGui::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_config.isValid());
    QVERIFY(m_media.isValid());
    qputenv("XDG_CONFIG_HOME", m_config.path().toLocal8Bit());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_config.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_config.path());

    const QString ffmpeg = QStandardPaths::findExecutable(QStringLiteral("ffmpeg"));
    if (ffmpeg.isEmpty())
        QSKIP("ffmpeg is not installed, so there is no clip to play (apt-get install ffmpeg).");
    const auto run = [&ffmpeg](const QStringList &arguments) {
        QProcess process;
        process.start(
            ffmpeg,
            QStringList {QStringLiteral("-loglevel"), QStringLiteral("error"), QStringLiteral("-y")}
                + arguments);
        if (!process.waitForFinished(120000) || process.exitCode() != 0) {
            qWarning() << process.readAllStandardError();
            return false;
        }
        return true;
    };
    // A uniform dark grey picture: any light pixel is subtitle text.
    m_clip = m_media.filePath(QStringLiteral("clip.mp4"));
    QVERIFY(run({QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                 QStringLiteral("color=c=0x202020:size=320x240:rate=25:duration=12"),
                 QStringLiteral("-c:v"), QStringLiteral("libx264"), QStringLiteral("-pix_fmt"),
                 QStringLiteral("yuv420p"), m_clip}));
    QVERIFY(writeFile(m_media.filePath(QStringLiteral("clip.srt")),
                      "1\r\n00:00:01,000 --> 00:00:03,000\r\nHELLO WORLD\r\n\r\n"
                      "2\r\n00:00:08,000 --> 00:00:09,500\r\n<b>LATER</b>\r\n"));

    const QString embedded = m_media.filePath(QStringLiteral("embedded.srt"));
    QVERIFY(writeFile(embedded, "1\n00:00:04,000 --> 00:00:06,000\nGUTEN TAG\n"));
    m_mkv = m_media.filePath(QStringLiteral("tracks.mkv"));
    QVERIFY(run({QStringLiteral("-f"),
                 QStringLiteral("lavfi"),
                 QStringLiteral("-i"),
                 QStringLiteral("color=c=0x202020:size=320x240:rate=25:duration=12"),
                 QStringLiteral("-f"),
                 QStringLiteral("lavfi"),
                 QStringLiteral("-i"),
                 QStringLiteral("sine=frequency=440:duration=12"),
                 QStringLiteral("-f"),
                 QStringLiteral("lavfi"),
                 QStringLiteral("-i"),
                 QStringLiteral("sine=frequency=660:duration=12"),
                 QStringLiteral("-i"),
                 embedded,
                 QStringLiteral("-map"),
                 QStringLiteral("0:v"),
                 QStringLiteral("-map"),
                 QStringLiteral("1:a"),
                 QStringLiteral("-map"),
                 QStringLiteral("2:a"),
                 QStringLiteral("-map"),
                 QStringLiteral("3:s"),
                 QStringLiteral("-c:v"),
                 QStringLiteral("libx264"),
                 QStringLiteral("-pix_fmt"),
                 QStringLiteral("yuv420p"),
                 QStringLiteral("-c:a"),
                 QStringLiteral("libvorbis"),
                 QStringLiteral("-c:s"),
                 QStringLiteral("srt"),
                 QStringLiteral("-metadata:s:a:0"),
                 QStringLiteral("language=eng"),
                 QStringLiteral("-metadata:s:a:1"),
                 QStringLiteral("language=ger"),
                 QStringLiteral("-metadata:s:a:1"),
                 QStringLiteral("title=Commentary"),
                 QStringLiteral("-metadata:s:s:0"),
                 QStringLiteral("language=ger"),
                 QStringLiteral("-disposition:a:0"),
                 QStringLiteral("default"),
                 QStringLiteral("-disposition:a:1"),
                 QStringLiteral("0"),
                 QStringLiteral("-disposition:s:0"),
                 QStringLiteral("default"),
                 m_mkv}));
}

void TestSubtitlesGui::init()
{
    // Each test starts with nothing remembered.
    QSettings(QStringLiteral("Lockstep"), QStringLiteral("Lockstep")).clear();
}

void TestSubtitlesGui::openAndWait(MainWindow &window, const QString &path)
{
    window.openMedia(QUrl::fromLocalFile(path));
    QTRY_VERIFY_WITH_TIMEOUT(isLoaded(window.player()), 15000);
    QTRY_VERIFY_WITH_TIMEOUT(!window.tracks()->isBusy(), 10000);
}

void TestSubtitlesGui::pauseAt(MainWindow &window, qint64 ms)
{
    window.player().pause();
    window.player().setPosition(ms);
    QTRY_VERIFY_WITH_TIMEOUT(std::abs(window.tracks()->clockMs() - ms) < 100, 5000);
    QTest::qWait(0);
    QApplication::processEvents();
}

void TestSubtitlesGui::anExternalFileBesideTheVideoIsDrawnAtItsTime()
{
    app::AppComposition windowApp;
    MainWindow &window = windowApp.window();
    window.resize(800, 600);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    openAndWait(window, m_clip);
    TracksBinding *tracks = window.tracks();
    // clip.srt beside clip.mp4 was found and chosen.
    const QString external
        = QStringLiteral("external:") + m_media.filePath(QStringLiteral("clip.srt"));
    QCOMPARE(tracks->currentSubtitle(), external);
    QVERIFY(labels(tracks->subtitleMenu()).contains(QStringLiteral("clip.srt")));

    // Playing: the first cue shows while the frames are inside it.
    window.player().setPosition(0);
    window.player().play();
    QTRY_VERIFY_WITH_TIMEOUT(tracks->clockMs() > 1300 && tracks->clockMs() < 2700, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(lightPixelsUnderThePicture(window) > 50, 2000);
    // After it ends (3 s), nothing.
    QTRY_VERIFY_WITH_TIMEOUT(tracks->clockMs() > 3300, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(lightPixelsUnderThePicture(window), 0, 2000);

    // Paused, and after seeks both ways.
    pauseAt(window, 8500);
    QTRY_VERIFY_WITH_TIMEOUT(lightPixelsUnderThePicture(window) > 50, 2000);
    pauseAt(window, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(lightPixelsUnderThePicture(window), 0, 2000);
    pauseAt(window, 2000);
    QTRY_VERIFY_WITH_TIMEOUT(lightPixelsUnderThePicture(window) > 50, 2000);

    // The text sits in the picture's lower part, never above its middle.
    const QImage drawn = tracks->overlay()->image();
    QVERIFY(!drawn.isNull());
    for (int y = 0; y < drawn.height() / 2; ++y) {
        for (int x = 0; x < drawn.width(); ++x)
            QCOMPARE(qAlpha(drawn.pixel(x, y)), 0);
    }

    // Off hides it.
    tracks->subtitleMenu()->actionFor(QStringLiteral("off"))->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(lightPixelsUnderThePicture(window), 0, 2000);
}

void TestSubtitlesGui::anEmbeddedTrackIsDrawnAndLabelledByLanguage()
{
    app::AppComposition windowApp;
    MainWindow &window = windowApp.window();
    window.resize(800, 600);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    openAndWait(window, m_mkv);
    TracksBinding *tracks = window.tracks();
    QTRY_COMPARE_WITH_TIMEOUT(tracks->audioMenu()->trackCount(), 2, 10000);
    // Languages by name in the user's language (the tests run in English).
    QCOMPARE(
        labels(tracks->audioMenu()),
        (QStringList {QStringLiteral("English (default)"), QStringLiteral("German — Commentary")}));
    QCOMPARE(labels(tracks->subtitleMenu()),
             (QStringList {QStringLiteral("Off"), QStringLiteral("German (default)")}));
    // The file's default subtitle track is shown by default.
    QCOMPARE(tracks->currentSubtitle(), QStringLiteral("embedded:0"));

    pauseAt(window, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(lightPixelsUnderThePicture(window) > 50, 5000);
    pauseAt(window, 7000);
    QTRY_COMPARE_WITH_TIMEOUT(lightPixelsUnderThePicture(window), 0, 2000);
    pauseAt(window, 4500);
    QTRY_VERIFY_WITH_TIMEOUT(lightPixelsUnderThePicture(window) > 50, 2000);

    // The audio choice is remembered for the file.
    window.player().play();
    tracks->audioMenu()->actionFor(QStringLiteral("1"))->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(window.player().activeAudioTrack(), 1, 5000);
    // GStreamer (Qt 6.4) hangs on a state change right after an audio
    // switch; once the new track flows, opening another file is fine.
    const qint64 switchedAt = window.player().position();
    QTRY_VERIFY_WITH_TIMEOUT(window.player().position() > switchedAt + 500, 5000);
    window.openMedia(QUrl::fromLocalFile(m_clip));
    QTRY_VERIFY_WITH_TIMEOUT(!tracks->isBusy(), 10000);
    openAndWait(window, m_mkv);
    QTRY_COMPARE_WITH_TIMEOUT(window.player().activeAudioTrack(), 1, 10000);
    QCOMPARE(tracks->audioMenu()->current(), QStringLiteral("1"));
}

void TestSubtitlesGui::theMenuLoadsDropsAndRemembers()
{
    const QString vtt = m_media.filePath(QStringLiteral("other.vtt"));
    QVERIFY(writeFile(vtt, "WEBVTT\n\n00:01.000 --> 00:03.000\nfrom <i>VTT</i> &lt;3\n"));
    const QString dropped = m_media.filePath(QStringLiteral("dropped.ass"));
    QVERIFY(
        writeFile(dropped,
                  "[Script Info]\nScriptType: v4.00+\n\n[V4+ Styles]\nFormat: Name, Fontname, "
                  "Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, Bold, "
                  "Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, "
                  "Outline, Shadow, Alignment, MarginL, MarginR, MarginV, Encoding\nStyle: "
                  "Default,sans-serif,24,&H00FFFFFF,&H000000FF,&H00000000,&H00000000,0,0,0,0,"
                  "100,100,0,0,1,1,0,2,10,10,10,1\n\n[Events]\nFormat: Layer, Start, End, Style, "
                  "Name, MarginL, MarginR, MarginV, Effect, Text\nDialogue: 0,0:00:01.00,"
                  "0:00:03.00,Default,,0,0,0,,DROPPED\n"));
    const QString besideId
        = QStringLiteral("external:") + m_media.filePath(QStringLiteral("clip.srt"));
    {
        app::AppComposition windowApp;
        MainWindow &window = windowApp.window();
        window.resize(800, 600);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        openAndWait(window, m_clip);
        TracksBinding *tracks = window.tracks();
        TrackMenu *menu = tracks->subtitleMenu();
        QVERIFY(menu->isEnabled());
        QVERIFY(menu->actions().contains(tracks->loadSubtitlesAction()));
        QCOMPARE(tracks->currentSubtitle(), besideId);

        // File > Load Subtitles… picks a file in its dialog.
        QTimer::singleShot(0, this, [vtt] {
            QTRY_VERIFY(QApplication::activeModalWidget());
            auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            QCOMPARE(dialog->objectName(), QStringLiteral("loadSubtitlesDialog"));
            QVERIFY(dialog->nameFilters().constFirst().contains(QLatin1String("*.srt *.vtt")));
            dialog->selectFile(vtt);
            QMetaObject::invokeMethod(dialog, "accept");
        });
        tracks->loadSubtitlesAction()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(tracks->currentSubtitle(), QStringLiteral("external:") + vtt,
                                  5000);
        QTRY_VERIFY_WITH_TIMEOUT(!tracks->isBusy(), 5000);
        QCOMPARE(labels(menu),
                 (QStringList {QStringLiteral("Off"), QStringLiteral("clip.srt"),
                               QStringLiteral("other.vtt")}));
        QVERIFY(menu->actionFor(QStringLiteral("external:") + vtt)->isChecked());
        pauseAt(window, 2000);
        QTRY_VERIFY_WITH_TIMEOUT(lightPixelsUnderThePicture(window) > 50, 2000);

        // Dropping a subtitle file on the window loads it; the video stays.
        QMimeData data;
        data.setUrls({QUrl::fromLocalFile(dropped)});
        QWidget *target = window.videoArea();
        const QPoint at = target->rect().center();
        QDragEnterEvent enter(at, Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(target, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(at), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(target, &drop);
        QVERIFY(drop.isAccepted());
        QTRY_COMPARE_WITH_TIMEOUT(tracks->currentSubtitle(), QStringLiteral("external:") + dropped,
                                  5000);
        QCOMPARE(window.player().source(), QUrl::fromLocalFile(m_clip));
        for (const QString &notice : window.notifications())
            QVERIFY2(!notice.startsWith(QLatin1String("Cannot play")), qPrintable(notice));

        // Off, chosen in the menu, is what this file gets next time.
        menu->actionFor(QStringLiteral("off"))->trigger();
        QCOMPARE(tracks->currentSubtitle(), QStringLiteral("off"));
    }
    {
        app::AppComposition windowApp;
        MainWindow &window = windowApp.window();
        window.show();
        openAndWait(window, m_clip);
        QCOMPARE(window.tracks()->currentSubtitle(), QStringLiteral("off"));
        // A loaded file is remembered too, and found again.
        window.tracks()->loadSubtitleFile(vtt);
        QTRY_VERIFY_WITH_TIMEOUT(!window.tracks()->isBusy(), 5000);
    }
    {
        app::AppComposition windowApp;
        MainWindow &window = windowApp.window();
        window.show();
        openAndWait(window, m_clip);
        QTRY_COMPARE_WITH_TIMEOUT(window.tracks()->currentSubtitle(),
                                  QStringLiteral("external:") + vtt, 5000);
    }
}

void TestSubtitlesGui::delayActionsShiftTheSubtitles()
{
    app::AppComposition windowApp;
    MainWindow &window = windowApp.window();
    window.resize(800, 600);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    openAndWait(window, m_clip);
    TracksBinding *tracks = window.tracks();
    QAction *later = tracks->delayLaterAction();
    QCOMPARE(later->shortcut(), QKeySequence(Qt::Key_H));
    QCOMPARE(tracks->delayEarlierAction()->shortcut(), QKeySequence(Qt::Key_G));
    // Every new action is the window's, so Help > Keyboard Shortcuts lists it.
    for (QAction *action : {tracks->loadSubtitlesAction(), later, tracks->delayEarlierAction(),
                            tracks->delayResetAction()})
        QVERIFY(window.actions().contains(action));

    // Just after the first cue ends (3 s), nothing shows...
    pauseAt(window, 3200);
    QTRY_COMPARE_WITH_TIMEOUT(lightPixelsUnderThePicture(window), 0, 2000);
    // ...until the subtitles are 500 ms later.
    for (int i = 0; i < 10; ++i)
        later->trigger();
    QCOMPARE(tracks->subtitleDelayMs(), 500);
    QVERIFY(window.toast()->messages().contains(QStringLiteral("Subtitle delay: 500 ms")));
    QTRY_VERIFY_WITH_TIMEOUT(lightPixelsUnderThePicture(window) > 50, 2000);
    tracks->delayEarlierAction()->trigger();
    QCOMPARE(tracks->subtitleDelayMs(), 450);
    // The delay is remembered with the file.
    QCOMPARE(room::Settings().trackChoice(room::Settings::trackChoiceKey(m_clip)).subtitleDelayMs,
             450);
    tracks->delayResetAction()->trigger();
    QCOMPARE(tracks->subtitleDelayMs(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(lightPixelsUnderThePicture(window), 0, 2000);
}

void TestSubtitlesGui::brokenFilesSayWhyAndChangeNothing()
{
    const QString junk = m_media.filePath(QStringLiteral("junk.srt"));
    QByteArray bytes;
    for (int i = 0; i < 2048; ++i)
        bytes.append(char((i * 131 + 7) % 256));
    QVERIFY(writeFile(junk, bytes));
    const QString partly = m_media.filePath(QStringLiteral("Partly.srt"));
    QVERIFY(writeFile(partly,
                      "1\n00:00:01,000 --> 00:00:03,000\nok\n\n2\n00:00:xx,000 --> "
                      "00:00:05,000\nbad\n\n3\n00:00:09,000 --> 00:00:08,000\nbad\n"));

    app::AppComposition windowApp;

    MainWindow &window = windowApp.window();
    window.show();
    // Without a video there is nothing to load subtitles for.
    window.tracks()->loadSubtitleFile(partly);
    QVERIFY(window.notifications().constLast().contains(QLatin1String("Open a video first")));

    openAndWait(window, m_clip);
    TracksBinding *tracks = window.tracks();
    const QString before = tracks->currentSubtitle();
    window.openMedia(QUrl::fromLocalFile(junk));
    QTRY_VERIFY_WITH_TIMEOUT(!tracks->isBusy(), 5000);
    QCOMPARE(window.notifications().constLast(),
             QStringLiteral("junk.srt is not a text file, so it holds no subtitles Lockstep can "
                            "read."));
    // Nothing changed: the same subtitles show, the junk is not listed.
    QCOMPARE(tracks->currentSubtitle(), before);
    QVERIFY(!tracks->subtitleMenu()->actionFor(QStringLiteral("external:") + junk));
    QCOMPARE(window.player().source(), QUrl::fromLocalFile(m_clip));

    window.tracks()->loadSubtitleFile(partly);
    QTRY_VERIFY_WITH_TIMEOUT(!tracks->isBusy(), 5000);
    QCOMPARE(tracks->currentSubtitle(), QStringLiteral("external:") + partly);
    QVERIFY(window.notifications().contains(
        QStringLiteral("2 subtitles in Partly.srt have broken times and were left out.")));
}

QTEST_MAIN(TestSubtitlesGui)
#include "tst_subtitles_gui.moc"
