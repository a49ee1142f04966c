#pragma once

#include "protocol/Clock.h"

#include <QtGlobal>

#include <functional>
#include <memory>
#include <queue>
#include <vector>

namespace lockstep::sim {

// Discrete-event time for simulations: a virtual clock and a queue of events.
// Running minutes of playback costs only the work the events do.
class Scheduler
{
public:
    explicit Scheduler(double start = 1'733'820'000.0) : m_clock(start) { }

    const protocol::Clock &clock() const { return m_clock; }
    double now() const { return m_clock.now(); }

    void at(double time, std::function<void()> task);
    void after(double delay, std::function<void()> task) { at(now() + delay, std::move(task)); }
    // Runs `task` every `period` seconds from now + phase until the scheduler is destroyed.
    void every(double period, std::function<void()> task, double phase = 0.0);

    void runUntil(double time);
    void runFor(double duration) { runUntil(now() + duration); }
    std::size_t pending() const { return m_queue.size(); }

private:
    struct Event {
        double time;
        quint64 order;
        std::function<void()> task;
        bool operator>(const Event &other) const
        {
            return time != other.time ? time > other.time : order > other.order;
        }
    };

    protocol::ManualClock m_clock;
    std::priority_queue<Event, std::vector<Event>, std::greater<>> m_queue;
    quint64 m_order = 0;
    std::vector<std::shared_ptr<std::function<void()>>> m_repeating;
};

// A participant's own clock: the virtual time plus a fixed offset, so each
// simulated machine disagrees with the server as real ones do.
class OffsetClock final : public protocol::Clock
{
public:
    OffsetClock(const protocol::Clock &base, double offset) : m_base(base), m_offset(offset) { }
    double now() const override { return m_base.now() + m_offset; }
    double offset() const { return m_offset; }

private:
    const protocol::Clock &m_base;
    double m_offset;
};

} // namespace lockstep::sim
