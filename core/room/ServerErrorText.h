#pragma once

#include <QCoreApplication>
#include <QString>

class QUrl;

namespace lockstep::protocol {
struct Error;
}
namespace lockstep::server {
struct StartFailure;
}

namespace lockstep::room {

// Every way a server can turn us away, and every way a connection can end,
// as a sentence people understand (the server's own messages are English
// and written for developers).
class ServerErrorText
{
    Q_DECLARE_TR_FUNCTIONS(lockstep::room::ServerErrorText)

public:
    static QString describe(const protocol::Error &error);
    // By wire code ("invite_expired"); `serverMessage` is used for codes this
    // version does not know.
    static QString describe(const QString &code, const QString &serverMessage = {});
    // The first connection to `server` failed; `reason` is the socket's.
    static QString connectionFailed(const QUrl &server, const QString &reason);
    // Hosting on `port` failed.
    static QString cannotHost(quint16 port, const server::StartFailure &failure);
    // The server showed another certificate than the invite link names.
    static QString certificateMismatch();
    // The server named in the host options would not let us create the room.
    static QString hostingRefused(const protocol::Error &error);
    // An established connection closed with a WebSocket close code.
    static QString connectionLost(quint16 code, const QString &reason);
    // The socket's or Qt's words about a failed connection as a sentence, or
    // empty when they say nothing a user can act on. Never the words themselves.
    static QString transportProblem(const QString &reason);
};

} // namespace lockstep::room
