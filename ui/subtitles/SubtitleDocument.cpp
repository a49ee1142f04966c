#include "SubtitleDocument.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStringDecoder>

#include <ass/ass.h>

#include <algorithm>
#include <array>

namespace lockstep::subtitles {

namespace {

// Bigger than any real subtitle file by far; anything larger is not one.
constexpr qint64 kMaxFileBytes = 64 * 1024 * 1024;

// Windows-1252's 0x80..0x9F; the rest of its upper half is Latin-1.
constexpr std::array<char16_t, 32> kCp1252High
    = {0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
       0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
       0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

QString decodeWindows1252(QByteArrayView bytes)
{
    QString text;
    text.reserve(bytes.size());
    for (const char c : bytes) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte >= 0x80 && byte < 0xA0)
            text.append(QChar(kCp1252High[byte - 0x80]));
        else
            text.append(QChar(char16_t(byte)));
    }
    return text;
}

bool looksBinary(QByteArrayView bytes)
{
    // Text files have no NUL bytes and few control characters.
    qsizetype controls = 0;
    for (const char c : bytes) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte == 0)
            return true;
        if (byte < 0x20 && byte != '\n' && byte != '\r' && byte != '\t')
            ++controls;
    }
    return controls * 20 > bytes.size();
}

QStringList splitLines(const QString &text)
{
    QString normalized = text;
    normalized.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    normalized.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    return normalized.split(QLatin1Char('\n'));
}

// "[H:]MM:SS[,.]fff" (SubRip writes a comma, WebVTT a dot; one to three
// digits of fraction are accepted). -1 when it is not a time.
qint64 parseTimestamp(QStringView text)
{
    text = text.trimmed();
    const QList<QStringView> parts = text.split(QLatin1Char(':'));
    if (parts.size() < 2 || parts.size() > 3)
        return -1;
    qint64 hours = 0;
    int index = 0;
    bool ok = true;
    if (parts.size() == 3) {
        if (parts[0].isEmpty() || parts[0].size() > 4)
            return -1;
        hours = parts[0].toLongLong(&ok);
        if (!ok || hours < 0)
            return -1;
        index = 1;
    }
    const QStringView minutesText = parts[index];
    if (minutesText.isEmpty() || minutesText.size() > 2)
        return -1;
    const int minutes = minutesText.toInt(&ok);
    if (!ok || minutes < 0 || minutes > 59)
        return -1;
    QStringView secondsPart = parts[index + 1];
    qsizetype separator = secondsPart.indexOf(QLatin1Char(','));
    if (separator < 0)
        separator = secondsPart.indexOf(QLatin1Char('.'));
    QStringView secondsText = separator < 0 ? secondsPart : secondsPart.left(separator);
    QStringView fractionText = separator < 0 ? QStringView() : secondsPart.mid(separator + 1);
    if (secondsText.isEmpty() || secondsText.size() > 2)
        return -1;
    const int seconds = secondsText.toInt(&ok);
    if (!ok || seconds < 0 || seconds > 59)
        return -1;
    int millis = 0;
    if (separator >= 0) {
        if (fractionText.isEmpty() || fractionText.size() > 3)
            return -1;
        for (const QChar c : fractionText) {
            if (!c.isDigit())
                return -1;
        }
        millis = fractionText.toInt(&ok);
        for (qsizetype i = fractionText.size(); i < 3; ++i)
            millis *= 10;
    }
    for (const QChar c : secondsText) {
        if (!c.isDigit())
            return -1;
    }
    for (const QChar c : minutesText) {
        if (!c.isDigit())
            return -1;
    }
    return ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis;
}

bool isIndexLine(const QString &line)
{
    const QString trimmed = line.trimmed();
    if (trimmed.isEmpty())
        return false;
    return std::all_of(trimmed.cbegin(), trimmed.cend(), [](QChar c) { return c.isDigit(); });
}

