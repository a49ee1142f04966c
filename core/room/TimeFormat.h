#pragma once

#include <QString>

namespace lockstep::room {

// Media time as people read it: "4:05", "12:34", "1:02:03". With
// `withHours`, hours are always shown so that labels do not change width.
QString formatMediaTime(double seconds, bool withHours = false);

// A signed offset in milliseconds: "+12 ms", "-3.4 ms", "0 ms".
QString formatMilliseconds(double milliseconds, bool withSign = true);

// A playback speed: "1.5×", "0.75×", "2×".
QString formatSpeed(double speed);

} // namespace lockstep::room
