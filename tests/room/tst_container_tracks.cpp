// Reading tracks and embedded text subtitles from Matroska and MP4 files:
// files made by ffmpeg (the way people's files are made), files built byte by
// byte for the cases ffmpeg does not write, and broken files.
#include "media/ContainerTracks.h"

#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <initializer_list>

using namespace lockstep::media;

namespace {

// An EBML element: ID bytes, an 8-byte size (or "unknown"), then the content.
QByteArray element(const QByteArray &idHex, const QByteArray &content, bool unknownSize = false)
{
    QByteArray out = QByteArray::fromHex(idHex);
    if (unknownSize) {
        out += QByteArray::fromHex("01FFFFFFFFFFFFFF");
    } else {
        out += char(0x01);
        for (int shift = 48; shift >= 0; shift -= 8)
            out += char((quint64(content.size()) >> shift) & 0xFF);
    }
    return out + content;
}

QByteArray uintElement(const QByteArray &idHex, quint64 value)
{
    QByteArray content;
    for (int shift = 24; shift >= 0; shift -= 8)
        content += char((value >> shift) & 0xFF);
    return element(idHex, content);
}

QByteArray simpleBlock(quint8 track, qint16 relative, const QByteArray &text)
{
    QByteArray content;
    content += char(0x80 | track);
    content += char((relative >> 8) & 0xFF);
    content += char(relative & 0xFF);
    content += char(0x80); // keyframe, no lacing
    return element("A3", content + text);
}

const TrackInfo *find(const QList<TrackInfo> &tracks, TrackType type, int index)
{
    for (const TrackInfo &track : tracks) {
        if (track.type == type && track.indexInType == index)
            return &track;
    }
    return nullptr;
}

} // namespace

class TestContainerTracks : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void matroskaTracksByLanguageTitleAndFlags();
    void matroskaTextSamples();
    void matroskaAssSamplesKeepTheirStyleFields();
    void matroskaBuiltByHandWithUnknownSizesAndNoDurations();
    void matroskaWithoutLanguageIsEnglishAndUndIsNone();
    void mp4TracksByLanguage();
    void mp4MovTextSamples();
    void languageNames_data();
    void languageNames();
    void otherFilesAreRefusedWithASentence();
    void brokenAndTruncatedFilesNeverCrash();
    void cancelStopsReading();

private:
    QString path(const QString &name) const { return m_dir.filePath(name); }
    // Runs ffmpeg; arguments as written (literals and QStrings alike).
    void ffmpeg(std::initializer_list<QAnyStringView> arguments);
    void write(const QString &name, const QByteArray &data);

    QTemporaryDir m_dir;
};

void TestContainerTracks::ffmpeg(std::initializer_list<QAnyStringView> arguments)
{
    QStringList all {QStringLiteral("-hide_banner"), QStringLiteral("-loglevel"),
                     QStringLiteral("error"), QStringLiteral("-y")};
    for (const QAnyStringView argument : arguments)
        all << argument.toString();
    QProcess process;
    process.start(QStringLiteral("ffmpeg"), all);
    QVERIFY(process.waitForFinished(60000));
    QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
}

void TestContainerTracks::write(const QString &name, const QByteArray &data)
{
    QFile file(path(name));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(data);
}

