#include "TracksBinding.h"

#include "SubtitleOverlay.h"
#include "TrackMenu.h"
#include "VideoView.h"
#include "room/Settings.h"
#include "subtitles/SubtitleDocument.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QLocale>
#include <QMediaMetaData>
#include <QMediaPlayer>
#include <QVideoFrame>
#include <QVideoSink>
#include <QtConcurrent/QtConcurrentRun>

#include <cmath>

namespace lockstep::ui {

using namespace lockstep::room;

namespace {

// A frame newer than this drives the clock; older ones mean the player is
// paused or shows no picture, and its position does.
constexpr qint64 kFrameFreshMs = 250;
// A position this far from the frames' time is a seek.
constexpr qint64 kSeekJumpMs = 1000;
constexpr int kMaxDelayMs = 600000;

QString embeddedId(int index)
{
    return QStringLiteral("embedded:%1").arg(index);
}

QString externalId(const QString &path)
{
    return QStringLiteral("external:") + QFileInfo(path).absoluteFilePath();
}

QString sharedId(const QString &id)
{
    return QStringLiteral("shared:") + id;
}

QString formatSuffix(protocol::SubtitleFormat format)
{
    switch (format) {
    case protocol::SubtitleFormat::Srt:
        return QStringLiteral("srt");
    case protocol::SubtitleFormat::Vtt:
        return QStringLiteral("vtt");
    case protocol::SubtitleFormat::Ass:
        return QStringLiteral("ass");
    }
    return QStringLiteral("srt");
}

// Whether `code` names the language the app speaks ("en", "eng", "en-GB").
bool isOwnLanguage(const QString &code)
{
    // The app speaks English, its source language, under the C locale.
    const QString own = QLocale().language() == QLocale::C
        ? QStringLiteral("en")
        : QLocale().name().section(QLatin1Char('_'), 0, 0);
    if (code.isEmpty() || own.isEmpty())
        return false;
    if (code.section(QLatin1Char('-'), 0, 0).compare(own, Qt::CaseInsensitive) == 0)
        return true;
    const QString name = media::languageName(code);
    return !name.isEmpty() && name == media::languageName(own);
}

// Subtitle files beside the video that belong to it: Film.srt, then
// Film.<anything>.srt (Film.en.srt, Film.eng.forced.ass), the ones in the
// user's language first.
QStringList subtitleFilesBeside(const QString &videoPath)
{
    const QFileInfo video(videoPath);
    const QString base = video.completeBaseName();
    QStringList patterns;
    for (const QString &suffix : subtitles::subtitleFileSuffixes())
        patterns << QStringLiteral("*.") + suffix;
    const QFileInfoList candidates = video.dir().entryInfoList(
        patterns, QDir::Files | QDir::Readable | QDir::CaseSensitive, QDir::Name);
    QStringList exact;
    QStringList tagged;
    const QString language = QLocale().name().section(QLatin1Char('_'), 0, 0);
    QStringList ownLanguage;
    for (const QFileInfo &file : candidates) {
        const QString name = file.completeBaseName();
        if (name == base) {
            exact << file.absoluteFilePath();
        } else if (name.startsWith(base + QLatin1Char('.'))) {
            const QString tag = name.mid(base.size() + 1).section(QLatin1Char('.'), 0, 0);
            if (!language.isEmpty() && tag.startsWith(language, Qt::CaseInsensitive))
                ownLanguage << file.absoluteFilePath();
            else
                tagged << file.absoluteFilePath();
        }
    }
    return exact + ownLanguage + tagged;
}

QString trackLabel(const media::TrackInfo &track, const QString &fallback)
{
    QString label = media::languageName(track.language);
    if (label.isEmpty())
        label = track.language;
    const QString title = track.title.trimmed();
    if (!title.isEmpty() && title.compare(label, Qt::CaseInsensitive) != 0)
        label = label.isEmpty() ? title : TracksBinding::tr("%1 — %2").arg(label, title);
    if (label.isEmpty())
        label = fallback;
    if (track.isForced)
        label = TracksBinding::tr("%1 (forced)").arg(label);
    if (track.isDefault)
        label = TracksBinding::tr("%1 (default)").arg(label);
    return label;
}

QString metaDataLabel(const QMediaMetaData &track, const QString &fallback)
{
    QStringList parts;
    const QVariant language = track.value(QMediaMetaData::Language);
    if (language.isValid()) {
        const auto code = language.value<QLocale::Language>();
        if (code != QLocale::AnyLanguage && code != QLocale::C)
            parts << QLocale::languageToString(code);
    }
    const QString title = track.stringValue(QMediaMetaData::Title).trimmed();
    if (!title.isEmpty() && !parts.contains(title, Qt::CaseInsensitive))
        parts << title;
    return parts.isEmpty() ? fallback : parts.join(QStringLiteral(" — "));
}

// What an embedded track's samples become: one ASS script.
std::optional<QByteArray> scriptFromSamples(const QByteArray &codec, const QByteArray &codecPrivate,
                                            const QList<media::SubtitleSample> &samples)
{
    if (codec == "S_TEXT/ASS" || codec == "S_TEXT/SSA") {
        QList<subtitles::AssChunk> chunks;
        chunks.reserve(samples.size());
        for (const media::SubtitleSample &sample : samples)
            chunks.append({sample.startMs, sample.durationMs, sample.data});
        return subtitles::assScriptFromChunks(codecPrivate, chunks);
    }
    QList<subtitles::Cue> cues;
    for (const media::SubtitleSample &sample : samples) {
        const QString text = QString::fromUtf8(sample.data).trimmed();
        if (text.isEmpty() || sample.durationMs <= 0)
            continue;
        cues.append({sample.startMs, sample.startMs + sample.durationMs, text});
    }
    if (cues.isEmpty())
        return std::nullopt;
    return subtitles::assScriptFromCues(cues, codec == "S_TEXT/WEBVTT" || codec == "wvtt");
}

struct LoadResult {
    QByteArray script;
    QStringList notes;
    QString error;
};

} // namespace

struct TracksBinding::Inspection {
    std::optional<QList<media::TrackInfo>> tracks;
    QStringList beside;
};

TracksBinding::TracksBinding(QMediaPlayer &player, VideoView &view, Settings &settings,
                             QWidget &window)
    : QObject(&window), m_player(player), m_view(view), m_settings(settings), m_window(window),
      m_overlay(new SubtitleOverlay(&view)),
      m_audioMenu(new TrackMenu(TrackMenu::Kind::Audio, &window)),
      m_subtitleMenu(new TrackMenu(TrackMenu::Kind::Subtitles, &window)),
      m_cancel(std::make_shared<std::atomic_bool>(false))
{
    m_loadAction = new QAction(tr("Load &Subtitles…"), this);
    m_loadAction->setObjectName(QStringLiteral("loadSubtitlesAction"));
    m_loadAction->setShortcut(QKeySequence(tr("Ctrl+Shift+O")));
    m_delayLater = new QAction(tr("Subtitles &Later (+%1 ms)").arg(kDelayStepMs), this);
    m_delayLater->setObjectName(QStringLiteral("subtitleDelayLaterAction"));
    m_delayLater->setShortcut(QKeySequence(Qt::Key_H));
    m_delayEarlier = new QAction(tr("Subtitles &Earlier (−%1 ms)").arg(kDelayStepMs), this);
    m_delayEarlier->setObjectName(QStringLiteral("subtitleDelayEarlierAction"));
    m_delayEarlier->setShortcut(QKeySequence(Qt::Key_G));
    m_delayReset = new QAction(tr("&Reset Subtitle Delay"), this);
    m_delayReset->setObjectName(QStringLiteral("subtitleDelayResetAction"));
    m_delayReset->setShortcut(QKeySequence(tr("Shift+G")));
    for (QAction *action : {m_loadAction, m_delayLater, m_delayEarlier, m_delayReset})
        window.addAction(action); // the keys work in full screen too
    m_subtitleMenu->setExtraActions({m_loadAction, m_delayLater, m_delayEarlier, m_delayReset});

    connect(m_loadAction, &QAction::triggered, this, &TracksBinding::showLoadDialog);
    connect(m_delayLater, &QAction::triggered, this,
            [this] { setSubtitleDelay(m_delayMs + kDelayStepMs); });
    connect(m_delayEarlier, &QAction::triggered, this,
            [this] { setSubtitleDelay(m_delayMs - kDelayStepMs); });
    connect(m_delayReset, &QAction::triggered, this, [this] { setSubtitleDelay(0); });
    connect(m_subtitleMenu, &TrackMenu::chosen, this,
            [this](const QString &id) { chooseSubtitle(id, true); });
    connect(m_audioMenu, &TrackMenu::chosen, this,
            [this](const QString &id) { chooseAudio(id.toInt(), true); });

    connect(&player, &QMediaPlayer::sourceChanged, this, &TracksBinding::onSourceChanged);
    connect(&player, &QMediaPlayer::tracksChanged, this, [this] {
        // Lockstep draws subtitles itself; the player's own would double them.
        if (m_player.activeSubtitleTrack() != -1)
            m_player.setActiveSubtitleTrack(-1);
        rebuildAudioMenu();
        if (m_wantedAudio >= 0 && m_wantedAudio < m_player.audioTracks().size())
            chooseAudio(std::exchange(m_wantedAudio, -1), false);
        if (!m_inspected)
            rebuildSubtitleMenu();
    });
    connect(&player, &QMediaPlayer::activeTracksChanged, this,
            [this] { m_audioMenu->setCurrent(QString::number(m_player.activeAudioTrack())); });
    connect(&player, &QMediaPlayer::positionChanged, this, &TracksBinding::onPosition);
    connect(view.videoSink(), &QVideoSink::videoFrameChanged, this, &TracksBinding::onFrame);
    connect(&view, &VideoView::videoRectChanged, this, &TracksBinding::layoutOverlay);

    applyStyle();
    m_overlay->hide();
    rebuildAudioMenu();
    rebuildSubtitleMenu();
}

TracksBinding::~TracksBinding()
{
    m_cancel->store(true);
}

// ---------------------------------------------------------------- media

void TracksBinding::onSourceChanged()
{
    m_cancel->store(true);
    m_cancel = std::make_shared<std::atomic_bool>(false);
    ++m_generation;
    m_pending = 0;
    m_subtitles.clear();
    m_audioInfo.clear();
    m_inspected = false;
    m_current = QStringLiteral("off");
    m_renderer.clear();
    m_overlay->setImage({});
    m_clockMs = 0;
    m_lastFrame.invalidate();

    const QUrl source = m_player.source();
    m_mediaPath = source.isLocalFile() ? source.toLocalFile() : QString();
    m_fileKey = Settings::trackChoiceKey(m_mediaPath);
    const Settings::TrackChoice choice = m_settings.trackChoice(m_fileKey);
    m_wanted = choice.subtitle;
    m_wantedAudio = choice.audio;
    m_delayMs = m_fileKey.isEmpty() ? 0 : choice.subtitleDelayMs;
    addHostSubtitles();
    rebuildAudioMenu();
    rebuildSubtitleMenu();
    emit subtitlesChanged();
    if (m_mediaPath.isEmpty()) {
        m_inspected = true;
        pickSharedSubtitle();
        return;
    }

    const quint64 generation = m_generation;
    const QString path = m_mediaPath;
    ++m_pending;
    auto *watcher = new QFutureWatcher<Inspection>(this);
    connect(watcher, &QFutureWatcher<Inspection>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        onInspected(generation, watcher->result());
    });
    watcher->setFuture(QtConcurrent::run([path] {
        Inspection result;
        QString error;
        result.tracks = media::readContainerTracks(path, &error);
        result.beside = subtitleFilesBeside(path);
        return result;
    }));
}

