#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace lockstep::subtitles {

// One subtitle of a SubRip or WebVTT file, or of a plain-text track inside a
// container: when it shows, for how long, and its text with the file's line
// breaks and markup as written.
struct Cue {
    qint64 startMs = 0;
    qint64 endMs = 0;
    QString text;
};

// What a text parser found: the cues it could read and how many it had to
// leave out because their times could not be read (or end before they start).
struct ParsedCues {
    QList<Cue> cues;
    int broken = 0;
};

// A subtitle file or track turned into one complete ASS script, which libass
// draws whatever the source was (SubRip, WebVTT, ASS/SSA, text in a container).
struct SubtitleDocument {
    QByteArray script; // UTF-8 ASS script: [Script Info], styles, [Events]
    int events = 0; // the subtitles in it
    QStringList notes; // sentences about what could not be read as written
};

// The text of a subtitle file: UTF-8 (with or without BOM), UTF-16 with BOM,
// else Windows-1252, the usual 8-bit encoding of older subtitle files, in
// which case *legacy is set.
QString decodeSubtitleText(const QByteArray &bytes, bool *legacy = nullptr);

// Tolerant readers: CRLF or LF, missing blank lines and missing numbers are
// accepted; cues whose times cannot be read are counted in `broken` and left
// out; the rest is kept.
ParsedCues parseSubRip(const QString &text);
ParsedCues parseWebVtt(const QString &text);

// A cue's text as ASS event text: <i>, <b> and <u> become ASS styling,
// <font ...> is dropped, everything else (other tags, a lone "<3", braces and
// backslash sequences) shows literally. Line breaks become \N.
QString cueTextToAss(const QString &text, bool webVtt = false);

// A complete ASS script showing `cues` in Lockstep's default subtitle style.
QByteArray assScriptFromCues(const QList<Cue> &cues, bool webVtt = false);

// An embedded ASS/SSA track (its codec private header and the Matroska
// blocks "ReadOrder,Layer,Style,Name,MarginL,MarginR,MarginV,Effect,Text")
// as a complete script.
struct AssChunk {
    qint64 startMs = 0;
    qint64 durationMs = 0;
    QByteArray data;
};
QByteArray assScriptFromChunks(const QByteArray &header, const QList<AssChunk> &chunks,
                               int *skipped = nullptr);

// Formats ASS time, H:MM:SS.cc.
QByteArray assTime(qint64 ms);

// The extensions Lockstep loads as subtitle files (lower case, no dot).
QStringList subtitleFileSuffixes();
bool isSubtitleFile(const QString &path);

// Reads a .srt, .vtt, .ass or .ssa file. On success the document holds at
// least one subtitle; notes say what was left out or guessed (broken times,
// the legacy encoding). On failure `error` holds a sentence and nothing is
// returned.
std::optional<SubtitleDocument> loadSubtitleFile(const QString &path, QString *error);

// The same for text already in memory; `name` is what sentences call it.
std::optional<SubtitleDocument> readSubtitleData(const QByteArray &bytes, const QString &suffix,
                                                 const QString &name, QString *error);

// Counts the Dialogue events libass accepted from `script` (it drops the
// ones it cannot read); -1 when libass refuses the script.
int countAssEvents(const QByteArray &script);

class SubtitleText
{
    Q_DECLARE_TR_FUNCTIONS(lockstep::subtitles::SubtitleText)
};

} // namespace lockstep::subtitles
