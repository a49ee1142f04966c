#pragma once

#include "protocol/ErrorCode.h"

#include <QByteArray>
#include <QString>

#include <optional>
#include <variant>

namespace lockstep::auth {

// Claims of a user (auth) token: who the bearer is, optionally restricted to one room.
struct UserClaims {
    QString subject;
    QString name;
    QString room; // empty: any room
};

struct InviteClaims {
    QString room;
    double expiresAt = 0.0;
    QString id;
};

// Claims of a media token: lets one member of one room fetch the file the
// host shares (docs/protocol.md, "Sharing the host's file").
struct MediaClaims {
    QString room;
    QString client;
    double expiresAt = 0.0;
};

struct IssuedInvite {
    QString token;
    double expiresAt = 0.0;
};

// Issues and verifies the server's JWTs (HS256 only). Auth, invite and media
// tokens are told apart by the `typ` claim: none is ever accepted as another. Times are epoch
// seconds taken from the caller, so tests and simulations control them.
class TokenService
{
public:
    static constexpr int kMinSecretBytes = 32;
    static constexpr int kLeewaySeconds = 5;

    // An empty secret means "no JWT_SECRET": rooms are open and invites are
    // signed with a random per-process key.
    explicit TokenService(const QByteArray &secret = {});

    // Why a configured secret cannot be used, or nullopt when it is fine.
    static std::optional<QString> secretProblem(const QByteArray &secret);

    bool authRequired() const { return m_authRequired; }

    std::variant<UserClaims, protocol::ProtocolError> verifyAuthToken(const QString &token,
                                                                      double now) const;
    std::variant<InviteClaims, protocol::ProtocolError>
    verifyInvite(const QString &token, const QString &room, double now) const;

    // Media tokens (`typ: "media"`): valid for `room` only, kMediaTokenSeconds.
    static constexpr int kMediaTokenSeconds = 12 * 3600;
    QString issueMediaToken(const QString &room, const QString &client, double now) const;
    std::variant<MediaClaims, protocol::ProtocolError>
    verifyMediaToken(const QString &token, const QString &room, double now) const;

    IssuedInvite issueInvite(const QString &room, int expiresInSeconds, double now) const;
    QString issueUserToken(const QString &subject, const QString &name, const QString &room,
                           int ttlSeconds, double now) const;

private:
    QByteArray m_key;
    bool m_authRequired = false;
};

} // namespace lockstep::auth
