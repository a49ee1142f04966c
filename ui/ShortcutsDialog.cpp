#include "ShortcutsDialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace lockstep::ui {

QList<ShortcutsDialog::Row> ShortcutsDialog::rows(const QList<QAction *> &actions)
{
    QList<Row> result;
    for (const QAction *action : actions) {
        QStringList keys;
        for (const QKeySequence &key : action->shortcuts())
            keys << key.toString(QKeySequence::NativeText);
        const QString display = action->property("displayShortcut").toString();
        if (!display.isEmpty())
            keys << display;
        if (keys.isEmpty())
            continue;
        QString command = action->text();
        command.remove(QLatin1Char('&'));
        command.remove(QStringLiteral("…"));
        command = command.trimmed();
        const Row row {command, keys.join(QStringLiteral(", "))};
        const bool seen = std::any_of(result.cbegin(), result.cend(), [&](const Row &r) {
            return r.command == row.command && r.keys == row.keys;
        });
        if (!seen)
            result << row;
    }
    return result;
}

ShortcutsDialog::ShortcutsDialog(const QList<QAction *> &actions, QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("shortcutsDialog"));
    setWindowTitle(tr("Keyboard Shortcuts"));
    auto *list = new QTreeWidget(this);
    list->setObjectName(QStringLiteral("shortcutsList"));
    list->setHeaderLabels({tr("Command"), tr("Keys")});
    list->setRootIsDecorated(false);
    list->setSelectionMode(QAbstractItemView::NoSelection);
    list->setFocusPolicy(Qt::NoFocus);
    for (const Row &row : rows(actions))
        new QTreeWidgetItem(list, {row.command, row.keys});
    list->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    list->header()->setStretchLastSection(true);
    list->setMinimumWidth(fontMetrics().averageCharWidth() * 60);
    list->setMinimumHeight(fontMetrics().height() * 20);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(list);
    layout->addWidget(buttons);
}

} // namespace lockstep::ui
