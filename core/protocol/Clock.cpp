#include "Clock.h"

#include <QDateTime>
#include <QElapsedTimer>

#include <chrono>

namespace lockstep::protocol {

namespace {

long long monotonicNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

} // namespace

SystemClock::SystemClock()
    : m_epochAtStart(double(QDateTime::currentMSecsSinceEpoch()) / 1000.0), m_startNs(monotonicNs())
{
}

double SystemClock::now() const
{
    return m_epochAtStart + double(monotonicNs() - m_startNs) / 1.0e9;
}

SystemClock &SystemClock::instance()
{
    static SystemClock clock;
    return clock;
}

} // namespace lockstep::protocol
