// The server's JWTs: what it signs is a standard HS256 JWT, what it accepts is
// exactly that, judged on the caller's clock.
#include "auth/TokenService.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace lockstep;
using lockstep::protocol::ErrorCode;
using lockstep::protocol::ProtocolError;

namespace {

const QByteArray kSecret = QByteArrayLiteral("a-secret-of-at-least-thirty-two-bytes!!");
constexpr double kNow = 1'700'000'000.0;

QJsonObject segment(const QString &token, int index)
{
    const QByteArray part = token.toLatin1().split('.').value(index);
    return QJsonDocument::fromJson(QByteArray::fromBase64(part,
                                                          QByteArray::Base64UrlEncoding
                                                              | QByteArray::OmitTrailingEquals))
        .object();
}

QString b64(const QByteArray &json)
{
    return QString::fromLatin1(
        json.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

} // namespace

class TestTokens : public QObject
{
    Q_OBJECT

private slots:
    void issuedTokensAreStandardJwts();
    void acceptsAWellKnownHs256Token();
    void refuses_data();
    void refuses();
    void judgesTimesOnTheCallersClock();
};

void TestTokens::issuedTokensAreStandardJwts()
{
    const auth::TokenService tokens(kSecret);
    const QString user = tokens.issueUserToken(QStringLiteral("ana"), QStringLiteral("Ana"),
                                               QStringLiteral("den"), 600, kNow);
    QCOMPARE(user.count(QLatin1Char('.')), 2);
    QCOMPARE(segment(user, 0).value(QStringLiteral("alg")).toString(), QStringLiteral("HS256"));
    QCOMPARE(segment(user, 0).value(QStringLiteral("typ")).toString(), QStringLiteral("JWT"));
    const QJsonObject claims = segment(user, 1);
    QCOMPARE(claims.value(QStringLiteral("sub")).toString(), QStringLiteral("ana"));
    QCOMPARE(claims.value(QStringLiteral("exp")).toInteger(), qint64(kNow) + 600);

    const auto verified = tokens.verifyAuthToken(user, kNow);
    QVERIFY(std::holds_alternative<auth::UserClaims>(verified));
    QCOMPARE(std::get<auth::UserClaims>(verified).name, QStringLiteral("Ana"));
    QCOMPARE(std::get<auth::UserClaims>(verified).room, QStringLiteral("den"));

    const auth::IssuedInvite invite = tokens.issueInvite(QStringLiteral("den"), 3600, kNow);
    QCOMPARE(segment(invite.token, 1).value(QStringLiteral("typ")).toString(),
             QStringLiteral("invite"));
    QVERIFY(std::holds_alternative<auth::InviteClaims>(
        tokens.verifyInvite(invite.token, QStringLiteral("den"), kNow)));
}

void TestTokens::acceptsAWellKnownHs256Token()
{
    // The HS256 example token that JWT documentation publishes, with its secret.
    const auth::TokenService tokens(QByteArrayLiteral("your-256-bit-secret"));
    const QString token = QStringLiteral(
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwi"
        "aWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c");
    const auto verified = tokens.verifyAuthToken(token, kNow);
    QVERIFY(std::holds_alternative<auth::UserClaims>(verified));
    QCOMPARE(std::get<auth::UserClaims>(verified).subject, QStringLiteral("1234567890"));
    QCOMPARE(std::get<auth::UserClaims>(verified).name, QStringLiteral("John Doe"));
}

void TestTokens::refuses_data()
{
    QTest::addColumn<QString>("token");
    const auth::TokenService tokens(kSecret);
    const QString good = tokens.issueUserToken(QStringLiteral("ana"), {}, {}, 600, kNow);
    const QStringList parts = good.split(QLatin1Char('.'));
    QTest::addRow("empty") << QString();
    QTest::addRow("two parts") << parts[0] + QLatin1Char('.') + parts[1];
    QTest::addRow("signature altered") << parts[0] + QLatin1Char('.') + parts[1] + QLatin1Char('.')
            + parts[2].left(10)
            + (parts[2].at(10) == QLatin1Char('A') ? QLatin1Char('B') : QLatin1Char('A'))
            + parts[2].mid(11);
    QTest::addRow("claims altered") << parts[0] + QLatin1Char('.')
            + b64(R"({"sub":"eve","exp":1800000000})") + QLatin1Char('.') + parts[2];
    QTest::addRow("alg none") << b64(R"({"alg":"none","typ":"JWT"})") + QLatin1Char('.') + parts[1]
            + QLatin1Char('.');
    QTest::addRow("alg HS512") << b64(R"({"alg":"HS512","typ":"JWT"})") + QLatin1Char('.')
            + parts[1] + QLatin1Char('.') + parts[2];
    QTest::addRow("other server") << auth::TokenService(QByteArray(40, 'x'))
                                         .issueUserToken(QStringLiteral("ana"), {}, {}, 600, kNow);
    QTest::addRow("invite as auth") << tokens.issueInvite(QStringLiteral("den"), 600, kNow).token;
}

void TestTokens::refuses()
{
    QFETCH(QString, token);
    const auth::TokenService tokens(kSecret);
    const auto verified = tokens.verifyAuthToken(token, kNow);
    QVERIFY(std::holds_alternative<ProtocolError>(verified));
    QCOMPARE(std::get<ProtocolError>(verified).code, ErrorCode::AuthInvalid);
}

void TestTokens::judgesTimesOnTheCallersClock()
{
    const auth::TokenService tokens(kSecret);
    const auth::IssuedInvite invite = tokens.issueInvite(QStringLiteral("den"), 60, kNow);
    const auto at
        = [&](double t) { return tokens.verifyInvite(invite.token, QStringLiteral("den"), t); };
    QVERIFY(std::holds_alternative<auth::InviteClaims>(at(kNow + 60)));
    // Within the leeway still valid; past it expired (not "invalid").
    QVERIFY(std::holds_alternative<auth::InviteClaims>(
        at(kNow + 60 + auth::TokenService::kLeewaySeconds)));
    const auto late = at(kNow + 61 + auth::TokenService::kLeewaySeconds);
    QVERIFY(std::holds_alternative<ProtocolError>(late));
    QCOMPARE(std::get<ProtocolError>(late).code, ErrorCode::InviteExpired);
    const auto elsewhere = tokens.verifyInvite(invite.token, QStringLiteral("attic"), kNow);
    QCOMPARE(std::get<ProtocolError>(elsewhere).code, ErrorCode::InviteInvalid);
}

QTEST_GUILESS_MAIN(TestTokens)
#include "tst_tokens.moc"