void TracksBinding::onInspected(quint64 generation, const Inspection &result)
{
    if (generation != m_generation)
        return;
    --m_pending;
    m_inspected = true;
    QList<Subtitle> embedded;
    if (result.tracks) {
        for (const media::TrackInfo &track : *result.tracks) {
            if (track.type == media::TrackType::Audio) {
                m_audioInfo << track;
                continue;
            }
            if (track.type != media::TrackType::Subtitle)
                continue;
            Subtitle subtitle;
            subtitle.id = embeddedId(track.indexInType);
            subtitle.label = trackLabel(track, tr("Track %1").arg(track.indexInType + 1));
            subtitle.trackNumber = track.number;
            subtitle.indexInType = track.indexInType;
            subtitle.language = track.language;
            subtitle.title = track.title.trimmed();
            subtitle.codec = track.codec;
            subtitle.codecPrivate = track.codecPrivate;
            subtitle.isDefault = track.isDefault;
            subtitle.showable = track.isTextSubtitle();
            if (!subtitle.showable) {
                subtitle.label = tr("%1 (pictures, cannot be shown)").arg(subtitle.label);
                subtitle.toolTip = tr("Subtitles stored as pictures (%1) cannot be shown; "
                                      "choose a text track or load a subtitle file.")
                                       .arg(QString::fromLatin1(track.codec));
            }
            embedded << subtitle;
        }
    }
    // Files loaded while the container was read stay, after the embedded tracks.
    m_subtitles = embedded + m_subtitles;
    for (const QString &path : result.beside) {
        if (!find(externalId(path)))
            addExternal(path, false);
    }
    rebuildAudioMenu();
    rebuildSubtitleMenu();

    // The remembered choice, else a subtitle file beside the video, else the
    // file's default text track.
    QString choice = m_wanted;
    if (choice.startsWith(QLatin1String("external:")) && !find(choice)) {
        const QString path = choice.mid(int(qstrlen("external:")));
        if (QFileInfo(path).isFile())
            addExternal(path, false);
        else
            choice.clear();
    }
    if (choice.isEmpty() || (choice != QLatin1String("off") && !find(choice))) {
        choice = QStringLiteral("off");
        if (!result.beside.isEmpty()) {
            choice = externalId(result.beside.first());
        } else {
            for (const Subtitle &subtitle : std::as_const(embedded)) {
                if (subtitle.isDefault && subtitle.showable) {
                    choice = subtitle.id;
                    break;
                }
            }
        }
    }
    m_wanted.clear();
    if (m_current == QLatin1String("off"))
        chooseSubtitle(choice, false);
    pickSharedSubtitle();
    emit subtitlesChanged();
}

