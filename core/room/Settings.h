#pragma once

#include <QByteArray>
#include <QSettings>
#include <QString>
#include <QStringList>

namespace lockstep::room {

// Everything the app remembers between runs, in one place. Backed by
// QSettings (organization and application "Lockstep"), so tests can point it
// at a temporary folder with QSettings::setPath().
class Settings
{
public:
    static constexpr int kMaxRecentMedia = 10;
    static constexpr int kMaxRecentServers = 10;
    static constexpr quint16 kDefaultPort = 8765;

    Settings();

    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray &state);

    int volume() const; // 0..100
    void setVolume(int volume);
    bool muted() const;
    void setMuted(bool muted);
    // How late the sound reaches this person on the audio output `device`
    // (its QAudioDevice id), ms, 0-1000 (Playback > Audio Delay).
    int audioDelay(const QByteArray &device) const;
    void setAudioDelay(const QByteArray &device, int milliseconds);

    // The name others see in a room; defaults to the login name.
    QString displayName() const;
    void setDisplayName(const QString &name);

    // Local paths and URLs, most recent first.
    QStringList recentMedia() const;
    void addRecentMedia(const QString &entry);
    void clearRecentMedia();
    QString lastDirectory() const;
    void setLastDirectory(const QString &directory);
    // Where a dialog that picks media starts: the last folder a file was
    // picked in while it still exists, else the user's videos folder if
    // there is one, else home (a folder that is not there would be taken by
    // the dialog as a file name to pre-fill).
    QString browseDirectory() const;

    // ws:// and wss:// server URLs joined before, most recent first.
    QStringList recentServers() const;
    void addRecentServer(const QString &url);

    // "system" (the default), "light" or "dark".
    QString theme() const;
    void setTheme(const QString &theme);

    // Empty: follow the system.
    QString language() const;
    void setLanguage(const QString &code);

    quint16 hostPort() const;
    void setHostPort(quint16 port);
    bool hostOnlyControl() const;
    void setHostOnlyControl(bool hostOnly);
    bool hostInviteOnly() const;
    void setHostInviteOnly(bool inviteOnly);
    int inviteExpiry() const; // seconds
    void setInviteExpiry(int seconds);
    bool hostOpensRouterPort() const;
    void setHostOpensRouterPort(bool open);
    bool hostStartWhenReady() const;
    void setHostStartWhenReady(bool startWhenReady);
    // "Let guests stream my file" (on by default).
    bool hostSharesFile() const;
    void setHostSharesFile(bool share);

    // Which local file is this user's copy of a room's file; `key` names the
    // room's file (LocalCopies makes it). The most recent kMaxLocalCopies.
    static constexpr int kMaxLocalCopies = 500;
    QString localCopy(const QString &key) const;
    void setLocalCopy(const QString &key, const QString &path);
    // The folders of the most recently remembered copies, newest first.
    QStringList localCopyFolders() const;

    // Subtitle size in percent of the script's own (50..200, default 100)
    // and how far above the bottom plain subtitles sit, in percent of the
    // picture's height (0..90, default 0).
    int subtitleScale() const;
    void setSubtitleScale(int percent);
    int subtitlePosition() const;
    void setSubtitlePosition(int percent);

    // The audio and subtitle track chosen for a file, and its subtitle
    // delay; `key` names the file by name and size (TrackChoice::keyFor).
    // The most recent kMaxTrackChoices files are remembered.
    static constexpr int kMaxTrackChoices = 500;
    struct TrackChoice {
        int audio = -1; // index among the audio tracks; -1: not chosen
        QString subtitle; // "off", "embedded:N" or "external:PATH"; empty: not chosen
        int subtitleDelayMs = 0;
    };
    static QString trackChoiceKey(const QString &path);
    TrackChoice trackChoice(const QString &fileKey) const;
    void setTrackChoice(const QString &fileKey, const TrackChoice &choice);

    // Host on a lockstep-server rather than on this computer.
    bool hostOnServer() const;
    void setHostOnServer(bool onServer);
    QString hostServer() const; // its ws:// or wss:// address
    void setHostServer(const QString &url);
    QString hostAuthToken() const; // the access token it asks for, if any
    void setHostAuthToken(const QString &token);

    void sync();

    // The name used until the user sets one.
    static QString defaultDisplayName();
    // The rule behind it: the account's full name, else the login name, else
    // the computer's name; never "root" nor a name that says nothing.
    static QString chooseDisplayName(const QString &user, const QString &fullName,
                                     const QString &hostName);

private:
    void prepend(const QString &key, const QString &entry, int max);

    QSettings m_settings;
};

} // namespace lockstep::room
