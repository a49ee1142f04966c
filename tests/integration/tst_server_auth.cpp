// A server with JWT_SECRET set: which tokens open which doors. The tokens are
// minted by hand here (base64url header and claims, HMAC signature), so that
// the server's verifier is tested against the JWT format itself and not
// against its own signer.
#include "Snapshot.h"
#include "TestClient.h"
#include "TestServer.h"
#include "Text.h"

#include "auth/TokenService.h"

#include <QDateTime>
#include <QMessageAuthenticationCode>
#include <QTest>

using namespace lockstep;
using lockstep::test::id;
using namespace lockstep::protocol;
using lockstep::server::ServerLimits;
using lockstep::test::ServerSnapshot;
using lockstep::test::TestClient;

namespace {

const QByteArray kSecret = "lockstep-integration-secret-0123456789-abcdef";
const QByteArray kWrongSecret = "lockstep-integration-secret-0123456789-WRONG!";
const QString kRoom = QStringLiteral("den");

qint64 nowSeconds()
{
    return QDateTime::currentSecsSinceEpoch();
}

QByteArray base64Url(const QByteArray &bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray base64Url(const Json &json)
{
    const std::string text = json.dump();
    return base64Url(QByteArray(text.data(), qsizetype(text.size())));
}

QString mint(const Json &header, const Json &claims, const QByteArray &key = kSecret,
             QCryptographicHash::Algorithm algorithm = QCryptographicHash::Sha256)
{
    const QByteArray signingInput = base64Url(header) + '.' + base64Url(claims);
    const QByteArray signature = QMessageAuthenticationCode::hash(signingInput, key, algorithm);
    return QString::fromLatin1(signingInput + '.' + base64Url(signature));
}

const Json kHs256 = {{"alg", "HS256"}, {"typ", "JWT"}};

Json userClaims(const QString &subject = id("alice"))
{
    return {{"sub", subject.toStdString()}, {"iat", nowSeconds()}, {"exp", nowSeconds() + 3600}};
}

QString userToken(Json claims = userClaims())
{
    return mint(kHs256, claims);
}

Json with(Json claims, const char *key, const Json &value)
{
    claims[key] = value;
    return claims;
}

// A valid token whose claims were changed after signing.
QString tampered(const QString &token, const Json &claims)
{
    QList<QByteArray> parts = token.toLatin1().split('.');
    parts[1] = base64Url(claims);
    return QString::fromLatin1(parts.join('.'));
}

QString inviteToken(const QString &room, double issuedAt = double(nowSeconds()), int seconds = 600)
{
    return auth::TokenService(kSecret).issueInvite(room, seconds, issuedAt).token;
}

} // namespace

class TestServerAuth : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void createRoom_data();
    void createRoom();
    void joinRoom_data();
    void joinRoom();
    void serverIssuedInviteAdmits();
    void roomsStayHiddenWithoutCredentials();
    void tokenServiceUserTokenAccepted();

private:
    std::unique_ptr<server::SessionServer> m_server;
    std::unique_ptr<TestClient> m_alice;
};

void TestServerAuth::init()
{
    ServerLimits limits;
    limits.participantsInterval = 0.0;
    m_server = test::startLoopbackServer(limits, kSecret);
    QVERIFY(m_server);
    QVERIFY(m_server->tokens().authRequired());
    m_alice = std::make_unique<TestClient>();
    QVERIFY(m_alice->open(m_server->loopbackUrl()));
    QVERIFY(m_alice->createRoom(kRoom, id("alice"), Json::object(), userToken()));
    m_alice->clearReceived();
}

void TestServerAuth::cleanup()
{
    m_alice.reset();
    m_server.reset();
}

