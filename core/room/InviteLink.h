#pragma once

#include <QCoreApplication>
#include <QString>
#include <QUrl>

#include <optional>

namespace lockstep::room {

// A lockstep://join?server=<ws-url>&room=<id>&invite=<token>[&fp=<sha256>]
// link: which server, which room, the invite that lets its holder in and,
// for a room hosted in an app, the fingerprint of the only certificate that
// server may show (see HostCertificate). It needs nothing from the core, so
// a link can be checked before anything runs.
class InviteLink
{
    Q_DECLARE_TR_FUNCTIONS(lockstep::room::InviteLink)

public:
    InviteLink() = default;
    InviteLink(QUrl server, QString room, QString invite = {}, QString fingerprint = {});

    // Reads a link as pasted (surrounding spaces or <angle brackets> are
    // fine). On failure returns nullopt and says why in `error`.
    static std::optional<InviteLink> parse(const QString &text, QString *error = nullptr);
    // Whether `text` is meant to be a Lockstep link at all (valid or not).
    static bool looksLikeLink(const QString &text);
    // Whether `id` may be used as a room id: 1-64 of A-Z a-z 0-9 _ . ~ -.
    static bool isValidRoomId(const QString &id);
    // Whether `url` can be a server: ws:// or wss:// with a host.
    static bool isValidServer(const QUrl &url);

    QUrl server() const { return m_server; }
    QString room() const { return m_room; }
    QString invite() const { return m_invite; }
    // `fp`: base64url SHA-256 of the server's certificate; empty when the
    // link names none (the usual certificate checks apply then).
    QString fingerprint() const { return m_fingerprint; }
    // The 32 bytes of fingerprint(); empty without one.
    QByteArray certificateDigest() const;

    // Each value percent-encoded, as in any URL query.
    QString toString() const;
    QUrl toUrl() const;

    bool operator==(const InviteLink &) const = default;

private:
    QUrl m_server;
    QString m_room;
    QString m_invite;
    QString m_fingerprint;
};

} // namespace lockstep::room
