#include "InviteLink.h"

#include "HostCertificate.h"

#include <QUrlQuery>

namespace lockstep::room {

InviteLink::InviteLink(QUrl server, QString room, QString invite, QString fingerprint)
    : m_server(std::move(server)), m_room(std::move(room)), m_invite(std::move(invite)),
      m_fingerprint(std::move(fingerprint))
{
}

QByteArray InviteLink::certificateDigest() const
{
    return HostCertificate::decodeFingerprint(m_fingerprint);
}

bool InviteLink::looksLikeLink(const QString &text)
{
    QString trimmed = text.trimmed();
    if (trimmed.startsWith(QLatin1Char('<')))
        trimmed.remove(0, 1);
    return trimmed.startsWith(QLatin1String("lockstep:"), Qt::CaseInsensitive);
}

bool InviteLink::isValidRoomId(const QString &id)
{
    if (id.isEmpty() || id.size() > 64)
        return false;
    for (const QChar c : id) {
        const bool ok = (c >= QLatin1Char('a') && c <= QLatin1Char('z'))
            || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
            || (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('_')
            || c == QLatin1Char('-') || c == QLatin1Char('.') || c == QLatin1Char('~');
        if (!ok)
            return false;
    }
    return true;
}

bool InviteLink::isValidServer(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    return url.isValid() && (scheme == QLatin1String("ws") || scheme == QLatin1String("wss"))
        && !url.host().isEmpty();
}

std::optional<InviteLink> InviteLink::parse(const QString &text, QString *error)
{
    const auto fail = [error](const QString &why) -> std::optional<InviteLink> {
        if (error)
            *error = why;
        return std::nullopt;
    };

    QString trimmed = text.trimmed();
    // Chat apps and mail clients like to wrap links in angle brackets.
    if (trimmed.startsWith(QLatin1Char('<')) && trimmed.endsWith(QLatin1Char('>')))
        trimmed = trimmed.mid(1, trimmed.size() - 2).trimmed();
    if (trimmed.isEmpty())
        return fail(tr("Paste the invite link you were sent."));

    const QUrl url(trimmed, QUrl::StrictMode);
    if (!url.isValid() || url.scheme().compare(QLatin1String("lockstep"), Qt::CaseInsensitive))
        return fail(tr("This is not a Lockstep invite link. Invite links start with "
                       "lockstep://join."));
    if (url.host().compare(QLatin1String("join"), Qt::CaseInsensitive)
        || (!url.path().isEmpty() && url.path() != QLatin1String("/")))
        return fail(tr("This Lockstep link does not lead to a room."));

    const QUrlQuery query(url);
    const QString serverText = query.queryItemValue(QStringLiteral("server"), QUrl::FullyDecoded);
    if (serverText.isEmpty())
        return fail(tr("The link does not say which server the room is on."));
    const QUrl server(serverText, QUrl::StrictMode);
    if (!isValidServer(server))
        return fail(tr("The server in the link must be a ws:// or wss:// address."));

    const QString room = query.queryItemValue(QStringLiteral("room"), QUrl::FullyDecoded);
    if (room.isEmpty())
        return fail(tr("The link does not say which room to join."));
    if (!isValidRoomId(room))
        return fail(tr("The room in the link is not a valid room name."));

    const QString fingerprint = query.queryItemValue(QStringLiteral("fp"), QUrl::FullyDecoded);
    if (query.hasQueryItem(QStringLiteral("fp"))) {
        if (HostCertificate::decodeFingerprint(fingerprint).isEmpty())
            return fail(tr("The link's certificate fingerprint (fp) is damaged. Ask the host to "
                           "send the link again."));
        // A fingerprint promises encryption; a ws:// server could not keep it.
        if (server.scheme().compare(QLatin1String("wss"), Qt::CaseInsensitive))
            return fail(tr("The link names a certificate fingerprint but an unencrypted ws:// "
                           "server. Ask the host to send the link again."));
    }

    return InviteLink(server, room,
                      query.queryItemValue(QStringLiteral("invite"), QUrl::FullyDecoded),
                      fingerprint);
}

QString InviteLink::toString() const
{
    const auto encode
        = [](const QString &value) { return QString::fromLatin1(QUrl::toPercentEncoding(value)); };
    QString link = QStringLiteral("lockstep://join?server=")
        % encode(m_server.toString(QUrl::FullyEncoded)) % QStringLiteral("&room=") % encode(m_room);
    if (!m_invite.isEmpty())
        link += QStringLiteral("&invite=") % encode(m_invite);
    if (!m_fingerprint.isEmpty())
        link += QStringLiteral("&fp=") % encode(m_fingerprint);
    return link;
}

QUrl InviteLink::toUrl() const
{
    return QUrl(toString(), QUrl::StrictMode);
}

} // namespace lockstep::room