TracksBinding::Subtitle *TracksBinding::find(const QString &id)
{
    for (Subtitle &subtitle : m_subtitles) {
        if (subtitle.id == id)
            return &subtitle;
    }
    return nullptr;
}

void TracksBinding::addExternal(const QString &path, bool select)
{
    Subtitle subtitle;
    subtitle.id = externalId(path);
    subtitle.path = QFileInfo(path).absoluteFilePath();
    subtitle.label = QFileInfo(path).fileName();
    subtitle.toolTip = QDir::toNativeSeparators(subtitle.path);
    subtitle.language = languageFromFileName(m_mediaPath, path);
    m_subtitles << subtitle;
    rebuildSubtitleMenu();
    if (select)
        chooseSubtitle(subtitle.id, true);
}

void TracksBinding::loadSubtitleFile(const QString &path)
{
    const QString name = QFileInfo(path).fileName();
    if (m_player.source().isEmpty()) {
        emit notice(tr("Open a video first, then load %1 for it.").arg(name), true);
        return;
    }
    if (!subtitles::isSubtitleFile(path)) {
        emit notice(
            tr("%1 is not a subtitle file Lockstep knows (.srt, .vtt, .ass or .ssa).").arg(name),
            true);
        return;
    }
    if (!QFileInfo(path).isFile()) {
        emit notice(tr("%1 does not exist or is not a file.").arg(QDir::toNativeSeparators(path)),
                    true);
        return;
    }
    // Read first, shown once it reads: a file that cannot be read changes nothing.
    const QString id = externalId(path);
    Subtitle *subtitle = find(id);
    if (!subtitle) {
        addExternal(path, false);
        subtitle = find(id);
    }
    subtitle->script.clear(); // loaded again: read it afresh, it may have been fixed
    subtitle->chooseWhenLoaded = true;
    startLoading(*subtitle);
}

