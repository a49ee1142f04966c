// The subtitle readers on good and broken files: what is kept, what is left
// out, and the sentences that say so.
#include "subtitles/SubtitleDocument.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace lockstep::subtitles;

namespace {

QByteArray utf8(const char *text)
{
    return QByteArray(text);
}

QList<QByteArray> dialogues(const QByteArray &script)
{
    QList<QByteArray> lines;
    for (const QByteArray &line : script.split('\n')) {
        if (line.startsWith("Dialogue:"))
            lines << line;
    }
    return lines;
}

} // namespace

class TestSubtitleParser : public QObject
{
    Q_OBJECT

private slots:
    void subRipReadsCuesAndLineBreaks();
    void subRipToleratesCrlfMissingBlankLinesAndNumbers();
    void brokenTimesAreCountedAndLeftOut();
    void overlappingCuesAreBothKept();
    void webVttSkipsHeaderNotesAndSettings();
    void markupIsHonouredOnlyForItalicBoldUnderline_data();
    void markupIsHonouredOnlyForItalicBoldUnderline();
    void encodingsAreDetected();
    void loaderSaysWhatWasLeftOut();
    void badFilesAreRefusedWithASentence_data();
    void badFilesAreRefusedWithASentence();
    void assFilesGoThroughLibass();
    void embeddedAssChunksBecomeAScript();
    void assTimesRoundToCentiseconds();
};

void TestSubtitleParser::subRipReadsCuesAndLineBreaks()
{
    const ParsedCues parsed = parseSubRip(QStringLiteral(
        "1\n00:00:01,000 --> 00:00:02,500\nHello\nthere\n\n2\n00:01:02,5 --> 01:00:00.000\nBye\n"));
    QCOMPARE(parsed.broken, 0);
    QCOMPARE(parsed.cues.size(), 2);
    QCOMPARE(parsed.cues[0].startMs, 1000);
    QCOMPARE(parsed.cues[0].endMs, 2500);
    QCOMPARE(parsed.cues[0].text, QStringLiteral("Hello\nthere"));
    QCOMPARE(parsed.cues[1].startMs, 62500);
    QCOMPARE(parsed.cues[1].endMs, 3600000);
}

void TestSubtitleParser::subRipToleratesCrlfMissingBlankLinesAndNumbers()
{
    const ParsedCues parsed = parseSubRip(
        QStringLiteral("1\r\n00:00:01,000 --> 00:00:02,000\r\nOne\r\n2\r\n00:00:03,000 --> "
                       "00:00:04,000\r\nTwo\r\n00:00:05,000 --> 00:00:06,000 X1:10 X2:20\r\n"
                       "Three\r\n\r\n\r\n"));
    QCOMPARE(parsed.broken, 0);
    QCOMPARE(parsed.cues.size(), 3);
    QCOMPARE(parsed.cues[0].text, QStringLiteral("One"));
    QCOMPARE(parsed.cues[1].text, QStringLiteral("Two"));
    QCOMPARE(parsed.cues[2].text, QStringLiteral("Three"));
    QCOMPARE(parsed.cues[2].startMs, 5000);
}

void TestSubtitleParser::brokenTimesAreCountedAndLeftOut()
{
    const ParsedCues parsed
        = parseSubRip(QStringLiteral("1\n00:00:01,000 --> 00:00:02,000\nGood\n\n"
                                     "2\n00:00:xx,000 --> 00:00:03,000\nBad minutes\n\n"
                                     "3\n00:00:05,000 --> 00:00:04,000\nEnds before it starts\n\n"
                                     "4\n00:00:07,000 --> \nNo end\n\n"
                                     "5\n00:00:08,000 --> 00:00:09,000\nAlso good\n"));
    QCOMPARE(parsed.broken, 3);
    QCOMPARE(parsed.cues.size(), 2);
    QCOMPARE(parsed.cues[1].text, QStringLiteral("Also good"));
}

void TestSubtitleParser::overlappingCuesAreBothKept()
{
    const ParsedCues parsed
        = parseSubRip(QStringLiteral("2\n00:00:02,000 --> 00:00:05,000\nLater\n\n"
                                     "1\n00:00:01,000 --> 00:00:04,000\nEarlier\n"));
    QCOMPARE(parsed.cues.size(), 2);
    // In time order, whatever order the file has.
    QCOMPARE(parsed.cues[0].text, QStringLiteral("Earlier"));
    QCOMPARE(parsed.cues[1].text, QStringLiteral("Later"));
}

void TestSubtitleParser::webVttSkipsHeaderNotesAndSettings()
{
    const ParsedCues parsed = parseWebVtt(
        QStringLiteral("WEBVTT - a title\n\nNOTE this is\na comment --> not a cue\n\nSTYLE\n"
                       "::cue { color: red }\n\nintro\n00:01.000 --> 00:02.000 align:start\n"
                       "Tom &amp; Jerry\n\n01:00:00.000 --> 01:00:01.500\nLast\n"));
    QCOMPARE(parsed.broken, 0);
    QCOMPARE(parsed.cues.size(), 2);
    QCOMPARE(parsed.cues[0].startMs, 1000);
    QCOMPARE(parsed.cues[0].endMs, 2000);
    QCOMPARE(parsed.cues[0].text, QStringLiteral("Tom &amp; Jerry"));
    QCOMPARE(cueTextToAss(parsed.cues[0].text, true), QStringLiteral("Tom & Jerry"));
    QCOMPARE(parsed.cues[1].startMs, 3600000);
}