void TestContainerTracks::initTestCase()
{
    if (QStandardPaths::findExecutable(QStringLiteral("ffmpeg")).isEmpty())
        QSKIP("ffmpeg is needed to make the test files");
    QVERIFY(m_dir.isValid());
    write(QStringLiteral("s.srt"),
          "1\n00:00:00,500 --> 00:00:01,500\nHello <i>there</i>\n\n"
          "2\n00:00:02,000 --> 00:00:03,000\nSecond line\n");
    const QString srt = path(QStringLiteral("s.srt"));
    ffmpeg({"-f",
            "lavfi",
            "-i",
            "color=c=black:s=160x120:d=4:r=10",
            "-f",
            "lavfi",
            "-i",
            "sine=f=440:d=4",
            "-f",
            "lavfi",
            "-i",
            "sine=f=660:d=4",
            "-c:v",
            "libx264",
            "-preset",
            "ultrafast",
            "-c:a",
            "aac",
            "-map",
            "0",
            "-map",
            "1",
            "-map",
            "2",
            "-metadata:s:a:0",
            "language=eng",
            "-metadata:s:a:1",
            "language=ger",
            path(QStringLiteral("v.mp4"))});
    const QString video = path(QStringLiteral("v.mp4"));
    ffmpeg({"-i",
            video,
            "-i",
            srt,
            "-i",
            srt,
            "-map",
            "0",
            "-map",
            "1",
            "-map",
            "2",
            "-c",
            "copy",
            "-c:s:0",
            "srt",
            "-c:s:1",
            "ass",
            "-metadata:s:a:1",
            "title=Commentary",
            "-metadata:s:s:0",
            "language=fre",
            "-metadata:s:s:1",
            "language=jpn",
            "-metadata:s:s:1",
            "title=Signs",
            "-disposition:s:0",
            "0",
            "-disposition:s:1",
            "forced",
            path(QStringLiteral("m.mkv"))});
    ffmpeg({"-i", video, "-i", srt, "-map", "0", "-map", "1", "-c", "copy", "-c:s", "mov_text",
            "-metadata:s:s:0", "language=spa", "-disposition:s:0", "default",
            path(QStringLiteral("m.mp4"))});
}

void TestContainerTracks::matroskaTracksByLanguageTitleAndFlags()
{
    QString error;
    const auto tracks = readContainerTracks(path(QStringLiteral("m.mkv")), &error);
    QVERIFY2(tracks, qPrintable(error));
    QCOMPARE(tracks->size(), 5);
    const TrackInfo *english = find(*tracks, TrackType::Audio, 0);
    const TrackInfo *german = find(*tracks, TrackType::Audio, 1);
    const TrackInfo *french = find(*tracks, TrackType::Subtitle, 0);
    const TrackInfo *signs = find(*tracks, TrackType::Subtitle, 1);
    QVERIFY(english && german && french && signs);
    QCOMPARE(english->language, QStringLiteral("eng"));
    QCOMPARE(german->language, QStringLiteral("ger"));
    QCOMPARE(german->title, QStringLiteral("Commentary"));
    QCOMPARE(french->language, QStringLiteral("fre"));
    QCOMPARE(french->codec, QByteArray("S_TEXT/UTF8"));
    QVERIFY(french->isTextSubtitle());
    QVERIFY(!french->isDefault);
    QCOMPARE(signs->language, QStringLiteral("jpn"));
    QCOMPARE(signs->title, QStringLiteral("Signs"));
    QVERIFY(signs->isForced);
    QCOMPARE(signs->codec, QByteArray("S_TEXT/ASS"));
    QVERIFY(signs->codecPrivate.contains("[Script Info]"));
    QVERIFY(signs->codecPrivate.contains("[V4+ Styles]"));
    QVERIFY(find(*tracks, TrackType::Video, 0));
}

void TestContainerTracks::matroskaTextSamples()
{
    const auto tracks = readContainerTracks(path(QStringLiteral("m.mkv")));
    QVERIFY(tracks);
    const TrackInfo *french = find(*tracks, TrackType::Subtitle, 0);
    QVERIFY(french);
    QString error;
    const auto samples
        = readSubtitleSamples(path(QStringLiteral("m.mkv")), french->number, nullptr, &error);
    QVERIFY2(samples, qPrintable(error));
    QCOMPARE(samples->size(), 2);
    // ffmpeg shifts the whole file by the audio's priming delay (23 ms) when
    // it copies AAC: times are as stored, the cues 1.5 s apart.
    QVERIFY2(samples->at(0).startMs >= 500 && samples->at(0).startMs <= 530,
             qPrintable(QString::number(samples->at(0).startMs)));
    QCOMPARE(samples->at(0).durationMs, 1000);
    QCOMPARE(samples->at(0).data, QByteArray("Hello <i>there</i>"));
    QCOMPARE(samples->at(1).startMs - samples->at(0).startMs, 1500);
    QCOMPARE(samples->at(1).data, QByteArray("Second line"));
}