void TracksBinding::chooseSubtitle(const QString &id, bool rememberIt)
{
    Subtitle *subtitle = find(id);
    if (id != QLatin1String("off") && (!subtitle || !subtitle->showable)) {
        m_subtitleMenu->setCurrent(m_current);
        return;
    }
    m_current = subtitle ? id : QStringLiteral("off");
    if (rememberIt)
        m_pickedFor = m_player.source(); // the person chose: nothing is picked for them
    m_subtitleMenu->setCurrent(m_current);
    m_renderer.clear();
    m_overlay->setImage({});
    if (subtitle) {
        if (subtitle->script.isEmpty())
            startLoading(*subtitle);
        else
            m_renderer.setScript(subtitle->script);
    }
    if (rememberIt)
        remember();
    refresh();
    emit subtitlesChanged();
}

void TracksBinding::startLoading(Subtitle &subtitle)
{
    if (subtitle.loading)
        return;
    subtitle.loading = true;
    ++m_pending;
    if (!subtitle.sharedId.isEmpty()) {
        // The host has the text: setSharedSubtitleText or sharedSubtitleFailed follows.
        emit sharedSubtitleWanted(subtitle.sharedId);
        return;
    }
    const quint64 generation = m_generation;
    const QString id = subtitle.id;
    auto *watcher = new QFutureWatcher<LoadResult>(this);
    connect(watcher, &QFutureWatcher<LoadResult>::finished, this, [this, watcher, generation, id] {
        watcher->deleteLater();
        const LoadResult result = watcher->result();
        onLoaded(generation, id, result.script, result.notes, result.error);
    });
    if (!subtitle.path.isEmpty()) {
        const QString path = subtitle.path;
        watcher->setFuture(QtConcurrent::run([path] {
            LoadResult result;
            if (const auto document = subtitles::loadSubtitleFile(path, &result.error)) {
                result.script = document->script;
                result.notes = document->notes;
            }
            return result;
        }));
        return;
    }
    const QString media = m_mediaPath;
    const quint64 number = subtitle.trackNumber;
    const QByteArray codec = subtitle.codec;
    const QByteArray codecPrivate = subtitle.codecPrivate;
    const QString label = subtitle.label;
    const std::shared_ptr<std::atomic_bool> cancel = m_cancel;
    watcher->setFuture(QtConcurrent::run([media, number, codec, codecPrivate, label, cancel] {
        LoadResult result;
        QString error;
        const auto samples = media::readSubtitleSamples(media, number, cancel.get(), &error);
        if (!samples) {
            result.error
                = TracksBinding::tr("Cannot read the subtitle track %1: %2").arg(label, error);
            return result;
        }
        if (const auto script = scriptFromSamples(codec, codecPrivate, *samples))
            result.script = *script;
        else
            result.error
                = TracksBinding::tr("The subtitle track %1 holds no text to show.").arg(label);
        return result;
    }));
}

