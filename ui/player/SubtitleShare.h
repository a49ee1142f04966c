#pragma once

#include "media/ContainerTracks.h"
#include "room/RoomSession.h"

#include <QString>

#include <atomic>
#include <variant>

namespace lockstep::ui {

using namespace lockstep::room;

// One of the subtitles the host has for its film, as TracksBinding lists
// it: a file (loaded, or found beside the film) or an embedded text track.
struct SubtitleSource {
    QString path; // a subtitle file; empty for an embedded track
    QString mediaPath; // the film, for an embedded track
    quint64 trackNumber = 0;
    int indexInType = 0;
    QByteArray codec;
    QByteArray codecPrivate;
    QString language; // as tagged, or from the file's name
    QString title;

    bool operator==(const SubtitleSource &) const = default;
};

// What the host offers of `source` (docs/protocol.md, "Subtitles the host
// shares"): the whole text as UTF-8, ASS kept as ASS, everything else as
// SubRip (a WebVTT file stays WebVTT), under a stable id. A file that cannot
// be read as subtitles, or that is larger than the protocol allows (4 MiB),
// gives a sentence instead and is never sent. Reads files: for a worker thread.
std::variant<RoomSession::SubtitleOffer, QString>
prepareSubtitleShare(const SubtitleSource &source, const std::atomic_bool *cancel = nullptr);

// Embedded text samples as a SubRip file.
QByteArray subRipFromSamples(const QList<media::SubtitleSample> &samples);

// The language a subtitle file's name gives: "Film.en.srt" -> "en",
// "Film.pt-BR.forced.srt" -> "pt-BR"; empty when it says none.
QString languageFromFileName(const QString &videoPath, const QString &subtitlePath);

} // namespace lockstep::ui
