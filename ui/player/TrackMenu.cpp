#include "TrackMenu.h"

#include <QActionGroup>
#include <QLocale>
#include <QMediaMetaData>
#include <QMediaPlayer>

namespace lockstep::ui {

namespace {

QString trackLabel(const QMediaMetaData &track, int index)
{
    QStringList parts;
    const QVariant language = track.value(QMediaMetaData::Language);
    if (language.isValid()) {
        const auto code = language.value<QLocale::Language>();
        if (code != QLocale::AnyLanguage && code != QLocale::C)
            parts << QLocale(code).nativeLanguageName();
    }
    const QString title = track.stringValue(QMediaMetaData::Title).trimmed();
    if (!title.isEmpty() && !parts.contains(title, Qt::CaseInsensitive))
        parts << title;
    if (parts.isEmpty())
        return TrackMenu::tr("Track %1").arg(index + 1);
    return TrackMenu::tr("%1: %2").arg(index + 1).arg(parts.join(QStringLiteral(" – ")));
}

} // namespace

TrackMenu::TrackMenu(QMediaPlayer &player, Kind kind, QWidget *parent)
    : QMenu(parent), m_player(player), m_kind(kind), m_group(new QActionGroup(this))
{
    setTitle(kind == Kind::Audio ? tr("&Audio Track") : tr("&Subtitles"));
    setObjectName(kind == Kind::Audio ? QStringLiteral("audioTrackMenu")
                                      : QStringLiteral("subtitleMenu"));
    m_group->setExclusive(true);
    connect(&player, &QMediaPlayer::tracksChanged, this, &TrackMenu::rebuild);
    connect(&player, &QMediaPlayer::activeTracksChanged, this, &TrackMenu::updateChecked);
    connect(&player, &QMediaPlayer::sourceChanged, this, &TrackMenu::rebuild);
    rebuild();
}

int TrackMenu::trackCount() const
{
    return int(m_kind == Kind::Audio ? m_player.audioTracks().size()
                                     : m_player.subtitleTracks().size());
}

int TrackMenu::activeTrack() const
{
    return m_kind == Kind::Audio ? m_player.activeAudioTrack() : m_player.activeSubtitleTrack();
}

void TrackMenu::rebuild()
{
    // Deleting the old actions also takes them out of the group.
    clear();

    const QList<QMediaMetaData> tracks
        = m_kind == Kind::Audio ? m_player.audioTracks() : m_player.subtitleTracks();
    const auto addTrack = [this](const QString &label, int index) {
        QAction *action = addAction(label);
        action->setCheckable(true);
        action->setData(index);
        m_group->addAction(action);
        connect(action, &QAction::triggered, this, [this, index] {
            if (m_kind == Kind::Audio)
                m_player.setActiveAudioTrack(index);
            else
                m_player.setActiveSubtitleTrack(index);
        });
    };
    if (m_kind == Kind::Subtitles && !tracks.isEmpty()) {
        addTrack(tr("Off"), -1);
        addSeparator();
    }
    for (int i = 0; i < tracks.size(); ++i)
        addTrack(trackLabel(tracks.at(i), i), i);
    setEnabled(!tracks.isEmpty());
    updateChecked();
}

void TrackMenu::updateChecked()
{
    const int active = activeTrack();
    for (QAction *action : m_group->actions())
        action->setChecked(action->data().toInt() == active);
}

} // namespace lockstep::ui
