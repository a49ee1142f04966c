#pragma once

class QIcon;

namespace lockstep::ui {

// The app's embedded resources (icon, translations).
class Resources
{
public:
    // Registers the resources of this static library; safe to call repeatedly.
    static void init();
    // The app icon: the scalable SVG with the 256 px PNG for when no SVG
    // plugin is installed.
    static QIcon appIcon();
};

} // namespace lockstep::ui
