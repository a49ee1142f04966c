// lockstep-server: the headless session server, and an admin's token minter.
#include "auth/TokenService.h"
#include "protocol/Clock.h"
#include "server/SessionServer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QTextStream>
#include <QTimer>

#include <csignal>
#include <cstdio>
#include <functional>
#include <vector>

#ifdef Q_OS_UNIX
#include <QSocketNotifier>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>
#endif

Q_LOGGING_CATEGORY(lcMain, "lockstep.main", QtInfoMsg)

using namespace lockstep;

namespace {

int fail(const QString &message)
{
    QTextStream(stderr) << "lockstep-server: " << message << Qt::endl;
    return 2;
}

// Every connection is a descriptor: raise the soft open-file limit as far as
// the hard limit allows, and say so when --max-connections cannot be reached.
void raiseDescriptorLimit(int maxConnections)
{
#ifdef Q_OS_UNIX
    rlimit limit {};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return;
    if (limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
    constexpr rlim_t kReserved = 64; // listener, epoll, logs, libraries
    if (limit.rlim_cur != RLIM_INFINITY && limit.rlim_cur < rlim_t(maxConnections) + kReserved)
        qCWarning(lcMain).noquote() << "the open-file limit is" << limit.rlim_cur << "so about"
                                    << qMax<qint64>(0, qint64(limit.rlim_cur) - qint64(kReserved))
                                    << "connections fit, not --max-connections" << maxConnections
                                    << "(raise LimitNOFILE or ulimit -n)";
#else
    Q_UNUSED(maxConnections);
#endif
}

// "90", "90s", "30m", "24h", "7d" -> seconds; -1 when unreadable.
qint64 parseDuration(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d+)([smhd]?)$"));
    const auto match = pattern.match(text.trimmed());
    if (!match.hasMatch())
        return -1;
    const qint64 value = match.captured(1).toLongLong();
    const QString unit = match.captured(2);
    if (unit == QLatin1String("m"))
        return value * 60;
    if (unit == QLatin1String("h"))
        return value * 3600;
    if (unit == QLatin1String("d"))
        return value * 86400;
    return value;
}

bool setLogLevel(const QString &level)
{
    static const QStringList levels {QStringLiteral("debug"), QStringLiteral("info"),
                                     QStringLiteral("warning"), QStringLiteral("error")};
    const qsizetype index = levels.indexOf(level);
    if (index < 0)
        return false;
    QString rules;
    for (qsizetype i = 0; i < levels.size() - 1; ++i) {
        rules += QStringLiteral("lockstep.*.%1=%2\n")
                     .arg(levels[i], i >= index ? QStringLiteral("true") : QStringLiteral("false"));
    }
    rules.replace(QLatin1String("lockstep.*.error"), QLatin1String("lockstep.*.critical"));
    QLoggingCategory::setFilterRules(rules);
    return true;
}

int mintToken(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Prints a signed user token (JWT) for this server's JWT_SECRET."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("token"), QStringLiteral("The token command."));
    const QCommandLineOption sub(QStringLiteral("sub"), QStringLiteral("User id (required)."),
                                 QStringLiteral("id"));
    const QCommandLineOption name(QStringLiteral("name"), QStringLiteral("Display name."),
                                  QStringLiteral("name"));
    const QCommandLineOption room(QStringLiteral("room"),
                                  QStringLiteral("Restrict the token to one room."),
                                  QStringLiteral("id"));
    const QCommandLineOption ttl(QStringLiteral("ttl"),
                                 QStringLiteral("Lifetime: 3600, 30m, 24h, 7d (default 24h)."),
                                 QStringLiteral("duration"), QStringLiteral("24h"));
    parser.addOptions({sub, name, room, ttl});
    if (!parser.parse(arguments))
        return fail(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << parser.helpText();
        return 0;
    }
    const QByteArray secret = qgetenv("JWT_SECRET");
    if (secret.isEmpty())
        return fail(QStringLiteral("JWT_SECRET is not set; tokens are signed with it."));
    if (const auto problem = auth::TokenService::secretProblem(secret))
        return fail(*problem);
    if (parser.value(sub).trimmed().isEmpty())
        return fail(QStringLiteral("--sub is required."));
    const qint64 seconds = parseDuration(parser.value(ttl));
    if (seconds <= 0 || seconds > 366LL * 86400)
        return fail(QStringLiteral("--ttl must be a duration from 1s to 366d, like 24h."));
    const auth::TokenService tokens(secret);
    QTextStream(stdout) << tokens.issueUserToken(parser.value(sub).trimmed(), parser.value(name),
                                                 parser.value(room), int(seconds),
                                                 protocol::SystemClock::instance().now())
                        << Qt::endl;
    return 0;
}

#ifdef Q_OS_UNIX
int g_signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(g_signalPipe[1], &byte, 1);
}
#endif

