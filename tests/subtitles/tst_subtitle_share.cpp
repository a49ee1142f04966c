// What the host offers of its subtitles to the room (docs/protocol.md,
// "Subtitles the host shares"): embedded samples written as SubRip, the
// language a file's name gives, and files turned into offers, or refused with
// a sentence when they are not subtitles or larger than the protocol allows.
#include "player/SubtitleShare.h"

#include "protocol/Limits.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace lockstep;
using namespace lockstep::ui;
using namespace lockstep::room;

namespace {

QString write(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return {};
    return path;
}

const QByteArray kSubRip = "1\n00:00:01,000 --> 00:00:02,500\nThe train leaves at midnight.\n\n"
                           "2\n00:00:03,000 --> 00:00:04,000\nDon't miss it.\n";

// The sentence of a refusal, for a failure's message; empty for an offer.
QString refusal(const std::variant<RoomSession::SubtitleOffer, QString> &result)
{
    return std::holds_alternative<QString>(result) ? std::get<QString>(result) : QString();
}

} // namespace

class TestSubtitleShare : public QObject
{
    Q_OBJECT

private slots:
    void samplesBecomeSubRip();
    void theFileNameGivesTheLanguage_data();
    void theFileNameGivesTheLanguage();
    void aSubRipFileIsOfferedAsUtf8();
    void eachFormatKeepsItsKind_data();
    void eachFormatKeepsItsKind();
    void theIdIsStableAndPerFile();
    void badFilesAreRefusedWithASentence_data();
    void badFilesAreRefusedWithASentence();
    void anUnreadableTrackIsRefused();
    void tagsAreCleaned();
};

void TestSubtitleShare::samplesBecomeSubRip()
{
    const QList<media::SubtitleSample> samples {
        {1000, 1500, "Hello"},
        {2000, 0, "no duration: dropped"},
        {2500, 500, "   "}, // nothing to show: dropped
        {3723004, 996, "One\r\n\r\n\r\nblank line too many"},
        {-50, 100, "before the start"},
    };
    const QByteArray expected = "1\n00:00:01,000 --> 00:00:02,500\nHello\n\n"
                                "2\n01:02:03,004 --> 01:02:04,000\nOne\nblank line too many\n\n"
                                "3\n00:00:00,000 --> 00:00:00,050\nbefore the start\n\n";
    QCOMPARE(subRipFromSamples(samples), expected);
    QCOMPARE(subRipFromSamples({}), QByteArray());
}

void TestSubtitleShare::theFileNameGivesTheLanguage_data()
{
    QTest::addColumn<QString>("subtitle");
    QTest::addColumn<QString>("language");
    QTest::newRow("two letters") << "Film.en.srt"
                                 << "en";
    QTest::newRow("three letters") << "Film.deu.srt"
                                   << "deu";
    QTest::newRow("region, then forced") << "Film.pt-BR.forced.srt"
                                         << "pt-BR";
    QTest::newRow("forced, then language") << "Film.forced.es.srt"
                                           << "es";
    QTest::newRow("no language") << "Film.srt"
                                 << "";
    QTest::newRow("for the deaf, not Southern Kurdish") << "Film.sdh.srt"
                                                        << "";
    QTest::newRow("language, then for the deaf") << "Film.en.sdh.srt"
                                                 << "en";
    QTest::newRow("another film's name") << "Other.fr.srt"
                                         << "fr";
    QTest::newRow("not a language") << "Film.xx.srt"
                                    << "";
}

void TestSubtitleShare::theFileNameGivesTheLanguage()
{
    QFETCH(QString, subtitle);
    QFETCH(QString, language);
    QCOMPARE(languageFromFileName(QStringLiteral("/films/Film.mkv"),
                                  QStringLiteral("/films/") + subtitle),
             language);
}

void TestSubtitleShare::aSubRipFileIsOfferedAsUtf8()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // Windows-1252, as older files are: "Café" with 0xE9.
    const QString path = write(dir, QStringLiteral("Film.fr.srt"),
                               "1\n00:00:01,000 --> 00:00:02,000\nCaf\xe9\n\n");
    QVERIFY(!path.isEmpty());
    SubtitleSource source;
    source.path = path;
    source.language = QStringLiteral("fr");
    const auto result = prepareSubtitleShare(source);
    QVERIFY2(std::holds_alternative<RoomSession::SubtitleOffer>(result),
             qPrintable(refusal(result)));
    const auto &offer = std::get<RoomSession::SubtitleOffer>(result);
    QCOMPARE(offer.track.format, protocol::SubtitleFormat::Srt);
    QCOMPARE(offer.track.language, QStringLiteral("fr"));
    QCOMPARE(offer.track.title, QStringLiteral("Film.fr")); // no title: the file's name
    QVERIFY(offer.text.contains("Caf\xc3\xa9"));
    QVERIFY(!offer.text.contains("Caf\xe9\n"));
}

void TestSubtitleShare::eachFormatKeepsItsKind_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<protocol::SubtitleFormat>("format");
    QTest::newRow("srt") << "a.srt" << kSubRip << protocol::SubtitleFormat::Srt;
    QTest::newRow("vtt") << "a.vtt"
                         << QByteArray("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHello\n")
                         << protocol::SubtitleFormat::Vtt;
    QTest::newRow("ass") << "a.ass"
                         << QByteArray("[Script Info]\nScriptType: v4.00+\n\n[V4+ Styles]\n"
                                       "Format: Name, Fontname, Fontsize\nStyle: Default,Arial,20\n"
                                       "\n[Events]\nFormat: Layer, Start, End, Style, Name, "
                                       "MarginL, MarginR, MarginV, Effect, Text\n"
                                       "Dialogue: 0,0:00:01.00,0:00:02.00,Default,,0,0,0,,Hello\n")
                         << protocol::SubtitleFormat::Ass;
}