void TracksBinding::onLoaded(quint64 generation, const QString &id, const QByteArray &script,
                             const QStringList &notes, const QString &error)
{
    if (generation != m_generation)
        return;
    --m_pending;
    Subtitle *subtitle = find(id);
    if (!subtitle)
        return;
    subtitle->loading = false;
    const bool choose = std::exchange(subtitle->chooseWhenLoaded, false);
    if (!error.isEmpty() || script.isEmpty()) {
        emit notice(error.isEmpty() ? tr("Cannot show %1.").arg(subtitle->label) : error, true);
        if (choose && m_current != id) {
            // Asked for just now and unreadable: it goes again.
            m_subtitles.removeIf([&id](const Subtitle &entry) { return entry.id == id; });
        } else {
            subtitle->showable = false;
            subtitle->toolTip = error;
            if (m_current == id) {
                m_current = QStringLiteral("off");
                m_renderer.clear();
            }
        }
        rebuildSubtitleMenu();
        refresh();
        emit subtitlesChanged();
        return;
    }
    subtitle->script = script;
    subtitle->showable = true;
    if (!subtitle->path.isEmpty())
        subtitle->toolTip = QDir::toNativeSeparators(subtitle->path);
    for (const QString &note : notes)
        emit notice(note, true);
    if (choose) {
        rebuildSubtitleMenu();
        chooseSubtitle(id, true);
    } else if (m_current == id) {
        if (!m_renderer.setScript(script))
            emit notice(tr("Cannot show %1.").arg(subtitle->label), true);
        refresh();
    }
    emit subtitlesChanged();
}

