#include "Codec.h"

#include "RoomOptions.h"

#include <QSet>

#include <algorithm>
#include <cmath>
#include <limits>

namespace lockstep::protocol {

namespace {

using namespace std::string_view_literals;

// ---------------------------------------------------------------- names

constexpr std::array<std::string_view, std::variant_size_v<Message>> kTypeNames {
    "create_room",  "join_room",       "player_event",   "state_update",
    "room_state",   "client_joined",   "client_left",    "participants_update",
    "host_change",  "force_resync",    "ping",           "pong",
    "error",        "create_invite",   "invite_created", "media_change",
    "chat_message", "playlist_update", "ready_state",    "subtitles_update",
};

QString qs(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

std::string toStd(const QString &text)
{
    return text.toStdString();
}

// ---------------------------------------------------------------- pre-checks

bool isValidUtf8(QByteArrayView bytes)
{
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.data());
    const auto *end = p + bytes.size();
    while (p < end) {
        const unsigned char c = *p;
        if (c < 0x80) {
            ++p;
            continue;
        }
        int extra = 0;
        unsigned int cp = 0;
        if (c >= 0xC2 && c <= 0xDF) {
            extra = 1;
            cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            extra = 2;
            cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            extra = 3;
            cp = c & 0x07;
        } else {
            return false;
        }
        if (end - p <= extra)
            return false;
        for (int i = 1; i <= extra; ++i) {
            if ((p[i] & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (p[i] & 0x3F);
        }
        if ((extra == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF)))
            || (extra == 3 && (cp < 0x10000 || cp > 0x10FFFF)))
            return false;
        p += extra + 1;
    }
    return true;
}

// Nesting depth of arrays and objects, ignoring brackets inside strings. The
// parser is not given anything deeper than the limit.
int nestingDepth(QByteArrayView bytes, int limit)
{
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    for (const char c : bytes) {
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            if (++depth > limit)
                return depth;
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return depth;
}

// ---------------------------------------------------------------- field reader

// Reads typed fields from one JSON object and keeps the first failure.
class FieldReader
{
public:
    FieldReader(const Json &object, std::string_view context) : m_object(object), m_context(context)
    {
    }

    bool failed() const { return m_error.has_value(); }
    ProtocolError error() const { return m_error.value_or(ProtocolError {}); }

    void fail(const QString &message)
    {
        if (!m_error)
            m_error = ProtocolError {ErrorCode::BadRequest, message};
    }

    const Json *field(std::string_view key, bool required)
    {
        if (failed())
            return nullptr;
        const auto it = m_object.find(key);
        if (it == m_object.end() || it->is_null()) {
            if (required)
                fail(prefix() + QStringLiteral("the field '%1' is missing.").arg(qs(key)));
            return nullptr;
        }
        return &*it;
    }

    std::optional<QString> string(std::string_view key, bool required, int maxLength,
                                  int minLength = 0)
    {
        const Json *value = field(key, required);
        if (!value)
            return std::nullopt;
        if (!value->is_string()) {
            fail(prefix() + QStringLiteral("the field '%1' must be a string.").arg(qs(key)));
            return std::nullopt;
        }
        QString text = QString::fromStdString(value->get_ref<const std::string &>());
        if (text.size() > maxLength || text.size() < minLength) {
            fail(prefix()
                 + QStringLiteral("the field '%1' must be %2 to %3 characters long.")
                       .arg(qs(key))
                       .arg(minLength)
                       .arg(maxLength));
            return std::nullopt;
        }
        return text;
    }

    std::optional<double> number(std::string_view key, bool required, double min, double max)
    {
        const Json *value = field(key, required);
        if (!value)
            return std::nullopt;
        if (!value->is_number()) {
            fail(prefix() + QStringLiteral("the field '%1' must be a number.").arg(qs(key)));
            return std::nullopt;
        }
        const double number = value->get<double>();
        if (!std::isfinite(number) || number < min || number > max) {
            fail(prefix()
                 + QStringLiteral("the field '%1' must be a finite number from %2 to %3.")
                       .arg(qs(key))
                       .arg(min, 0, 'g', 12)
                       .arg(max, 0, 'g', 12));
            return std::nullopt;
        }
        return number;
    }

    std::optional<qint64> integer(std::string_view key, bool required, qint64 min, qint64 max)
    {
        const Json *value = field(key, required);
        if (!value)
            return std::nullopt;
        const bool whole = value->is_number_integer()
            || (value->is_number_float() && std::isfinite(value->get<double>())
                && std::floor(value->get<double>()) == value->get<double>()
                && std::abs(value->get<double>()) < 9.0e15);
        if (!whole) {
            fail(prefix() + QStringLiteral("the field '%1' must be a whole number.").arg(qs(key)));
            return std::nullopt;
        }
        qint64 number = 0;
        if (value->is_number_unsigned()) {
            const auto u = value->get<std::uint64_t>();
            number = u > std::uint64_t(max) ? max + (max < INT64_MAX ? 1 : 0) : qint64(u);
        } else if (value->is_number_integer()) {
            number = value->get<std::int64_t>();
        } else {
            number = qint64(value->get<double>());
        }
        if (number < min || number > max) {
            fail(prefix()
                 + QStringLiteral("the field '%1' must be from %2 to %3.")
                       .arg(qs(key))
                       .arg(min)
                       .arg(max));
            return std::nullopt;
        }
        return number;
    }

    std::optional<bool> boolean(std::string_view key, bool required)
    {
        const Json *value = field(key, required);
        if (!value)
            return std::nullopt;
        if (!value->is_boolean()) {
            fail(prefix() + QStringLiteral("the field '%1' must be true or false.").arg(qs(key)));
            return std::nullopt;
        }
        return value->get<bool>();
    }

    template<typename Enum>
    std::optional<Enum> enumeration(std::string_view key, bool required,
                                    std::optional<Enum> (*fromName)(std::string_view),
                                    const char *allowed)
    {
        const Json *value = field(key, required);
        if (!value)
            return std::nullopt;
        std::optional<Enum> parsed;
        if (value->is_string())
            parsed = fromName(value->get_ref<const std::string &>());
        if (!parsed) {
            fail(prefix()
                 + QStringLiteral("the field '%1' must be one of %2.")
                       .arg(qs(key), QString::fromUtf8(allowed)));
        }
        return parsed;
    }

    const Json *object(std::string_view key, bool required)
    {
        const Json *value = field(key, required);
        if (value && !value->is_object()) {
            fail(prefix() + QStringLiteral("the field '%1' must be an object.").arg(qs(key)));
            return nullptr;
        }
        return value;
    }

    const Json *array(std::string_view key, bool required)
    {
        const Json *value = field(key, required);
        if (value && !value->is_array()) {
            fail(prefix() + QStringLiteral("the field '%1' must be an array.").arg(qs(key)));
            return nullptr;
        }
        return value;
    }

    void adopt(const FieldReader &inner)
    {
        if (inner.failed() && !failed())
            m_error = inner.m_error;
    }

    QString prefix() const { return qs(m_context) + QStringLiteral(": "); }

private:
    const Json &m_object;
    std::string_view m_context;
    std::optional<ProtocolError> m_error;
};

// ---------------------------------------------------------------- shared parts

bool hasControlCharacters(const QString &text)
{
    for (const QChar c : text) {
        if (c.category() == QChar::Other_Control)
            return true;
    }
    return false;
}

std::optional<QString> displayName(FieldReader &reader, std::string_view key, bool required)
{
    auto raw = reader.string(key, required, limits::kMaxNameLength * 4);
    if (!raw)
        return std::nullopt;
    QString name = raw->trimmed();
    const auto length = name.toUcs4().size();
    if (length < 1 || length > limits::kMaxNameLength || hasControlCharacters(name)) {
        reader.fail(reader.prefix()
                    + QStringLiteral("the field '%1' must be 1 to %2 characters after trimming, "
                                     "without control characters.")
                          .arg(qs(key))
                          .arg(limits::kMaxNameLength));
        return std::nullopt;
    }
    return name;
}

std::optional<QList<SharedSubtitle>> readSubtitles(FieldReader &outer, const Json *array);
Json writeSubtitles(const QList<SharedSubtitle> &subtitles);

std::optional<MediaInfo> readMedia(FieldReader &outer, const Json *object, std::string_view context)
{
    if (!object)
        return std::nullopt;
    FieldReader reader(*object, context);
    MediaInfo media;
    media.name = reader.string("name", false, 1024).value_or(QString());
    media.size = reader.integer("size", false, 0, std::numeric_limits<qint64>::max());
    media.duration = reader.number("duration", false, 0.0, limits::kMaxPosition);
    media.stream = reader.boolean("stream", false).value_or(false);
    media.subtitles
        = readSubtitles(reader, reader.array("subtitles", false)).value_or(QList<SharedSubtitle>());
    outer.adopt(reader);
    if (reader.failed())
        return std::nullopt;
    return media;
}

// `subtitles`: room_state's media carries the list, [] included; elsewhere
// (create_room, media_change, playlist items) it is the server's to set.
Json writeMedia(const MediaInfo &media, bool withSubtitles = false)
{
    Json json = Json::object();
    json["name"] = toStd(media.name);
    if (media.size)
        json["size"] = *media.size;
    if (media.duration)
        json["duration"] = *media.duration;
    if (media.stream)
        json["stream"] = true;
    if (withSubtitles)
        json["subtitles"] = writeSubtitles(media.subtitles);
    return json;
}

bool isSubtitleIdCharacter(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9')
        || c == u'_' || c == u'-';
}

// An ISO 639 code or a BCP 47 tag: letters, then subtags of letters and
// digits after hyphens ("en", "pt-BR", "zh-Hant-TW", "es-419").
bool isLanguageTag(const QString &tag)
{
    const QStringList parts = tag.split(u'-');
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const QString &part = parts.at(i);
        if (part.isEmpty() || part.size() > 8 || (i == 0 && part.size() < 2))
            return false;
        for (const QChar c : part) {
            const bool letter = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
            const bool digit = c >= u'0' && c <= u'9';
            if (!letter && !(digit && i > 0))
                return false;
        }
    }
    return true;
}

std::optional<QList<SharedSubtitle>> readSubtitles(FieldReader &outer, const Json *array)
{
    if (!array)
        return std::nullopt;
    if (array->size() > std::size_t(limits::kMaxSharedSubtitles)) {
        outer.fail(outer.prefix()
                   + QStringLiteral("at most %1 subtitle tracks may be shared.")
                         .arg(limits::kMaxSharedSubtitles));
        return std::nullopt;
    }
    QList<SharedSubtitle> list;
    QSet<QString> ids;
    for (const Json &entry : *array) {
        if (!entry.is_object()) {
            outer.fail(outer.prefix() + QStringLiteral("each subtitle track must be an object."));
            return std::nullopt;
        }
        FieldReader reader(entry, "subtitles");
        SharedSubtitle track;
        track.id = reader.string("id", true, limits::kMaxIdLength, 1).value_or(QString());
        track.language = reader.string("language", true, limits::kMaxSubtitleLanguageLength)
                             .value_or(QString());
        // Counted in characters, not UTF-16 units.
        track.title
            = reader.string("title", true, limits::kMaxSubtitleTitleLength * 2).value_or(QString());
        track.format = reader
                           .enumeration<SubtitleFormat>("format", true, subtitleFormatFromName,
                                                        "\"srt\", \"vtt\", \"ass\"")
                           .value_or(SubtitleFormat::Srt);
        outer.adopt(reader);
        if (reader.failed())
            return std::nullopt;
        if (!std::all_of(track.id.cbegin(), track.id.cend(), isSubtitleIdCharacter)) {
            outer.fail(outer.prefix()
                       + QStringLiteral("a subtitle id is made of letters, digits, '_' and '-'."));
            return std::nullopt;
        }
        if (ids.contains(track.id)) {
            outer.fail(outer.prefix()
                       + QStringLiteral("the subtitle id '%1' is used twice.").arg(track.id));
            return std::nullopt;
        }
        if (!track.language.isEmpty() && !isLanguageTag(track.language)) {
            outer.fail(outer.prefix()
                       + QStringLiteral("'%1' is not a language code (for example \"en\" or "
                                        "\"pt-BR\"; \"\" when unknown).")
                             .arg(track.language));
            return std::nullopt;
        }
        if (track.title.toUcs4().size() > limits::kMaxSubtitleTitleLength
            || hasControlCharacters(track.title)) {
            outer.fail(outer.prefix()
                       + QStringLiteral("a subtitle title is at most %1 characters, without "
                                        "control characters.")
                             .arg(limits::kMaxSubtitleTitleLength));
            return std::nullopt;
        }
        ids.insert(track.id);
        list.append(std::move(track));
    }
    return list;
}

Json writeSubtitles(const QList<SharedSubtitle> &subtitles)
{
    Json list = Json::array();
    for (const SharedSubtitle &track : subtitles) {
        list.push_back({{"id", toStd(track.id)},
                        {"language", toStd(track.language)},
                        {"title", toStd(track.title)},
                        {"format", subtitleFormatName(track.format)}});
    }
    return list;
}

std::optional<QList<Participant>> readParticipants(FieldReader &outer, const Json *array)
{
    if (!array)
        return std::nullopt;
    if (array->size() > std::size_t(limits::kMaxParticipantsListed)) {
        outer.fail(outer.prefix() + QStringLiteral("too many participants."));
        return std::nullopt;
    }
    QList<Participant> list;
    list.reserve(qsizetype(array->size()));
    for (const Json &entry : *array) {
        if (!entry.is_object()) {
            outer.fail(outer.prefix() + QStringLiteral("each participant must be an object."));
            return std::nullopt;
        }
        FieldReader reader(entry, "participant");
        Participant p;
        p.clientId = reader.string("client_id", true, limits::kMaxIdLength, 1).value_or(QString());
        p.name = reader.string("name", false, limits::kMaxNameLength * 4).value_or(QString());
        p.isHost = reader.boolean("is_host", false).value_or(false);
        p.playState = reader.enumeration<PlayState>("play_state", false, playStateFromName,
                                                    "\"playing\", \"paused\", \"buffering\"");
        p.driftMs = reader.number("drift_ms", false, -1.0e9, 1.0e9);
        p.rttMs = reader.number("rtt_ms", false, 0.0, 1.0e9);
        p.ready = reader.boolean("ready", false).value_or(false);
        outer.adopt(reader);
        if (reader.failed())
            return std::nullopt;
        list.append(std::move(p));
    }
    return list;
}

Json writeParticipants(const QList<Participant> &participants)
{
    Json list = Json::array();
    for (const Participant &p : participants) {
        Json entry
            = {{"client_id", toStd(p.clientId)}, {"name", toStd(p.name)}, {"is_host", p.isHost}};
        if (p.playState)
            entry["play_state"] = playStateName(*p.playState);
        if (p.driftMs)
            entry["drift_ms"] = std::round(*p.driftMs * 10.0) / 10.0;
        if (p.rttMs)
            entry["rtt_ms"] = std::round(*p.rttMs * 10.0) / 10.0;
        entry["ready"] = p.ready;
        list.push_back(std::move(entry));
    }
    return list;
}

// A chat text: 1 to kMaxChatLength characters after trimming, no control
// characters but line breaks. Returned trimmed.
std::optional<QString> chatText(FieldReader &reader)
{
    auto raw = reader.string("text", true, limits::kMaxChatLength * 8);
    if (!raw)
        return std::nullopt;
    if (chatTextProblem(*raw) != ChatTextProblem::None) {
        reader.fail(reader.prefix()
                    + QStringLiteral("the field 'text' must be 1 to %1 characters after trimming, "
                                     "without control characters other than line breaks.")
                          .arg(limits::kMaxChatLength));
        return std::nullopt;
    }
    return raw->trimmed();
}

std::optional<QList<ChatEntry>> readChat(FieldReader &outer, const Json *array)
{
    if (!array)
        return std::nullopt;
    if (array->size() > std::size_t(limits::kChatHistory)) {
        outer.fail(outer.prefix() + QStringLiteral("too many chat messages."));
        return std::nullopt;
    }
    QList<ChatEntry> chat;
    for (const Json &entry : *array) {
        if (!entry.is_object()) {
            outer.fail(outer.prefix() + QStringLiteral("each chat message must be an object."));
            return std::nullopt;
        }
        FieldReader reader(entry, "chat");
        ChatEntry e;
        e.id = reader.integer("id", true, 0, std::numeric_limits<qint64>::max()).value_or(0);
        e.client = reader.string("client", false, limits::kMaxIdLength).value_or(QString());
        e.name = reader.string("name", false, limits::kMaxNameLength * 4).value_or(QString());
        e.text = chatText(reader).value_or(QString());
        e.serverTs = reader.number("server_ts", false, 0.0, limits::kMaxTimestamp).value_or(0.0);
        outer.adopt(reader);
        if (reader.failed())
            return std::nullopt;
        chat.append(std::move(e));
    }
    return chat;
}

Json writeChat(const QList<ChatEntry> &chat)
{
    Json list = Json::array();
    for (const ChatEntry &e : chat) {
        list.push_back({{"id", e.id},
                        {"client", toStd(e.client)},
                        {"name", toStd(e.name)},
                        {"text", toStd(e.text)},
                        {"server_ts", roundToMillis(e.serverTs)}});
    }
    return list;
}

// A playlist's items: at most kMaxPlaylistItems, ids 1-64 characters and
// unique, `current` an index into them or -1.
bool readPlaylist(FieldReader &r, QList<PlaylistItem> *items, int *current)
{
    const Json *array = r.array("items", true);
    if (!array)
        return false;
    if (array->size() > std::size_t(limits::kMaxPlaylistItems)) {
        r.fail(
            r.prefix()
            + QStringLiteral("a playlist holds at most %1 items.").arg(limits::kMaxPlaylistItems));
        return false;
    }
    QSet<QString> ids;
    for (const Json &entry : *array) {
        if (!entry.is_object()) {
            r.fail(r.prefix() + QStringLiteral("each playlist item must be an object."));
            return false;
        }
        FieldReader reader(entry, "playlist item");
        PlaylistItem item;
        item.id = reader.string("id", true, limits::kMaxIdLength, 1).value_or(QString());
        item.title = reader.string("title", false, limits::kMaxTitleLength).value_or(QString());
        item.mediaUrl
            = reader.string("media_url", false, limits::kMaxUrlLength).value_or(QString());
        item.media = readMedia(reader, reader.object("media", false), "media");
        r.adopt(reader);
        if (reader.failed())
            return false;
        if (ids.contains(item.id)) {
            r.fail(r.prefix()
                   + QStringLiteral("the playlist item id '%1' is used twice.").arg(item.id));
            return false;
        }
        ids.insert(item.id);
        items->append(std::move(item));
    }
    const auto index = r.integer("current", false, -1, limits::kMaxPlaylistItems - 1);
    if (r.failed())
        return false;
    *current = int(index.value_or(-1));
    if (*current >= items->size()) {
        r.fail(r.prefix() + QStringLiteral("'current' must be -1 or the index of an item."));
        return false;
    }
    return true;
}

Json writePlaylistItems(const QList<PlaylistItem> &items)
{
    Json list = Json::array();
    for (const PlaylistItem &item : items) {
        Json entry = {{"id", toStd(item.id)},
                      {"title", toStd(item.title)},
                      {"media_url", toStd(item.mediaUrl)}};
        if (item.media)
            entry["media"] = writeMedia(*item.media);
        list.push_back(std::move(entry));
    }
    return list;
}

std::optional<Json> readOptions(FieldReader &reader, const char *key)
{
    const Json *options = reader.object(key, false);
    if (reader.failed())
        return std::nullopt;
    if (!options)
        return Json::object();
    ProtocolError error;
    if (!RoomOptions::fromJson(*options, &error)) {
        reader.fail(reader.prefix() + error.message);
        return std::nullopt;
    }
    return *options;
}

constexpr auto kPlayStates = "\"playing\", \"paused\", \"buffering\"";

// ---------------------------------------------------------------- payloads

std::optional<Message> decodePayload(std::string_view type, const Json &payload, FieldReader &r)
{
    if (type == "create_room"sv) {
        CreateRoom m;
        m.mediaUrl = r.string("media_url", false, limits::kMaxUrlLength).value_or(QString());
        m.startPos = r.number("start_pos", false, 0.0, limits::kMaxPosition).value_or(0.0);
        m.hostId = r.string("host_id", false, limits::kMaxIdLength, 1);
        m.options = readOptions(r, "options").value_or(Json::object());
        m.authToken = r.string("auth_token", false, limits::kMaxTokenLength);
        m.media = readMedia(r, r.object("media", false), "media");
        m.name = displayName(r, "name", false);
        return m;
    }
    if (type == "join_room"sv) {
        JoinRoom m;
        m.name = displayName(r, "name", true).value_or(QString());
        m.authToken = r.string("auth_token", false, limits::kMaxTokenLength);
        m.inviteToken = r.string("invite_token", false, limits::kMaxTokenLength);
        m.resumeToken = r.string("resume_token", false, limits::kMaxIdLength);
        return m;
    }
    if (type == "player_event"sv) {
        PlayerEvent m;
        m.action = r.enumeration<PlayerAction>("action", true, playerActionFromName,
                                               "\"play\", \"pause\", \"seek\", \"speed\"")
                       .value_or(PlayerAction::Pause);
        m.position = r.number("position", true, 0.0, limits::kMaxPosition).value_or(0.0);
        m.echo = r.boolean("echo", false).value_or(false);
        if (m.action == PlayerAction::Speed && !r.failed())
            m.speed = r.number("speed", true, limits::kMinSpeed, limits::kMaxSpeed);
        return m;
    }
    if (type == "state_update"sv) {
        StateUpdate m;
        m.position = r.number("position", true, 0.0, limits::kMaxPosition).value_or(0.0);
        m.playState = r.enumeration<PlayState>("play_state", true, playStateFromName, kPlayStates)
                          .value_or(PlayState::Paused);
        m.reportedLatency
            = r.number("reported_latency", false, 0.0, limits::kMaxLatencyMs).value_or(0.0);
        return m;
    }
    if (type == "room_state"sv) {
        RoomState m;
        m.room = r.string("room", true, limits::kMaxIdLength, 1).value_or(QString());
        m.hostId = r.string("host_id", false, limits::kMaxIdLength).value_or(QString());
        m.mediaUrl = r.string("media_url", false, limits::kMaxUrlLength).value_or(QString());
        const Json *options = r.object("options", false);
        m.options = options ? *options : Json::object();
        if (const Json *state = r.object("state", true)) {
            FieldReader s(*state, "room_state.state");
            m.state.position = s.number("position", true, 0.0, limits::kMaxPosition).value_or(0.0);
            m.state.playState
                = s.enumeration<PlayState>("play_state", true, playStateFromName, kPlayStates)
                      .value_or(PlayState::Paused);
            m.state.speed
                = s.number("speed", false, limits::kMinSpeed, limits::kMaxSpeed).value_or(1.0);
            r.adopt(s);
        }
        m.participants
            = readParticipants(r, r.array("participants", true)).value_or(QList<Participant>());
        m.participantCount = int(
            r.integer("participant_count", false, 0, 1000000).value_or(m.participants.size()));
        m.media = readMedia(r, r.object("media", false), "media");
        m.resumeToken = r.string("resume_token", false, limits::kMaxIdLength);
        m.mediaToken = r.string("media_token", false, limits::kMaxTokenLength);
        m.chat = readChat(r, r.array("chat", false)).value_or(QList<ChatEntry>());
        if (const Json *playlist = r.object("playlist", false)) {
            FieldReader p(*playlist, "room_state.playlist");
            readPlaylist(p, &m.playlist.items, &m.playlist.current);
            m.playlist.version
                = p.integer("version", false, 0, std::numeric_limits<qint64>::max()).value_or(0);
            r.adopt(p);
        }
        return m;
    }
    if (type == "client_joined"sv) {
        ClientJoined m;
        m.name = r.string("name", false, limits::kMaxNameLength * 4).value_or(QString());
        return m;
    }
    if (type == "client_left"sv) {
        ClientLeft m;
        m.name = r.string("name", false, limits::kMaxNameLength * 4).value_or(QString());
        return m;
    }
    if (type == "participants_update"sv) {
        ParticipantsUpdate m;
        m.participants
            = readParticipants(r, r.array("participants", true)).value_or(QList<Participant>());
        m.participantCount = int(
            r.integer("participant_count", false, 0, 1000000).value_or(m.participants.size()));
        return m;
    }
    if (type == "host_change"sv) {
        HostChange m;
        m.hostId = r.string("host_id", true, limits::kMaxIdLength, 1).value_or(QString());
        return m;
    }
    if (type == "force_resync"sv) {
        ForceResync m;
        m.targetPosition = r.number("target_position", false, 0.0, limits::kMaxPosition);
        m.playState = r.enumeration<PlayState>("play_state", false, playStateFromName, kPlayStates);
        return m;
    }
    if (type == "ping"sv) {
        Ping m;
        m.clientTs = r.number("client_ts", true, 0.0, limits::kMaxTimestamp).value_or(0.0);
        return m;
    }
    if (type == "pong"sv) {
        Pong m;
        m.clientTs = r.number("client_ts", true, 0.0, limits::kMaxTimestamp).value_or(0.0);
        return m;
    }
    if (type == "error"sv) {
        Error m;
        m.code = r.string("code", true, limits::kMaxCodeLength, 1).value_or(QString());
        m.message = r.string("message", false, limits::kMaxMessageLength).value_or(QString());
        return m;
    }
    if (type == "create_invite"sv) {
        CreateInvite m;
        m.expiresIn = int(
            r.integer("expires_in", false, limits::kMinInviteSeconds, limits::kMaxInviteSeconds)
                .value_or(limits::kDefaultInviteSeconds));
        return m;
    }
    if (type == "invite_created"sv) {
        InviteCreated m;
        m.inviteToken
            = r.string("invite_token", true, limits::kMaxTokenLength, 1).value_or(QString());
        m.expiresAt = r.number("expires_at", true, 0.0, limits::kMaxTimestamp).value_or(0.0);
        return m;
    }
    if (type == "media_change"sv) {
        MediaChange m;
        m.mediaUrl = r.string("media_url", true, limits::kMaxUrlLength).value_or(QString());
        m.media = readMedia(r, r.object("media", false), "media");
        return m;
    }
    if (type == "chat_message"sv) {
        ChatMessage m;
        m.text = chatText(r).value_or(QString());
        m.id = r.integer("id", false, 0, std::numeric_limits<qint64>::max());
        m.name = r.string("name", false, limits::kMaxNameLength * 4);
        return m;
    }
    if (type == "playlist_update"sv) {
        PlaylistUpdate m;
        readPlaylist(r, &m.items, &m.current);
        m.version = r.integer("version", false, 0, std::numeric_limits<qint64>::max());
        return m;
    }
    if (type == "ready_state"sv) {
        ReadyState m;
        m.ready = r.boolean("ready", true).value_or(false);
        return m;
    }
    if (type == "subtitles_update"sv) {
        SubtitlesUpdate m;
        const Json *list = r.array("subtitles", true);
        if (list)
            m.subtitles = readSubtitles(r, list).value_or(QList<SharedSubtitle>());
        return m;
    }
    Q_UNUSED(payload);
    return std::nullopt;
}

double roundPosition(double seconds)
{
    return std::round(seconds * 1.0e6) / 1.0e6;
}

struct PayloadWriter {
    Json operator()(const CreateRoom &m) const
    {
        Json p = {{"media_url", toStd(m.mediaUrl)},
                  {"start_pos", roundPosition(m.startPos)},
                  {"options", m.options.is_object() ? m.options : Json::object()}};
        if (m.hostId)
            p["host_id"] = toStd(*m.hostId);
        if (m.authToken)
            p["auth_token"] = toStd(*m.authToken);
        if (m.media)
            p["media"] = writeMedia(*m.media);
        if (m.name)
            p["name"] = toStd(*m.name);
        return p;
    }
    Json operator()(const JoinRoom &m) const
    {
        Json p = {{"name", toStd(m.name)}};
        if (m.authToken)
            p["auth_token"] = toStd(*m.authToken);
        if (m.inviteToken)
            p["invite_token"] = toStd(*m.inviteToken);
        if (m.resumeToken)
            p["resume_token"] = toStd(*m.resumeToken);
        return p;
    }
    Json operator()(const PlayerEvent &m) const
    {
        Json p = {{"action", playerActionName(m.action)}, {"position", roundPosition(m.position)}};
        if (m.speed)
            p["speed"] = std::round(*m.speed * 1.0e6) / 1.0e6;
        if (m.echo)
            p["echo"] = true;
        return p;
    }
    Json operator()(const StateUpdate &m) const
    {
        return {{"position", roundPosition(m.position)},
                {"play_state", playStateName(m.playState)},
                {"reported_latency", std::round(m.reportedLatency * 1000.0) / 1000.0}};
    }
    Json operator()(const RoomState &m) const
    {
        Json p = {{"room", toStd(m.room)},
                  {"host_id", toStd(m.hostId)},
                  {"media_url", toStd(m.mediaUrl)},
                  {"options", m.options.is_object() ? m.options : Json::object()},
                  {"state",
                   {{"position", roundPosition(m.state.position)},
                    {"play_state", playStateName(m.state.playState)},
                    {"speed", std::round(m.state.speed * 1.0e6) / 1.0e6}}},
                  {"participants", writeParticipants(m.participants)},
                  {"participant_count", m.participantCount}};
        if (m.media)
            p["media"] = writeMedia(*m.media, true);
        if (m.resumeToken)
            p["resume_token"] = toStd(*m.resumeToken);
        if (m.mediaToken)
            p["media_token"] = toStd(*m.mediaToken);
        p["chat"] = writeChat(m.chat);
        p["playlist"] = {{"items", writePlaylistItems(m.playlist.items)},
                         {"current", m.playlist.current},
                         {"version", m.playlist.version}};
        return p;
    }
    Json operator()(const ClientJoined &m) const { return {{"name", toStd(m.name)}}; }
    Json operator()(const ClientLeft &m) const { return {{"name", toStd(m.name)}}; }
    Json operator()(const ParticipantsUpdate &m) const
    {
        return {{"participants", writeParticipants(m.participants)},
                {"participant_count", m.participantCount}};
    }
    Json operator()(const HostChange &m) const { return {{"host_id", toStd(m.hostId)}}; }
    Json operator()(const ForceResync &m) const
    {
        Json p = Json::object();
        if (m.targetPosition)
            p["target_position"] = roundPosition(*m.targetPosition);
        if (m.playState)
            p["play_state"] = playStateName(*m.playState);
        return p;
    }
    Json operator()(const Ping &m) const { return {{"client_ts", roundToMillis(m.clientTs)}}; }
    Json operator()(const Pong &m) const { return {{"client_ts", roundToMillis(m.clientTs)}}; }
    Json operator()(const Error &m) const
    {
        return {{"code", toStd(m.code)}, {"message", toStd(m.message)}};
    }
    Json operator()(const CreateInvite &m) const { return {{"expires_in", m.expiresIn}}; }
    Json operator()(const InviteCreated &m) const
    {
        return {{"invite_token", toStd(m.inviteToken)}, {"expires_at", roundToMillis(m.expiresAt)}};
    }
    Json operator()(const MediaChange &m) const
    {
        Json p = {{"media_url", toStd(m.mediaUrl)}};
        if (m.media)
            p["media"] = writeMedia(*m.media);
        return p;
    }
    Json operator()(const ChatMessage &m) const
    {
        Json p = {{"text", toStd(m.text)}};
        if (m.id)
            p["id"] = *m.id;
        if (m.name)
            p["name"] = toStd(*m.name);
        return p;
    }
    Json operator()(const PlaylistUpdate &m) const
    {
        Json p = {{"items", writePlaylistItems(m.items)}, {"current", m.current}};
        if (m.version)
            p["version"] = *m.version;
        return p;
    }
    Json operator()(const ReadyState &m) const { return {{"ready", m.ready}}; }
    Json operator()(const SubtitlesUpdate &m) const
    {
        return {{"subtitles", writeSubtitles(m.subtitles)}};
    }
};

ProtocolError badRequest(const char *message)
{
    return {ErrorCode::BadRequest, QString::fromUtf8(message)};
}

DecodeResult decodeEnvelope(const Json &root)
{
    if (!root.is_object())
        return badRequest("A frame must be a JSON object (the envelope).");

    const auto typeIt = root.find("type");
    if (typeIt == root.end() || typeIt->is_null())
        return badRequest("The envelope has no 'type'.");
    if (!typeIt->is_string())
        return badRequest("The envelope's 'type' must be a string.");
    const std::string &type = typeIt->get_ref<const std::string &>();
    const auto known = std::find(kTypeNames.begin(), kTypeNames.end(), std::string_view(type));
    if (known == kTypeNames.end()) {
        const QString shown = QString::fromStdString(type).left(64);
        return ProtocolError {ErrorCode::UnknownType,
                              QStringLiteral("Unknown message type '%1'.").arg(shown)};
    }

    FieldReader envelopeReader(root, "envelope");
    Envelope envelope;
    envelope.room = envelopeReader.string("room", false, limits::kMaxIdLength).value_or(QString());
    envelope.client
        = envelopeReader.string("client", false, limits::kMaxIdLength).value_or(QString());
    envelope.ts = envelopeReader.number("ts", false, 0.0, limits::kMaxTimestamp);
    envelope.serverTs = envelopeReader.number("server_ts", false, 0.0, limits::kMaxTimestamp);
    if (envelopeReader.failed())
        return envelopeReader.error();
    if (!envelope.room.isEmpty() && !isValidRoomId(envelope.room))
        return badRequest("The envelope's 'room' must be 1 to 64 characters of A-Z, a-z, 0-9, "
                          "'_', '-', '.' and '~'.");
    if (!envelope.client.isEmpty() && !isValidClientId(envelope.client))
        return badRequest(
            "The envelope's 'client' must be 1 to 64 characters of A-Z, a-z, 0-9, '_' and '-'.");

    static const Json kEmpty = Json::object();
    const Json *payload = &kEmpty;
    if (const auto it = root.find("payload"); it != root.end() && !it->is_null()) {
        if (!it->is_object())
            return badRequest("The envelope's 'payload' must be a JSON object.");
        payload = &*it;
    }

    FieldReader reader(*payload, type);
    std::optional<Message> message = decodePayload(type, *payload, reader);
    if (reader.failed() || !message)
        return reader.error();

    if ((type == "create_room" || type == "join_room") && envelope.client.isEmpty())
        return ProtocolError {ErrorCode::BadRequest,
                              QStringLiteral("%1: the envelope's 'client' is required.")
                                  .arg(QString::fromStdString(type))};
    if (type == "join_room" && envelope.room.isEmpty())
        return badRequest("join_room: the envelope's 'room' is required.");

    envelope.message = std::move(*message);
    return envelope;
}

} // namespace

// ---------------------------------------------------------------- public

std::string_view playerActionName(PlayerAction action)
{
    switch (action) {
    case PlayerAction::Play:
        return "play";
    case PlayerAction::Pause:
        return "pause";
    case PlayerAction::Seek:
        return "seek";
    case PlayerAction::Speed:
        return "speed";
    }
    return "pause";
}

std::optional<PlayerAction> playerActionFromName(std::string_view name)
{
    if (name == "play")
        return PlayerAction::Play;
    if (name == "pause")
        return PlayerAction::Pause;
    if (name == "seek")
        return PlayerAction::Seek;
    if (name == "speed")
        return PlayerAction::Speed;
    return std::nullopt;
}

std::string_view subtitleFormatName(SubtitleFormat format)
{
    switch (format) {
    case SubtitleFormat::Srt:
        return "srt";
    case SubtitleFormat::Vtt:
        return "vtt";
    case SubtitleFormat::Ass:
        return "ass";
    }
    return "srt";
}

std::optional<SubtitleFormat> subtitleFormatFromName(std::string_view name)
{
    if (name == "srt")
        return SubtitleFormat::Srt;
    if (name == "vtt")
        return SubtitleFormat::Vtt;
    if (name == "ass")
        return SubtitleFormat::Ass;
    return std::nullopt;
}

std::string_view playStateName(PlayState state)
{
    switch (state) {
    case PlayState::Playing:
        return "playing";
    case PlayState::Paused:
        return "paused";
    case PlayState::Buffering:
        return "buffering";
    }
    return "paused";
}

std::optional<PlayState> playStateFromName(std::string_view name)
{
    if (name == "playing")
        return PlayState::Playing;
    if (name == "paused")
        return PlayState::Paused;
    if (name == "buffering")
        return PlayState::Buffering;
    return std::nullopt;
}

std::optional<ErrorCode> Error::errorCode() const
{
    return errorCodeFromName(code.toStdString());
}

std::string_view messageTypeName(const Message &message)
{
    return kTypeNames[message.index()];
}

bool isValidClientId(const QString &id)
{
    if (id.isEmpty() || id.size() > limits::kMaxIdLength)
        return false;
    for (const QChar c : id) {
        const char16_t u = c.unicode();
        const bool ok = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9')
            || u == '_' || u == '-';
        if (!ok)
            return false;
    }
    return true;
}

bool isValidRoomId(const QString &id)
{
    if (id.isEmpty() || id.size() > limits::kMaxIdLength)
        return false;
    for (const QChar c : id) {
        const char16_t u = c.unicode();
        const bool ok = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9')
            || u == '_' || u == '-' || u == '.' || u == '~';
        if (!ok)
            return false;
    }
    return true;
}

ChatTextProblem chatTextProblem(const QString &text)
{
    const QString trimmed = text.trimmed();
    const auto length = trimmed.toUcs4().size();
    if (length < 1)
        return ChatTextProblem::Empty;
    for (const QChar c : trimmed) {
        if (c.category() == QChar::Other_Control && c != QLatin1Char('\n'))
            return ChatTextProblem::ControlCharacter;
    }
    if (length > limits::kMaxChatLength)
        return ChatTextProblem::TooLong;
    return ChatTextProblem::None;
}

double roundToMillis(double seconds)
{
    return std::round(seconds * 1000.0) / 1000.0;
}

DecodeResult decode(QByteArrayView frame, const DecodeOptions &options)
{
    if (std::size_t(frame.size()) > options.maxFrameBytes) {
        return ProtocolError {
            ErrorCode::TooLarge,
            QStringLiteral("The frame is larger than %1 bytes.").arg(options.maxFrameBytes)};
    }
    if (!isValidUtf8(frame))
        return badRequest("The frame is not valid UTF-8.");
    if (nestingDepth(frame, limits::kMaxDepth) > limits::kMaxDepth)
        return badRequest("The frame is nested too deeply.");

    try {
        const Json root = Json::parse(frame.begin(), frame.end(), nullptr, false);
        if (root.is_discarded())
            return badRequest("The frame is not valid JSON.");
        return decodeEnvelope(root);
    } catch (const std::exception &) {
        // Total: whatever the JSON library throws becomes a refusal, never a crash.
        return badRequest("The frame could not be read.");
    }
}

QByteArray encode(const Envelope &envelope)
{
    Json root = Json::object();
    root["type"] = envelope.typeName();
    if (!envelope.room.isEmpty())
        root["room"] = toStd(envelope.room);
    if (!envelope.client.isEmpty())
        root["client"] = toStd(envelope.client);
    root["payload"] = std::visit(PayloadWriter {}, envelope.message);
    if (envelope.ts)
        root["ts"] = roundToMillis(*envelope.ts);
    if (envelope.serverTs)
        root["server_ts"] = roundToMillis(*envelope.serverTs);
    const std::string text = root.dump(-1, ' ', false, Json::error_handler_t::replace);
    return QByteArray(text.data(), qsizetype(text.size()));
}

QByteArray encode(Message message, const QString &room, const QString &client,
                  std::optional<double> serverTs)
{
    Envelope envelope;
    envelope.room = room;
    envelope.client = client;
    envelope.serverTs = serverTs;
    envelope.message = std::move(message);
    return encode(envelope);
}

} // namespace lockstep::protocol
