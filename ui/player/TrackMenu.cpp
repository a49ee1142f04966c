#include "TrackMenu.h"

#include <QActionGroup>

namespace lockstep::ui {

TrackMenu::TrackMenu(Kind kind, QWidget *parent)
    : QMenu(parent), m_kind(kind), m_group(new QActionGroup(this))
{
    setTitle(kind == Kind::Audio ? tr("&Audio Track") : tr("&Subtitles"));
    setObjectName(kind == Kind::Audio ? QStringLiteral("audioTrackMenu")
                                      : QStringLiteral("subtitleMenu"));
    setToolTipsVisible(true);
    m_group->setExclusive(true);
    rebuild();
}

int TrackMenu::trackCount() const
{
    return int(std::count_if(m_entries.cbegin(), m_entries.cend(),
                             [](const Entry &entry) { return entry.id != QLatin1String("off"); }));
}

void TrackMenu::setEntries(const QList<Entry> &entries, const QString &current)
{
    m_entries = entries;
    m_current = current;
    rebuild();
}

void TrackMenu::setCurrent(const QString &id)
{
    m_current = id;
    for (QAction *action : m_group->actions())
        action->setChecked(action->data().toString() == id);
}

void TrackMenu::setExtraActions(const QList<QAction *> &actions)
{
    m_extra = actions;
    rebuild();
}

QAction *TrackMenu::actionFor(const QString &id) const
{
    for (QAction *action : m_group->actions()) {
        if (action->data().toString() == id)
            return action;
    }
    return nullptr;
}

void TrackMenu::rebuild()
{
    // Deleting the old track actions also takes them out of the group; the
    // extra actions belong to someone else and are only taken off the menu.
    for (QAction *action : actions()) {
        if (m_extra.contains(action))
            removeAction(action);
    }
    clear();
    for (const Entry &entry : std::as_const(m_entries)) {
        QAction *action = addAction(entry.label);
        action->setCheckable(true);
        action->setData(entry.id);
        action->setEnabled(entry.enabled);
        action->setToolTip(entry.toolTip.isEmpty() ? entry.label : entry.toolTip);
        action->setChecked(entry.id == m_current);
        m_group->addAction(action);
        const QString id = entry.id;
        connect(action, &QAction::triggered, this, [this, id] {
            m_current = id;
            emit chosen(id);
        });
        if (entry.id == QLatin1String("off") && m_entries.size() > 1)
            addSeparator();
    }
    if (!m_extra.isEmpty()) {
        if (!m_entries.isEmpty())
            addSeparator();
        addActions(m_extra);
    }
    setEnabled(trackCount() > 0 || !m_extra.isEmpty());
}

} // namespace lockstep::ui