void TestServerAuth::createRoom_data()
{
    QTest::addColumn<QString>("room");
    QTest::addColumn<QString>("authToken"); // null: none sent
    QTest::addColumn<QString>("error"); // empty: accepted

    const QString room = id("new");
    const qint64 now = nowSeconds();
    const QString invalid = id("auth_invalid");
    const Json claims = userClaims(id("bob"));

    QTest::addRow("valid HS256 token") << room << userToken(claims) << QString();
    QTest::addRow("valid, no exp") << room << userToken({{"sub", "bob"}}) << QString();
    QTest::addRow("valid, name claim")
        << room << userToken(with(claims, "name", "Bob")) << QString();
    QTest::addRow("no token") << room << QString() << id("auth_required");
    QTest::addRow("empty token") << room << QStringLiteral("") << invalid;
    QTest::addRow("garbage") << room << id("not-a-jwt") << invalid;
    QTest::addRow("three garbage parts") << room << id("a.b.c") << invalid;
    QTest::addRow("alg none, no signature")
        << room
        << QString::fromLatin1(base64Url(Json {{"alg", "none"}, {"typ", "JWT"}}) + '.'
                               + base64Url(claims) + '.')
        << invalid;
    QTest::addRow("alg none, HS256 signature")
        << room << mint({{"alg", "none"}, {"typ", "JWT"}}, claims) << invalid;
    QTest::addRow("alg None (case)") << room << mint({{"alg", "None"}}, claims) << invalid;
    QTest::addRow("no alg") << room << mint({{"typ", "JWT"}}, claims) << invalid;
    QTest::addRow("HS384") << room
                           << mint({{"alg", "HS384"}, {"typ", "JWT"}}, claims, kSecret,
                                   QCryptographicHash::Sha384)
                           << invalid;
    QTest::addRow("HS512") << room
                           << mint({{"alg", "HS512"}, {"typ", "JWT"}}, claims, kSecret,
                                   QCryptographicHash::Sha512)
                           << invalid;
    QTest::addRow("RS256 header, HMAC signature")
        << room << mint({{"alg", "RS256"}, {"typ", "JWT"}}, claims) << invalid;
    QTest::addRow("header typ not JWT")
        << room << mint({{"alg", "HS256"}, {"typ", "invite"}}, claims) << invalid;
    QTest::addRow("wrong secret") << room << mint(kHs256, claims, kWrongSecret) << invalid;
    QTest::addRow("secret prefix only")
        << room << mint(kHs256, claims, kSecret.left(kSecret.size() - 1)) << invalid;
    QTest::addRow("expired") << room << userToken(with(claims, "exp", now - 60)) << invalid;
    QTest::addRow("expired within the 5 s leeway")
        << room << userToken(with(claims, "exp", now - 2)) << QString();
    QTest::addRow("nbf in the future")
        << room << userToken(with(claims, "nbf", now + 60)) << invalid;
    QTest::addRow("nbf within the 5 s leeway")
        << room << userToken(with(claims, "nbf", now + 2)) << QString();
    QTest::addRow("exp not a number")
        << room << userToken(with(claims, "exp", std::to_string(now + 3600))) << invalid;
    QTest::addRow("tampered payload")
        << room << tampered(userToken(claims), with(claims, "sub", "admin")) << invalid;
    QTest::addRow("tampered expiry")
        << room << tampered(userToken(with(claims, "exp", now - 60)), claims) << invalid;
    QTest::addRow("signature cut off")
        << room << QString(userToken(claims).section(QLatin1Char('.'), 0, 1) + QLatin1Char('.'))
        << invalid;
    QTest::addRow("no sub") << room << userToken({{"exp", now + 60}}) << invalid;
    QTest::addRow("invite as auth token") << room << inviteToken(room) << invalid;
    QTest::addRow("typ invite claim")
        << room << userToken(with(claims, "typ", "invite")) << invalid;
    QTest::addRow("token for this room")
        << room << userToken(with(claims, "room", "new")) << QString();
    QTest::addRow("token for another room")
        << room << userToken(with(claims, "room", "elsewhere")) << invalid;
    QTest::addRow("room-bound token, server-picked id")
        << QString() << userToken(with(claims, "room", "elsewhere")) << invalid;
    QTest::addRow("existing room, valid token") << kRoom << userToken(claims) << id("room_exists");
    QTest::addRow("existing room, no token") << kRoom << QString() << id("auth_required");
}

