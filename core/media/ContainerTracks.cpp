#include "media/ContainerTracks.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QStringDecoder>

#include <algorithm>
#include <array>

namespace lockstep::media {

namespace {

// Nothing a track list or one subtitle needs is larger than these; a size
// beyond them is a broken or hostile file, not a reason to allocate.
constexpr qint64 kMaxStringBytes = 64 * 1024;
constexpr qint64 kMaxCodecPrivateBytes = 1024 * 1024;
constexpr qint64 kMaxSampleBytes = 256 * 1024;
constexpr qint64 kMaxMp4IndexBytes = 64 * 1024 * 1024;
constexpr int kMaxTracks = 1024;

void setError(QString *error, const QString &text)
{
    if (error)
        *error = text;
}

bool cancelled(const std::atomic_bool *cancel)
{
    return cancel && cancel->load(std::memory_order_relaxed);
}

QString cleanLanguage(const QByteArray &raw)
{
    const QString code = QString::fromLatin1(raw).trimmed();
    if (code.isEmpty() || code.compare(QLatin1String("und"), Qt::CaseInsensitive) == 0)
        return {};
    return code;
}

void numberByType(QList<TrackInfo> &tracks)
{
    std::array<int, 4> next {};
    for (TrackInfo &track : tracks)
        track.indexInType = next[static_cast<size_t>(track.type)]++;
}

// ---------------------------------------------------------------- Matroska

namespace ebml {

constexpr quint32 kEbmlHeader = 0x1A45DFA3;
constexpr quint32 kSegment = 0x18538067;
constexpr quint32 kSeekHead = 0x114D9B74;
constexpr quint32 kSeek = 0x4DBB;
constexpr quint32 kSeekId = 0x53AB;
constexpr quint32 kSeekPosition = 0x53AC;
constexpr quint32 kInfo = 0x1549A966;
constexpr quint32 kTimecodeScale = 0x2AD7B1;
constexpr quint32 kTracks = 0x1654AE6B;
constexpr quint32 kTrackEntry = 0xAE;
constexpr quint32 kTrackNumber = 0xD7;
constexpr quint32 kTrackType = 0x83;
constexpr quint32 kFlagDefault = 0x88;
constexpr quint32 kFlagForced = 0x55AA;
constexpr quint32 kLanguage = 0x22B59C;
constexpr quint32 kLanguageBcp47 = 0x22B59D;
constexpr quint32 kName = 0x536E;
constexpr quint32 kCodecId = 0x86;
constexpr quint32 kCodecPrivate = 0x63A2;
constexpr quint32 kCluster = 0x1F43B675;
constexpr quint32 kTimecode = 0xE7;
constexpr quint32 kSimpleBlock = 0xA3;
constexpr quint32 kBlockGroup = 0xA0;
constexpr quint32 kBlock = 0xA1;
constexpr quint32 kBlockDuration = 0x9B;
constexpr quint32 kCues = 0x1C53BB6B;
constexpr quint32 kTags = 0x1254C367;
constexpr quint32 kChapters = 0x1043A770;
constexpr quint32 kAttachments = 0x1941A469;

bool isTopLevel(quint32 id)
{
    return id == kSeekHead || id == kInfo || id == kTracks || id == kCluster || id == kCues
        || id == kTags || id == kChapters || id == kAttachments;
}

struct Element {
    quint32 id = 0;
    qint64 start = 0; // where the header begins
    qint64 dataStart = 0; // where the content begins
    qint64 end = 0; // one past the content; the parent's end when the size is unknown
    bool unknownSize = false;
};

class Reader
{
public:
    explicit Reader(QFile &file) : m_file(file), m_size(file.size()) { }

    qint64 fileSize() const { return m_size; }
    qint64 pos() const { return m_file.pos(); }
    bool seek(qint64 position)
    {
        return position >= 0 && position <= m_size && m_file.seek(position);
    }

    // Reads the header of the element at the current position, which must end
    // by `limit`. False at the limit, at the end of the file or on a header
    // that does not make sense.
    bool next(qint64 limit, Element &element)
    {
        element.start = pos();
        if (element.start >= limit)
            return false;
        quint64 id = 0;
        int idLength = 0;
        if (!readVint(id, idLength, true) || idLength > 4)
            return false;
        quint64 size = 0;
        int sizeLength = 0;
        if (!readVint(size, sizeLength, false))
            return false;
        element.id = static_cast<quint32>(id);
        element.dataStart = pos();
        const quint64 unknown = (quint64(1) << (7 * sizeLength)) - 1;
        element.unknownSize = size == unknown;
        if (element.unknownSize) {
            element.end = limit;
        } else {
            if (size > quint64(limit - element.dataStart)) {
                // Cut short (a partly downloaded or truncated file): keep what is there.
                element.end = limit;
            } else {
                element.end = element.dataStart + static_cast<qint64>(size);
            }
        }
        return element.dataStart <= limit;
    }

