#include "protocol/Codec.h"
#include "protocol/RoomOptions.h"

#include <QTest>

using namespace lockstep::protocol;

Q_DECLARE_METATYPE(lockstep::protocol::Envelope)
Q_DECLARE_METATYPE(lockstep::protocol::ErrorCode)

namespace {

Envelope make(Message message, const QString &room = QStringLiteral("room-1"),
              const QString &client = QStringLiteral("client-1"))
{
    Envelope e;
    e.room = room;
    e.client = client;
    e.ts = 1733820000.123;
    e.serverTs = 1733820001.456;
    e.message = std::move(message);
    return e;
}

Participant participant(const char *id, const char *name, bool host)
{
    Participant p;
    p.clientId = QString::fromUtf8(id);
    p.name = QString::fromUtf8(name);
    p.isHost = host;
    return p;
}

} // namespace

class TestCodec : public QObject
{
    Q_OBJECT

private slots:
    void roomOptionsGoOnTheWireAsTheyAreRead();
    void roundTrip_data();
    void roundTrip();
    void draftExamples_data();
    void draftExamples();
    void malformed_data();
    void malformed();
    void encodesDraftFieldNames();
    void encodesMillisecondTimes();
    void ignoresUnknownFields();
    void payloadDefaultsToEmptyObject();
    void trimsNames();
    void errorCodeNamesRoundTrip();
};