void TestServerAuth::createRoom()
{
    QFETCH(QString, room);
    QFETCH(QString, authToken);
    QFETCH(QString, error);

    TestClient bob;
    QVERIFY(bob.open(m_server->loopbackUrl()));
    const ServerSnapshot before = ServerSnapshot::of(m_server->core());
    CreateRoom create;
    if (!authToken.isNull())
        create.authToken = authToken;
    bob.send(create, room, id("bob"));

    if (error.isEmpty()) {
        const Envelope state = bob.next("room_state");
        QCOMPARE(state.as<RoomState>()->hostId, id("bob"));
        if (!room.isEmpty())
            QCOMPARE(state.room, room);
        QCOMPARE(m_server->core().roomCount(), 2);
        return;
    }
    QCOMPARE(bob.nextErrorCode(), error);
    QVERIFY(bob.sync());
    QCOMPARE(bob.count("room_state"), 0);
    QVERIFY(ServerSnapshot::of(m_server->core()) == before);
    QVERIFY(m_alice->sync());
    QVERIFY2(m_alice->countExceptPongs() == 0, qPrintable(m_alice->describeReceived()));
}

void TestServerAuth::joinRoom_data()
{
    QTest::addColumn<QString>("authToken"); // null: none sent
    QTest::addColumn<QString>("inviteToken"); // null: none sent
    QTest::addColumn<QString>("error"); // empty: admitted

    const qint64 now = nowSeconds();
    const Json claims = userClaims(id("bob"));
    const QString none;

    QTest::addRow("valid auth token") << userToken(claims) << none << QString();
    QTest::addRow("valid invite") << none << inviteToken(kRoom) << QString();
    QTest::addRow("valid invite, broken auth token")
        << id("x.y.z") << inviteToken(kRoom) << QString();
    // Either credential admits; a broken one beside a valid one does not matter.
    QTest::addRow("valid auth token, broken invite")
        << userToken(claims) << id("x.y.z") << QString();
    QTest::addRow("no token") << none << none << id("auth_required");
    QTest::addRow("auth token as invite") << none << userToken(claims) << id("invite_invalid");
    QTest::addRow("invite as auth token") << inviteToken(kRoom) << none << id("auth_invalid");
    QTest::addRow("invite for another room")
        << none << inviteToken(id("elsewhere")) << id("invite_invalid");
    QTest::addRow("expired invite")
        << none << inviteToken(kRoom, double(now) - 7200.0, 600) << id("invite_expired");
    QTest::addRow("invite expired within the leeway")
        << none << inviteToken(kRoom, double(now) - 62.0, 60) << QString();
    QTest::addRow("invite signed with another secret")
        << none
        << mint(kHs256, {{"typ", "invite"}, {"room", "den"}, {"exp", now + 600}, {"jti", "j"}},
                kWrongSecret)
        << id("invite_invalid");
    QTest::addRow("forged invite, expired")
        << none
        << mint(kHs256, {{"typ", "invite"}, {"room", "den"}, {"exp", now - 600}, {"jti", "j"}},
                kWrongSecret)
        << id("invite_invalid");
    QTest::addRow("invite retargeted to this room")
        << none
        << tampered(inviteToken(id("elsewhere")),
                    {{"typ", "invite"}, {"room", "den"}, {"exp", now + 600}, {"jti", "j"}})
        << id("invite_invalid");
    QTest::addRow("invite without exp")
        << none << mint(kHs256, {{"typ", "invite"}, {"room", "den"}, {"jti", "j"}})
        << id("invite_invalid");
    QTest::addRow("invite with alg none")
        << none
        << QString::fromLatin1(
               base64Url(Json {{"alg", "none"}}) + '.'
               + base64Url(Json {{"typ", "invite"}, {"room", "den"}, {"exp", now + 600}}) + '.')
        << id("invite_invalid");
    QTest::addRow("expired auth token")
        << userToken(with(claims, "exp", now - 60)) << none << id("auth_invalid");
    QTest::addRow("auth token with a wrong secret")
        << mint(kHs256, claims, kWrongSecret) << none << id("auth_invalid");
    QTest::addRow("auth token with alg none")
        << mint({{"alg", "none"}}, claims) << none << id("auth_invalid");
    QTest::addRow("auth token with nbf in the future")
        << userToken(with(claims, "nbf", now + 60)) << none << id("auth_invalid");
    QTest::addRow("tampered auth token")
        << tampered(userToken(claims), with(claims, "sub", "alice")) << none << id("auth_invalid");
    QTest::addRow("auth token for this room")
        << userToken(with(claims, "room", "den")) << none << QString();
    QTest::addRow("auth token for another room")
        << userToken(with(claims, "room", "elsewhere")) << none << id("auth_invalid");
}