void TracksBinding::chooseAudio(int index, bool rememberIt)
{
    if (index < 0 || index >= m_player.audioTracks().size())
        return;
    if (m_player.activeAudioTrack() != index)
        m_player.setActiveAudioTrack(index);
    m_audioMenu->setCurrent(QString::number(index));
    if (rememberIt)
        remember();
}

void TracksBinding::remember()
{
    if (m_fileKey.isEmpty())
        return;
    Settings::TrackChoice choice = m_settings.trackChoice(m_fileKey);
    choice.subtitle = m_current;
    if (m_player.audioTracks().size() > 1)
        choice.audio = m_player.activeAudioTrack();
    choice.subtitleDelayMs = m_delayMs;
    m_settings.setTrackChoice(m_fileKey, choice);
}

void TracksBinding::setSubtitleDelay(int ms)
{
    m_delayMs = std::clamp(ms, -kMaxDelayMs, kMaxDelayMs);
    remember();
    refresh();
    emit hint(tr("Subtitle delay: %1 ms").arg(m_delayMs));
    emit subtitlesChanged();
}

// ---------------------------------------------------------------- sharing

QString TracksBinding::shownSubtitle() const
{
    for (const Subtitle &subtitle : m_subtitles) {
        if (subtitle.id == m_current)
            return subtitle.script.isEmpty() ? QString() : subtitle.label;
    }
    return {};
}

QList<SubtitleSource> TracksBinding::shareableSources() const
{
    QList<SubtitleSource> sources;
    if (m_mediaPath.isEmpty())
        return sources;
    for (const Subtitle &subtitle : m_subtitles) {
        if (!subtitle.showable || !subtitle.sharedId.isEmpty())
            continue;
        SubtitleSource source;
        source.language = subtitle.language;
        if (!subtitle.path.isEmpty()) {
            source.path = subtitle.path;
            source.title = media::languageName(subtitle.language);
        } else {
            source.mediaPath = m_mediaPath;
            source.trackNumber = subtitle.trackNumber;
            source.indexInType = subtitle.indexInType;
            source.codec = subtitle.codec;
            source.codecPrivate = subtitle.codecPrivate;
            source.title = subtitle.title.isEmpty() ? media::languageName(subtitle.language)
                                                    : subtitle.title;
            if (source.title.isEmpty())
                source.title = subtitle.label;
        }
        sources << source;
    }
    return sources;
}