void TestContainerTracks::matroskaAssSamplesKeepTheirStyleFields()
{
    const auto tracks = readContainerTracks(path(QStringLiteral("m.mkv")));
    QVERIFY(tracks);
    const TrackInfo *signs = find(*tracks, TrackType::Subtitle, 1);
    QVERIFY(signs);
    const auto samples = readSubtitleSamples(path(QStringLiteral("m.mkv")), signs->number);
    QVERIFY(samples);
    QCOMPARE(samples->size(), 2);
    // ReadOrder,Layer,Style,Name,MarginL,MarginR,MarginV,Effect,Text
    const QList<QByteArray> fields = samples->at(0).data.split(',');
    QVERIFY(fields.size() >= 9);
    QCOMPARE(fields.at(2), QByteArray("Default"));
    QVERIFY(samples->at(0).data.endsWith("Hello {\\i1}there{\\i0}"));
}

void TestContainerTracks::matroskaBuiltByHandWithUnknownSizesAndNoDurations()
{
    // A live-style file: segment and clusters of unknown size, subtitle text in
    // SimpleBlocks (no duration), a timecode scale of 1 ms, the track list
    // reached through the seek head after the first cluster.
    const QByteArray trackEntry = element(
        "AE",
        uintElement("D7", 3) + uintElement("83", 17) + element("86", "S_TEXT/UTF8")
            + element("22B59C", "deu") + element("536E", "Untertitel") + uintElement("88", 0));
    const QByteArray tracks = element("1654AE6B", trackEntry);
    const QByteArray info = element("1549A966", uintElement("2AD7B1", 1000000));
    const QByteArray cluster1
        = element("1F43B675",
                  uintElement("E7", 1000) + simpleBlock(3, 0, "eins") + simpleBlock(2, 5, "audio")
                      + simpleBlock(3, 250, "zwei"),
                  true);
    const QByteArray cluster2
        = element("1F43B675", uintElement("E7", 9000) + simpleBlock(3, 0, "drei"), true);
    // The seek head's position is relative to the segment's content.
    const qint64 seekHeadSize = element("114D9B74",
                                        element("4DBB",
                                                element("53AB", QByteArray::fromHex("1654AE6B"))
                                                    + uintElement("53AC", 0)))
                                    .size();
    const qint64 tracksPosition = seekHeadSize + info.size() + cluster1.size() + cluster2.size();
    const QByteArray seekHead = element("114D9B74",
                                        element("4DBB",
                                                element("53AB", QByteArray::fromHex("1654AE6B"))
                                                    + uintElement("53AC", tracksPosition)));
    QCOMPARE(seekHead.size(), seekHeadSize);
    const QByteArray file = element("1A45DFA3", element("4282", "matroska"))
        + element("18538067", seekHead + info + cluster1 + cluster2 + tracks, true);
    write(QStringLiteral("hand.mkv"), file);

    QString error;
    const auto list = readContainerTracks(path(QStringLiteral("hand.mkv")), &error);
    QVERIFY2(list, qPrintable(error));
    QCOMPARE(list->size(), 1);
    QCOMPARE(list->at(0).language, QStringLiteral("deu"));
    QCOMPARE(list->at(0).title, QStringLiteral("Untertitel"));
    QVERIFY(!list->at(0).isDefault);

    const auto samples = readSubtitleSamples(path(QStringLiteral("hand.mkv")), 3, nullptr, &error);
    QVERIFY2(samples, qPrintable(error));
    QCOMPARE(samples->size(), 3);
    QCOMPARE(samples->at(0).data, QByteArray("eins"));
    QCOMPARE(samples->at(0).startMs, 1000);
    QCOMPARE(samples->at(0).durationMs, 250); // until the next one
    QCOMPARE(samples->at(1).data, QByteArray("zwei"));
    QCOMPARE(samples->at(1).durationMs, 5000); // the next is 7.75 s later: at most 5 s
    QCOMPARE(samples->at(2).startMs, 9000);
}

