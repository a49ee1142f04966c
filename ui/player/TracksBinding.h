#pragma once

#include "SubtitleShare.h"
#include "media/ContainerTracks.h"
#include "protocol/Messages.h"
#include "subtitles/SubtitleRenderer.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <atomic>
#include <memory>

class QAction;
class QMediaPlayer;
class QVideoFrame;
class QWidget;

namespace lockstep::room {
class Settings;
} // namespace lockstep::room

namespace lockstep::ui {

using namespace lockstep::room;

class SubtitleOverlay;
class TrackMenu;
class VideoView;

// The media's audio and subtitle tracks, and the subtitles drawn over the
// picture. When a file opens it reads the container's track tags on a
// worker thread (languages, titles, default flags), finds subtitle files
// beside it (Film.srt, Film.en.srt, Film.eng.srt…), labels the Audio Track
// and Subtitles menus, and restores the choice remembered for the file
// (by name and size), else shows the file's default subtitle track. It
// loads subtitle files (File > Load Subtitles…, a drop, --subtitles) and
// embedded text tracks on a worker thread, draws the chosen one with libass
// on a clock taken from the frames being shown and, when paused, seeking or
// without frames, from the player's position, and shifts it by the delay.
// Which track each person shows is their own: nothing about it goes to the
// room. A host that shares its file offers its subtitles with it
// (shareableSources); a guest lists the host's next to its own, "From
// Alice: English", and shows one once its text is fetched
// (sharedSubtitleWanted, setSharedSubtitleText).
class TracksBinding : public QObject
{
    Q_OBJECT

public:
    // Steps of the delay actions.
    static constexpr int kDelayStepMs = 50;

    TracksBinding(QMediaPlayer &player, VideoView &view, Settings &settings, QWidget &window);
    ~TracksBinding() override;

    TrackMenu *audioMenu() const { return m_audioMenu; }
    TrackMenu *subtitleMenu() const { return m_subtitleMenu; }
    QAction *loadSubtitlesAction() const { return m_loadAction; }
    QAction *delayLaterAction() const { return m_delayLater; }
    QAction *delayEarlierAction() const { return m_delayEarlier; }
    QAction *delayResetAction() const { return m_delayReset; }
    SubtitleOverlay *overlay() const { return m_overlay; }

    // Loads a .srt, .vtt, .ass or .ssa file for the media playing now and
    // shows it; says in a sentence (notice) when it cannot.
    void loadSubtitleFile(const QString &path);
    // Size and position from the settings, applied at once.
    void applyStyle();

    // "off", "embedded:N" (N counts the container's subtitle tracks) or
    // "external:PATH".
    QString currentSubtitle() const { return m_current; }
    // The name of the track drawn now (as the menu lists it), once its text
    // is read; empty when none is.
    QString shownSubtitle() const;
    int subtitleDelayMs() const { return m_delayMs; }
    void setSubtitleDelay(int ms);
    // The media time the subtitles are drawn for, before the delay.
    qint64 clockMs() const { return m_clockMs; }
    // Whether a container read or a subtitle load is under way.
    bool isBusy() const { return m_pending > 0; }

    // The host's side: the subtitles it has for its film that can be shared
    // (text ones, files and embedded tracks).
    QList<SubtitleSource> shareableSources() const;
    // A guest's side: the list the room's host shares (empty: none, or not
    // in a room). With `pickOwnLanguage`, a track in the app's language is
    // shown when nothing else was chosen (a guest who streams the host's
    // film has no subtitles of its own).
    void setHostSubtitles(const QString &hostName, const QList<protocol::SharedSubtitle> &list,
                          bool pickOwnLanguage);
    void setSharedSubtitleText(const QString &sharedId, const QByteArray &text,
                               protocol::SubtitleFormat format);
    void sharedSubtitleFailed(const QString &sharedId, const QString &sentence);

signals:
    void notice(const QString &text, bool warning);
    // A short message for the toast only (the delay).
    void hint(const QString &text);
    // The track lists, the choice or what is shown changed.
    void subtitlesChanged();
    // A host's shared track was chosen and its text is needed.
    void sharedSubtitleWanted(const QString &sharedId);

private:
    struct Subtitle {
        QString id;
        QString label;
        QString toolTip;
        bool showable = true;
        bool isDefault = false;
        QString path; // external
        quint64 trackNumber = 0; // embedded
        int indexInType = 0; // embedded
        QByteArray codec;
        QByteArray codecPrivate;
        QString language;
        QString title;
        QString sharedId; // one of the host's shared tracks
        protocol::SubtitleFormat sharedFormat = protocol::SubtitleFormat::Srt;
        QByteArray script; // once loaded
        bool loading = false;
        bool chooseWhenLoaded = false; // asked for by the user: shown once it reads
    };
    struct Inspection;

    void onSourceChanged();
    void onInspected(quint64 generation, const Inspection &result);
    void onFrame(const QVideoFrame &frame);
    void onPosition(qint64 ms);
    void rebuildAudioMenu();
    void rebuildSubtitleMenu();
    void chooseSubtitle(const QString &id, bool remember);
    void chooseAudio(int index, bool remember);
    void startLoading(Subtitle &subtitle);
    void onLoaded(quint64 generation, const QString &id, const QByteArray &script,
                  const QStringList &notes, const QString &error);
    Subtitle *find(const QString &id);
    void addExternal(const QString &path, bool select);
    void addHostSubtitles();
    void pickSharedSubtitle();
    void remember();
    void refresh();
    void layoutOverlay();
    void showLoadDialog();
    QString audioLabel(int index) const;

    QMediaPlayer &m_player;
    VideoView &m_view;
    Settings &m_settings;
    QWidget &m_window;
    SubtitleOverlay *m_overlay;
    TrackMenu *m_audioMenu;
    TrackMenu *m_subtitleMenu;
    QAction *m_loadAction;
    QAction *m_delayLater;
    QAction *m_delayEarlier;
    QAction *m_delayReset;
    subtitles::SubtitleRenderer m_renderer;

    quint64 m_generation = 0;
    std::shared_ptr<std::atomic_bool> m_cancel;
    int m_pending = 0;
    QString m_mediaPath;
    QString m_fileKey;
    bool m_inspected = false;
    QList<media::TrackInfo> m_audioInfo;
    QList<Subtitle> m_subtitles;
    QString m_current = QStringLiteral("off");
    QString m_wanted; // remembered choice waiting for its track
    int m_wantedAudio = -1;
    int m_delayMs = 0;
    qint64 m_clockMs = 0;
    QElapsedTimer m_lastFrame;
    QString m_hostName;
    QList<protocol::SharedSubtitle> m_hostSubtitles;
    bool m_pickShared = false;
    QUrl m_pickedFor; // the film a shared track was picked for, or chosen by hand
    QSize m_frameSize;
};

} // namespace lockstep::ui
