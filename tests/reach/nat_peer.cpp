// nat_peer: the app's hosting and joining without a window, for the nat
// test, which runs it inside network namespaces. It prints one JSON object a
// line on stdout (what happened, and when, in ms since "Start hosting") and,
// as host, takes commands on stdin: "stop" (stop hosting), "quit".
//
//   nat_peer host CERT_DIR PORT LEASE_SECONDS [ipv6]
//     ipv6: open no port; invite through the global IPv6 address the
//     Host dialog offers, as a user picking it there would.
//   nat_peer join LINK
#include "RoomTestAccess.h"
#include "protocol/Clock.h"
#include "room/InviteLink.h"
#include "room/NetworkTransport.h"
#include "room/PortMapper.h"
#include "room/ReachabilityCheck.h"
#include "room/RoomSession.h"
#include "server/SessionServer.h"
#include "sim/SimPlayer.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMetaEnum>
#include <QSocketNotifier>
#include <QStandardPaths>
#include <QTextStream>

#include <cstdio>
#include <memory>
#include <unistd.h>

using namespace lockstep;
using room::PortMapper;
using room::RoomSession;

namespace {

QElapsedTimer g_clock;

void say(QJsonObject event)
{
    event.insert(QStringLiteral("ms"), double(g_clock.elapsed()));
    std::fputs(QJsonDocument(event).toJson(QJsonDocument::Compact).constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

QString stateName(PortMapper::State state)
{
    switch (state) {
    case PortMapper::State::Idle:
        return QStringLiteral("idle");
    case PortMapper::State::Working:
        return QStringLiteral("working");
    case PortMapper::State::Open:
        return QStringLiteral("open");
    case PortMapper::State::Failed:
        return QStringLiteral("failed");
    }
    return {};
}

int usage()
{
    std::fputs("usage: nat_peer host CERT_DIR PORT LEASE_SECONDS [ipv6] | nat_peer join LINK\n",
               stderr);
    return 2;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    g_clock.start();
    const QStringList args = app.arguments();
    if (args.size() < 3)
        return usage();

    sim::SimPlayer player(protocol::SystemClock::instance());
    auto session = std::make_unique<RoomSession>(
        player, protocol::SystemClock::instance(),
        std::make_unique<room::NetworkTransport>(protocol::SystemClock::instance()));
    QObject::connect(session.get(), &RoomSession::ended, &app,
                     [](const QString &message, bool onPurpose) {
                         say({{QStringLiteral("event"), QStringLiteral("ended")},
                              {QStringLiteral("message"), message},
                              {QStringLiteral("on_purpose"), onPurpose}});
                     });

    if (args.at(1) == QLatin1String("join")) {
        const std::optional<room::InviteLink> link = room::InviteLink::parse(args.at(2));
        if (!link)
            return usage();
        QObject::connect(session.get(), &RoomSession::joined, &app, [&session] {
            say({{QStringLiteral("event"), QStringLiteral("joined")},
                 {QStringLiteral("verified"), session->connection().connectionVerified()}});
        });
        session->join(*link, QStringLiteral("Friend"));
        return app.exec();
    }

    if (args.at(1) != QLatin1String("host") || args.size() < 5 || args.size() > 6)
        return usage();
    const bool ipv6 = args.size() == 6 && args.at(5) == QLatin1String("ipv6");
    room::HostOptions options;
    options.name = QStringLiteral("Host");
    options.certificateDirectory = args.at(2);
    options.port = quint16(args.at(3).toUInt());
    PortMapper &mapper = room::RoomTestAccess::portMapper(*session);
    mapper.setLeaseSeconds(args.at(4).toInt());

    QObject::connect(&mapper, &PortMapper::stateChanged, &app, [&mapper](PortMapper::State state) {
        say({{QStringLiteral("event"), QStringLiteral("mapping")},
             {QStringLiteral("state"), stateName(state)},
             {QStringLiteral("protocol"), PortMapper::protocolName(mapper.protocol())},
             {QStringLiteral("external"), mapper.externalAddress().toString()},
             {QStringLiteral("status"), mapper.statusText()}});
    });
    QObject::connect(
        &session->hosting().reachability(), &room::ReachabilityCheck::finished, &app,
        [&session](room::ReachabilityCheck::Outcome outcome) {
            say({{QStringLiteral("event"), QStringLiteral("reachability")},
                 {QStringLiteral("outcome"),
                  QString::fromLatin1(QMetaEnum::fromType<room::ReachabilityCheck::Outcome>()
                                          .valueToKey(int(outcome)))},
                 {QStringLiteral("text"), session->hosting().reachability().text()}});
        });
    QObject::connect(&mapper, &PortMapper::renewed, &app, [] {
        say({{QStringLiteral("event"), QStringLiteral("renewed")}});
    });
    QObject::connect(session.get(), &RoomSession::inviteLinkChanged, &app, [](const QString &link) {
        if (!link.isEmpty())
            say({{QStringLiteral("event"), QStringLiteral("invite")},
                 {QStringLiteral("link"), link}});
    });
    QObject::connect(
        session.get(), &RoomSession::participantsChanged, &app,
        [&session](const QList<protocol::Participant> &participants) {
            say({{QStringLiteral("event"), QStringLiteral("participants")},
                 {QStringLiteral("count"), int(participants.size())},
                 {QStringLiteral("verified"), session->connection().connectionVerified()}});
        });

    // As the Host dialog's "Start Hosting" with "Open the port on my router".
    say({{QStringLiteral("event"), QStringLiteral("start")}});
    QString error;
    if (!session->startServer(options, &error)) {
        say({{QStringLiteral("event"), QStringLiteral("error")},
             {QStringLiteral("message"), error}});
        return 1;
    }
    QJsonObject addresses;
    for (const room::HostAddress &address : session->hosting().hostAddresses()) {
        addresses.insert(address.url.toString(), address.description());
        if (ipv6 && address.kind == room::HostAddress::Kind::GlobalIpv6
            && session->hosting().inviteServer().host() != address.url.host())
            session->setInviteServer(address.url);
    }
    say({{QStringLiteral("event"), QStringLiteral("addresses")},
         {QStringLiteral("offered"), addresses}});
    if (!ipv6)
        mapper.open(session->hosting().serverPort());
    session->createRoom(room::RoomMedia());

    QSocketNotifier input(STDIN_FILENO, QSocketNotifier::Read);
    QObject::connect(&input, &QSocketNotifier::activated, &app, [&] {
        char line[64] = {};
        const ssize_t n = ::read(STDIN_FILENO, line, sizeof line - 1);
        const QByteArray command = QByteArray(line, n > 0 ? int(n) : 0).trimmed();
        if (n <= 0 || command == "quit") {
            input.setEnabled(false);
            // As quitting the app: the session goes, and with it the mapping.
            session.reset();
            say({{QStringLiteral("event"), QStringLiteral("quit")}});
            app.quit();
        } else if (command == "stop") {
            session->stopHosting();
            say({{QStringLiteral("event"), QStringLiteral("stopped")},
                 {QStringLiteral("unmapped"),
                  room::RoomTestAccess::portMapper(*session).waitForRemoval()}});
        }
    });
    return app.exec();
}
