#include "Settings.h"

#include <QSysInfo>

#ifdef Q_OS_UNIX
#include <pwd.h>
#include <unistd.h>
#endif

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

#include <algorithm>

namespace lockstep::room {

namespace {

QString key(const char *name)
{
    return QString::fromLatin1(name);
}

} // namespace

Settings::Settings() : m_settings(QStringLiteral("Lockstep"), QStringLiteral("Lockstep"))
{
}

QByteArray Settings::windowGeometry() const
{
    return m_settings.value(key("window/geometry")).toByteArray();
}

void Settings::setWindowGeometry(const QByteArray &geometry)
{
    m_settings.setValue(key("window/geometry"), geometry);
}

QByteArray Settings::windowState() const
{
    return m_settings.value(key("window/state")).toByteArray();
}

void Settings::setWindowState(const QByteArray &state)
{
    m_settings.setValue(key("window/state"), state);
}

int Settings::volume() const
{
    return std::clamp(m_settings.value(key("player/volume"), 80).toInt(), 0, 100);
}

void Settings::setVolume(int volume)
{
    m_settings.setValue(key("player/volume"), std::clamp(volume, 0, 100));
}

namespace {

QString audioDelayKey(const QByteArray &device)
{
    // Device ids hold slashes and colons; the key holds neither.
    return QStringLiteral("audio/delay/")
        + QString::fromLatin1(
               device.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

} // namespace

int Settings::audioDelay(const QByteArray &device) const
{
    return std::clamp(m_settings.value(audioDelayKey(device), 0).toInt(), 0, 1000);
}

void Settings::setAudioDelay(const QByteArray &device, int milliseconds)
{
    m_settings.setValue(audioDelayKey(device), std::clamp(milliseconds, 0, 1000));
}

bool Settings::muted() const
{
    return m_settings.value(key("player/muted"), false).toBool();
}

void Settings::setMuted(bool muted)
{
    m_settings.setValue(key("player/muted"), muted);
}

QString Settings::defaultDisplayName()
{
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("USERNAME");
    QString fullName;
#ifdef Q_OS_UNIX
    if (const passwd *entry = ::getpwuid(::getuid()); entry && entry->pw_gecos)
        fullName = QString::fromLocal8Bit(entry->pw_gecos).section(QLatin1Char(','), 0, 0);
#endif
    return chooseDisplayName(user, fullName, QSysInfo::machineHostName());
}

QString Settings::chooseDisplayName(const QString &user, const QString &fullName,
                                    const QString &hostName)
{
    // Names that say nothing about who is watching.
    const auto meaningless = [](const QString &name) {
        return name.isEmpty() || name.compare(QLatin1String("root"), Qt::CaseInsensitive) == 0
            || name.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0;
    };
    const auto capitalised = [](QString name) {
        name = name.trimmed().left(64);
        if (!name.isEmpty())
            name[0] = name[0].toUpper();
        return name;
    };
    if (const QString full = fullName.trimmed(); !meaningless(full))
        return full.left(64);
    if (const QString login = user.trimmed(); !meaningless(login))
        return capitalised(login);
    // The first label of the computer's name ("Kitchen-pc" rather than
    // "Guest", so that a friend does not see "Guest's room").
    if (const QString machine = hostName.trimmed().section(QLatin1Char('.'), 0, 0);
        !meaningless(machine))
        return capitalised(machine);
    return QCoreApplication::translate("lockstep::room::Settings", "Lockstep host");
}

QString Settings::displayName() const
{
    const QString name = m_settings.value(key("user/displayName")).toString().trimmed();
    return name.isEmpty() ? defaultDisplayName() : name;
}

void Settings::setDisplayName(const QString &name)
{
    m_settings.setValue(key("user/displayName"), name.trimmed());
}

void Settings::prepend(const QString &settingsKey, const QString &entry, int max)
{
    if (entry.isEmpty())
        return;
    QStringList list = m_settings.value(settingsKey).toStringList();
    list.removeAll(entry);
    list.prepend(entry);
    while (list.size() > max)
        list.removeLast();
    m_settings.setValue(settingsKey, list);
}

QStringList Settings::recentMedia() const
{
    return m_settings.value(key("recent/media")).toStringList();
}

void Settings::addRecentMedia(const QString &entry)
{
    prepend(key("recent/media"), entry, kMaxRecentMedia);
}

void Settings::clearRecentMedia()
{
    m_settings.remove(key("recent/media"));
}

QString Settings::lastDirectory() const
{
    return m_settings.value(key("recent/directory")).toString();
}

void Settings::setLastDirectory(const QString &directory)
{
    m_settings.setValue(key("recent/directory"), directory);
}

QString Settings::browseDirectory() const
{
    for (const QString &candidate :
         {lastDirectory(), QStandardPaths::writableLocation(QStandardPaths::MoviesLocation)}) {
        if (!candidate.isEmpty() && QFileInfo(candidate).isDir())
            return candidate;
    }
    return QDir::homePath();
}

QStringList Settings::recentServers() const
{
    return m_settings.value(key("recent/servers")).toStringList();
}

void Settings::addRecentServer(const QString &url)
{
    prepend(key("recent/servers"), url, kMaxRecentServers);
}

QString Settings::language() const
{
    return m_settings.value(key("user/language")).toString();
}

void Settings::setLanguage(const QString &code)
{
    m_settings.setValue(key("user/language"), code);
}

quint16 Settings::hostPort() const
{
    const int port = m_settings.value(key("host/port"), int(kDefaultPort)).toInt();
    return port > 0 && port <= 65535 ? quint16(port) : kDefaultPort;
}

void Settings::setHostPort(quint16 port)
{
    m_settings.setValue(key("host/port"), int(port));
}

bool Settings::hostOnlyControl() const
{
    return m_settings.value(key("host/hostOnlyControl"), false).toBool();
}

void Settings::setHostOnlyControl(bool hostOnly)
{
    m_settings.setValue(key("host/hostOnlyControl"), hostOnly);
}

bool Settings::hostInviteOnly() const
{
    return m_settings.value(key("host/inviteOnly"), true).toBool();
}

void Settings::setHostInviteOnly(bool inviteOnly)
{
    m_settings.setValue(key("host/inviteOnly"), inviteOnly);
}

int Settings::inviteExpiry() const
{
    const int seconds = m_settings.value(key("host/inviteExpiry"), 24 * 3600).toInt();
    return std::clamp(seconds, 60, 7 * 24 * 3600);
}

void Settings::setInviteExpiry(int seconds)
{
    m_settings.setValue(key("host/inviteExpiry"), seconds);
}

bool Settings::hostOpensRouterPort() const
{
    return m_settings.value(key("host/openRouterPort"), false).toBool();
}

void Settings::setHostOpensRouterPort(bool open)
{
    m_settings.setValue(key("host/openRouterPort"), open);
}

QString Settings::theme() const
{
    return m_settings.value(key("theme"), QStringLiteral("system")).toString();
}

void Settings::setTheme(const QString &theme)
{
    m_settings.setValue(key("theme"), theme);
}

bool Settings::hostStartWhenReady() const
{
    return m_settings.value(key("host/startWhenReady"), false).toBool();
}

void Settings::setHostStartWhenReady(bool startWhenReady)
{
    m_settings.setValue(key("host/startWhenReady"), startWhenReady);
}

bool Settings::hostSharesFile() const
{
    return m_settings.value(key("host/shareFile"), true).toBool();
}

void Settings::setHostSharesFile(bool share)
{
    m_settings.setValue(key("host/shareFile"), share);
}

QString Settings::localCopy(const QString &copyKey) const
{
    return m_settings.value(key("copies/paths")).toMap().value(copyKey).toString();
}

void Settings::setLocalCopy(const QString &copyKey, const QString &path)
{
    if (copyKey.isEmpty() || path.isEmpty())
        return;
    QVariantMap paths = m_settings.value(key("copies/paths")).toMap();
    QStringList order = m_settings.value(key("copies/order")).toStringList();
    order.removeAll(copyKey);
    order.prepend(copyKey);
    paths.insert(copyKey, path);
    while (order.size() > kMaxLocalCopies)
        paths.remove(order.takeLast());
    m_settings.setValue(key("copies/paths"), paths);
    m_settings.setValue(key("copies/order"), order);
}

QStringList Settings::localCopyFolders() const
{
    const QVariantMap paths = m_settings.value(key("copies/paths")).toMap();
    QStringList folders;
    for (const QString &copyKey : m_settings.value(key("copies/order")).toStringList()) {
        const QString folder = QFileInfo(paths.value(copyKey).toString()).absolutePath();
        if (!folder.isEmpty() && !folders.contains(folder))
            folders << folder;
        if (folders.size() >= 8)
            break;
    }
    return folders;
}

int Settings::subtitleScale() const
{
    return std::clamp(m_settings.value(key("subtitles/scale"), 100).toInt(), 50, 200);
}

void Settings::setSubtitleScale(int percent)
{
    m_settings.setValue(key("subtitles/scale"), std::clamp(percent, 50, 200));
}

int Settings::subtitlePosition() const
{
    return std::clamp(m_settings.value(key("subtitles/position"), 0).toInt(), 0, 90);
}

void Settings::setSubtitlePosition(int percent)
{
    m_settings.setValue(key("subtitles/position"), std::clamp(percent, 0, 90));
}

QString Settings::trackChoiceKey(const QString &path)
{
    const QFileInfo file(path);
    if (path.isEmpty() || !file.isFile())
        return {};
    return QStringLiteral("%1|%2").arg(file.fileName()).arg(file.size());
}

Settings::TrackChoice Settings::trackChoice(const QString &fileKey) const
{
    const QVariantMap entry
        = m_settings.value(key("tracks/choices")).toMap().value(fileKey).toMap();
    TrackChoice choice;
    choice.audio = entry.value(QStringLiteral("audio"), -1).toInt();
    choice.subtitle = entry.value(QStringLiteral("subtitle")).toString();
    choice.subtitleDelayMs
        = std::clamp(entry.value(QStringLiteral("delay"), 0).toInt(), -600000, 600000);
    return choice;
}

void Settings::setTrackChoice(const QString &fileKey, const TrackChoice &choice)
{
    if (fileKey.isEmpty())
        return;
    QVariantMap choices = m_settings.value(key("tracks/choices")).toMap();
    QStringList order = m_settings.value(key("tracks/order")).toStringList();
    order.removeAll(fileKey);
    order.prepend(fileKey);
    choices.insert(fileKey,
                   QVariantMap {{QStringLiteral("audio"), choice.audio},
                                {QStringLiteral("subtitle"), choice.subtitle},
                                {QStringLiteral("delay"), choice.subtitleDelayMs}});
    while (order.size() > kMaxTrackChoices)
        choices.remove(order.takeLast());
    m_settings.setValue(key("tracks/choices"), choices);
    m_settings.setValue(key("tracks/order"), order);
}

bool Settings::hostOnServer() const
{
    return m_settings.value(key("host/onServer"), false).toBool();
}

void Settings::setHostOnServer(bool onServer)
{
    m_settings.setValue(key("host/onServer"), onServer);
}

QString Settings::hostServer() const
{
    return m_settings.value(key("host/server")).toString();
}

void Settings::setHostServer(const QString &url)
{
    m_settings.setValue(key("host/server"), url);
}

QString Settings::hostAuthToken() const
{
    return m_settings.value(key("host/authToken")).toString();
}

void Settings::setHostAuthToken(const QString &token)
{
    m_settings.setValue(key("host/authToken"), token);
}

void Settings::sync()
{
    m_settings.sync();
}

} // namespace lockstep::room
