#include "ServerErrorText.h"

#include "protocol/CloseCode.h"
#include "server/StartFailure.h"

#include "protocol/Messages.h"

#include <QUrl>

namespace lockstep::room {

QString ServerErrorText::describe(const protocol::Error &error)
{
    return describe(error.code, error.message);
}

QString ServerErrorText::describe(const QString &code, const QString &serverMessage)
{
    using protocol::ErrorCode;
    const std::optional<ErrorCode> known = protocol::errorCodeFromName(code.toStdString());
    if (!known) {
        return serverMessage.isEmpty()
            ? tr("The server refused the request (%1).").arg(code)
            : tr("The server refused the request: %1").arg(serverMessage);
    }
    switch (*known) {
    case ErrorCode::InviteInvalid:
        return tr("This invite link is not valid.");
    case ErrorCode::InviteExpired:
        return tr("This invite has expired. Ask the host for a new link.");
    case ErrorCode::RoomFull:
        return tr("This room is full. Ask the host whether someone can make space for you.");
    case ErrorCode::RoomNotFound:
        return tr("This room does not exist (any more). The host may have closed it.");
    case ErrorCode::RoomExists:
        return tr("A room with this name already exists on the server.");
    case ErrorCode::AuthRequired:
        return tr("You need an invite to enter this room. Ask the host for an invite link.");
    case ErrorCode::AuthInvalid:
        return tr("The server did not accept your access token. It may have expired, or be "
                  "meant for another server or room.");
    case ErrorCode::ClientIdTaken:
        return tr("You are already in this room from another connection. Try again in a "
                  "moment.");
    case ErrorCode::Forbidden:
        return tr("The room does not allow you to do that.");
    case ErrorCode::RateLimited:
        return tr("The server is busy, or too much was sent too quickly. Try again in a "
                  "moment.");
    case ErrorCode::AlreadyInRoom:
        return tr("This connection is already in a room.");
    case ErrorCode::NotInRoom:
        return tr("You are not in a room any more.");
    case ErrorCode::TooLarge:
    case ErrorCode::UnknownType:
        return tr("The server does not understand this version of Lockstep. Check for an "
                  "update.");
    case ErrorCode::BadRequest:
        return serverMessage.isEmpty()
            ? tr("The server did not accept the request.")
            : tr("The server did not accept the request: %1").arg(serverMessage);
    case ErrorCode::Internal:
        return tr("Something went wrong on the server. Try again.");
    case ErrorCode::WaitingForReady:
        return tr("The room starts as soon as everyone is ready.");
    }
    return serverMessage;
}

QString ServerErrorText::connectionFailed(const QUrl &server, const QString &reason)
{
    const QString where = server.host().isEmpty()
        ? server.toDisplayString()
        : server.host() + QLatin1Char(':') + QString::number(server.port(8765));
    const QString why = transportProblem(reason);
    if (why.isEmpty()) {
        return tr("Could not connect to %1. Check the address, and that the host is still "
                  "hosting and can be reached from your network.")
            .arg(where);
    }
    return tr("Could not connect to %1. %2").arg(where, why);
}

QString ServerErrorText::transportProblem(const QString &reason)
{
    // The socket's and Qt's own words are for the log, not for the user:
    // known ones become a sentence, the rest is left out.
    const auto says = [&reason](const char *words) {
        return reason.contains(QLatin1String(words), Qt::CaseInsensitive);
    };
    if (reason.isEmpty())
        return {};
    if (says("ssl") || says("tls") || says("certificate"))
        return tr("A secure connection could not be set up: the host's certificate does not "
                  "match the invite link.");
    if (says("http status code") || says("upgrade") || says("handshake"))
        return tr("There is a web server at that address, not a Lockstep room. Check the "
                  "invite link.");
    if (says("refused"))
        return tr("Nothing answers at that address: the host may have stopped hosting, or the "
                  "port is wrong.");
    if (says("host not found") || says("name or service not known") || says("not resolve"))
        return tr("That address could not be found. Check the invite link.");
    if (says("timed out") || says("timeout"))
        return tr("The host did not answer in time: it may be offline, or a firewall is in "
                  "the way.");
    if (says("unreachable"))
        return tr("Your network cannot reach that address.");
    if (says("remote host closed") || says("reset"))
        return tr("The host ended the connection at once.");
    return {};
}

QString ServerErrorText::certificateMismatch()
{
    return tr("This is not the host's computer: its certificate does not match the invite. "
              "Someone may be intercepting the connection, or the host has a new certificate. "
              "Nothing was sent; ask the host for a new invite link.");
}

QString ServerErrorText::hostingRefused(const protocol::Error &error)
{
    using protocol::ErrorCode;
    const std::optional<ErrorCode> known = protocol::errorCodeFromName(error.code.toStdString());
    if (known == ErrorCode::AuthRequired)
        return tr("This server lets only people with an access token create rooms. Enter the "
                  "token its admin gave you in Room > Host….");
    if (known == ErrorCode::AuthInvalid) {
        // The server's own words are the only place that tells an expired
        // token from a wrong one.
        if (error.message.contains(QLatin1String("expired"), Qt::CaseInsensitive))
            return tr("Your access token for this server has expired. Ask the server's admin for "
                      "a new one.");
        return tr("This server did not accept your access token. Check that it is the token "
                  "for this server, or ask its admin for a new one.");
    }
    return describe(error);
}

QString ServerErrorText::cannotHost(quint16 port, const server::StartFailure &failure)
{
    using Reason = server::StartFailure::Reason;
    switch (failure.reason) {
    case Reason::AddressInUse:
        return tr("Cannot host on port %1: another program is using it. Choose another port.")
            .arg(port);
    case Reason::PermissionDenied:
        return tr("Cannot host on port %1: ports below 1024 need administrator rights. Choose a "
                  "port above 1024.")
            .arg(port);
    case Reason::AddressUnavailable:
        return tr("Cannot host on port %1: this computer has no such network address.").arg(port);
    case Reason::TlsIncomplete:
    case Reason::TlsUnsupported:
    case Reason::TlsCertificateUnreadable:
    case Reason::TlsKeyUnreadable:
    case Reason::TlsInvalidPem:
        return tr("Cannot host an encrypted room: the certificate could not be used (%1).")
            .arg(failure.toString());
    case Reason::Other:
        break;
    }
    return tr("Cannot host on port %1 (%2).").arg(port).arg(failure.detail);
}

QString ServerErrorText::connectionLost(quint16 code, const QString &reason)
{
    using protocol::CloseCode;
    if (const std::optional<CloseCode> known = protocol::closeCodeFromValue(code)) {
        switch (*known) {
        case CloseCode::GoingAway:
            return tr("The server is shutting down.");
        case CloseCode::PolicyViolation:
            return tr("The server closed the connection: too much was sent too quickly.");
        case CloseCode::TooBig:
            return tr("The server closed the connection: a message was too large.");
        case CloseCode::ServerFull:
            return tr("The server is full. Try again later.");
        case CloseCode::Replaced:
            return tr("You joined this room again from somewhere else, so this window left it.");
        case CloseCode::RoomClosed:
            return tr("The host closed the room.");
        case CloseCode::CertificateMismatch:
            return certificateMismatch();
        default:
            break;
        }
    }
    const QString why = transportProblem(reason);
    return why.isEmpty() ? tr("The connection to the server was lost.")
                         : tr("The connection to the server was lost. %1").arg(why);
}

} // namespace lockstep::room