void TestCodec::roundTrip_data()
{
    QTest::addColumn<Envelope>("envelope");

    CreateRoom create;
    create.mediaUrl = QStringLiteral("https://example.org/movie.mp4");
    create.startPos = 12.5;
    create.hostId = QStringLiteral("client-1");
    create.options = Json {{"control", "host"}, {"invite_only", true}, {"custom", {1, 2, 3}}};
    create.authToken = QStringLiteral("a.b.c");
    create.media = MediaInfo {QStringLiteral("movie.mp4"), 123456789, 5400.25};
    QTest::addRow("create_room") << make(create);
    QTest::addRow("create_room minimal") << make(CreateRoom {}, QString());

    JoinRoom join;
    join.name = QStringLiteral("Zoë 🎬");
    join.inviteToken = QStringLiteral("x.y.z");
    QTest::addRow("join_room") << make(join);
    join.authToken = QStringLiteral("a.b.c");
    QTest::addRow("join_room with both tokens") << make(join);

    QTest::addRow("player_event play") << make(PlayerEvent {PlayerAction::Play, 1.5});
    QTest::addRow("player_event pause") << make(PlayerEvent {PlayerAction::Pause, 0.0});
    QTest::addRow("player_event seek") << make(PlayerEvent {PlayerAction::Seek, 3600.125});
    QTest::addRow("player_event speed")
        << make(PlayerEvent {PlayerAction::Speed, 12.5, false, 1.25});
    QTest::addRow("player_event speed slowest")
        << make(PlayerEvent {PlayerAction::Speed, 0.0, true, 0.5});

    QTest::addRow("state_update") << make(StateUpdate {42.25, PlayState::Buffering, 17.5});

    RoomState state;
    state.room = QStringLiteral("room-1");
    state.hostId = QStringLiteral("client-1");
    state.mediaUrl = QStringLiteral("file.mkv");
    state.options = Json {{"max_participants", 4}};
    state.state = {99.5, PlayState::Playing};
    Participant host = participant("client-1", "Alice", true);
    host.playState = PlayState::Playing;
    host.driftMs = -3.5;
    host.rttMs = 21.0;
    state.participants = {host, participant("client-2", "Bob", false)};
    state.participantCount = 2;
    state.media = MediaInfo {QStringLiteral("file.mkv"), std::nullopt, 60.0};
    QTest::addRow("room_state") << make(state);
    state.participants[1].ready = true;
    state.chat = {ChatEntry {1, QStringLiteral("client-2"), QStringLiteral("Bob"),
                             QStringLiteral("hi\nthere"), 1733820000.125}};
    state.playlist = Playlist {
        {PlaylistItem {QStringLiteral("e1"), QStringLiteral("Episode 1"), QStringLiteral("e1.mkv"),
                       MediaInfo {QStringLiteral("e1.mkv"), 100, 1400.0}},
         PlaylistItem {QStringLiteral("e2"), QString(), QStringLiteral("e2.mkv"), std::nullopt}},
        1,
        7};
    QTest::addRow("room_state with chat, playlist, readiness") << make(state);
    state.state.speed = 1.5;
    state.media->subtitles = {SharedSubtitle {QStringLiteral("en"), QStringLiteral("en"),
                                              QStringLiteral("English"), SubtitleFormat::Srt},
                              SharedSubtitle {QStringLiteral("signs-2"), QStringLiteral("pt-BR"),
                                              QStringLiteral("Letreiros"), SubtitleFormat::Ass}};
    QTest::addRow("room_state at 1.5x with shared subtitles") << make(state);
    QTest::addRow("subtitles_update") << make(SubtitlesUpdate {state.media->subtitles});
    QTest::addRow("subtitles_update none") << make(SubtitlesUpdate {});

    QTest::addRow("client_joined") << make(ClientJoined {QStringLiteral("Bob")});
    QTest::addRow("client_left") << make(ClientLeft {QStringLiteral("Bob")});
    ParticipantsUpdate update;
    update.participants = {participant("a", "A", true)};
    update.participantCount = 1;
    QTest::addRow("participants_update") << make(update);
    QTest::addRow("host_change") << make(HostChange {QStringLiteral("client-2")});
    QTest::addRow("force_resync") << make(ForceResync {77.0, PlayState::Paused});
    QTest::addRow("force_resync request") << make(ForceResync {});
    QTest::addRow("ping") << make(Ping {1733820000.5});
    QTest::addRow("pong") << make(Pong {1733820000.5});
    QTest::addRow("error") << make(Error {QStringLiteral("room_full"), QStringLiteral("Full.")});
    QTest::addRow("create_invite") << make(CreateInvite {7200});
    QTest::addRow("invite_created") << make(InviteCreated {QStringLiteral("h.p.s"), 1733823600.0});
    QTest::addRow("media_change") << make(
        MediaChange {QStringLiteral("https://example.org/b.webm"), std::nullopt});
    QTest::addRow("chat_message request") << make(ChatMessage {QStringLiteral("Popcorn?"), {}, {}});
    QTest::addRow("chat_message relayed")
        << make(ChatMessage {QStringLiteral("Zoë 🎬"), 12, QStringLiteral("Bob")});
    QTest::addRow("playlist_update request")
        << make(PlaylistUpdate {{PlaylistItem {QStringLiteral("a"), QStringLiteral("A"),
                                               QStringLiteral("a.mp4"), std::nullopt}},
                                0,
                                std::nullopt});
    QTest::addRow("playlist_update empty") << make(PlaylistUpdate {{}, -1, 3});
    QTest::addRow("ready_state") << make(ReadyState {true});
}

void TestCodec::roundTrip()
{
    QFETCH(Envelope, envelope);
    const QByteArray frame = encode(envelope);
    const DecodeResult decoded = decode(frame);
    QVERIFY2(decoded.ok(), qPrintable(decoded.ok() ? QString() : decoded.error().message));
    QCOMPARE(decoded.envelope().typeName(), envelope.typeName());
    QVERIFY2(decoded.envelope() == envelope, frame.constData());
}

