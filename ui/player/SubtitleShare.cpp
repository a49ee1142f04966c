#include "SubtitleShare.h"

#include "protocol/Limits.h"
#include "subtitles/SubtitleDocument.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

namespace lockstep::ui {

using namespace lockstep::room;

namespace {

class SubtitleShareText
{
    Q_DECLARE_TR_FUNCTIONS(SubtitleShare)
};

QByteArray subRipTime(qint64 ms)
{
    ms = std::max<qint64>(0, ms);
    return QStringLiteral("%1:%2:%3,%4")
        .arg(ms / 3600000, 2, 10, QLatin1Char('0'))
        .arg(ms / 60000 % 60, 2, 10, QLatin1Char('0'))
        .arg(ms / 1000 % 60, 2, 10, QLatin1Char('0'))
        .arg(ms % 1000, 3, 10, QLatin1Char('0'))
        .toLatin1();
}

bool isAssCodec(const QByteArray &codec)
{
    return codec == "S_TEXT/ASS" || codec == "S_TEXT/SSA";
}

QString cleanTitle(const QString &title)
{
    QString clean;
    for (const QChar c : title)
        clean += c.category() == QChar::Other_Control ? QChar(u' ') : c;
    clean = clean.simplified();
    const QList<uint> characters = clean.toUcs4();
    if (characters.size() > protocol::limits::kMaxSubtitleTitleLength)
        clean = QString::fromUcs4(reinterpret_cast<const char32_t *>(characters.constData()),
                                  protocol::limits::kMaxSubtitleTitleLength);
    return clean;
}

// A code the protocol takes (ISO 639 / BCP 47), else empty.
QString cleanLanguage(const QString &language)
{
    static const QRegularExpression tag(QStringLiteral("^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$"));
    const QString code = language.trimmed();
    if (code.size() > protocol::limits::kMaxSubtitleLanguageLength || !tag.match(code).hasMatch()
        || code.compare(QLatin1String("und"), Qt::CaseInsensitive) == 0)
        return {};
    return code;
}

} // namespace

QByteArray subRipFromSamples(const QList<media::SubtitleSample> &samples)
{
    QByteArray out;
    int number = 0;
    for (const media::SubtitleSample &sample : samples) {
        QByteArray text = sample.data.trimmed();
        text.replace("\r\n", "\n");
        // A blank line would end the cue early.
        while (text.contains("\n\n"))
            text.replace("\n\n", "\n");
        if (text.isEmpty() || sample.durationMs <= 0)
            continue;
        out += QByteArray::number(++number) + '\n' + subRipTime(sample.startMs) + " --> "
            + subRipTime(sample.startMs + sample.durationMs) + '\n' + text + "\n\n";
    }
    return out;
}

QString languageFromFileName(const QString &videoPath, const QString &subtitlePath)
{
    const QString base = QFileInfo(videoPath).completeBaseName();
    const QString name = QFileInfo(subtitlePath).completeBaseName();
    QString rest;
    if (!base.isEmpty() && name.startsWith(base + QLatin1Char('.')))
        rest = name.mid(base.size() + 1);
    else
        rest = name.section(QLatin1Char('.'), -1); // "Something.en"
    for (const QString &part : rest.split(QLatin1Char('.'))) {
        const QString code = cleanLanguage(part);
        // Two or three letters, or a tag with a region: not "forced", and not
        // "sdh" (for the deaf and hard of hearing, though also a language code).
        if (!code.isEmpty() && (code.size() <= 3 || code.contains(QLatin1Char('-')))
            && code.compare(QLatin1String("sdh"), Qt::CaseInsensitive) != 0
            && !media::languageName(code).isEmpty())
            return code;
    }
    return {};
}

std::variant<RoomSession::SubtitleOffer, QString>
prepareSubtitleShare(const SubtitleSource &source, const std::atomic_bool *cancel)
{
    constexpr qint64 kMaxBytes = protocol::limits::kMaxSubtitleBytes;
    RoomSession::SubtitleOffer offer;
    offer.track.language = cleanLanguage(source.language);
    offer.track.title = cleanTitle(source.title);
    if (!source.path.isEmpty()) {
        const QFileInfo info(source.path);
        const QString name = info.fileName();
        // A stable id: the same file keeps it across updates of the list.
        offer.track.id = QStringLiteral("file-")
            + QString::fromLatin1(QCryptographicHash::hash(info.absoluteFilePath().toUtf8(),
                                                           QCryptographicHash::Sha1)
                                      .toHex()
                                      .left(16));
        if (info.size() > kMaxBytes)
            return SubtitleShareText::tr("%1 is larger than 4 MiB, so it is not shared with the "
                                         "room.")
                .arg(name);
        QFile file(source.path);
        if (!file.open(QIODevice::ReadOnly))
            return SubtitleShareText::tr("%1 cannot be read, so it is not shared with the room: %2")
                .arg(name, file.errorString());
        const QByteArray bytes = file.read(kMaxBytes + 1);
        if (bytes.size() > kMaxBytes)
            return SubtitleShareText::tr("%1 is larger than 4 MiB, so it is not shared with the "
                                         "room.")
                .arg(name);
        QString error;
        const QString suffix = info.suffix().toLower();
        if (!subtitles::readSubtitleData(bytes, suffix, name, &error))
            return SubtitleShareText::tr("%1 It is not shared with the room.").arg(error);
        // Sent as UTF-8 whatever the file's own encoding.
        offer.text = subtitles::decodeSubtitleText(bytes).toUtf8();
        offer.track.format = suffix == QLatin1String("vtt") ? protocol::SubtitleFormat::Vtt
            : (suffix == QLatin1String("ass") || suffix == QLatin1String("ssa"))
            ? protocol::SubtitleFormat::Ass
            : protocol::SubtitleFormat::Srt;
        if (offer.track.title.isEmpty())
            offer.track.title = cleanTitle(info.completeBaseName());
    } else {
        offer.track.id = QStringLiteral("track-%1").arg(source.indexInType);
        QString error;
        const auto samples
            = media::readSubtitleSamples(source.mediaPath, source.trackNumber, cancel, &error);
        if (!samples)
            return SubtitleShareText::tr("The subtitle track %1 cannot be read, so it is not "
                                         "shared with the room: %2")
                .arg(source.title, error);
        if (isAssCodec(source.codec)) {
            QList<subtitles::AssChunk> chunks;
            chunks.reserve(samples->size());
            for (const media::SubtitleSample &sample : *samples)
                chunks.append({sample.startMs, sample.durationMs, sample.data});
            offer.text = subtitles::assScriptFromChunks(source.codecPrivate, chunks);
            offer.track.format = protocol::SubtitleFormat::Ass;
        } else {
            offer.text = subRipFromSamples(*samples);
            offer.track.format = protocol::SubtitleFormat::Srt;
        }
        if (offer.text.trimmed().isEmpty())
            return SubtitleShareText::tr("The subtitle track %1 holds no text, so it is not shared "
                                         "with the room.")
                .arg(source.title);
        if (offer.text.size() > kMaxBytes)
            return SubtitleShareText::tr("The subtitle track %1 is larger than 4 MiB, so it is not "
                                         "shared with the room.")
                .arg(source.title);
    }
    return offer;
}

} // namespace lockstep::ui
