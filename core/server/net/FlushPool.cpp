#include "FlushPool.h"

#include <QLoggingCategory>

#include <system_error>

Q_DECLARE_LOGGING_CATEGORY(lcServer)

namespace lockstep::server::net {

FlushPool::FlushPool(std::size_t threads) : m_wanted(threads > 0 ? threads : 1)
{
}

FlushPool::~FlushPool()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    for (std::thread &thread : m_threads)
        thread.join();
}

void FlushPool::start()
{
    m_started = true;
    m_threads.reserve(m_wanted - 1);
    for (std::size_t part = 1; part < m_wanted; ++part) {
        try {
            // The generation is handed over, not read by the thread: the
            // first job may be posted before the thread gets to look.
            m_threads.emplace_back(&FlushPool::work, this, part, m_generation);
        } catch (const std::system_error &error) {
            // Fewer threads (or none) only makes the flush slower.
            qCWarning(lcServer) << "cannot start a flush thread:" << error.what();
            break;
        }
    }
}

void FlushPool::runErased(Trampoline job, void *context)
{
    if (!m_started)
        start();
    const std::size_t parts = m_threads.size() + 1;
    if (parts == 1) {
        job(context, 0, 1);
        return;
    }
    {
        const std::lock_guard lock(m_mutex);
        m_job = job;
        m_context = context;
        m_pending = m_threads.size();
        ++m_generation;
    }
    m_wake.notify_all();
    job(context, 0, parts);
    std::unique_lock lock(m_mutex);
    m_done.wait(lock, [this] { return m_pending == 0; });
}

void FlushPool::work(std::size_t part, std::uint64_t seen)
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [&] { return m_stopping || m_generation != seen; });
        if (m_stopping)
            return;
        seen = m_generation;
        const Trampoline job = m_job;
        void *const context = m_context;
        const std::size_t parts = m_threads.size() + 1;
        lock.unlock();
        job(context, part, parts);
        lock.lock();
        if (--m_pending == 0)
            m_done.notify_one();
    }
}

} // namespace lockstep::server::net