void TestSubtitleParser::markupIsHonouredOnlyForItalicBoldUnderline_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("ass");
    QTest::addRow("italic") << QStringLiteral("<i>so</i> what")
                            << QStringLiteral("{\\i1}so{\\i0} what");
    QTest::addRow("bold and underline, any case")
        << QStringLiteral("<B>big</B> <u>line</u>")
        << QStringLiteral("{\\b1}big{\\b0} {\\u1}line{\\u0}");
    QTest::addRow("font dropped") << QStringLiteral("<font color=\"#ff0000\">red</font>")
                                  << QStringLiteral("red");
    QTest::addRow("heart literal") << QStringLiteral("I <3 you") << QStringLiteral("I <3 you");
    QTest::addRow("other tags literal") << QStringLiteral("<script>x</script> <a href=y>")
                                        << QStringLiteral("<script>x</script> <a href=y>");
    QTest::addRow("braces escaped")
        << QStringLiteral("{\\an8}top {x}") << QStringLiteral("\\{\\an8\\}top \\{x\\}");
    QTest::addRow("backslash n literal")
        << QStringLiteral("C:\\new")
        << QStringLiteral("C:\\") + QChar(0x2060) + QStringLiteral("new");
    QTest::addRow("line break") << QStringLiteral("a\nb") << QStringLiteral("a\\Nb");
    QTest::addRow("unclosed") << QStringLiteral("a < b <i") << QStringLiteral("a < b <i");
}

void TestSubtitleParser::markupIsHonouredOnlyForItalicBoldUnderline()
{
    QFETCH(QString, text);
    QFETCH(QString, ass);
    QCOMPARE(cueTextToAss(text), ass);
}

void TestSubtitleParser::encodingsAreDetected()
{
    bool legacy = true;
    QCOMPARE(decodeSubtitleText(utf8("\xEF\xBB\xBF"
                                     "caf\xC3\xA9"),
                                &legacy),
             QStringLiteral("café"));
    QVERIFY(!legacy);
    QCOMPARE(decodeSubtitleText(utf8("caf\xC3\xA9"), &legacy), QStringLiteral("café"));
    QVERIFY(!legacy);
    QCOMPARE(decodeSubtitleText(QByteArray("\xFF\xFE"
                                           "c\0a\0f\0\xE9\0",
                                           10),
                                &legacy),
             QStringLiteral("café"));
    QVERIFY(!legacy);
    QCOMPARE(decodeSubtitleText(QByteArray("\xFE\xFF"
                                           "\0c\0a\0f\0\xE9",
                                           10),
                                &legacy),
             QStringLiteral("café"));
    QCOMPARE(decodeSubtitleText(utf8("caf\xE9 \x80 \x96"), &legacy),
             QStringLiteral("café ") + QChar(0x20AC) + QStringLiteral(" ") + QChar(0x2013));
    QVERIFY(legacy);
}

void TestSubtitleParser::loaderSaysWhatWasLeftOut()
{
    QString error;
    const auto document = readSubtitleData(
        utf8("1\n00:00:01,000 --> 00:00:02,000\nCaf\xE9\n\n2\nbroken --> 00:00:03,000\nx\n\n"
             "3\n00:00:03;000 --> 00:00:04,000\ny\n\n4\n00:00:05,000 --> 00:00:04,000\nz\n\n"
             "5\n00:00:06,000 --> 00:00:07,000\nok\n"),
        QStringLiteral("srt"), QStringLiteral("Film.srt"), &error);
    QVERIFY2(document, qPrintable(error));
    QCOMPARE(document->events, 2);
    QCOMPARE(dialogues(document->script).size(), 2);
    QVERIFY(dialogues(document->script)[0].endsWith(QStringLiteral("Café").toUtf8()));
    QCOMPARE(document->notes.size(), 2);
    QVERIFY(document->notes[0].contains(QLatin1String("Windows-1252")));
    QCOMPARE(document->notes[1],
             QStringLiteral("3 subtitles in Film.srt have broken times and were left out."));

    // The same text as UTF-16 with a BOM reads without a note.
    QByteArray utf16("\xFF\xFE", 2);
    const QString text = QStringLiteral("1\r\n00:00:01,000 --> 00:00:02,000\r\nÜber\r\n");
    utf16.append(reinterpret_cast<const char *>(text.utf16()), text.size() * 2);
    const auto fromUtf16
        = readSubtitleData(utf16, QStringLiteral("srt"), QStringLiteral("a.srt"), &error);
    QVERIFY2(fromUtf16, qPrintable(error));
    QVERIFY(fromUtf16->notes.isEmpty());
    QVERIFY(fromUtf16->script.contains(QStringLiteral("Über").toUtf8()));
}

