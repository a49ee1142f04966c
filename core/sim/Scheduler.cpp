#include "Scheduler.h"

namespace lockstep::sim {

void Scheduler::at(double time, std::function<void()> task)
{
    m_queue.push(Event {std::max(time, now()), m_order++, std::move(task)});
}

void Scheduler::every(double period, std::function<void()> task, double phase)
{
    auto shared = std::make_shared<std::function<void()>>(std::move(task));
    auto step = std::make_shared<std::function<void()>>();
    *step = [this, period, shared, weak = std::weak_ptr<std::function<void()>>(step)] {
        (*shared)();
        if (auto self = weak.lock())
            after(period, *self);
    };
    m_repeating.push_back(step);
    after(phase, *step);
}

void Scheduler::runUntil(double time)
{
    while (!m_queue.empty() && m_queue.top().time <= time) {
        Event event = m_queue.top();
        m_queue.pop();
        m_clock.set(event.time);
        event.task();
    }
    m_clock.set(std::max(time, now()));
}

} // namespace lockstep::sim
