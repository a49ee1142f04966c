#pragma once

#include <QMetaObject>
#include <QObject>
#include <QString>
#include <QThread>

#include <type_traits>
#include <utility>

namespace lockstep::room {

// A thread of its own for network objects that must never wait for the GUI
// thread: the player there blocks it for up to seconds on a seek (Qt 6.4's
// GStreamer backend), and a room, or the stream a player is waiting for, must
// not stop meanwhile. Objects are made, used and deleted on the thread through
// call() (runs a function there and waits for its result: for set-up, and for
// questions with an answer) and post() (queued: for commands); their signals
// reach objects on the GUI thread queued, as any signal across threads. The
// GUI thread only ever waits for this thread, never the other way round, so
// the two cannot deadlock.
class NetworkThread
{
public:
    explicit NetworkThread(const QString &name);
    // Quits and joins the thread: whatever was made on it must be gone by then.
    ~NetworkThread();
    NetworkThread(const NetworkThread &) = delete;
    NetworkThread &operator=(const NetworkThread &) = delete;

    template<typename F>
    std::invoke_result_t<F> call(F &&function)
    {
        using Result = std::invoke_result_t<F>;
        if (QThread::currentThread() == &m_thread)
            return function();
        if constexpr (std::is_void_v<Result>) {
            QMetaObject::invokeMethod(m_context, std::forward<F>(function),
                                      Qt::BlockingQueuedConnection);
        } else {
            Result result {};
            QMetaObject::invokeMethod(
                m_context, [&result, &function] { result = function(); },
                Qt::BlockingQueuedConnection);
            return result;
        }
    }

    template<typename F>
    void post(F &&function)
    {
        QMetaObject::invokeMethod(m_context, std::forward<F>(function), Qt::QueuedConnection);
    }

    QThread *thread() { return &m_thread; }

private:
    QThread m_thread;
    QObject *m_context; // lives on m_thread; what call() and post() run in
};

} // namespace lockstep::room