void TracksBinding::setHostSubtitles(const QString &hostName,
                                     const QList<protocol::SharedSubtitle> &list,
                                     bool pickOwnLanguage)
{
    m_hostName = hostName;
    m_pickShared = pickOwnLanguage;
    if (list == m_hostSubtitles) {
        pickSharedSubtitle();
        return;
    }
    m_hostSubtitles = list;
    // The list follows the host: what it no longer offers goes, what it
    // still offers keeps its fetched text.
    m_subtitles.removeIf([&list](const Subtitle &subtitle) {
        return !subtitle.sharedId.isEmpty()
            && std::none_of(list.cbegin(), list.cend(), [&](const protocol::SharedSubtitle &s) {
                   return s.id == subtitle.sharedId;
               });
    });
    if (m_current.startsWith(QLatin1String("shared:")) && !find(m_current)) {
        m_current = QStringLiteral("off");
        m_renderer.clear();
        m_overlay->setImage({});
    }
    addHostSubtitles();
    rebuildSubtitleMenu();
    pickSharedSubtitle();
    refresh();
    emit subtitlesChanged();
}

void TracksBinding::addHostSubtitles()
{
    for (const protocol::SharedSubtitle &track : std::as_const(m_hostSubtitles)) {
        const QString id = sharedId(track.id);
        QString name = track.title;
        if (name.isEmpty())
            name = media::languageName(track.language);
        if (name.isEmpty())
            name = track.language.isEmpty() ? tr("Subtitles") : track.language;
        const QString label = tr("From %1: %2").arg(m_hostName, name);
        if (Subtitle *existing = find(id)) {
            existing->label = label;
            continue;
        }
        Subtitle subtitle;
        subtitle.id = id;
        subtitle.sharedId = track.id;
        subtitle.sharedFormat = track.format;
        subtitle.language = track.language;
        subtitle.label = label;
        subtitle.toolTip = tr("Shared by %1 with the film").arg(m_hostName);
        m_subtitles << subtitle;
    }
}

void TracksBinding::pickSharedSubtitle()
{
    // Once per film: turning it off is not undone by the next list.
    if (!m_pickShared || m_current != QLatin1String("off") || !m_wanted.isEmpty()
        || m_player.source().isEmpty() || m_pickedFor == m_player.source())
        return;
    for (const Subtitle &subtitle : std::as_const(m_subtitles)) {
        if (!subtitle.sharedId.isEmpty() && subtitle.showable && isOwnLanguage(subtitle.language)) {
            m_pickedFor = m_player.source();
            chooseSubtitle(subtitle.id, false);
            return;
        }
    }
}

void TracksBinding::setSharedSubtitleText(const QString &shared, const QByteArray &text,
                                          protocol::SubtitleFormat format)
{
    Subtitle *subtitle = find(sharedId(shared));
    if (!subtitle || !subtitle->loading)
        return;
    const quint64 generation = m_generation;
    const QString id = subtitle->id;
    const QString name = subtitle->label;
    auto *watcher = new QFutureWatcher<LoadResult>(this);
    connect(watcher, &QFutureWatcher<LoadResult>::finished, this, [this, watcher, generation, id] {
        watcher->deleteLater();
        const LoadResult result = watcher->result();
        onLoaded(generation, id, result.script, result.notes, result.error);
    });
    watcher->setFuture(QtConcurrent::run([text, format, name] {
        LoadResult result;
        if (const auto document
            = subtitles::readSubtitleData(text, formatSuffix(format), name, &result.error)) {
            result.script = document->script;
            result.notes = document->notes;
        }
        return result;
    }));
}

void TracksBinding::sharedSubtitleFailed(const QString &shared, const QString &sentence)
{
    Subtitle *subtitle = find(sharedId(shared));
    if (!subtitle || !subtitle->loading)
        return;
    onLoaded(m_generation, subtitle->id, {}, {}, sentence);
}

// ---------------------------------------------------------------- menus

QString TracksBinding::audioLabel(int index) const
{
    const QString fallback = tr("Track %1").arg(index + 1);
    for (const media::TrackInfo &track : m_audioInfo) {
        if (track.indexInType == index)
            return trackLabel(track, fallback);
    }
    const QList<QMediaMetaData> tracks = m_player.audioTracks();
    return index < tracks.size() ? metaDataLabel(tracks.at(index), fallback) : fallback;
}