    bool skip(const Element &element) { return seek(element.end); }

    QByteArray bytes(const Element &element, qint64 maximum)
    {
        const qint64 length = element.end - element.dataStart;
        if (length < 0 || length > maximum || !seek(element.dataStart))
            return {};
        return m_file.read(length);
    }

    quint64 unsignedValue(const Element &element)
    {
        const QByteArray data = bytes(element, 8);
        quint64 value = 0;
        for (const char byte : data)
            value = (value << 8) | static_cast<quint8>(byte);
        return value;
    }

    QByteArray string(const Element &element)
    {
        QByteArray data = bytes(element, kMaxStringBytes);
        const qsizetype nul = data.indexOf('\0');
        if (nul >= 0)
            data.truncate(nul);
        return data;
    }

    // An EBML variable-length integer: the leading zeros of the first byte
    // say how many bytes follow. IDs keep their marker bit, sizes do not.
    bool readVint(quint64 &value, int &length, bool keepMarker)
    {
        char first = 0;
        if (!m_file.getChar(&first))
            return false;
        const auto byte = static_cast<quint8>(first);
        if (byte == 0)
            return false;
        length = 1;
        quint8 mask = 0x80;
        while (!(byte & mask)) {
            mask >>= 1;
            ++length;
        }
        value = keepMarker ? byte : (byte & (mask - 1));
        for (int i = 1; i < length; ++i) {
            char c = 0;
            if (!m_file.getChar(&c))
                return false;
            value = (value << 8) | static_cast<quint8>(c);
        }
        return true;
    }

private:
    QFile &m_file;
    qint64 m_size;
};

struct Segment {
    qint64 dataStart = 0;
    qint64 end = 0;
    quint64 timecodeScale = 1000000; // nanoseconds per tick
    qint64 tracksPosition = -1; // from the seek head, absolute
};

bool openSegment(Reader &reader, Segment &segment, QString *error)
{
    Element element;
    if (!reader.next(reader.fileSize(), element) || element.id != kEbmlHeader) {
        setError(error,
                 QCoreApplication::translate("ContainerTracks",
                                             "The file is not a Matroska or WebM file."));
        return false;
    }
    reader.skip(element);
    while (reader.next(reader.fileSize(), element)) {
        if (element.id == kSegment) {
            segment.dataStart = element.dataStart;
            segment.end = element.end;
            return true;
        }
        if (element.unknownSize || !reader.skip(element))
            break;
    }
    setError(error,
             QCoreApplication::translate("ContainerTracks", "The Matroska file has no segment."));
    return false;
}

void readSeekHead(Reader &reader, const Element &head, Segment &segment)
{
    Element seek;
    reader.seek(head.dataStart);
    while (reader.next(head.end, seek)) {
        if (seek.id == kSeek) {
            QByteArray id;
            qint64 position = -1;
            Element field;
            while (reader.next(seek.end, field)) {
                if (field.id == kSeekId)
                    id = reader.bytes(field, 4);
                else if (field.id == kSeekPosition)
                    position = static_cast<qint64>(reader.unsignedValue(field));
                reader.skip(field);
            }
            if (id == QByteArray::fromHex("1654AE6B") && position >= 0)
                segment.tracksPosition = segment.dataStart + position;
        }
        if (!reader.skip(seek))
            break;
    }
}

void readInfo(Reader &reader, const Element &info, Segment &segment)
{
    Element field;
    reader.seek(info.dataStart);
    while (reader.next(info.end, field)) {
        if (field.id == kTimecodeScale) {
            const quint64 scale = reader.unsignedValue(field);
            if (scale > 0)
                segment.timecodeScale = scale;
        }
        if (!reader.skip(field))
            break;
    }
}

TrackType trackType(quint64 value)
{
    switch (value) {
    case 1:
        return TrackType::Video;
    case 2:
        return TrackType::Audio;
    case 17:
        return TrackType::Subtitle;
    default:
        return TrackType::Other;
    }
}

QList<TrackInfo> readTracks(Reader &reader, const Element &tracks)
{
    QList<TrackInfo> result;
    Element entry;
    reader.seek(tracks.dataStart);
    while (result.size() < kMaxTracks && reader.next(tracks.end, entry)) {
        if (entry.id == kTrackEntry) {
            TrackInfo track;
            // Matroska's defaults when an element is absent.
            track.isDefault = true;
            QByteArray language = "eng";
            QByteArray bcp47;
            Element field;
            while (reader.next(entry.end, field)) {
                switch (field.id) {
                case kTrackNumber:
                    track.number = reader.unsignedValue(field);
                    break;
                case kTrackType:
                    track.type = trackType(reader.unsignedValue(field));
                    break;
                case kFlagDefault:
                    track.isDefault = reader.unsignedValue(field) != 0;
                    break;
                case kFlagForced:
                    track.isForced = reader.unsignedValue(field) != 0;
                    break;
                case kLanguage:
                    language = reader.string(field);
                    break;
                case kLanguageBcp47:
                    bcp47 = reader.string(field);
                    break;
                case kName:
                    track.title = QString::fromUtf8(reader.string(field)).trimmed();
                    break;
                case kCodecId:
                    track.codec = reader.string(field);
                    break;
                case kCodecPrivate:
                    track.codecPrivate = reader.bytes(field, kMaxCodecPrivateBytes);
                    break;
                default:
                    break;
                }
                if (!reader.skip(field))
                    break;
            }
            track.language = cleanLanguage(bcp47.isEmpty() ? language : bcp47);
            if (track.number != 0)
                result.append(track);
        }
        if (!reader.skip(entry))
            break;
    }
    numberByType(result);
    return result;
}

std::optional<QList<TrackInfo>> matroskaTracks(QFile &file, QString *error)
{
    Reader reader(file);
    Segment segment;
    if (!openSegment(reader, segment, error))
        return std::nullopt;
    Element element;
    reader.seek(segment.dataStart);
    while (reader.next(segment.end, element)) {
        if (element.id == kTracks)
            return readTracks(reader, element);
        if (element.id == kSeekHead)
            readSeekHead(reader, element, segment);
        if (element.id == kCluster || element.unknownSize) {
            // The media data begins: the track list, if any, is where the
            // seek head says.
            Element tracks;
            if (segment.tracksPosition >= 0 && reader.seek(segment.tracksPosition)
                && reader.next(segment.end, tracks) && tracks.id == kTracks)
                return readTracks(reader, tracks);
            break;
        }
        if (!reader.skip(element))
            break;
    }
    setError(
        error,
        QCoreApplication::translate("ContainerTracks", "The Matroska file has no track list."));
    return std::nullopt;
}

struct BlockTarget {
    quint64 track = 0;
    qint64 clusterTicks = 0;
    const Segment *segment = nullptr;
};

qint64 ticksToMs(qint64 ticks, const Segment &segment)
{
    return static_cast<qint64>(static_cast<double>(ticks)
                               * static_cast<double>(segment.timecodeScale) / 1e6);
}

// Reads a Block or SimpleBlock's header; appends a sample when it belongs to
// the track. `durationTicks` < 0 when unknown.
void readBlock(Reader &reader, const Element &block, const BlockTarget &target,
               qint64 durationTicks, QList<SubtitleSample> &samples)
{
    reader.seek(block.dataStart);
    quint64 track = 0;
    int length = 0;
    if (!reader.readVint(track, length, false) || track != target.track)
        return;
    const QByteArray header
        = reader.bytes(Element {0, 0, reader.pos(), reader.pos() + 3, false}, 3);
    if (header.size() != 3)
        return;
    const auto relative = static_cast<qint16>((static_cast<quint8>(header[0]) << 8)
                                              | static_cast<quint8>(header[1]));
    const int lacing = (static_cast<quint8>(header[2]) >> 1) & 3;
    if (lacing != 0)
        return; // text tracks are not laced; a laced block here is not text
    const Element payload {0, 0, block.dataStart + length + 3, block.end, false};
    SubtitleSample sample;
    sample.data = reader.bytes(payload, kMaxSampleBytes);
    if (payload.end - payload.dataStart > kMaxSampleBytes)
        return;
    sample.startMs = ticksToMs(target.clusterTicks + relative, *target.segment);
    sample.durationMs = durationTicks >= 0 ? ticksToMs(durationTicks, *target.segment) : -1;
    samples.append(sample);
}

void readCluster(Reader &reader, const Element &cluster, BlockTarget target,
                 QList<SubtitleSample> &samples)
{
    Element child;
    reader.seek(cluster.dataStart);
    while (reader.next(cluster.end, child)) {
        if (cluster.unknownSize && isTopLevel(child.id)) {
            reader.seek(child.start); // the next top-level element: this cluster ended
            return;
        }
        if (child.id == kTimecode) {
            target.clusterTicks = static_cast<qint64>(reader.unsignedValue(child));
        } else if (child.id == kSimpleBlock) {
            readBlock(reader, child, target, -1, samples);
        } else if (child.id == kBlockGroup) {
            Element field;
            Element block;
            qint64 duration = -1;
            reader.seek(child.dataStart);
            while (reader.next(child.end, field)) {
                if (field.id == kBlock)
                    block = field;
                else if (field.id == kBlockDuration)
                    duration = static_cast<qint64>(reader.unsignedValue(field));
                if (!reader.skip(field))
                    break;
            }
            if (block.id == kBlock)
                readBlock(reader, block, target, duration, samples);
        }
        if (child.unknownSize || !reader.skip(child))
            return;
    }
}

std::optional<QList<SubtitleSample>> matroskaSamples(QFile &file, quint64 trackNumber,
                                                     const std::atomic_bool *cancel, QString *error)
{
    Reader reader(file);
    Segment segment;
    if (!openSegment(reader, segment, error))
        return std::nullopt;
    QList<SubtitleSample> samples;
    BlockTarget target {trackNumber, 0, &segment};
    Element element;
    reader.seek(segment.dataStart);
    while (reader.next(segment.end, element)) {
        if (cancelled(cancel))
            return std::nullopt;
        if (element.id == kInfo)
            readInfo(reader, element, segment);
        if (element.id == kCluster) {
            readCluster(reader, element, target, samples);
            if (element.unknownSize)
                continue; // readCluster left the position at the next element
        } else if (element.unknownSize) {
            break;
        }
        if (!reader.skip(element))
            break;
    }
    // A block without a duration lasts until the next one, at most 5 s.
    for (qsizetype i = 0; i < samples.size(); ++i) {
        if (samples[i].durationMs >= 0)
            continue;
        const qint64 untilNext
            = i + 1 < samples.size() ? samples[i + 1].startMs - samples[i].startMs : 5000;
        samples[i].durationMs = std::clamp<qint64>(untilNext, 0, 5000);
    }
    return samples;
}

} // namespace ebml

// ---------------------------------------------------------------- MP4

namespace mp4 {

struct Box {
    QByteArray type;
    qint64 start = 0;
    qint64 dataStart = 0;
    qint64 end = 0;
};

class Reader
{
public:
    explicit Reader(QFile &file) : m_file(file), m_size(file.size()) { }