void TestContainerTracks::matroskaWithoutLanguageIsEnglishAndUndIsNone()
{
    // Matroska's default language, when the element is absent, is English.
    const QByteArray absent = element("AE", uintElement("D7", 1) + uintElement("83", 2));
    const QByteArray und
        = element("AE", uintElement("D7", 2) + uintElement("83", 2) + element("22B59C", "und"));
    const QByteArray bcp47 = element("AE",
                                     uintElement("D7", 3) + uintElement("83", 2)
                                         + element("22B59C", "por") + element("22B59D", "pt-BR"));
    write(QStringLiteral("lang.mkv"),
          element("1A45DFA3", QByteArray())
              + element("18538067", element("1654AE6B", absent + und + bcp47)));
    const auto tracks = readContainerTracks(path(QStringLiteral("lang.mkv")));
    QVERIFY(tracks);
    QCOMPARE(tracks->size(), 3);
    QCOMPARE(tracks->at(0).language, QStringLiteral("eng"));
    QVERIFY(tracks->at(0).isDefault);
    QCOMPARE(tracks->at(1).language, QString());
    QCOMPARE(tracks->at(2).language, QStringLiteral("pt-BR"));
    QCOMPARE(tracks->at(2).indexInType, 2);
}

void TestContainerTracks::mp4TracksByLanguage()
{
    QString error;
    const auto tracks = readContainerTracks(path(QStringLiteral("m.mp4")), &error);
    QVERIFY2(tracks, qPrintable(error));
    QCOMPARE(tracks->size(), 4);
    const TrackInfo *english = find(*tracks, TrackType::Audio, 0);
    const TrackInfo *german = find(*tracks, TrackType::Audio, 1);
    const TrackInfo *spanish = find(*tracks, TrackType::Subtitle, 0);
    QVERIFY(english && german && spanish);
    QCOMPARE(english->language, QStringLiteral("eng"));
    QCOMPARE(german->language, QStringLiteral("ger"));
    QCOMPARE(english->title, QString()); // "SoundHandler" says nothing
    QCOMPARE(spanish->language, QStringLiteral("spa"));
    QCOMPARE(spanish->codec, QByteArray("tx3g"));
    QVERIFY(spanish->isTextSubtitle());
    QVERIFY(spanish->isDefault);
    QCOMPARE(find(*tracks, TrackType::Video, 0)->language, QString()); // "und"
}

void TestContainerTracks::mp4MovTextSamples()
{
    const auto tracks = readContainerTracks(path(QStringLiteral("m.mp4")));
    QVERIFY(tracks);
    const TrackInfo *spanish = find(*tracks, TrackType::Subtitle, 0);
    QVERIFY(spanish);
    QString error;
    const auto samples
        = readSubtitleSamples(path(QStringLiteral("m.mp4")), spanish->number, nullptr, &error);
    QVERIFY2(samples, qPrintable(error));
    // The gaps between cues are empty samples and are left out.
    QCOMPARE(samples->size(), 2);
    QCOMPARE(samples->at(0).startMs, 500);
    QCOMPARE(samples->at(0).durationMs, 1000);
    QCOMPARE(samples->at(0).data,
             QByteArray("Hello there")); // styling is in style records, not the text
    QCOMPARE(samples->at(1).startMs, 2000);
    QCOMPARE(samples->at(1).data, QByteArray("Second line"));

    QVERIFY(!readSubtitleSamples(path(QStringLiteral("m.mp4")), 99, nullptr, &error));
    QVERIFY(error.contains(QLatin1String("99")));
}

void TestContainerTracks::languageNames_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("name");
    QTest::newRow("ISO 639-2/B") << "ger"
                                 << "German";
    QTest::newRow("ISO 639-2/T") << "deu"
                                 << "German";
    QTest::newRow("ISO 639-1") << "de"
                               << "German";
    QTest::newRow("BCP 47") << "pt-BR"
                            << "Portuguese";
    QTest::newRow("upper case") << "FRE"
                                << "French";
    QTest::newRow("not in the table") << "haw"
                                      << "Hawaiian";
    QTest::newRow("undetermined") << "und"
                                  << "";
    QTest::newRow("several") << "mul"
                             << "";
    QTest::newRow("empty") << ""
                           << "";
    QTest::newRow("unknown") << "qqq"
                             << "";
}