void TestServerAuth::joinRoom()
{
    QFETCH(QString, authToken);
    QFETCH(QString, inviteToken);
    QFETCH(QString, error);

    TestClient bob;
    QVERIFY(bob.open(m_server->loopbackUrl()));
    const ServerSnapshot before = ServerSnapshot::of(m_server->core());
    const bool joined = bob.joinRoom(kRoom, id("bob"), id("Bob"), authToken, inviteToken);
    if (error.isEmpty()) {
        QVERIFY2(joined, qPrintable(bob.nextErrorCode(100)));
        QCOMPARE(m_alice->next("client_joined").client, id("bob"));
        QCOMPARE(m_server->core().room(kRoom)->members().size(), std::size_t(2));
        return;
    }
    QVERIFY(!joined);
    QCOMPARE(bob.nextErrorCode(), error);
    QVERIFY(ServerSnapshot::of(m_server->core()) == before);
    QVERIFY(m_alice->sync());
    QCOMPARE(m_alice->countExceptPongs(), 0);
    // Still connected and able to try again.
    QVERIFY(bob.joinRoom(kRoom, id("bob"), id("Bob"), userToken(userClaims(id("bob")))));
}

void TestServerAuth::roomsStayHiddenWithoutCredentials()
{
    // Without credentials a missing room and an existing one look the same.
    TestClient mallory;
    QVERIFY(mallory.open(m_server->loopbackUrl()));
    QVERIFY(!mallory.joinRoom(id("nowhere"), id("mallory"), id("Mallory")));
    QCOMPARE(mallory.nextErrorCode(), id("auth_required"));
    QVERIFY(!mallory.joinRoom(kRoom, id("mallory"), id("Mallory")));
    QCOMPARE(mallory.nextErrorCode(), id("auth_required"));
    // With valid credentials, a missing room is reported as such.
    QVERIFY(!mallory.joinRoom(id("nowhere"), id("mallory"), id("Mallory"),
                              userToken(userClaims(id("mallory")))));
    QCOMPARE(mallory.nextErrorCode(), id("room_not_found"));
}

void TestServerAuth::serverIssuedInviteAdmits()
{
    m_alice->send(CreateInvite {120});
    const InviteCreated invite = *m_alice->next("invite_created").as<InviteCreated>();
    QVERIFY(std::abs(invite.expiresAt - double(nowSeconds() + 120)) < 2.0);
    TestClient bob;
    QVERIFY(bob.open(m_server->loopbackUrl()));
    QVERIFY(bob.joinRoom(kRoom, id("bob"), id("Bob"), {}, invite.inviteToken));

    // It admits to that room only, and never counts as an auth token.
    TestClient carol;
    QVERIFY(carol.open(m_server->loopbackUrl()));
    CreateRoom create;
    create.authToken = invite.inviteToken;
    carol.send(create, id("mine"), id("carol"));
    QCOMPARE(carol.nextErrorCode(), id("auth_invalid"));
    QCOMPARE(m_server->core().roomCount(), 1);
}

void TestServerAuth::tokenServiceUserTokenAccepted()
{
    // What `lockstep-server token` prints (TokenService::issueUserToken).
    const auth::TokenService service(kSecret);
    TestClient bob;
    QVERIFY(bob.open(m_server->loopbackUrl()));
    const QString token
        = service.issueUserToken(id("bob"), id("Bob"), {}, 600, double(nowSeconds()));
    QVERIFY(bob.createRoom(id("bobs"), id("bob"), Json::object(), token));
    const QString expired
        = service.issueUserToken(id("carol"), {}, {}, 60, double(nowSeconds()) - 3600.0);
    TestClient carol;
    QVERIFY(carol.open(m_server->loopbackUrl()));
    QVERIFY(!carol.createRoom(id("carols"), id("carol"), Json::object(), expired));
    QCOMPARE(carol.nextErrorCode(), id("auth_invalid"));
}

QTEST_GUILESS_MAIN(TestServerAuth)
#include "tst_server_auth.moc"
