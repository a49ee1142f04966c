// lockstep: the desktop app. Parses the command line and wires the window up.
#include "AppComposition.h"
#include "FileOpenHandler.h"
#include "MainWindow.h"
#include "StartupOptions.h"
#include "Theme.h"
#include "Translations.h"
#include "player/PipelineQueues.h"
#include "room/InviteLink.h"
#include "room/Settings.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QTextStream>

#include <cstring>

namespace {

struct CommandLine {
    QCommandLineParser parser;
    QCommandLineOption open {QStringLiteral("open"),
                             QCoreApplication::translate("AppMain", "Play FILE or URL."),
                             QCoreApplication::translate("AppMain", "FILE|URL")};
    QCommandLineOption subtitles {
        QStringLiteral("subtitles"),
        QCoreApplication::translate("AppMain",
                                    "Show the subtitles in FILE (.srt, .vtt, .ass or .ssa) with "
                                    "the media given to play."),
        QCoreApplication::translate("AppMain", "FILE")};
    QCommandLineOption join {
        QStringLiteral("join"),
        QCoreApplication::translate("AppMain", "Join the room of a lockstep://join invite LINK."),
        QCoreApplication::translate("AppMain", "LINK")};
    QCommandLineOption host {
        QStringLiteral("host"),
        QCoreApplication::translate("AppMain", "Host a room (with --open, for that media).")};
    QCommandLineOption port {QStringLiteral("port"),
                             QCoreApplication::translate(
                                 "AppMain", "Port to host on (with --host; 0 picks a free one)."),
                             QCoreApplication::translate("AppMain", "N")};
    QCommandLineOption server {
        QStringLiteral("server"),
        QCoreApplication::translate("AppMain",
                                    "With --host: make the room on the lockstep-server at URL "
                                    "(ws://HOST:PORT/ or wss://HOST:PORT/) instead of hosting "
                                    "it on this computer; the invite link names that server."),
        QCoreApplication::translate("AppMain", "URL")};
    QCommandLineOption authToken {
        QStringLiteral("auth-token"),
        QCoreApplication::translate("AppMain",
                                    "With --server: the access token that server asks for."),
        QCoreApplication::translate("AppMain", "TOKEN")};
    QCommandLineOption name {
        QStringLiteral("name"),
        QCoreApplication::translate("AppMain", "The name others see in the room, for this run."),
        QCoreApplication::translate("AppMain", "NAME")};
    QCommandLineOption syncLog {
        QStringLiteral("sync-log"),
        QCoreApplication::translate("AppMain",
                                    "Write one JSON line per second about the sync engine to "
                                    "FILE."),
        QCoreApplication::translate("AppMain", "FILE")};
    QCommandLineOption inviteFile {
        QStringLiteral("invite-file"),
        QCoreApplication::translate("AppMain", "When hosting, write the invite link to FILE."),
        QCoreApplication::translate("AppMain", "FILE")};

    QCommandLineOption audioDelay {
        QStringLiteral("audio-delay"),
        QCoreApplication::translate(
            "AppMain",
            "Your sound reaches you MS milliseconds late (0 to 1000; Bluetooth headphones, a "
            "TV): your player runs that much ahead of the room, for this run."),
        QCoreApplication::translate("AppMain", "MS")};

    CommandLine()
    {
        parser.setApplicationDescription(
            QCoreApplication::translate("AppMain",
                                        "Watch a video together, in step: everyone plays their own "
                                        "copy or streams the host's."));
        parser.addHelpOption();
        parser.addVersionOption();
        parser.addOptions({open, subtitles, join, host, port, server, authToken, name, syncLog,
                           inviteFile, audioDelay});
        parser.addPositionalArgument(
            QStringLiteral("link"),
            QCoreApplication::translate("AppMain",
                                        "A lockstep:// invite link to join, or a file to play."),
            QCoreApplication::translate("AppMain", "[LINK|FILE]"));
    }
};

int fail(const QString &message)
{
    QTextStream(stderr) << "lockstep: " << message << Qt::endl;
    return 2;
}

// --help and --version must work without a display (over ssh, in packaging checks).
bool onlyWantsText(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        for (const char *flag : {"-h", "--help", "--help-all", "-v", "--version", "-?"}) {
            if (std::strcmp(argv[i], flag) == 0)
                return true;
        }
    }
    return false;
}

// Qt's X11 platform plugin reads "--name" (its WM_CLASS option) and removes
// it from the arguments before the parser sees them; take it out first.
QString takeNameOption(int &argc, char *argv[])
{
    QString name;
    int kept = 1;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--name") == 0 && i + 1 < argc) {
            name = QString::fromLocal8Bit(argv[++i]);
            continue;
        }
        if (std::strncmp(argv[i], "--name=", 7) == 0) {
            name = QString::fromLocal8Bit(argv[i] + 7);
            continue;
        }
        argv[kept++] = argv[i];
    }
    argc = kept;
    argv[argc] = nullptr;
    return name;
}

