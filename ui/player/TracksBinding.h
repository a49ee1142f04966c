#pragma once

#include "media/ContainerTracks.h"
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

namespace lockstep::ui {

class Settings;
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
// Subtitles are this user's own: nothing goes to the room.
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
    int subtitleDelayMs() const { return m_delayMs; }
    void setSubtitleDelay(int ms);
    // The media time the subtitles are drawn for, before the delay.
    qint64 clockMs() const { return m_clockMs; }
    // Whether a container read or a subtitle load is under way.
    bool isBusy() const { return m_pending > 0; }

signals:
    void notice(const QString &text, bool warning);
    // A short message for the toast only (the delay).
    void hint(const QString &text);
    // The track lists, the choice or what is shown changed.
    void subtitlesChanged();

private:
    struct Subtitle {
        QString id;
        QString label;
        QString toolTip;
        bool showable = true;
        bool isDefault = false;
        QString path; // external
        quint64 trackNumber = 0; // embedded
        QByteArray codec;
        QByteArray codecPrivate;
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
    QSize m_frameSize;
};

} // namespace lockstep::ui