void TestCodec::draftExamples_data()
{
    QTest::addColumn<QByteArray>("type");
    QTest::addColumn<QByteArray>("payload");

    QTest::addRow("create_room")
        << QByteArray("create_room")
        << QByteArray(
               R"({"media_url":"...","start_pos":0,"host_id":"...","options":{},"auth_token":"JWT"})");
    QTest::addRow("join_room") << QByteArray(
        "join_room") << QByteArray(R"({"name":"...","auth_token":"JWT","invite_token":"JWT"})");
    QTest::addRow("player_event") << QByteArray("player_event")
                                  << QByteArray(R"({"action":"seek","position":0.0})");
    QTest::addRow("state_update")
        << QByteArray("state_update")
        << QByteArray(R"({"position":0.0,"play_state":"buffering","reported_latency":0})");
    QTest::addRow("room_state") << QByteArray("room_state") << QByteArray(R"({
        "room": "room_id", "host_id": "client_id", "media_url": "...", "options": {},
        "state": { "position": 0.0, "play_state": "playing" },
        "participants": [ { "client_id": "client-1", "name": "Alice", "is_host": true } ],
        "participant_count": 1 })");
    QTest::addRow("client_joined")
        << QByteArray("client_joined") << QByteArray(R"({"name":"..."})");
    QTest::addRow("client_left") << QByteArray("client_left") << QByteArray(R"({"name":"..."})");
    QTest::addRow("participants_update") << QByteArray("participants_update") << QByteArray(R"({
        "participants": [ { "client_id": "client-1", "name": "Alice", "is_host": true } ],
        "participant_count": 1 })");
    QTest::addRow("host_change") << QByteArray("host_change")
                                 << QByteArray(R"({"host_id":"client_id"})");
    QTest::addRow("force_resync") << QByteArray("force_resync")
                                  << QByteArray(R"({"target_position":0.0})");
    QTest::addRow("ping") << QByteArray("ping") << QByteArray(R"({"client_ts":1733820000})");
    QTest::addRow("pong") << QByteArray("pong") << QByteArray(R"({"client_ts":1733820000})");
    QTest::addRow("error") << QByteArray("error")
                           << QByteArray(R"({"code":"...","message":"..."})");
    QTest::addRow("create_invite")
        << QByteArray("create_invite") << QByteArray(R"({"expires_in":3600})");
    QTest::addRow("invite_created")
        << QByteArray("invite_created")
        << QByteArray(R"({"invite_token":"JWT","expires_at":1733823600})");
}

void TestCodec::draftExamples()
{
    QFETCH(QByteArray, type);
    QFETCH(QByteArray, payload);
    const QByteArray frame = R"({"type":")" + type
        + R"(","room":"room_id","client":"client_id","payload":)" + payload
        + R"(,"ts":1733820000,"server_ts":1733820001})";
    const DecodeResult decoded = decode(frame);
    QVERIFY2(decoded.ok(), qPrintable(decoded.ok() ? QString() : decoded.error().message));
    QCOMPARE(QByteArray(decoded.envelope().typeName().data()), type);
    QCOMPARE(decoded.envelope().room, QStringLiteral("room_id"));
    QCOMPARE(decoded.envelope().client, QStringLiteral("client_id"));
    QCOMPARE(decoded.envelope().ts.value_or(0), 1733820000.0);
    QCOMPARE(decoded.envelope().serverTs.value_or(0), 1733820001.0);
}

