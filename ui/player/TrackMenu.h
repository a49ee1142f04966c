#pragma once

#include <QMenu>

class QActionGroup;

namespace lockstep::ui {

// A menu of the media's audio or subtitle tracks: one checkable entry per
// track (and "Off" for subtitles), then any extra actions (Load Subtitles…,
// the delay). TracksBinding fills it and acts on the choice. Without
// tracks, an audio menu is disabled; a subtitle menu still offers its extra
// actions.
class TrackMenu : public QMenu
{
    Q_OBJECT

public:
    enum class Kind { Audio, Subtitles };

    struct Entry {
        QString id; // what chosen() reports
        QString label;
        bool enabled = true;
        QString toolTip;
    };

    explicit TrackMenu(Kind kind, QWidget *parent = nullptr);

    void setEntries(const QList<Entry> &entries, const QString &current);
    void setCurrent(const QString &id);
    void setExtraActions(const QList<QAction *> &actions);

    QList<Entry> entries() const { return m_entries; }
    QString current() const { return m_current; }
    // The tracks listed, "Off" not counted.
    int trackCount() const;
    // The entry's action, for tests and menus; nullptr when there is none.
    QAction *actionFor(const QString &id) const;

signals:
    void chosen(const QString &id);

private:
    void rebuild();

    Kind m_kind;
    QActionGroup *m_group;
    QList<Entry> m_entries;
    QString m_current;
    QList<QAction *> m_extra;
};

} // namespace lockstep::ui
