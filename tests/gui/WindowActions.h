#pragma once

#include "MainWindow.h"

#include <QAction>

#include <algorithm>

namespace lockstep::ui {

// The window's action named `objectName` (the controllers' or its own), as
// a test reaches for a menu item; null when none has that name.
inline QAction *findAction(const MainWindow &window, const QString &objectName)
{
    const QList<QAction *> actions = window.allActions();
    const auto found = std::find_if(actions.cbegin(), actions.cend(), [&](const QAction *action) {
        return action->objectName() == objectName;
    });
    return found == actions.cend() ? nullptr : *found;
}

} // namespace lockstep::ui
