#pragma once

#include <QMenu>

class QActionGroup;
class QMediaPlayer;

namespace lockstep::ui {

// A menu of the media's audio or subtitle tracks, kept in step with the
// player. It is disabled while the media has no such track.
class TrackMenu : public QMenu
{
    Q_OBJECT

public:
    enum class Kind { Audio, Subtitles };

    TrackMenu(QMediaPlayer &player, Kind kind, QWidget *parent = nullptr);

    int trackCount() const;

private:
    void rebuild();
    void updateChecked();
    int activeTrack() const;

    QMediaPlayer &m_player;
    Kind m_kind;
    QActionGroup *m_group;
};

} // namespace lockstep::ui