bool parseTiming(const QString &line, qint64 *start, qint64 *end)
{
    const qsizetype arrow = line.indexOf(QLatin1String("-->"));
    if (arrow < 0)
        return false;
    *start = parseTimestamp(QStringView(line).left(arrow));
    // After the end time come WebVTT settings or SubRip coordinates.
    const QString rest = line.mid(arrow + 3).trimmed();
    const qsizetype space = rest.indexOf(QLatin1Char(' '));
    *end = parseTimestamp(space < 0 ? QStringView(rest) : QStringView(rest).left(space));
    return *start >= 0 && *end > *start;
}

ParsedCues parseCues(const QString &text, bool webVtt)
{
    ParsedCues result;
    const QStringList lines = splitLines(text);
    qsizetype i = 0;
    if (webVtt && !lines.isEmpty() && lines.first().trimmed().startsWith(QLatin1String("WEBVTT")))
        i = 1;
    const qsizetype count = lines.size();
    while (i < count) {
        const QString line = lines.at(i).trimmed();
        if (webVtt
            && (line.startsWith(QLatin1String("NOTE")) || line == QLatin1String("STYLE")
                || line == QLatin1String("REGION"))) {
            // A block that is no cue, up to the next blank line.
            while (i < count && !lines.at(i).trimmed().isEmpty())
                ++i;
            continue;
        }
        if (!line.contains(QLatin1String("-->"))) {
            ++i;
            continue;
        }
        qint64 start = 0;
        qint64 end = 0;
        const bool ok = parseTiming(line, &start, &end);
        QStringList body;
        qsizetype j = i + 1;
        while (j < count) {
            const QString next = lines.at(j);
            if (next.trimmed().isEmpty() || next.contains(QLatin1String("-->")))
                break;
            // A number right before a time line starts the next cue even
            // when the blank line between them is missing.
            if (isIndexLine(next) && j + 1 < count
                && lines.at(j + 1).contains(QLatin1String("-->")))
                break;
            body << next;
            ++j;
        }
        if (!ok)
            ++result.broken;
        else if (!body.isEmpty())
            result.cues.append({start, end, body.join(QLatin1Char('\n'))});
        i = j;
    }
    std::stable_sort(result.cues.begin(), result.cues.end(),
                     [](const Cue &a, const Cue &b) { return a.startMs < b.startMs; });
    return result;
}

QString decodeVttEntities(const QString &text, qsizetype *pos)
{
    static const std::array<std::pair<QLatin1String, QChar>, 6> entities = {{
        {QLatin1String("&amp;"), QLatin1Char('&')},
        {QLatin1String("&lt;"), QLatin1Char('<')},
        {QLatin1String("&gt;"), QLatin1Char('>')},
        {QLatin1String("&nbsp;"), QChar(0x00A0)},
        {QLatin1String("&lrm;"), QChar(0x200E)},
        {QLatin1String("&rlm;"), QChar(0x200F)},
    }};
    for (const auto &[name, character] : entities) {
        if (QStringView(text).mid(*pos).startsWith(name)) {
            *pos += name.size();
            return QString(character);
        }
    }
    ++*pos;
    return QStringLiteral("&");
}

QString escapeAssCharacter(QChar c, QChar next)
{
    if (c == QLatin1Char('{'))
        return QStringLiteral("\\{");
    if (c == QLatin1Char('}'))
        return QStringLiteral("\\}");
    if (c == QLatin1Char('\\')
        && (next == QLatin1Char('N') || next == QLatin1Char('n') || next == QLatin1Char('h')
            || next == QLatin1Char('{') || next == QLatin1Char('}'))) {
        // A word joiner keeps "\N" from being read as a line break.
        return QStringLiteral("\\") + QChar(0x2060);
    }
    return QString(c);
}

