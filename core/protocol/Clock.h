#pragma once

namespace lockstep::protocol {

// The one source of time for the server and the sync engine: epoch seconds
// that never go backwards. Tests and the simulator inject a virtual clock.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual double now() const = 0;
};

// Wall-clock epoch at construction, advanced by a monotonic timer, so that
// adjustments of the system clock never make time jump under the engine.
class SystemClock final : public Clock
{
public:
    SystemClock();
    double now() const override;

    // A process-wide instance for code that has no clock injected.
    static SystemClock &instance();

private:
    double m_epochAtStart;
    long long m_startNs;
};

class ManualClock final : public Clock
{
public:
    explicit ManualClock(double start = 1'700'000'000.0) : m_now(start) { }
    double now() const override { return m_now; }
    void set(double t) { m_now = t; }
    void advance(double seconds) { m_now += seconds; }

private:
    double m_now;
};

} // namespace lockstep::protocol
