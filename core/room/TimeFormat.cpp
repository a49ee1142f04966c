#include "TimeFormat.h"

#include <QLocale>

#include <cmath>

namespace lockstep::room {

QString formatMediaTime(double seconds, bool withHours)
{
    if (!std::isfinite(seconds) || seconds < 0.0)
        seconds = 0.0;
    const qint64 total = qint64(std::floor(seconds));
    const qint64 hours = total / 3600;
    const qint64 minutes = (total / 60) % 60;
    const qint64 secs = total % 60;
    const QLatin1Char zero('0');
    if (hours > 0 || withHours) {
        return QStringLiteral("%1:%2:%3")
            .arg(hours)
            .arg(minutes, 2, 10, zero)
            .arg(secs, 2, 10, zero);
    }
    return QStringLiteral("%1:%2").arg(minutes).arg(secs, 2, 10, zero);
}

QString formatMilliseconds(double milliseconds, bool withSign)
{
    const QLocale locale;
    const double magnitude = std::abs(milliseconds);
    // Below 10 ms the tenth matters; above it, it is noise.
    const int decimals = magnitude < 10.0 && magnitude >= 0.05 ? 1 : 0;
    QString number = locale.toString(magnitude, 'f', decimals);
    if (withSign && std::round(magnitude * 10.0) > 0.0)
        number.prepend(milliseconds < 0.0 ? QChar(0x2212) : QLatin1Char('+'));
    return number + QStringLiteral(" ms");
}

QString formatSpeed(double speed)
{
    // At most two decimals, none that are zero: 1.5×, 0.75×, 2×.
    return QLocale().toString(std::round(speed * 100.0) / 100.0, 'g', 4) + QChar(0x00D7);
}

} // namespace lockstep::room