void TestSubtitleShare::eachFormatKeepsItsKind()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, bytes);
    QFETCH(protocol::SubtitleFormat, format);
    QTemporaryDir dir;
    SubtitleSource source;
    source.path = write(dir, name, bytes);
    const auto result = prepareSubtitleShare(source);
    QVERIFY2(std::holds_alternative<RoomSession::SubtitleOffer>(result),
             qPrintable(refusal(result)));
    const auto &offer = std::get<RoomSession::SubtitleOffer>(result);
    QCOMPARE(offer.track.format, format);
    QCOMPARE(offer.text, bytes); // UTF-8 already: sent as it is
}

void TestSubtitleShare::theIdIsStableAndPerFile()
{
    QTemporaryDir dir;
    SubtitleSource first;
    first.path = write(dir, QStringLiteral("Film.en.srt"), kSubRip);
    SubtitleSource second;
    second.path = write(dir, QStringLiteral("Film.de.srt"), kSubRip);
    const auto a = std::get<RoomSession::SubtitleOffer>(prepareSubtitleShare(first));
    const auto again = std::get<RoomSession::SubtitleOffer>(prepareSubtitleShare(first));
    const auto b = std::get<RoomSession::SubtitleOffer>(prepareSubtitleShare(second));
    QVERIFY(a.track.id.startsWith(QLatin1String("file-")));
    QCOMPARE(a.track.id.size(), 5 + 16);
    QCOMPARE(again.track.id, a.track.id);
    QVERIFY(b.track.id != a.track.id);
    QVERIFY(a.track.id.size() <= 64); // the protocol's id limit
}

void TestSubtitleShare::badFilesAreRefusedWithASentence_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("sentence");
    QByteArray huge = kSubRip;
    while (huge.size() <= protocol::limits::kMaxSubtitleBytes)
        huge += huge;
    QTest::newRow("larger than 4 MiB") << "Huge.srt" << huge << "Huge.srt is larger than 4 MiB";
    QByteArray noise(2000, '\0');
    for (int i = 0; i < noise.size(); ++i)
        noise[i] = char((i * 7919) & 0xFF);
    QTest::newRow("not subtitles") << "Noise.srt" << noise << "not shared with the room";
    QTest::newRow("no cues") << "Empty.srt" << QByteArray("\n\n") << "not shared with the room";
}

void TestSubtitleShare::badFilesAreRefusedWithASentence()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, bytes);
    QFETCH(QString, sentence);
    QTemporaryDir dir;
    SubtitleSource source;
    source.path = write(dir, name, bytes);
    QVERIFY(!source.path.isEmpty());
    const auto result = prepareSubtitleShare(source);
    QVERIFY(std::holds_alternative<QString>(result));
    QVERIFY2(refusal(result).contains(sentence), qPrintable(refusal(result)));
    QVERIFY(refusal(result).endsWith(QLatin1Char('.')));
}

void TestSubtitleShare::anUnreadableTrackIsRefused()
{
    SubtitleSource missing;
    missing.path = QStringLiteral("/nonexistent/Film.en.srt");
    const auto file = prepareSubtitleShare(missing);
    QVERIFY(std::holds_alternative<QString>(file));
    QVERIFY2(refusal(file).startsWith(QLatin1String("Film.en.srt cannot be read")),
             qPrintable(refusal(file)));

    SubtitleSource track;
    track.mediaPath = QStringLiteral("/nonexistent/Film.mkv");
    track.trackNumber = 3;
    track.indexInType = 1;
    track.codec = "S_TEXT/UTF8";
    track.title = QStringLiteral("English");
    const auto embedded = prepareSubtitleShare(track);
    QVERIFY(std::holds_alternative<QString>(embedded));
    QVERIFY2(
        refusal(embedded).startsWith(QLatin1String("The subtitle track English cannot be read")),
        qPrintable(refusal(embedded)));
}

void TestSubtitleShare::tagsAreCleaned()
{
    QTemporaryDir dir;
    SubtitleSource source;
    source.path = write(dir, QStringLiteral("a.srt"), kSubRip);
    source.language = QStringLiteral("und");
    source.title = QStringLiteral("  Eng\tlish\x01 ") + QString(300, QLatin1Char('x'));
    auto offer = std::get<RoomSession::SubtitleOffer>(prepareSubtitleShare(source));
    QCOMPARE(offer.track.language, QString()); // "undetermined" says nothing
    QCOMPARE(offer.track.title.size(), protocol::limits::kMaxSubtitleTitleLength);
    QVERIFY(offer.track.title.startsWith(QLatin1String("Eng lish x")));

    source.language = QStringLiteral("en; DROP");
    offer = std::get<RoomSession::SubtitleOffer>(prepareSubtitleShare(source));
    QCOMPARE(offer.track.language, QString());
}

QTEST_GUILESS_MAIN(TestSubtitleShare)
#include "tst_subtitle_share.moc"
