#pragma once

#include <QDialog>
#include <QList>

class QAction;

namespace lockstep::ui {

// Help > Keyboard Shortcuts: every command that has a key, read from the
// actions themselves, so the list never goes stale. An action whose key the
// window handles itself (Enter for chat) names it in the property
// "displayShortcut".
class ShortcutsDialog : public QDialog
{
    Q_OBJECT

public:
    struct Row {
        QString command;
        QString keys;
    };
    // The rows for `actions`: those with a key, by command, without duplicates.
    static QList<Row> rows(const QList<QAction *> &actions);

    explicit ShortcutsDialog(const QList<QAction *> &actions, QWidget *parent = nullptr);
};

} // namespace lockstep::ui
