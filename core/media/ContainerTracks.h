#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <atomic>
#include <optional>

namespace lockstep::media {

// What a media file says about its tracks, read from the container itself:
// Qt's players report tracks by position, and some backends leave out the
// language. Matroska/WebM and MP4/MOV are read; other containers return
// nothing (with an error sentence), and callers fall back to "Track N".
enum class TrackType { Video, Audio, Subtitle, Other };

struct TrackInfo {
    TrackType type = TrackType::Other;
    // The container's own number (Matroska TrackNumber, MP4 track_ID).
    quint64 number = 0;
    // Position among the file's tracks of the same type, from 0: the order in
    // which QMediaPlayer lists them.
    int indexInType = 0;
    // As tagged: an ISO 639-2 code ("eng", "ger", "deu") or a BCP 47 tag
    // ("pt-BR"). Empty when untagged or "und".
    QString language;
    QString title;
    bool isDefault = false;
    bool isForced = false;
    // "S_TEXT/UTF8", "S_TEXT/ASS", "A_AAC", "tx3g", "wvtt", "mp4a", ...
    QByteArray codec;
    // Codec set-up data as stored; for ASS/SSA tracks, the script header.
    QByteArray codecPrivate;

    bool isTextSubtitle() const;
};

// One timed sample of an embedded subtitle track.
struct SubtitleSample {
    qint64 startMs = 0;
    qint64 durationMs = 0;
    // Matroska: the block as stored (for S_TEXT/ASS|SSA the event line
    // "ReadOrder,Layer,Style,Name,MarginL,MarginR,MarginV,Effect,Text", else
    // UTF-8 text). MP4 tx3g and wvtt: the UTF-8 text of the cue.
    QByteArray data;
};

// Reads the track list. Reads only the file's header area (and, for MP4 with
// the index at the end, that index). Returns nullopt with a sentence in
// `error` when the file cannot be read or is not a container read here.
std::optional<QList<TrackInfo>> readContainerTracks(const QString &path, QString *error = nullptr);

// Reads every sample of the text subtitle track `trackNumber` (a
// TrackInfo::number), in file order. Skips the other tracks' data without
// reading it. Stops early, returning nullopt, once `cancel` becomes true. A
// file cut short yields the samples before the cut.
std::optional<QList<SubtitleSample>> readSubtitleSamples(const QString &path, quint64 trackNumber,
                                                         const std::atomic_bool *cancel = nullptr,
                                                         QString *error = nullptr);

// The name of the language `code` (ISO 639-1/2/3 or BCP 47) in the user's
// language, e.g. "German" or "Deutsch". Empty when the code is empty,
// undetermined ("und", "mul", "zxx") or unknown.
QString languageName(const QString &code);

} // namespace lockstep::media
