#pragma once

#include "room/ActionsController.h"

#include <QIcon>
#include <QStyle>

namespace lockstep::ui {

using namespace lockstep::room;

// Icons from the desktop's theme, with fallbacks that follow the palette
// where the style has nothing fitting (bare X sessions, Windows, macOS).
class Icons
{
public:
    static QIcon themed(const char *name, QStyle::StandardPixmap fallback);
    static QIcon fullScreen();
    static QIcon leaveFullScreen();
    // The host's badge in the participants list.
    static QIcon host();
    // The icon of each of the window's actions.
    static QIcon forAction(ActionsController::Icon icon);
};

} // namespace lockstep::ui
