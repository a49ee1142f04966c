#pragma once

#include <QString>

namespace lockstep::ui {

// Light, dark, or whatever the desktop uses. Light and dark are the Fusion
// style with a palette of their own, so they look the same on every
// platform; "system" puts back the style and palette the app started with.
class Theme
{
public:
    enum class Choice { System, Light, Dark };

    static Choice fromSetting(const QString &value);
    static QString toSetting(Choice choice);
    // Applies at once to every open window.
    static void apply(Choice choice);
    static Choice current();
};

} // namespace lockstep::ui
