#include "TokenService.h"

#include <QCryptographicHash>
#include <QList>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QUuid>

#include <nlohmann/json.hpp>
#include <openssl/crypto.h>

#include <cmath>

namespace lockstep::auth {

using protocol::ErrorCode;
using protocol::ProtocolError;
using Json = nlohmann::json;

namespace {

constexpr auto kInviteType = "invite";
constexpr auto kMediaType = "media";

ProtocolError error(ErrorCode code, const char *message)
{
    return {code, QString::fromUtf8(message)};
}

QByteArray toBase64Url(const QByteArray &bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray hs256(const QByteArray &signingInput, const QByteArray &key)
{
    return QMessageAuthenticationCode::hash(signingInput, key, QCryptographicHash::Sha256);
}

std::optional<QByteArray> fromBase64Url(const QByteArray &text)
{
    auto decoded = QByteArray::fromBase64Encoding(text,
                                                  QByteArray::Base64UrlEncoding
                                                      | QByteArray::OmitTrailingEquals
                                                      | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    return *decoded;
}

std::optional<Json> parseObject(const QByteArray &base64Url)
{
    const auto text = fromBase64Url(base64Url);
    if (!text)
        return std::nullopt;
    Json json = Json::parse(text->begin(), text->end(), nullptr, false);
    if (json.is_discarded() || !json.is_object())
        return std::nullopt;
    return json;
}

// Decodes and verifies a token's signature, then its registered times on the
// caller's clock. Only HS256 is accepted, and the signature is checked before
// anything in the payload is believed: a forged token is invalid, never
// "expired". Times are judged on the injected clock (the simulator and the
// tests run servers on virtual time), which is why the project reads and
// writes its JWTs itself: HS256 is one HMAC over two base64url segments.
std::optional<Json> verifiedClaims(const QString &token, const QByteArray &key, double now,
                                   bool *expired, bool *immature)
{
    *expired = false;
    *immature = false;
    const QByteArray raw = token.toUtf8();
    const QList<QByteArray> parts = raw.split('.');
    if (parts.size() != 3 || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty())
        return std::nullopt;
    try {
        const auto header = parseObject(parts[0]);
        if (!header || header->value("alg", Json()) != "HS256")
            return std::nullopt;
        if (const auto typ = header->find("typ"); typ != header->end()
            && !(typ->is_string()
                 && QString::fromStdString(typ->get<std::string>())
                         .compare(QLatin1String("JWT"), Qt::CaseInsensitive)
                     == 0))
            return std::nullopt;

        const auto signature = fromBase64Url(parts[2]);
        const QByteArray expected = hs256(parts[0] + '.' + parts[1], key);
        if (!signature || signature->size() != expected.size()
            || CRYPTO_memcmp(signature->constData(), expected.constData(),
                             std::size_t(expected.size()))
                != 0)
            return std::nullopt;

        const auto claims = parseObject(parts[1]);
        if (!claims)
            return std::nullopt;
        const double leeway = TokenService::kLeewaySeconds;
        if (const auto exp = claims->find("exp"); exp != claims->end()) {
            if (!exp->is_number())
                return std::nullopt;
            if (now > exp->get<double>() + leeway) {
                *expired = true;
                return std::nullopt;
            }
        }
        if (const auto nbf = claims->find("nbf"); nbf != claims->end()) {
            if (!nbf->is_number())
                return std::nullopt;
            if (now + leeway < nbf->get<double>()) {
                *immature = true;
                return std::nullopt;
            }
        }
        return claims;
    } catch (const std::exception &) {
        return std::nullopt;
    }
}

QString claimString(const Json &claims, const char *name)
{
    const auto it = claims.find(name);
    if (it == claims.end() || !it->is_string())
        return {};
    return QString::fromStdString(it->get<std::string>());
}

QString sign(const Json &claims, const QByteArray &key)
{
    static const QByteArray header
        = toBase64Url(QByteArrayLiteral(R"({"alg":"HS256","typ":"JWT"})"));
    const std::string payload = claims.dump();
    const QByteArray signingInput
        = header + '.' + toBase64Url(QByteArray(payload.data(), qsizetype(payload.size())));
    return QString::fromLatin1(signingInput + '.' + toBase64Url(hs256(signingInput, key)));
}

} // namespace

TokenService::TokenService(const QByteArray &secret)
    : m_key(secret), m_authRequired(!secret.isEmpty())
{
    if (m_key.isEmpty()) {
        m_key.resize(32);
        QRandomGenerator::system()->generate(m_key.begin(), m_key.end());
    }
}

std::optional<QString> TokenService::secretProblem(const QByteArray &secret)
{
    if (secret.size() < kMinSecretBytes) {
        return QStringLiteral("JWT_SECRET is %1 bytes long; it must be at least %2 bytes (for "
                              "example the output of `openssl rand -base64 48`).")
            .arg(secret.size())
            .arg(kMinSecretBytes);
    }
    return std::nullopt;
}

std::variant<UserClaims, ProtocolError> TokenService::verifyAuthToken(const QString &token,
                                                                      double now) const
{
    bool expired = false;
    bool immature = false;
    const auto claims = verifiedClaims(token, m_key, now, &expired, &immature);
    if (expired)
        return error(ErrorCode::AuthInvalid, "The auth token has expired.");
    if (immature)
        return error(ErrorCode::AuthInvalid, "The auth token is not valid yet.");
    if (!claims)
        return error(ErrorCode::AuthInvalid, "The auth token is not valid for this server.");
    if (claimString(*claims, "typ") == QLatin1String(kInviteType))
        return error(ErrorCode::AuthInvalid, "An invite token cannot be used as an auth token.");
    if (claimString(*claims, "typ") == QLatin1String(kMediaType))
        return error(ErrorCode::AuthInvalid, "A media token cannot be used as an auth token.");
    UserClaims user {claimString(*claims, "sub"), claimString(*claims, "name"),
                     claimString(*claims, "room")};
    if (user.subject.isEmpty())
        return error(ErrorCode::AuthInvalid, "The auth token names no user (claim 'sub').");
    return user;
}

std::variant<InviteClaims, ProtocolError>
TokenService::verifyInvite(const QString &token, const QString &room, double now) const
{
    bool expired = false;
    bool immature = false;
    const auto claims = verifiedClaims(token, m_key, now, &expired, &immature);
    if (expired)
        return error(ErrorCode::InviteExpired, "The invite has expired; ask for a new one.");
    if (!claims || immature)
        return error(ErrorCode::InviteInvalid, "The invite is not valid for this server.");
    if (claimString(*claims, "typ") != QLatin1String(kInviteType))
        return error(ErrorCode::InviteInvalid, "This token is not an invite.");
    InviteClaims invite {claimString(*claims, "room"), 0.0, claimString(*claims, "jti")};
    if (invite.room != room)
        return error(ErrorCode::InviteInvalid, "The invite is for another room.");
    if (const auto exp = claims->find("exp"); exp != claims->end() && exp->is_number())
        invite.expiresAt = exp->get<double>();
    else
        return error(ErrorCode::InviteInvalid, "The invite has no expiry.");
    return invite;
}

QString TokenService::issueMediaToken(const QString &room, const QString &client, double now) const
{
    const auto issuedAt = std::uint64_t(std::floor(now));
    const Json claims = {
        {"typ", kMediaType},
        {"room", room.toStdString()},
        {"sub", client.toStdString()},
        {"iat", issuedAt},
        {"exp", issuedAt + std::uint64_t(kMediaTokenSeconds)},
    };
    return sign(claims, m_key);
}

std::variant<MediaClaims, ProtocolError>
TokenService::verifyMediaToken(const QString &token, const QString &room, double now) const
{
    bool expired = false;
    bool immature = false;
    const auto claims = verifiedClaims(token, m_key, now, &expired, &immature);
    if (expired)
        return error(ErrorCode::AuthInvalid, "The media token has expired.");
    if (!claims || immature)
        return error(ErrorCode::AuthInvalid, "The media token is not valid for this server.");
    if (claimString(*claims, "typ") != QLatin1String(kMediaType))
        return error(ErrorCode::AuthInvalid, "This token is not a media token.");
    MediaClaims media {claimString(*claims, "room"), claimString(*claims, "sub"), 0.0};
    if (media.room != room)
        return error(ErrorCode::AuthInvalid, "The media token is for another room.");
    if (const auto exp = claims->find("exp"); exp != claims->end() && exp->is_number())
        media.expiresAt = exp->get<double>();
    else
        return error(ErrorCode::AuthInvalid, "The media token has no expiry.");
    return media;
}

IssuedInvite TokenService::issueInvite(const QString &room, int expiresInSeconds, double now) const
{
    const auto issuedAt = std::uint64_t(std::floor(now));
    const std::uint64_t expiresAt = issuedAt + std::uint64_t(expiresInSeconds);
    const Json claims = {
        {"typ", kInviteType},
        {"room", room.toStdString()},
        {"iat", issuedAt},
        {"exp", expiresAt},
        {"jti", QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString()},
    };
    return {sign(claims, m_key), double(expiresAt)};
}

QString TokenService::issueUserToken(const QString &subject, const QString &name,
                                     const QString &room, int ttlSeconds, double now) const
{
    const auto issuedAt = std::uint64_t(std::floor(now));
    Json claims = {{"typ", "auth"},
                   {"sub", subject.toStdString()},
                   {"iat", issuedAt},
                   {"exp", issuedAt + std::uint64_t(ttlSeconds)}};
    if (!name.isEmpty())
        claims["name"] = name.toStdString();
    if (!room.isEmpty())
        claims["room"] = room.toStdString();
    return sign(claims, m_key);
}

} // namespace lockstep::auth