QByteArray scriptHeader()
{
    return QByteArrayLiteral(
        "[Script Info]\n"
        "ScriptType: v4.00+\n"
        "PlayResX: 1920\n"
        "PlayResY: 1080\n"
        "ScaledBorderAndShadow: yes\n"
        "WrapStyle: 0\n"
        "\n"
        "[V4+ Styles]\n"
        "Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, "
        "BackColour, Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, "
        "BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, MarginV, Encoding\n"
        "Style: Default,sans-serif,64,&H00FFFFFF,&H000000FF,&H00000000,&H80000000,0,0,0,0,"
        "100,100,0,0,1,3,1,2,80,80,60,1\n"
        "\n"
        "[Events]\n"
        "Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n");
}

void quietLibassMessage(int, const char *, va_list, void *)
{
}

} // namespace

QString decodeSubtitleText(const QByteArray &bytes, bool *legacy)
{
    if (legacy)
        *legacy = false;
    if (bytes.startsWith("\xEF\xBB\xBF"))
        return QString::fromUtf8(bytes.mid(3));
    if (bytes.startsWith("\xFF\xFE") || bytes.startsWith("\xFE\xFF")) {
        auto decoder = QStringDecoder(bytes.startsWith("\xFF\xFE") ? QStringConverter::Utf16LE
                                                                   : QStringConverter::Utf16BE);
        return decoder.decode(QByteArrayView(bytes).sliced(2));
    }
    QStringDecoder utf8(QStringConverter::Utf8);
    const QString text = utf8.decode(bytes);
    if (!utf8.hasError())
        return text;
    if (legacy)
        *legacy = true;
    return decodeWindows1252(bytes);
}

ParsedCues parseSubRip(const QString &text)
{
    return parseCues(text, false);
}

ParsedCues parseWebVtt(const QString &text)
{
    return parseCues(text, true);
}

QString cueTextToAss(const QString &text, bool webVtt)
{
    QString out;
    out.reserve(text.size() + 16);
    const qsizetype size = text.size();
    qsizetype i = 0;
    while (i < size) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('\n')) {
            out += QLatin1String("\\N");
            ++i;
            continue;
        }
        if (c == QLatin1Char('<')) {
            const qsizetype close = text.indexOf(QLatin1Char('>'), i + 1);
            const qsizetype nextOpen = text.indexOf(QLatin1Char('<'), i + 1);
            if (close > i && (nextOpen < 0 || nextOpen > close)) {
                const QString tag = text.mid(i + 1, close - i - 1).trimmed().toLower();
                static const std::array<std::pair<QLatin1String, QLatin1String>, 6> styles = {{
                    {QLatin1String("i"), QLatin1String("{\\i1}")},
                    {QLatin1String("/i"), QLatin1String("{\\i0}")},
                    {QLatin1String("b"), QLatin1String("{\\b1}")},
                    {QLatin1String("/b"), QLatin1String("{\\b0}")},
                    {QLatin1String("u"), QLatin1String("{\\u1}")},
                    {QLatin1String("/u"), QLatin1String("{\\u0}")},
                }};
                bool known = false;
                for (const auto &[name, ass] : styles) {
                    if (tag == name) {
                        out += ass;
                        known = true;
                        break;
                    }
                }
                if (!known
                    && (tag == QLatin1String("font") || tag == QLatin1String("/font")
                        || tag.startsWith(QLatin1String("font ")))) {
                    known = true; // colours and faces are not kept
                }
                if (known) {
                    i = close + 1;
                    continue;
                }
            }
            out += QLatin1Char('<'); // shown as written
            ++i;
            continue;
        }
        if (webVtt && c == QLatin1Char('&')) {
            out += decodeVttEntities(text, &i);
            continue;
        }
        out += escapeAssCharacter(c, i + 1 < size ? text.at(i + 1) : QChar());
        ++i;
    }
    return out;
}