    bool next(qint64 position, qint64 limit, Box &box)
    {
        if (position + 8 > limit || !m_file.seek(position))
            return false;
        const QByteArray header = m_file.read(8);
        if (header.size() != 8)
            return false;
        quint64 size = be(header.constData(), 4);
        box.type = header.mid(4, 4);
        box.start = position;
        box.dataStart = position + 8;
        if (size == 1) {
            const QByteArray large = m_file.read(8);
            if (large.size() != 8)
                return false;
            size = be(large.constData(), 8);
            box.dataStart += 8;
        } else if (size == 0) {
            size = static_cast<quint64>(limit - position);
        }
        if (size < static_cast<quint64>(box.dataStart - position))
            return false;
        box.end = size > static_cast<quint64>(limit - position)
            ? limit
            : position + static_cast<qint64>(size);
        return true;
    }

    QByteArray data(const Box &box, qint64 maximum)
    {
        const qint64 length = box.end - box.dataStart;
        if (length < 0 || length > maximum || !m_file.seek(box.dataStart))
            return {};
        return m_file.read(length);
    }

    QByteArray read(qint64 position, qint64 length)
    {
        if (position < 0 || length < 0 || position + length > m_size || !m_file.seek(position))
            return {};
        return m_file.read(length);
    }

    qint64 size() const { return m_size; }