void quitOnSignals(QCoreApplication &app, const std::function<void()> &onQuit)
{
#ifdef Q_OS_UNIX
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalPipe) != 0)
        return;
    auto *notifier = new QSocketNotifier(g_signalPipe[0], QSocketNotifier::Read, &app);
    QObject::connect(notifier, &QSocketNotifier::activated, &app, [notifier, onQuit] {
        char byte = 0;
        [[maybe_unused]] const auto got = ::read(g_signalPipe[0], &byte, 1);
        notifier->setEnabled(false);
        onQuit();
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
#else
    static std::function<void()> handler;
    handler = onQuit;
    std::signal(SIGINT, [](int) {
        QMetaObject::invokeMethod(
            QCoreApplication::instance(), [] { handler(); }, Qt::QueuedConnection);
    });
    std::signal(SIGTERM, [](int) {
        QMetaObject::invokeMethod(
            QCoreApplication::instance(), [] { handler(); }, Qt::QueuedConnection);
    });
    Q_UNUSED(app);
#endif
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("lockstep-server"));
    QCoreApplication::setOrganizationName(QStringLiteral("Lockstep"));
    QCoreApplication::setApplicationVersion(QStringLiteral(LOCKSTEP_VERSION));
    qSetMessagePattern(QStringLiteral(
        "%{time yyyy-MM-ddThh:mm:ss.zzz} %{if-debug}debug%{endif}%{if-info}info%{endif}"
        "%{if-warning}warning%{endif}%{if-critical}error%{endif}%{if-fatal}fatal%{endif} "
        "%{message}"));

    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() > 1 && arguments.at(1) == QLatin1String("token"))
        return mintToken(arguments);

    server::SessionServerConfig config;
    server::ServerLimits &limits = config.limits;
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Lockstep session server.\n\n"
        "Environment: JWT_SECRET (at least 32 bytes) makes create_room need an auth token\n"
        "and join_room an auth token or an invite.\n\n"
        "Mint a user token: lockstep-server token --sub NAME [--name N] [--room ID] [--ttl 24h]"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption host(QStringLiteral("host"),
                                  QStringLiteral("Address to listen on: an IP address, or 'any' "
                                                 "for every IPv4 and IPv6 address (default)."),
                                  QStringLiteral("address"), QStringLiteral("any"));
    const QCommandLineOption cert(QStringLiteral("tls-cert"),
                                  QStringLiteral("PEM certificate (chain) for wss."),
                                  QStringLiteral("file"));
    const QCommandLineOption key(QStringLiteral("tls-key"), QStringLiteral("PEM private key."),
                                 QStringLiteral("file"));
    // Every numeric limit: flag, help (%1: the default), range, and where it goes.
    struct NumericFlag {
        const char *name;
        const char *help;
        const char *valueName;
        double min;
        double max;
        double fallback;
        std::function<void(double)> apply;
    };
    const std::vector<NumericFlag> numericFlags {
        {"port", "Port, 0 for any free one (default %1).", "port", 0, 65535, double(config.port),
         [&](double v) { config.port = quint16(v); }},
        {"max-rooms", "Rooms at most (default %1).", "n", 1, 1e7, double(limits.maxRooms),
         [&](double v) { limits.maxRooms = int(v); }},
        {"max-participants", "Participants per room at most (default %1).", "n", 1, 1e6,
         double(limits.maxParticipants), [&](double v) { limits.maxParticipants = int(v); }},
        {"max-connections", "Connections at most (default %1).", "n", 1, 1e7,
         double(limits.maxConnections), [&](double v) { limits.maxConnections = int(v); }},
        {"max-frame-bytes", "Largest frame accepted (default %1).", "bytes", 1024, 16 * 1024 * 1024,
         double(limits.maxFrameBytes), [&](double v) { limits.maxFrameBytes = std::size_t(v); }},
        {"rate-limit", "Frames per second per connection (default %1).", "n", 1, 1e6,
         limits.rateLimitPerSecond, [&](double v) { limits.rateLimitPerSecond = v; }},
        {"rate-burst", "Burst of frames allowed (default %1).", "n", 1, 1e6, limits.rateLimitBurst,
         [&](double v) { limits.rateLimitBurst = v; }},
        {"idle-timeout",
         "Seconds a connection may stay without creating, joining or pinging (default %1).", "s", 1,
         86400, limits.idleTimeout, [&](double v) { limits.idleTimeout = v; }},
        {"handshake-timeout", "Seconds for the WebSocket handshake (default %1).", "s", 1, 3600,
         limits.handshakeTimeout, [&](double v) { limits.handshakeTimeout = v; }},
        {"keepalive-timeout", "Seconds of silence before a peer is dropped (default %1).", "s", 2,
         86400, limits.keepaliveTimeout,
         [&](double v) {
             limits.keepaliveTimeout = v;
             limits.keepaliveInterval = std::min(limits.keepaliveInterval, v / 5);
         }},
        {"empty-room-grace", "Seconds an empty room is kept (default %1).", "s", 0, 86400,
         limits.emptyRoomGrace, [&](double v) { limits.emptyRoomGrace = v; }},
        {"large-room",
         "Rooms past this size announce arrivals to the host only and list this many "
         "participants (default %1).",
         "n", 2, 1e6, double(limits.largeRoom), [&](double v) { limits.largeRoom = int(v); }},
        {"max-name-length", "Display name length at most (default %1).", "n", 1, 64,
         double(limits.maxNameLength), [&](double v) { limits.maxNameLength = int(v); }},
    };
    parser.addOption(host);
    std::vector<QCommandLineOption> numericOptions;
    for (const NumericFlag &flag : numericFlags) {
        numericOptions.emplace_back(
            QString::fromLatin1(flag.name), QString::fromLatin1(flag.help).arg(flag.fallback),
            QString::fromLatin1(flag.valueName), QString::number(flag.fallback));
        parser.addOption(numericOptions.back());
    }
    const QCommandLineOption origin(QStringLiteral("allowed-origin"),
                                    QStringLiteral("Allow only this Origin (repeatable); by "
                                                   "default any."),
                                    QStringLiteral("origin"));
    const QCommandLineOption logLevel(QStringLiteral("log-level"),
                                      QStringLiteral("debug, info, warning or error (default "
                                                     "info)."),
                                      QStringLiteral("level"), QStringLiteral("info"));
    const QCommandLineOption network(
        QStringLiteral("network"),
        QStringLiteral("native (epoll WebSocket server on Linux without TLS; default) or qt "
                       "(QWebSocketServer)."),
        QStringLiteral("kind"), QStringLiteral("native"));
    parser.addOptions({cert, key, origin, logLevel, network});
    parser.process(app);

    if (!parser.positionalArguments().isEmpty())
        return fail(QStringLiteral("unexpected argument '%1' (see --help).")
                        .arg(parser.positionalArguments().first()));
    if (parser.value(host) == QLatin1String("any"))
        config.address = QHostAddress::Any;
    else if (!config.address.setAddress(parser.value(host)))
        return fail(QStringLiteral("--host: '%1' is not an IP address.").arg(parser.value(host)));

    for (std::size_t i = 0; i < numericFlags.size(); ++i) {
        const NumericFlag &flag = numericFlags[i];
        bool good = false;
        const double value = parser.value(numericOptions[i]).toDouble(&good);
        if (!good || value < flag.min || value > flag.max)
            return fail(QStringLiteral("--%1 must be a number from %2 to %3.")
                            .arg(QString::fromLatin1(flag.name))
                            .arg(flag.min)
                            .arg(flag.max));
        flag.apply(value);
    }
    limits.allowedOrigins = parser.values(origin);
    if (!setLogLevel(parser.value(logLevel)))
        return fail(QStringLiteral("--log-level must be debug, info, warning or error."));
    if (parser.value(network) == QLatin1String("qt"))
        config.network = server::SessionServerConfig::Network::Qt;
    else if (parser.value(network) != QLatin1String("native"))
        return fail(QStringLiteral("--network must be native or qt."));
    config.tlsCertificatePath = parser.value(cert);
    config.tlsKeyPath = parser.value(key);

    config.jwtSecret = qgetenv("JWT_SECRET");
    if (!config.jwtSecret.isEmpty()) {
        if (const auto problem = auth::TokenService::secretProblem(config.jwtSecret))
            return fail(*problem);
    }

    raiseDescriptorLimit(limits.maxConnections);
    server::SessionServer server(config);
    server::StartFailure failure;
    if (!server.start(&failure)) {
        return fail(QStringLiteral("Cannot listen on %1 port %2: %3")
                        .arg(config.address.toString())
                        .arg(config.port)
                        .arg(failure.toString()));
    }
    qCInfo(lcMain).noquote() << "lockstep-server" << LOCKSTEP_VERSION << "ready;"
                             << (config.jwtSecret.isEmpty()
                                     ? "rooms are open (no JWT_SECRET)"
                                     : "auth tokens required (JWT_SECRET set)");

    quitOnSignals(app, [&server, &app] {
        qCInfo(lcMain) << "shutting down";
        server.stop();
        // Let the close frames go out before the process ends.
        QTimer::singleShot(300, &app, &QCoreApplication::quit);
    });
    return app.exec();
}