void describeApplication()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Lockstep"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("lockstep.app"));
    QCoreApplication::setApplicationName(QStringLiteral("Lockstep"));
    QCoreApplication::setApplicationVersion(QStringLiteral(LOCKSTEP_VERSION));
}

} // namespace

int main(int argc, char *argv[])
{
    using namespace lockstep::ui;
    using namespace lockstep::room;

    if (onlyWantsText(argc, argv)) {
        QCoreApplication app(argc, argv);
        describeApplication();
        Translations::install(app, Settings().language());
        CommandLine cli;
        cli.parser.process(app); // prints and exits
        return 0;
    }

    const QString name = takeNameOption(argc, argv);
    QApplication app(argc, argv);
    describeApplication();
    QApplication::setApplicationDisplayName(QStringLiteral("Lockstep"));
    // Matches the .desktop file, so Wayland compositors find the icon and name.
    QGuiApplication::setDesktopFileName(QStringLiteral("app.lockstep.Lockstep"));
    Translations::install(app, Settings().language());
    Theme::apply(Theme::fromSetting(Settings().theme()));

    CommandLine cli;
    cli.parser.process(app);
    const QCommandLineParser &parser = cli.parser;

    StartupOptions options;
    options.open = parser.value(cli.open);
    options.subtitles = parser.value(cli.subtitles);
    options.joinLink = parser.value(cli.join);
    options.host = parser.isSet(cli.host);
    options.name = parser.isSet(cli.name) ? parser.value(cli.name) : name;
    options.syncLogPath = parser.value(cli.syncLog);
    options.inviteFilePath = parser.value(cli.inviteFile);
    for (const QString &argument : parser.positionalArguments()) {
        QString &slot = InviteLink::looksLikeLink(argument) ? options.joinLink : options.open;
        if (!slot.isEmpty())
            return fail(
                QCoreApplication::translate("AppMain", "Give at most one link and one file."));
        slot = argument;
    }
    if (!options.subtitles.isEmpty()) {
        if (options.open.isEmpty())
            return fail(QCoreApplication::translate(
                "AppMain", "--subtitles goes with a file to play (--open FILE or FILE)."));
        if (!QFileInfo(options.subtitles).isFile())
            return fail(QCoreApplication::translate("AppMain", "There is no subtitle file %1.")
                            .arg(options.subtitles));
    }
    if (parser.isSet(cli.port)) {
        bool ok = false;
        const uint value = parser.value(cli.port).toUInt(&ok);
        if (!ok || value > 65535)
            return fail(
                QCoreApplication::translate("AppMain", "--port needs a number from 0 to 65535."));
        if (!options.host)
            return fail(QCoreApplication::translate("AppMain", "--port goes with --host."));
        options.port = quint16(value);
    }
    if (parser.isSet(cli.server)) {
        if (!options.host)
            return fail(QCoreApplication::translate("AppMain", "--server goes with --host."));
        if (options.port)
            return fail(QCoreApplication::translate(
                "AppMain", "Choose either --port (host on this computer) or --server, not both."));
        options.server = QUrl(parser.value(cli.server).trimmed(), QUrl::StrictMode);
        if (options.server.isValid() && options.server.path().isEmpty())
            options.server.setPath(QStringLiteral("/"));
        if (!InviteLink::isValidServer(options.server))
            return fail(QCoreApplication::translate(
                "AppMain",
                "--server needs a ws:// or wss:// address with a host, like "
                "wss://watch.example.org:8765/."));
    }
    if (parser.isSet(cli.authToken)) {
        if (options.server.isEmpty())
            return fail(QCoreApplication::translate("AppMain", "--auth-token goes with --server."));
        options.authToken = parser.value(cli.authToken).trimmed();
    }
    if (parser.isSet(cli.audioDelay)) {
        bool ok = false;
        const int value = parser.value(cli.audioDelay).trimmed().toInt(&ok);
        if (!ok || value < 0 || value > 1000)
            return fail(QCoreApplication::translate(
                "AppMain", "--audio-delay needs a number of milliseconds from 0 to 1000."));
        options.audioDelayMs = value;
    }
    if (options.host && !options.joinLink.isEmpty())
        return fail(
            QCoreApplication::translate("AppMain", "Choose either --host or --join, not both."));

    // Before the window makes its QMediaPlayer.
    PipelineQueues::install();
    lockstep::app::AppComposition composition;
    MainWindow &window = composition.window();
    app.installEventFilter(window.fileOpenHandler());
    window.show();
    window.start(options);
    return app.exec();
}