void TracksBinding::rebuildAudioMenu()
{
    QList<TrackMenu::Entry> entries;
    const int count = int(m_player.audioTracks().size());
    for (int i = 0; i < count; ++i)
        entries.append({QString::number(i), audioLabel(i), true, {}});
    m_audioMenu->setEntries(entries, QString::number(m_player.activeAudioTrack()));
}

void TracksBinding::rebuildSubtitleMenu()
{
    QList<TrackMenu::Entry> entries;
    entries.append({QStringLiteral("off"), tr("Off"), true, {}});
    if (!m_inspected) {
        // Until the container is read: what the player lists, not yet drawable.
        const QList<QMediaMetaData> tracks = m_player.subtitleTracks();
        for (int i = 0; i < tracks.size(); ++i) {
            entries.append({embeddedId(i), metaDataLabel(tracks.at(i), tr("Track %1").arg(i + 1)),
                            false, tr("Reading the file's tracks…")});
        }
    }
    for (const Subtitle &subtitle : std::as_const(m_subtitles))
        entries.append({subtitle.id, subtitle.label, subtitle.showable, subtitle.toolTip});
    m_subtitleMenu->setEntries(entries, m_current);
    const bool media = !m_player.source().isEmpty();
    for (QAction *action : {m_loadAction, m_delayLater, m_delayEarlier, m_delayReset})
        action->setEnabled(media);
}

void TracksBinding::showLoadDialog()
{
    QFileDialog dialog(&m_window, tr("Load Subtitles"),
                       m_mediaPath.isEmpty() ? m_settings.browseDirectory()
                                             : QFileInfo(m_mediaPath).absolutePath(),
                       tr("Subtitles (*.srt *.vtt *.ass *.ssa);;All files (*)"));
    dialog.setObjectName(QStringLiteral("loadSubtitlesDialog"));
    dialog.setFileMode(QFileDialog::ExistingFile);
    dialog.setAcceptMode(QFileDialog::AcceptOpen);
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return;
    loadSubtitleFile(dialog.selectedFiles().constFirst());
}

// ---------------------------------------------------------------- drawing

void TracksBinding::applyStyle()
{
    m_renderer.setFontScale(m_settings.subtitleScale() / 100.0);
    m_renderer.setLinePosition(m_settings.subtitlePosition());
    refresh();
}

void TracksBinding::onFrame(const QVideoFrame &frame)
{
    if (!frame.isValid())
        return;
    if (frame.size() != m_frameSize) {
        m_frameSize = frame.size();
        m_renderer.setStorageSize(m_frameSize);
    }
    if (frame.startTime() < 0)
        return;
    m_clockMs = frame.startTime() / 1000;
    m_lastFrame.start();
    refresh();
}

void TracksBinding::onPosition(qint64 ms)
{
    const bool framesFlow = m_lastFrame.isValid() && m_lastFrame.elapsed() < kFrameFreshMs
        && m_player.playbackState() == QMediaPlayer::PlayingState;
    if (framesFlow && std::abs(ms - m_clockMs) < kSeekJumpMs)
        return;
    m_clockMs = ms;
    refresh();
}

void TracksBinding::layoutOverlay()
{
    // Exactly the picture, not the black bars around it.
    const QRect rect = m_view.videoRect();
    if (m_overlay->geometry() != rect) {
        m_overlay->setGeometry(rect);
        refresh();
    }
    m_overlay->raise();
}

void TracksBinding::refresh()
{
    const bool showing = m_current != QLatin1String("off") && m_renderer.hasScript();
    m_overlay->setVisible(showing);
    if (!showing) {
        m_overlay->setImage({});
        return;
    }
    const qreal ratio = m_overlay->devicePixelRatioF();
    const QSize size = (QSizeF(m_overlay->size()) * ratio).toSize();
    bool changed = false;
    QImage image = m_renderer.render(m_clockMs - m_delayMs, size, &changed);
    if (!changed)
        return;
    image.setDevicePixelRatio(ratio);
    m_overlay->setImage(image);
}

} // namespace lockstep::ui