QByteArray assTime(qint64 ms)
{
    ms = std::max<qint64>(0, ms);
    const qint64 centis = (ms + 5) / 10;
    const qint64 hours = centis / 360000;
    const qint64 minutes = centis / 6000 % 60;
    const qint64 seconds = centis / 100 % 60;
    return QStringLiteral("%1:%2:%3.%4")
        .arg(hours)
        .arg(minutes, 2, 10, QLatin1Char('0'))
        .arg(seconds, 2, 10, QLatin1Char('0'))
        .arg(centis % 100, 2, 10, QLatin1Char('0'))
        .toLatin1();
}

QByteArray assScriptFromCues(const QList<Cue> &cues, bool webVtt)
{
    QByteArray script = scriptHeader();
    for (const Cue &cue : cues) {
        script += "Dialogue: 0," + assTime(cue.startMs) + ',' + assTime(cue.endMs)
            + ",Default,,0,0,0,," + cueTextToAss(cue.text, webVtt).toUtf8() + '\n';
    }
    return script;
}

QByteArray assScriptFromChunks(const QByteArray &header, const QList<AssChunk> &chunks,
                               int *skipped)
{
    QByteArray script = header;
    if (!script.endsWith('\n'))
        script += '\n';
    if (!script.contains("[Events]")) {
        const bool ssa = !script.contains("v4.00+") && !script.contains("V4+ Styles");
        script += ssa ? "\n[Events]\nFormat: Marked, Start, End, Style, Name, MarginL, MarginR, "
                        "MarginV, Effect, Text\n"
                      : "\n[Events]\nFormat: Layer, Start, End, Style, Name, MarginL, MarginR, "
                        "MarginV, Effect, Text\n";
    }
    int bad = 0;
    for (const AssChunk &chunk : chunks) {
        // ReadOrder, Layer, Style, Name, MarginL, MarginR, MarginV, Effect, Text
        qsizetype pos = 0;
        int commas = 0;
        qsizetype firstComma = -1;
        while (commas < 8) {
            const qsizetype comma = chunk.data.indexOf(',', pos);
            if (comma < 0)
                break;
            if (commas == 0)
                firstComma = comma;
            ++commas;
            pos = comma + 1;
        }
        if (commas < 8 || chunk.durationMs <= 0) {
            ++bad;
            continue;
        }
        const QByteArray rest = chunk.data.mid(firstComma + 1);
        const qsizetype layerEnd = rest.indexOf(',');
        QByteArray text = rest.left(layerEnd) + ',' + assTime(chunk.startMs) + ','
            + assTime(chunk.startMs + chunk.durationMs) + rest.mid(layerEnd);
        text.replace('\n', "\\N");
        text.replace('\r', "");
        script += "Dialogue: " + text + '\n';
    }
    if (skipped)
        *skipped = bad;
    return script;
}

QStringList subtitleFileSuffixes()
{
    return {QStringLiteral("srt"), QStringLiteral("vtt"), QStringLiteral("ass"),
            QStringLiteral("ssa")};
}

bool isSubtitleFile(const QString &path)
{
    return subtitleFileSuffixes().contains(QFileInfo(path).suffix().toLower());
}

int countAssEvents(const QByteArray &script)
{
    ASS_Library *library = ass_library_init();
    if (!library)
        return -1;
    ass_set_message_cb(library, quietLibassMessage, nullptr);
    QByteArray copy = script;
    ASS_Track *track = ass_read_memory(library, copy.data(), size_t(copy.size()), nullptr);
    const int events = track ? track->n_events : -1;
    if (track)
        ass_free_track(track);
    ass_library_done(library);
    return events;
}