void TestSubtitleParser::badFilesAreRefusedWithASentence_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("suffix");
    QTest::addColumn<QString>("sentence");
    QTest::addRow("empty") << QByteArray() << QStringLiteral("srt")
                           << QStringLiteral("Film.srt is empty.");
    QTest::addRow("only blank lines") << QByteArray("\n\r\n  \n") << QStringLiteral("vtt")
                                      << QStringLiteral("Film.vtt is empty.");
    QByteArray junk;
    for (int i = 0; i < 4096; ++i)
        junk.append(char((i * 7919 + 13) % 256));
    QTest::addRow("binary junk") << junk << QStringLiteral("srt")
                                 << QStringLiteral("Film.srt is not a text file, so it holds no "
                                                   "subtitles Lockstep can read.");
    QTest::addRow("text without cues")
        << QByteArray("just some words\nand more\n") << QStringLiteral("srt")
        << QStringLiteral("Film.srt has no subtitles Lockstep can read.");
    QTest::addRow("all times broken")
        << QByteArray("1\n00:00:aa,000 --> 00:00:02,000\nx\n") << QStringLiteral("srt")
        << QStringLiteral("None of the subtitles in Film.srt has times Lockstep can read, so it "
                          "was not loaded.");
    QTest::addRow("ass without events")
        << QByteArray("[Script Info]\nScriptType: v4.00+\n") << QStringLiteral("ass")
        << QStringLiteral("Film.ass has no subtitles Lockstep can read.");
    QTest::addRow("unknown type") << QByteArray("x") << QStringLiteral("txt")
                                  << QStringLiteral("Film.txt is not a subtitle file Lockstep "
                                                    "knows (.srt, .vtt, .ass or .ssa).");
}

void TestSubtitleParser::badFilesAreRefusedWithASentence()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, suffix);
    QFETCH(QString, sentence);
    QString error;
    QVERIFY(!readSubtitleData(bytes, suffix, QStringLiteral("Film.") + suffix, &error));
    QCOMPARE(error, sentence);
}

void TestSubtitleParser::assFilesGoThroughLibass()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("Styled.ass"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("[Script Info]\nScriptType: v4.00+\nPlayResX: 640\nPlayResY: 480\n\n"
               "[V4+ Styles]\nFormat: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, "
               "OutlineColour, BackColour, Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, "
               "Spacing, Angle, BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, "
               "MarginV, Encoding\nStyle: Top,sans-serif,40,&H0000FFFF,&H000000FF,&H00000000,"
               "&H00000000,-1,0,0,0,100,100,0,0,1,2,0,8,10,10,10,1\n\n[Events]\n"
               "Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n"
               "Dialogue: 0,0:00:01.00,0:00:02.00,Top,,0,0,0,,{\\i1}Yellow{\\i0} at the top\n"
               "Dialogue: 0,0:00:0x.00,0:00:03.00,Top,,0,0,0,,broken\n");
    file.close();
    QString error;
    const auto document = loadSubtitleFile(path, &error);
    QVERIFY2(document, qPrintable(error));
    QCOMPARE(document->events, 1);
    QVERIFY(document->script.contains("Style: Top,sans-serif,40,&H0000FFFF"));
    QCOMPARE(document->notes,
             QStringList {
                 QStringLiteral("1 subtitle in Styled.ass has broken times and was left out.")});

    QVERIFY(!loadSubtitleFile(dir.filePath(QStringLiteral("missing.srt")), &error));
    QVERIFY(error.contains(QLatin1String("does not exist")));
}

void TestSubtitleParser::embeddedAssChunksBecomeAScript()
{
    const QByteArray header("[Script Info]\nScriptType: v4.00+\n\n[V4+ Styles]\nFormat: Name, "
                            "Fontname, Fontsize\nStyle: Default,Arial,20\n\n[Events]\nFormat: "
                            "Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, "
                            "Text\n");
    int skipped = -1;
    const QByteArray script = assScriptFromChunks(
        header, {{1000, 1500, "0,0,Default,,0,0,0,,Hello, world"}, {3000, 1000, "1,0,Default"}},
        &skipped);
    QCOMPARE(skipped, 1);
    QCOMPARE(dialogues(script),
             QList<QByteArray> {"Dialogue: 0,0:00:01.00,0:00:02.50,Default,,0,0,0,,Hello, world"});
    QCOMPARE(countAssEvents(script), 1);
}

void TestSubtitleParser::assTimesRoundToCentiseconds()
{
    QCOMPARE(assTime(0), QByteArray("0:00:00.00"));
    QCOMPARE(assTime(3723456), QByteArray("1:02:03.46"));
    QCOMPARE(assTime(-5), QByteArray("0:00:00.00"));
}

QTEST_GUILESS_MAIN(TestSubtitleParser)
#include "tst_subtitle_parser.moc"