    static quint64 be(const char *data, int bytes)
    {
        quint64 value = 0;
        for (int i = 0; i < bytes; ++i)
            value = (value << 8) | static_cast<quint8>(data[i]);
        return value;
    }

private:
    QFile &m_file;
    qint64 m_size;
};

// A field reader over a box's bytes that never reads past them.
class Fields
{
public:
    explicit Fields(QByteArray data) : m_data(std::move(data)) { }
    bool has(qsizetype bytes) const { return m_at + bytes <= m_data.size(); }
    quint64 take(int bytes)
    {
        if (!has(bytes)) {
            m_at = m_data.size();
            m_ok = false;
            return 0;
        }
        const quint64 value = Reader::be(m_data.constData() + m_at, bytes);
        m_at += bytes;
        return value;
    }
    void skip(qsizetype bytes) { m_at = std::min(m_data.size(), m_at + bytes); }
    QByteArray rest() const { return m_data.mid(m_at); }
    bool ok() const { return m_ok; }

private:
    QByteArray m_data;
    qsizetype m_at = 0;
    bool m_ok = true;
};

struct Track {
    TrackInfo info;
    quint32 timescale = 0;
    QByteArray stts, stsz, stsc, stco, co64;
};

bool isContainer(const QByteArray &type)
{
    return type == "moov" || type == "trak" || type == "mdia" || type == "minf" || type == "stbl"
        || type == "udta" || type == "edts";
}

TrackType handlerType(const QByteArray &handler)
{
    if (handler == "vide")
        return TrackType::Video;
    if (handler == "soun")
        return TrackType::Audio;
    if (handler == "sbtl" || handler == "text" || handler == "subt" || handler == "clcp")
        return TrackType::Subtitle;
    return TrackType::Other;
}

// Handler names that tools write by default say nothing about the track.
bool isGenericHandlerName(const QString &name)
{
    return name.isEmpty() || name.endsWith(QLatin1String("Handler"))
        || name.startsWith(QLatin1String("Core Media")) || name.contains(QLatin1String("ISO Media"))
        || name.startsWith(QLatin1String("GPAC")) || name.startsWith(QLatin1String("Mainconcept"))
        || name == QLatin1String("L-SMASH Video Handler");
}

QString packedLanguage(quint64 packed)
{
    QString code;
    for (int shift = 10; shift >= 0; shift -= 5) {
        const int letter = static_cast<int>((packed >> shift) & 0x1F);
        if (letter == 0)
            return {};
        code += QChar(letter + 0x60);
    }
    return code == QLatin1String("und") ? QString() : code;
}

void walk(Reader &reader, const Box &parent, Track &track)
{
    Box box;
    qint64 position = parent.dataStart;
    while (reader.next(position, parent.end, box)) {
        position = box.end;
        if (isContainer(box.type)) {
            walk(reader, box, track);
        } else if (box.type == "tkhd") {
            Fields f(reader.data(box, 256));
            const int version = static_cast<int>(f.take(1));
            const quint64 flags = f.take(3);
            f.skip(version == 1 ? 16 : 8);
            track.info.number = f.take(4);
            track.info.isDefault = (flags & 1) != 0;
        } else if (box.type == "mdhd") {
            Fields f(reader.data(box, 256));
            const int version = static_cast<int>(f.take(1));
            f.skip(3 + (version == 1 ? 16 : 8));
            track.timescale = static_cast<quint32>(f.take(4));
            f.skip(version == 1 ? 8 : 4);
            const QString language = packedLanguage(f.take(2));
            if (track.info.language.isEmpty())
                track.info.language = language;
        } else if (box.type == "elng") {
            // The extended language tag wins over mdhd's three letters.
            Fields f(reader.data(box, kMaxStringBytes));
            f.skip(4);
            QByteArray tag = f.rest();
            tag.truncate(tag.indexOf('\0') >= 0 ? tag.indexOf('\0') : tag.size());
            if (const QString language = cleanLanguage(tag); !language.isEmpty())
                track.info.language = language;
        } else if (box.type == "hdlr") {
            // version and flags, pre_defined, handler_type, reserved[3], name
            const QByteArray data = reader.data(box, kMaxStringBytes);
            QByteArray name = data.mid(24);
            name.truncate(name.indexOf('\0') >= 0 ? name.indexOf('\0') : name.size());
            // A handler inside minf (a data handler) does not say what the track is.
            if (track.info.type == TrackType::Other)
                track.info.type = handlerType(data.mid(8, 4));
            const QString title = QString::fromUtf8(name).trimmed();
            if (track.info.title.isEmpty() && !isGenericHandlerName(title))
                track.info.title = title;
        } else if (box.type == "name" && parent.type == "udta") {
            track.info.title = QString::fromUtf8(reader.data(box, kMaxStringBytes)).trimmed();
        } else if (box.type == "stsd") {
            const QByteArray data = reader.data(box, kMaxCodecPrivateBytes);
            if (data.size() >= 16)
                track.info.codec = data.mid(12, 4);
        } else if (box.type == "stts") {
            track.stts = reader.data(box, kMaxMp4IndexBytes);
        } else if (box.type == "stsz") {
            track.stsz = reader.data(box, kMaxMp4IndexBytes);
        } else if (box.type == "stsc") {
            track.stsc = reader.data(box, kMaxMp4IndexBytes);
        } else if (box.type == "stco") {
            track.stco = reader.data(box, kMaxMp4IndexBytes);
        } else if (box.type == "co64") {
            track.co64 = reader.data(box, kMaxMp4IndexBytes);
        }
    }
}

std::optional<QList<Track>> readMoov(QFile &file, QString *error)
{
    Reader reader(file);
    Box box;
    qint64 position = 0;
    while (reader.next(position, reader.size(), box)) {
        if (box.type == "moov") {
            QList<Track> tracks;
            Box child;
            qint64 at = box.dataStart;
            while (tracks.size() < kMaxTracks && reader.next(at, box.end, child)) {
                at = child.end;
                if (child.type != "trak")
                    continue;
                Track track;
                walk(reader, child, track);
                tracks.append(track);
            }
            return tracks;
        }
        position = box.end;
    }
    setError(error,
             QCoreApplication::translate("ContainerTracks",
                                         "The MP4 file has no track list (it may be incomplete)."));
    return std::nullopt;
}

// Sample offsets and times from the sample tables.
QList<SubtitleSample> readTrackSamples(Reader &reader, const Track &track,
                                       const std::atomic_bool *cancel)
{
    QList<SubtitleSample> samples;
    if (track.timescale == 0)
        return samples;

    Fields sizes(track.stsz);
    sizes.skip(4);
    const quint64 constantSize = sizes.take(4);
    const quint64 count = sizes.take(4);
    constexpr quint64 kMaxSamples = 5'000'000;
    if (!sizes.ok() || count > kMaxSamples)
        return samples;

    QList<qint64> chunkOffsets;
    const bool wide = !track.co64.isEmpty();
    Fields chunks(wide ? track.co64 : track.stco);
    chunks.skip(4);
    const quint64 chunkCount = chunks.take(4);
    for (quint64 i = 0; i < chunkCount && chunks.has(wide ? 8 : 4); ++i)
        chunkOffsets.append(static_cast<qint64>(chunks.take(wide ? 8 : 4)));

    struct Run {
        quint64 firstChunk, samplesPerChunk;
    };
    QList<Run> runs;
    Fields stsc(track.stsc);
    stsc.skip(4);
    const quint64 runCount = stsc.take(4);
    for (quint64 i = 0; i < runCount && stsc.has(12); ++i) {
        const quint64 first = stsc.take(4);
        const quint64 perChunk = stsc.take(4);
        stsc.skip(4);
        runs.append({first, perChunk});
    }

    Fields times(track.stts);
    times.skip(4);
    quint64 timeRuns = times.take(4);
    quint64 runLeft = 0;
    quint64 delta = 0;
    quint64 time = 0;

    quint64 sample = 0;
    for (qsizetype chunk = 0; chunk < chunkOffsets.size() && sample < count; ++chunk) {
        quint64 perChunk = 0;
        for (const Run &run : runs) {
            if (run.firstChunk <= static_cast<quint64>(chunk + 1))
                perChunk = run.samplesPerChunk;
        }
        qint64 offset = chunkOffsets[chunk];
        for (quint64 i = 0; i < perChunk && sample < count; ++i, ++sample) {
            if (cancelled(cancel))
                return samples;
            const quint64 size = constantSize ? constantSize : sizes.take(4);
            while (runLeft == 0 && timeRuns > 0 && times.has(8)) {
                runLeft = times.take(4);
                delta = times.take(4);
                --timeRuns;
            }
            const quint64 start = time;
            time += delta;
            if (runLeft > 0)
                --runLeft;
            if (size > static_cast<quint64>(kMaxSampleBytes)) {
                offset += static_cast<qint64>(size);
                continue;
            }
            const QByteArray data = reader.read(offset, static_cast<qint64>(size));
            offset += static_cast<qint64>(size);
            if (data.size() != static_cast<qsizetype>(size))
                return samples; // the file ends here
            QByteArray text;
            if (track.info.codec == "tx3g" || track.info.codec == "text") {
                Fields f(data);
                const auto length = static_cast<qsizetype>(f.take(2));
                text = f.rest().left(length);
                if (text.startsWith("\xFE\xFF")) {
                    QStringDecoder utf16(QStringDecoder::Utf16BE);
                    text = QString(utf16(text.mid(2))).toUtf8();
                }
            } else if (track.info.codec == "wvtt") {
                // Cue boxes ('vttc') hold the text in a 'payl' box; 'vtte' is a gap.
                for (qsizetype at = 0; at + 8 <= data.size();) {
                    const qsizetype boxSize
                        = static_cast<qsizetype>(Reader::be(data.constData() + at, 4));
                    if (boxSize < 8 || at + boxSize > data.size())
                        break;
                    if (data.mid(at + 4, 4) == "vttc") {
                        for (qsizetype in = at + 8; in + 8 <= at + boxSize;) {
                            const qsizetype inner
                                = static_cast<qsizetype>(Reader::be(data.constData() + in, 4));
                            if (inner < 8 || in + inner > at + boxSize)
                                break;
                            if (data.mid(in + 4, 4) == "payl")
                                text += (text.isEmpty() ? QByteArray() : QByteArray("\n"))
                                    + data.mid(in + 8, inner - 8);
                            in += inner;
                        }
                    }
                    at += boxSize;
                }
            }
            if (text.trimmed().isEmpty())
                continue;
            SubtitleSample out;
            out.startMs = static_cast<qint64>(start * 1000 / track.timescale);
            out.durationMs = static_cast<qint64>(delta * 1000 / track.timescale);
            out.data = text;
            samples.append(out);
        }
    }
    return samples;
}

} // namespace mp4

enum class Format { Matroska, Mp4, Unknown };

Format sniff(QFile &file)
{
    const QByteArray head = file.peek(12);
    if (head.startsWith(QByteArray::fromHex("1A45DFA3")))
        return Format::Matroska;
    if (head.size() >= 8) {
        const QByteArray type = head.mid(4, 4);
        if (type == "ftyp" || type == "moov" || type == "mdat" || type == "free" || type == "wide"
            || type == "skip")
            return Format::Mp4;
    }
    return Format::Unknown;
}

bool openFile(QFile &file, QString *error)
{
    if (!file.open(QIODevice::ReadOnly)) {
        setError(error,
                 QCoreApplication::translate("ContainerTracks", "%1 cannot be read.")
                     .arg(QFileInfo(file.fileName()).fileName()));
        return false;
    }
    return true;
}

} // namespace

bool TrackInfo::isTextSubtitle() const
{
    if (type != TrackType::Subtitle)
        return false;
    return codec == "S_TEXT/UTF8" || codec == "S_TEXT/ASS" || codec == "S_TEXT/SSA"
        || codec == "S_TEXT/WEBVTT" || codec == "S_TEXT/ASCII" || codec == "tx3g" || codec == "text"
        || codec == "wvtt";
}

std::optional<QList<TrackInfo>> readContainerTracks(const QString &path, QString *error)
{
    QFile file(path);
    if (!openFile(file, error))
        return std::nullopt;
    switch (sniff(file)) {
    case Format::Matroska:
        return ebml::matroskaTracks(file, error);
    case Format::Mp4: {
        const auto tracks = mp4::readMoov(file, error);
        if (!tracks)
            return std::nullopt;
        QList<TrackInfo> result;
        for (const mp4::Track &track : *tracks)
            result.append(track.info);
        numberByType(result);
        return result;
    }
    case Format::Unknown:
        break;
    }
    setError(
        error,
        QCoreApplication::translate(
            "ContainerTracks", "Track names are read from Matroska, WebM and MP4 files only."));
    return std::nullopt;
}

std::optional<QList<SubtitleSample>> readSubtitleSamples(const QString &path, quint64 trackNumber,
                                                         const std::atomic_bool *cancel,
                                                         QString *error)
{
    QFile file(path);
    if (!openFile(file, error))
        return std::nullopt;
    std::optional<QList<SubtitleSample>> samples;
    switch (sniff(file)) {
    case Format::Matroska:
        samples = ebml::matroskaSamples(file, trackNumber, cancel, error);
        break;
    case Format::Mp4: {
        const auto tracks = mp4::readMoov(file, error);
        if (!tracks)
            return std::nullopt;
        const auto track = std::find_if(tracks->cbegin(), tracks->cend(), [&](const mp4::Track &t) {
            return t.info.number == trackNumber;
        });
        if (track == tracks->cend()) {
            setError(error,
                     QCoreApplication::translate("ContainerTracks", "The file has no track %1.")
                         .arg(trackNumber));
            return std::nullopt;
        }
        mp4::Reader reader(file);
        samples = mp4::readTrackSamples(reader, *track, cancel);
        break;
    }
    case Format::Unknown:
        setError(
            error,
            QCoreApplication::translate(
                "ContainerTracks", "Subtitles are read from Matroska, WebM and MP4 files only."));
        return std::nullopt;
    }
    if (cancelled(cancel))
        return std::nullopt;
    if (samples) {
        std::stable_sort(
            samples->begin(), samples->end(),
            [](const SubtitleSample &a, const SubtitleSample &b) { return a.startMs < b.startMs; });
    }
    return samples;
}

QString languageName(const QString &code)
{
    const QString tag = code.trimmed();
    if (tag.isEmpty())
        return {};
    const QString primary
        = tag.section(QLatin1Char('-'), 0, 0).section(QLatin1Char('_'), 0, 0).toLower();
    if (primary == QLatin1String("und") || primary == QLatin1String("mul")
        || primary == QLatin1String("zxx") || primary == QLatin1String("mis"))
        return {};
    const QLocale::Language language = QLocale::codeToLanguage(primary);
    if (language == QLocale::AnyLanguage || language == QLocale::C)
        return {};

    // The names people meet most in films, in the user's language; any other
    // language by its English name.
    static const struct {
        QLocale::Language language;
        const char *name;
    } names[] = {
        {QLocale::Arabic, QT_TRANSLATE_NOOP("Languages", "Arabic")},
        {QLocale::Basque, QT_TRANSLATE_NOOP("Languages", "Basque")},
        {QLocale::Bengali, QT_TRANSLATE_NOOP("Languages", "Bengali")},
        {QLocale::Bulgarian, QT_TRANSLATE_NOOP("Languages", "Bulgarian")},
        {QLocale::Catalan, QT_TRANSLATE_NOOP("Languages", "Catalan")},
        {QLocale::Chinese, QT_TRANSLATE_NOOP("Languages", "Chinese")},
        {QLocale::Croatian, QT_TRANSLATE_NOOP("Languages", "Croatian")},
        {QLocale::Czech, QT_TRANSLATE_NOOP("Languages", "Czech")},
        {QLocale::Danish, QT_TRANSLATE_NOOP("Languages", "Danish")},
        {QLocale::Dutch, QT_TRANSLATE_NOOP("Languages", "Dutch")},
        {QLocale::English, QT_TRANSLATE_NOOP("Languages", "English")},
        {QLocale::Estonian, QT_TRANSLATE_NOOP("Languages", "Estonian")},
        {QLocale::Filipino, QT_TRANSLATE_NOOP("Languages", "Filipino")},
        {QLocale::Finnish, QT_TRANSLATE_NOOP("Languages", "Finnish")},
        {QLocale::French, QT_TRANSLATE_NOOP("Languages", "French")},
        {QLocale::Galician, QT_TRANSLATE_NOOP("Languages", "Galician")},
        {QLocale::German, QT_TRANSLATE_NOOP("Languages", "German")},
        {QLocale::Greek, QT_TRANSLATE_NOOP("Languages", "Greek")},
        {QLocale::Hebrew, QT_TRANSLATE_NOOP("Languages", "Hebrew")},
        {QLocale::Hindi, QT_TRANSLATE_NOOP("Languages", "Hindi")},
        {QLocale::Hungarian, QT_TRANSLATE_NOOP("Languages", "Hungarian")},
        {QLocale::Icelandic, QT_TRANSLATE_NOOP("Languages", "Icelandic")},
        {QLocale::Indonesian, QT_TRANSLATE_NOOP("Languages", "Indonesian")},
        {QLocale::Irish, QT_TRANSLATE_NOOP("Languages", "Irish")},
        {QLocale::Italian, QT_TRANSLATE_NOOP("Languages", "Italian")},
        {QLocale::Japanese, QT_TRANSLATE_NOOP("Languages", "Japanese")},
        {QLocale::Korean, QT_TRANSLATE_NOOP("Languages", "Korean")},
        {QLocale::Latvian, QT_TRANSLATE_NOOP("Languages", "Latvian")},
        {QLocale::Lithuanian, QT_TRANSLATE_NOOP("Languages", "Lithuanian")},
        {QLocale::Malay, QT_TRANSLATE_NOOP("Languages", "Malay")},
        {QLocale::NorwegianBokmal, QT_TRANSLATE_NOOP("Languages", "Norwegian")},
        {QLocale::NorwegianNynorsk, QT_TRANSLATE_NOOP("Languages", "Norwegian Nynorsk")},
        {QLocale::Persian, QT_TRANSLATE_NOOP("Languages", "Persian")},
        {QLocale::Polish, QT_TRANSLATE_NOOP("Languages", "Polish")},
        {QLocale::Portuguese, QT_TRANSLATE_NOOP("Languages", "Portuguese")},
        {QLocale::Romanian, QT_TRANSLATE_NOOP("Languages", "Romanian")},
        {QLocale::Russian, QT_TRANSLATE_NOOP("Languages", "Russian")},
        {QLocale::Serbian, QT_TRANSLATE_NOOP("Languages", "Serbian")},
        {QLocale::Slovak, QT_TRANSLATE_NOOP("Languages", "Slovak")},
        {QLocale::Slovenian, QT_TRANSLATE_NOOP("Languages", "Slovenian")},
        {QLocale::Spanish, QT_TRANSLATE_NOOP("Languages", "Spanish")},
        {QLocale::Swedish, QT_TRANSLATE_NOOP("Languages", "Swedish")},
        {QLocale::Tamil, QT_TRANSLATE_NOOP("Languages", "Tamil")},
        {QLocale::Thai, QT_TRANSLATE_NOOP("Languages", "Thai")},
        {QLocale::Turkish, QT_TRANSLATE_NOOP("Languages", "Turkish")},
        {QLocale::Ukrainian, QT_TRANSLATE_NOOP("Languages", "Ukrainian")},
        {QLocale::Urdu, QT_TRANSLATE_NOOP("Languages", "Urdu")},
        {QLocale::Vietnamese, QT_TRANSLATE_NOOP("Languages", "Vietnamese")},
        {QLocale::Welsh, QT_TRANSLATE_NOOP("Languages", "Welsh")},
    };
    for (const auto &entry : names) {
        if (entry.language == language)
            return QCoreApplication::translate("Languages", entry.name);
    }
    return QLocale::languageToString(language);
}

} // namespace lockstep::media