std::optional<SubtitleDocument> readSubtitleData(const QByteArray &bytes, const QString &suffix,
                                                 const QString &name, QString *error)
{
    const auto fail = [error](const QString &sentence) {
        if (error)
            *error = sentence;
        return std::nullopt;
    };
    const QString type = suffix.toLower();
    if (!subtitleFileSuffixes().contains(type)) {
        return fail(SubtitleText::tr("%1 is not a subtitle file Lockstep knows (.srt, .vtt, "
                                     ".ass or .ssa).")
                        .arg(name));
    }
    const bool utf16 = bytes.startsWith("\xFF\xFE") || bytes.startsWith("\xFE\xFF");
    if (bytes.trimmed().isEmpty())
        return fail(SubtitleText::tr("%1 is empty.").arg(name));
    if (!utf16 && looksBinary(bytes))
        return fail(SubtitleText::tr("%1 is not a text file, so it holds no subtitles Lockstep "
                                     "can read.")
                        .arg(name));
    bool legacy = false;
    const QString text = decodeSubtitleText(bytes, &legacy);

    SubtitleDocument document;
    int broken = 0;
    if (type == QLatin1String("ass") || type == QLatin1String("ssa")) {
        // libass reads a broken time as 0:00:00.00 and shows the line from
        // the start; such lines are left out here and counted instead.
        static const QRegularExpression time(
            QStringLiteral("^\\s*\\d{1,2}:\\d{1,2}:\\d{1,2}[.:]\\d{1,3}\\s*$"));
        QStringList kept;
        for (const QString &line : splitLines(text)) {
            if (line.trimmed().startsWith(QLatin1String("Dialogue:"), Qt::CaseInsensitive)) {
                const QStringList fields
                    = line.section(QLatin1Char(':'), 1).split(QLatin1Char(','));
                if (fields.size() < 10 || !time.match(fields.at(1)).hasMatch()
                    || !time.match(fields.at(2)).hasMatch()) {
                    ++broken;
                    continue;
                }
            }
            kept << line;
        }
        document.script = kept.join(QLatin1Char('\n')).toUtf8();
        document.events = std::max(0, countAssEvents(document.script));
    } else {
        const ParsedCues parsed
            = type == QLatin1String("vtt") ? parseWebVtt(text) : parseSubRip(text);
        broken = parsed.broken;
        // WebVTT text escapes "<" and "&"; SubRip has no such rule.
        document.script = assScriptFromCues(parsed.cues, type == QLatin1String("vtt"));
        document.events = int(parsed.cues.size());
    }
    if (document.events <= 0) {
        if (broken > 0)
            return fail(SubtitleText::tr("None of the subtitles in %1 has times Lockstep can "
                                         "read, so it was not loaded.")
                            .arg(name));
        return fail(SubtitleText::tr("%1 has no subtitles Lockstep can read.").arg(name));
    }
    if (legacy) {
        document.notes << SubtitleText::tr("%1 is not in UTF-8; it was read as Windows-1252 "
                                           "(Western European), so some letters may be wrong.")
                              .arg(name);
    }
    if (broken == 1) {
        document.notes
            << SubtitleText::tr("1 subtitle in %1 has broken times and was left out.").arg(name);
    } else if (broken > 1) {
        document.notes << SubtitleText::tr("%1 subtitles in %2 have broken times and were left "
                                           "out.")
                              .arg(broken)
                              .arg(name);
    }
    return document;
}

std::optional<SubtitleDocument> loadSubtitleFile(const QString &path, QString *error)
{
    const QFileInfo info(path);
    const QString name = info.fileName();
    const auto fail = [error](const QString &sentence) {
        if (error)
            *error = sentence;
        return std::nullopt;
    };
    if (!info.isFile())
        return fail(SubtitleText::tr("%1 does not exist or is not a file.").arg(path));
    if (info.size() > kMaxFileBytes)
        return fail(SubtitleText::tr("%1 is too large to be a subtitle file.").arg(name));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(SubtitleText::tr("Cannot read %1: %2").arg(name, file.errorString()));
    const QByteArray bytes = file.readAll();
    return readSubtitleData(bytes, info.suffix(), name, error);
}

} // namespace lockstep::subtitles
