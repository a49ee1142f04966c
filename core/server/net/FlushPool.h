#pragma once

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <thread>
#include <vector>

namespace lockstep::server::net {

// A few persistent threads that share out one job with the calling thread:
// the sends of a broadcast to thousands of connections. The threads start at
// the first job and live as long as the pool; where they cannot start, the
// calling thread does the whole job alone.
class FlushPool
{
public:
    // Up to `threads` parts per job, the calling thread's included.
    explicit FlushPool(std::size_t threads);
    ~FlushPool();
    FlushPool(const FlushPool &) = delete;
    FlushPool &operator=(const FlushPool &) = delete;

    // Calls job(part, parts) once for each part in [0, parts), part 0 on
    // this thread, and returns when all are done. Each part must touch only
    // what no other part touches.
    template<typename Job>
    void run(Job &job)
    {
        runErased([](void *context, std::size_t part,
                     std::size_t parts) { (*static_cast<Job *>(context))(part, parts); },
                  &job);
    }

private:
    using Trampoline = void (*)(void *, std::size_t, std::size_t);

    void runErased(Trampoline job, void *context);
    void start();
    void work(std::size_t part, std::uint64_t seen);

    std::size_t m_wanted;
    bool m_started = false;
    std::vector<std::thread> m_threads;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_done;
    std::uint64_t m_generation = 0;
    std::size_t m_pending = 0;
    bool m_stopping = false;
    Trampoline m_job = nullptr;
    void *m_context = nullptr;
};

} // namespace lockstep::server::net