void TestCodec::malformed_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<ErrorCode>("code");

    const auto bad = ErrorCode::BadRequest;
    auto frame = [](const char *type, const char *payload, const char *extra = "") -> QByteArray {
        return QByteArray(R"({"type":")") + type + R"(","room":"r1","client":"c1","payload":)"
            + payload + extra + "}";
    };

    // The extensions' payloads.
    const QByteArray longText = '"' + QByteArray(501, 'x') + '"';
    QTest::addRow("speed without speed")
        << frame("player_event", R"({"action":"speed","position":1})") << bad;
    QTest::addRow("speed below 0.5")
        << frame("player_event", R"({"action":"speed","position":1,"speed":0.25})") << bad;
    QTest::addRow("speed above 2")
        << frame("player_event", R"({"action":"speed","position":1,"speed":3})") << bad;
    QTest::addRow("speed not a number")
        << frame("player_event", R"({"action":"speed","position":1,"speed":"fast"})") << bad;
    QTest::addRow("room_state speed out of range") << frame(
        "room_state",
        R"({"room":"r1","state":{"position":0,"play_state":"paused","speed":9},"participants":[]})")
                                                   << bad;
    QTest::addRow("subtitles without list") << frame("subtitles_update", "{}") << bad;
    QTest::addRow("subtitle without format")
        << frame("subtitles_update", R"({"subtitles":[{"id":"a","language":"en","title":"A"}]})")
        << bad;
    QTest::addRow("subtitle id with a dot")
        << frame("subtitles_update",
                 R"({"subtitles":[{"id":"a.b","language":"en","title":"A","format":"srt"}]})")
        << bad;
    QTest::addRow("subtitle language with a space")
        << frame("subtitles_update",
                 R"({"subtitles":[{"id":"a","language":"en US","title":"A","format":"srt"}]})")
        << bad;
    QTest::addRow("chat without text") << frame("chat_message", "{}") << bad;
    QTest::addRow("chat blank") << frame("chat_message", R"({"text":"  \n "})") << bad;
    QTest::addRow("chat too long")
        << frame("chat_message", QByteArray("{\"text\":" + longText + "}").constData()) << bad;
    QTest::addRow("chat control character")
        << frame("chat_message", R"({"text":"a\u0007b"})") << bad;
    QTest::addRow("chat text not a string") << frame("chat_message", R"({"text":5})") << bad;
    QTest::addRow("playlist without items") << frame("playlist_update", R"({"current":-1})") << bad;
    QTest::addRow("playlist current out of range")
        << frame("playlist_update", R"({"items":[{"id":"a"}],"current":1})") << bad;
    QTest::addRow("playlist duplicate ids")
        << frame("playlist_update", R"({"items":[{"id":"a"},{"id":"a"}],"current":0})") << bad;
    QTest::addRow("playlist item without id")
        << frame("playlist_update", R"({"items":[{"title":"t"}],"current":0})") << bad;
    QTest::addRow("playlist title too long") << frame(
        "playlist_update",
        QByteArray("{\"items\":[{\"id\":\"a\",\"title\":\"" + QByteArray(257, 't') + "\"}]}")
            .constData()) << bad;
    QTest::addRow("playlist too many items") << [&] {
        QByteArray items;
        for (int i = 0; i < 201; ++i)
            items += (i ? "," : "") + QByteArray(R"({"id":"i)") + QByteArray::number(i) + "\"}";
        return frame("playlist_update",
                     QByteArray("{\"items\":[" + items + "],\"current\":-1}").constData());
    }() << bad;
    QTest::addRow("ready without ready") << frame("ready_state", "{}") << bad;
    QTest::addRow("ready not a bool") << frame("ready_state", R"({"ready":"yes"})") << bad;

    // Not an envelope at all.
    QTest::addRow("empty frame") << QByteArray() << bad;
    QTest::addRow("not json") << QByteArray("hello") << bad;
    QTest::addRow("truncated json") << QByteArray(R"({"type":"ping")") << bad;
    QTest::addRow("json array") << QByteArray(R"([{"type":"ping"}])") << bad;
    QTest::addRow("json string") << QByteArray(R"("ping")") << bad;
    QTest::addRow("json number") << QByteArray("42") << bad;
    QTest::addRow("json null") << QByteArray("null") << bad;
    QTest::addRow("invalid utf-8") << QByteArray("{\"type\":\"ping\",\"x\":\"\xff\xfe\"}") << bad;
    QTest::addRow("overlong utf-8") << QByteArray("{\"type\":\"\xc0\xaf\"}") << bad;
    QTest::addRow("utf-16 surrogate in utf-8")
        << QByteArray("{\"type\":\"ping\",\"x\":\"\xed\xa0\x80\"}") << bad;
    QTest::addRow("deep nesting") << (QByteArray(R"({"type":"ping","payload":{"client_ts":1},"x":)")
                                      + QByteArray(5000, '[') + QByteArray(5000, ']') + "}")
                                  << bad;
    QTest::addRow("too large") << (QByteArray(R"({"type":"ping","pad":")")
                                   + QByteArray(70 * 1024, 'a') + R"("})")
                               << ErrorCode::TooLarge;
    QTest::addRow("NaN literal") << frame("ping", R"({"client_ts":NaN})") << bad;
    QTest::addRow("Infinity literal") << frame("ping", R"({"client_ts":Infinity})") << bad;

    // Envelope.
    QTest::addRow("no type") << QByteArray(R"({"payload":{}})") << bad;
    QTest::addRow("type null") << QByteArray(R"({"type":null})") << bad;
    QTest::addRow("type number") << QByteArray(R"({"type":7})") << bad;
    QTest::addRow("unknown type") << QByteArray(R"({"type":"dance"})") << ErrorCode::UnknownType;
    QTest::addRow("type wrong case") << QByteArray(R"({"type":"PING"})") << ErrorCode::UnknownType;
    QTest::addRow("payload array") << frame("ping", "[]") << bad;
    QTest::addRow("payload string") << frame("ping", R"("x")") << bad;
    QTest::addRow("room number") << QByteArray(
        R"({"type":"ping","room":5,"payload":{"client_ts":1}})")
                                 << bad;
    QTest::addRow("room with space")
        << QByteArray(R"({"type":"ping","room":"a b","payload":{"client_ts":1}})") << bad;
    QTest::addRow("client too long") << (QByteArray(R"({"type":"ping","client":")")
                                         + QByteArray(65, 'c') + R"(","payload":{"client_ts":1}})")
                                     << bad;
    QTest::addRow("client bad chars")
        << QByteArray(R"({"type":"ping","client":"a/b","payload":{"client_ts":1}})") << bad;
    QTest::addRow("ts string") << frame("ping", R"({"client_ts":1})", R"(,"ts":"now")") << bad;
    QTest::addRow("ts negative") << frame("ping", R"({"client_ts":1})", R"(,"ts":-1)") << bad;

    // create_room
    QTest::addRow("create_room no client")
        << QByteArray(R"({"type":"create_room","payload":{}})") << bad;
    QTest::addRow("create_room negative start_pos")
        << frame("create_room", R"({"start_pos":-1})") << bad;
    QTest::addRow("create_room start_pos string")
        << frame("create_room", R"({"start_pos":"0"})") << bad;
    QTest::addRow("create_room huge start_pos")
        << frame("create_room", R"({"start_pos":1e400})") << bad;
    QTest::addRow("create_room options array") << frame("create_room", R"({"options":[]})") << bad;
    QTest::addRow("create_room bad control")
        << frame("create_room", R"({"options":{"control":"anyone"}})") << bad;
    QTest::addRow("create_room invite_only string")
        << frame("create_room", R"({"options":{"invite_only":"yes"}})") << bad;
    QTest::addRow("create_room max_participants zero")
        << frame("create_room", R"({"options":{"max_participants":0}})") << bad;
    QTest::addRow("create_room media_url number")
        << frame("create_room", R"({"media_url":1})") << bad;
    QTest::addRow("create_room overlong media_url") << frame(
        "create_room",
        QByteArray(QByteArray(R"({"media_url":")") + QByteArray(9000, 'u') + R"("})").constData())
                                                    << bad;
    // join_room
    QTest::addRow("join_room no name") << frame("join_room", "{}") << bad;
    QTest::addRow("join_room blank name") << frame("join_room", R"({"name":"   "})") << bad;
    QTest::addRow("join_room name too long")
        << frame("join_room",
                 QByteArray(QByteArray(R"({"name":")") + QByteArray(65, 'n') + R"("})").constData())
        << bad;
    QTest::addRow("join_room name control char")
        << frame("join_room", R"({"name":"a\u0007b"})") << bad;
    QTest::addRow("join_room token number")
        << frame("join_room", R"({"name":"A","invite_token":1})") << bad;
    QTest::addRow("join_room no room")
        << QByteArray(R"({"type":"join_room","client":"c1","payload":{"name":"A"}})") << bad;
    // player_event
    QTest::addRow("player_event unknown action")
        << frame("player_event", R"({"action":"rewind","position":1})") << bad;
    QTest::addRow("player_event no action") << frame("player_event", R"({"position":1})") << bad;
    QTest::addRow("player_event no position")
        << frame("player_event", R"({"action":"play"})") << bad;
    QTest::addRow("player_event negative position")
        << frame("player_event", R"({"action":"seek","position":-0.5})") << bad;
    QTest::addRow("player_event position string")
        << frame("player_event", R"({"action":"seek","position":"10"})") << bad;
    QTest::addRow("player_event position bool")
        << frame("player_event", R"({"action":"seek","position":true})") << bad;
    QTest::addRow("player_event huge position")
        << frame("player_event", R"({"action":"seek","position":1e300})") << bad;
    QTest::addRow("player_event position overflow")
        << frame("player_event", R"({"action":"seek","position":1e999})") << bad;
    // state_update
    QTest::addRow("state_update bad play_state")
        << frame("state_update", R"({"position":1,"play_state":"stopped"})") << bad;
    QTest::addRow("state_update no position")
        << frame("state_update", R"({"play_state":"playing"})") << bad;
    QTest::addRow("state_update negative latency")
        << frame("state_update", R"({"position":1,"play_state":"playing","reported_latency":-5})")
        << bad;
    // others
    QTest::addRow("host_change no host_id") << frame("host_change", "{}") << bad;
    QTest::addRow("host_change host_id object") << frame("host_change", R"({"host_id":{}})") << bad;
    QTest::addRow("force_resync negative")
        << frame("force_resync", R"({"target_position":-3})") << bad;
    QTest::addRow("ping no client_ts") << frame("ping", "{}") << bad;
    QTest::addRow("ping client_ts string") << frame("ping", R"({"client_ts":"1"})") << bad;
    QTest::addRow("pong negative client_ts") << frame("pong", R"({"client_ts":-1})") << bad;
    QTest::addRow("create_invite too short")
        << frame("create_invite", R"({"expires_in":10})") << bad;
    QTest::addRow("create_invite too long")
        << frame("create_invite", R"({"expires_in":604801})") << bad;
    QTest::addRow("create_invite fractional")
        << frame("create_invite", R"({"expires_in":90.5})") << bad;
    QTest::addRow("invite_created no token")
        << frame("invite_created", R"({"expires_at":1})") << bad;
    QTest::addRow("error no code") << frame("error", R"({"message":"x"})") << bad;
    QTest::addRow("room_state no state")
        << frame("room_state", R"({"room":"r","participants":[]})") << bad;
    QTest::addRow("participants_update entry not object")
        << frame("participants_update", R"({"participants":[1]})") << bad;
    QTest::addRow("participants_update entry no id")
        << frame("participants_update", R"({"participants":[{"name":"A"}]})") << bad;
}

void TestCodec::malformed()
{
    QFETCH(QByteArray, frame);
    QFETCH(ErrorCode, code);
    const DecodeResult decoded = decode(frame);
    QVERIFY(!decoded.ok());
    QCOMPARE(errorCodeName(decoded.error().code), errorCodeName(code));
    QVERIFY(!decoded.error().message.isEmpty());
    QVERIFY(decoded.error().message.endsWith(QLatin1Char('.')));
}

void TestCodec::encodesDraftFieldNames()
{
    StateUpdate update {10.0, PlayState::Playing, 12.0};
    const Json json = Json::parse(encode(make(update)).toStdString());
    QVERIFY(json.at("type") == "state_update");
    QVERIFY(json.at("room") == "room-1");
    QVERIFY(json.at("client") == "client-1");
    QVERIFY(json.contains("ts"));
    QVERIFY(json.contains("server_ts"));
    const Json &payload = json.at("payload");
    QCOMPARE(payload.at("position").get<double>(), 10.0);
    QVERIFY(payload.at("play_state") == "playing");
    QCOMPARE(payload.at("reported_latency").get<double>(), 12.0);
    QCOMPARE(payload.size(), std::size_t(3));
}

void TestCodec::encodesMillisecondTimes()
{
    Envelope e = make(Ping {1733820000.1234567});
    e.serverTs = 1733820001.9876;
    const QByteArray frame = encode(e);
    QVERIFY2(frame.contains("\"server_ts\":1733820001.988"), frame.constData());
    QVERIFY2(frame.contains("\"client_ts\":1733820000.123"), frame.constData());
}

void TestCodec::ignoresUnknownFields()
{
    const DecodeResult decoded = decode(
        R"({"type":"player_event","future":1,"payload":{"action":"pause","position":3,"speed":2}})");
    QVERIFY(decoded.ok());
    const auto *event = decoded.envelope().as<PlayerEvent>();
    QVERIFY(event);
    QCOMPARE(event->action, PlayerAction::Pause);
    QCOMPARE(event->position, 3.0);
}

void TestCodec::payloadDefaultsToEmptyObject()
{
    const DecodeResult decoded = decode(R"({"type":"create_invite"})");
    QVERIFY(decoded.ok());
    QCOMPARE(decoded.envelope().as<CreateInvite>()->expiresIn, 3600);
}

void TestCodec::trimsNames()
{
    const DecodeResult decoded
        = decode(R"({"type":"join_room","room":"r","client":"c","payload":{"name":"  Ann  "}})");
    QVERIFY(decoded.ok());
    QCOMPARE(decoded.envelope().as<JoinRoom>()->name, QStringLiteral("Ann"));
}

void TestCodec::errorCodeNamesRoundTrip()
{
    for (int i = 0; i <= int(ErrorCode::Internal); ++i) {
        const auto code = ErrorCode(i);
        QCOMPARE(errorCodeFromName(errorCodeName(code)), std::optional<ErrorCode>(code));
    }
    QVERIFY(!errorCodeFromName("nope"));
}

void TestCodec::roomOptionsGoOnTheWireAsTheyAreRead()
{
    using lockstep::protocol::RoomOptions;
    RoomOptions options;
    options.control = lockstep::protocol::ControlMode::Host;
    options.inviteOnly = true;
    options.startWhenReady = true;
    options.maxParticipants = 12;
    options.buffering = lockstep::protocol::BufferingPolicy::Wait;
    options.resyncThreshold = 1.5;
    options.invites = lockstep::protocol::InviteControl::Everyone;
    const lockstep::protocol::Json json = options.toJson();
    QCOMPARE(QString::fromStdString(json.dump()),
             QStringLiteral(R"({"buffering":"wait","control":"host","invite_only":true,)"
                            R"("invites":"everyone","max_participants":12,)"
                            R"("resync_threshold":1.5,"start_when_ready":true})"));
    lockstep::protocol::ProtocolError error;
    const std::optional<RoomOptions> back = RoomOptions::fromJson(json, &error);
    QVERIFY(back);
    QVERIFY(back->toJson() == json);
    // The defaults say only who controls, who is let in and when a play starts.
    QCOMPARE(
        QString::fromStdString(RoomOptions().toJson().dump()),
        QStringLiteral(R"({"control":"everyone","invite_only":false,"start_when_ready":false})"));
}

QTEST_GUILESS_MAIN(TestCodec)
#include "tst_codec.moc"