void TestContainerTracks::languageNames()
{
    QFETCH(QString, code);
    QFETCH(QString, name);
    QCOMPARE(languageName(code), name);
}

void TestContainerTracks::otherFilesAreRefusedWithASentence()
{
    QString error;
    QVERIFY(!readContainerTracks(path(QStringLiteral("s.srt")), &error));
    QVERIFY(error.endsWith(QLatin1Char('.')));
    error.clear();
    QVERIFY(!readContainerTracks(path(QStringLiteral("missing.mkv")), &error));
    QVERIFY(error.contains(QLatin1String("missing.mkv")));
    error.clear();
    QVERIFY(!readSubtitleSamples(path(QStringLiteral("s.srt")), 1, nullptr, &error));
    QVERIFY(!error.isEmpty());
}

void TestContainerTracks::brokenAndTruncatedFilesNeverCrash()
{
    for (const QString &name : {QStringLiteral("m.mkv"), QStringLiteral("m.mp4")}) {
        QFile source(path(name));
        QVERIFY(source.open(QIODevice::ReadOnly));
        const QByteArray whole = source.readAll();
        const auto complete = readContainerTracks(path(name));
        QVERIFY(complete);
        const quint64 subtitle = find(*complete, TrackType::Subtitle, 0)->number;
        const QString cut = path(QStringLiteral("cut-") + name);
        for (qsizetype length = 0; length < whole.size(); length += 331) {
            write(QStringLiteral("cut-") + name, whole.left(length));
            QString error;
            const auto tracks = readContainerTracks(cut, &error);
            QVERIFY(tracks || !error.isEmpty());
            const auto samples = readSubtitleSamples(cut, subtitle, nullptr, &error);
            if (samples)
                QVERIFY(samples->size() <= 2);
        }
        // Random bytes after a valid start, and random bytes throughout.
        QRandomGenerator random(42);
        for (int round = 0; round < 40; ++round) {
            QByteArray junk = whole;
            for (int i = 0; i < 64; ++i)
                junk[random.bounded(qsizetype(0), junk.size())] = char(random.bounded(256));
            write(QStringLiteral("junk-") + name, junk);
            readContainerTracks(path(QStringLiteral("junk-") + name));
            readSubtitleSamples(path(QStringLiteral("junk-") + name), subtitle);
        }
    }
    // Sizes that claim more than the file holds.
    write(QStringLiteral("huge.mkv"),
          element("1A45DFA3", QByteArray())
              + QByteArray::fromHex("18538067"
                                    "01"
                                    "00FFFFFFFFFFFF")
              + QByteArray::fromHex("1654AE6B"
                                    "01"
                                    "00FFFFFFFFFFFF")
              + "AE");
    QVERIFY(readContainerTracks(path(QStringLiteral("huge.mkv"))));
    write(QStringLiteral("huge.mp4"),
          QByteArray::fromHex("00000010"
                              "66747970"
                              "69736F6D00000200")
              + QByteArray::fromHex("FFFFFFF0"
                                    "6D6F6F76"
                                    "FFFFFFF0"
                                    "7472616B"));
    const auto tracks = readContainerTracks(path(QStringLiteral("huge.mp4")));
    QVERIFY(tracks);
    QCOMPARE(tracks->size(), 1);
}

void TestContainerTracks::cancelStopsReading()
{
    const auto tracks = readContainerTracks(path(QStringLiteral("m.mkv")));
    QVERIFY(tracks);
    const std::atomic_bool cancel {true};
    QVERIFY(!readSubtitleSamples(path(QStringLiteral("m.mkv")),
                                 find(*tracks, TrackType::Subtitle, 0)->number, &cancel));
}

QTEST_GUILESS_MAIN(TestContainerTracks)
#include "tst_container_tracks.moc"
